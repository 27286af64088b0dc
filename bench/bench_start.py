"""Goal 5 of issue 12: start-up and idle cost of ``make run``.

A cold ``make run`` (a fresh data folder: PostgreSQL initialised, every migration, reference data), stopped,
then a warm one on the same folder (set-up steps whose inputs did not change are skipped); each timed from the
command to its "ready" line (four healthy processes). The warm stack is then left idle: over ``IDLE_SECONDS``
the CPU of the four processes, the supervisor and PostgreSQL, their RSS, and the lines the whole stack logs.

Command: ``.venv/bin/python bench/bench_start.py`` (also run by ``make bench``); ``PHAEN_BENCH_IDLE_SECONDS``
sets the idle window (default 30).
"""

from __future__ import annotations

import os
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import psutil
import stack as st

IDLE_SECONDS = float(os.environ.get("PHAEN_BENCH_IDLE_SECONDS", "30"))
SETTLE_SECONDS = 5.0
COMMAND = ".venv/bin/python bench/bench_start.py"


def stack_processes(s: st.Stack) -> dict[str, psutil.Process]:
    """The four services, the supervisor (``make run`` and its Python) and PostgreSQL's processes."""
    procs: dict[str, psutil.Process] = {name: psutil.Process(pid) for name, pid in s.find_pids().items()}
    top = psutil.Process(s.proc.pid)
    procs["make run (supervisor)"] = top
    for child in top.children(recursive=True):
        if child.pid not in {p.pid for p in procs.values()}:
            procs[f"supervisor {child.pid}"] = child
    pgdata = str(s.data_dir / "pg")
    for p in psutil.process_iter(["cmdline", "name"]):
        try:
            if "postgres" in (p.info["name"] or "") and pgdata in " ".join(p.info["cmdline"] or []):
                procs["postgresql"] = p
                for child in p.children(recursive=True):
                    procs[f"postgresql {child.pid}"] = child
        except psutil.Error:
            continue
    return procs


def cpu_of(procs: dict[str, psutil.Process]) -> dict[str, float]:
    out = {}
    for name, p in procs.items():
        try:
            t = p.cpu_times()
            out[name] = t.user + t.system
        except psutil.Error:
            out[name] = 0.0
    return out


def main() -> None:
    began = time.monotonic()
    cold = st.start()
    cold_seconds = cold.ready_seconds
    cold.stop()
    warm = st.start(data_dir=cold.data_dir, password=cold.password, ports=cold.ports)
    try:
        warm_seconds = warm.ready_seconds
        time.sleep(SETTLE_SECONDS)
        procs = stack_processes(warm)
        log_before = warm.log_path.stat().st_size
        lines_before = warm.log().count("\n")
        cpu_before = cpu_of(procs)
        t0 = time.monotonic()
        time.sleep(IDLE_SECONDS)
        wall = time.monotonic() - t0
        cpu_after = cpu_of(procs)
        idle_log = warm.log()[log_before:] if warm.log_path.stat().st_size > log_before else ""
        lines = warm.log().count("\n") - lines_before
        rss = {name: st.rss_mib(pid) for name, pid in warm.pids.items()}
    finally:
        warm.stop()
    services = ("gateway", "registry", "budget", "reports")
    cpu = {name: (cpu_after[name] - cpu_before.get(name, 0.0)) for name in cpu_after}
    stack_cpu = sum(cpu.values()) / wall * 100
    service_cpu = {name: cpu.get(name, 0.0) / wall * 100 for name in services}
    pg_cpu = sum(v for k, v in cpu.items() if k.startswith("postgresql")) / wall * 100
    load = os.getloadavg()

    def verdict(ok: bool) -> str:
        return "**met**" if ok else "**not met**"

    print("## Start-up and idle (goal 5)\n")
    print(
        f"Command: `{COMMAND}` ({time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC; Python "
        f"{platform.python_version()}, {os.cpu_count()} CPUs, load average at the end {load[0]:.1f} / {load[1]:.1f} "
        f"/ {load[2]:.1f}). `make run` on free ports in a fresh data folder (embedded PostgreSQL), timed to its "
        f"ready line (four healthy processes); then again on the same folder; then {IDLE_SECONDS:g} s idle, "
        "CPU as a share of one core.\n"
    )
    print("| goal | figure | goal | |")
    print("|---|---|---|---|")
    print(
        f"| cold `make run` to four healthy processes | {cold_seconds:.1f} s | < 60 s | {verdict(cold_seconds < 60)} |"
    )
    print(
        f"| warm `make run` to four healthy processes | {warm_seconds:.1f} s | ≤ 10 s | {verdict(warm_seconds <= 10)} |"
    )
    worst = max(rss.values())
    print(
        "| RSS of each process, idle | "
        + ", ".join(f"{k} {v:.0f} MiB" for k, v in rss.items())
        + f" | < 150 MB each | {verdict(worst * 1.048576 < 150)} |"
    )
    print(
        f"| CPU of the idle stack (services, supervisor, PostgreSQL) | {stack_cpu:.2f} % of one core "
        f"(services: {', '.join(f'{k} {v:.2f} %' for k, v in service_cpu.items())}; PostgreSQL {pg_cpu:.2f} %) "
        f"| < 1 % | {verdict(stack_cpu < 1)} |"
    )
    print(f"| lines logged by the idle stack in {IDLE_SECONDS:g} s | {lines} | 0 | {verdict(lines == 0)} |")
    if idle_log.strip():
        print("\nWhat the idle stack logged (first lines):\n\n```\n" + "\n".join(idle_log.splitlines()[:5]) + "\n```")
    print(f"\nWall time: {time.monotonic() - began:.0f} s.")


if __name__ == "__main__":
    main()

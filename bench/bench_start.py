"""Goal 5 of issue 12: start-up and idle cost of ``make run``.

A cold ``make run`` (a fresh data folder: PostgreSQL initialised, every migration, reference data), stopped,
then warm ones on the same folder (set-up steps whose inputs did not change are skipped); each timed from the
command to its "ready" line (four healthy processes), with the CPU time the whole start took (make, the
supervisor, the processes, PostgreSQL) and the phases ``make run`` reports. The warm starts alternate between
the processes forked from the supervisor's preloaded interpreter (the default) and plain processes
(``PHAEN_RUN_FORK=0``, each importing everything itself), ``ROUNDS`` of each; the median is reported. The last
warm stack is then left idle: over ``IDLE_SECONDS`` the CPU of the four processes, the supervisor and PostgreSQL,
their RSS, and the lines the whole stack logs.

Command: ``.venv/bin/python bench/bench_start.py`` (also run by ``make bench``); ``PHAEN_BENCH_IDLE_SECONDS``
sets the idle window (default 60: the budget's expiry sweep and audit-head signing run once a minute, the reports
consumer's fallback round every 30 s, and /proc counts CPU in 10 ms ticks: a 30 s window caught them or not by
chance), ``PHAEN_BENCH_START_ROUNDS`` the warm rounds of each kind (default 3).
"""

from __future__ import annotations

import os
import platform
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import psutil
import stack as st

IDLE_SECONDS = float(os.environ.get("PHAEN_BENCH_IDLE_SECONDS", "60"))
ROUNDS = int(os.environ.get("PHAEN_BENCH_START_ROUNDS", "3"))
# The phases `make run` reports, with the seconds since it began.
PHASES = {
    "shared libraries imported": re.compile(r"shared libraries imported \((\d+\.\d)s\)"),
    "embedded PostgreSQL up": re.compile(r"embedded PostgreSQL up \((\d+\.\d)s\)"),
    "ready line": re.compile(r"started in (\d+\.\d)s"),
}
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


def tree_cpu(s: st.Stack) -> float:
    """CPU seconds of the whole start so far: make and every process under it (reaped ones included), PostgreSQL."""
    total = 0.0
    for p in stack_processes(s).values():
        try:
            t = p.cpu_times()
            total += t.user + t.system + t.children_user + t.children_system
        except psutil.Error:
            continue
    return total


def phases(s: st.Stack) -> dict[str, float]:
    log = s.log()
    found = {name: float(m[1]) for name, rx in PHASES.items() if (m := rx.search(log))}
    return found


def warm_start(data: st.Stack, fork: bool) -> st.Stack:
    return st.start(
        data_dir=data.data_dir,
        password=data.password,
        ports=data.ports,
        extra_env=None if fork else {"PHAEN_RUN_FORK": "0"},
    )


def main() -> None:
    began = time.monotonic()
    cold = st.start()
    cold_seconds = cold.ready_seconds
    cold_cpu = tree_cpu(cold)
    cold.stop()
    runs: dict[bool, list[tuple[float, float, dict[str, float]]]] = {True: [], False: []}
    warm: st.Stack | None = None
    for i in range(ROUNDS):
        for fork in (False, True):
            if warm is not None:
                warm.stop()
            warm = warm_start(cold, fork)
            runs[fork].append((warm.ready_seconds, tree_cpu(warm), phases(warm)))
            if not (i == ROUNDS - 1 and fork):
                warm.stop()
                warm = None
    assert warm is not None
    try:
        warm_seconds = statistics.median(r[0] for r in runs[True])
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
        for name, p in procs.items():
            if name.startswith("supervisor ") and "run.py" in " ".join(p.cmdline()):
                rss["supervisor (run.py)"] = st.rss_mib(p.pid)
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
    plain = statistics.median(r[0] for r in runs[False])
    print(
        f"| warm `make run`, plain processes (`PHAEN_RUN_FORK=0`, each imports everything itself) | {plain:.1f} s "
        "| (comparison) | |"
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
    print(
        f"\nEach start, seconds to the ready line and CPU seconds of the whole start (make, supervisor, processes, "
        f"PostgreSQL), and the phases `make run` reports (seconds since it began). Cold: {cold_seconds:.1f} s, "
        f"{cold_cpu:.1f} s of CPU.\n"
    )
    print("| warm start | ready (s) | CPU (s) | shared libraries imported | PostgreSQL up |")
    print("|---|---|---|---|---|")
    for fork in (True, False):
        for ready, cpu_s, ph in runs[fork]:
            libs, db = ph.get("shared libraries imported", float("nan")), ph.get("embedded PostgreSQL up", float("nan"))
            kind = "forked (default)" if fork else "plain processes"
            print(f"| {kind} | {ready:.1f} | {cpu_s:.1f} | {libs:.1f} | {db:.1f} |")
    print(f"\nWall time: {time.monotonic() - began:.0f} s.")


if __name__ == "__main__":
    main()

"""``make bench``: run every benchmark in its own process; record wall time and peak RSS of each.

Each ``bench/bench_*.py`` prints a markdown section (its own measurements, ratios measured side by side in the
same run). This script adds the process-level time and peak memory and writes ``bench/RESULTS.md``.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The known benchmarks first, in this order; any other bench/bench_*.py after them, alphabetically.
ORDER = ["bench_start.py", "bench_requests.py", "bench_registry.py", "bench_budget.py", "bench_reports.py"]
# Tools for profiling one part alone, not benchmarks of their own (bench_requests.py measures the same side by side).
PROFILING_ONLY = {"bench_edge.py"}
# Written by hand (what the profiles showed and what each change saved); put into RESULTS.md after the figures.
FINDINGS = "PROFILE.md"


def discover(only: set[str]) -> list[Path]:
    """ORDER's scripts that exist, then every other ``bench_*.py`` alphabetically; ``only`` narrows by name."""
    here = ROOT / "bench"
    known = [here / n for n in ORDER if (here / n).exists()]
    rest = sorted(p for p in here.glob("bench_*.py") if p.name not in ORDER and p.name not in PROFILING_ONLY)
    return [p for p in known + rest if not only or p.name in only]


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def run(script: Path) -> tuple[str, float, int, int]:
    """Run one benchmark; return (stdout, seconds, peak RSS in KiB, exit code)."""
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, str(script)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return out, time.perf_counter() - started, usage.ru_maxrss, proc.returncode


def main() -> int:
    only = set(sys.argv[1:])
    scripts = discover(only)
    sections = []
    summary = ["| benchmark | wall time (s) | peak RSS of the benchmark process (MiB) | exit |", "|---|---|---|---|"]
    failed = False
    for script in scripts:
        print(f"[bench] {script.name} ...", flush=True)
        out, secs, rss_kib, code = run(script)
        failed |= code != 0
        summary.append(f"| {script.name} | {secs:.1f} | {rss_kib / 1024:.0f} | {code} |")
        sections.append(out.strip())
        print(out, flush=True)
    header = [
        "# Benchmark results",
        "",
        f"Made by `make bench` (`python bench/run_all.py`) on {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, "
        f"{os.cpu_count()} cores ({_cpu_model()}), Python {platform.python_version()}, {platform.machine()}, "
        f"{platform.node()}; load average at the end {os.getloadavg()[0]:.1f}. "
        "Machines here are noisy: compare ratios measured side by side in one run, not absolute numbers across "
        "runs. Peak RSS is the benchmark process's own (`wait4` ru_maxrss); servers it starts report theirs in "
        "their sections where measured.",
        "",
        *summary,
        "",
    ]
    findings = ROOT / "bench" / FINDINGS
    if findings.exists():
        sections.append(findings.read_text().strip())
    (ROOT / "bench" / "RESULTS.md").write_text("\n".join(header) + "\n" + "\n\n".join(sections) + "\n")
    print("[bench] wrote bench/RESULTS.md")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

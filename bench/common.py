"""Helpers for benchmarks: an embedded database, servers on free ports, load loops, peak RSS."""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def embedded_database(name: str) -> tuple[object, str]:
    """A throwaway embedded PostgreSQL and a fresh database in it."""
    from phaen_common.devdb import EmbeddedPostgres

    pg = EmbeddedPostgres(Path(tempfile.mkdtemp(prefix=f"phaen-bench-{name}-")), delete_on_stop=True)
    return pg, pg.create_database(name)


def serve(module: str, port: int, env: dict[str, str], *, app: str | None = None) -> subprocess.Popen[bytes]:
    """Start ``uvicorn <module>.main:create_app`` (or the factory ``app``, from bench/) and wait for /healthz."""
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            app or f"{module}.main:create_app",
            "--factory",
            "--app-dir",
            str(ROOT / "bench"),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--no-access-log",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2):
                return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError(f"{module} did not start")


def rss_mib(proc: subprocess.Popen[bytes]) -> float:
    """Peak RSS (VmHWM) of a running server process, MiB."""
    try:
        with open(f"/proc/{proc.pid}/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float(psutil.Process(proc.pid).memory_info().rss) / 2**20


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    return s[min(len(s) - 1, round(q / 100 * (len(s) - 1)))]


def summarize(latencies_s: list[float]) -> dict[str, float]:
    ms = [x * 1000 for x in latencies_s]
    return {"p50": percentile(ms, 50), "p99": percentile(ms, 99), "mean": statistics.fmean(ms) if ms else 0.0}


def env_with(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PHAEN_")}
    env.update(extra)
    env.setdefault("PYTHONUNBUFFERED", "1")
    return env


async def fill_rollups(url: str) -> float:
    """Fill the reports read model's rollups from its rows in SQL, as after a bulk load (seconds taken)."""
    from phaen_common.db import Database
    from phaen_reports.projections.rollups import rebuild_from_rows

    db = Database(url)
    t = time.perf_counter()
    try:
        async with db.sessionmaker() as session, session.begin():
            await rebuild_from_rows(session)
    finally:
        await db.dispose()
    return time.perf_counter() - t

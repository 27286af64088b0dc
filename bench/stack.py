"""The real ``make run`` for benchmarks: free ports, a throwaway data folder, each process's pid and CPU time."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT, free_port

NAMES = ("gateway", "registry", "budget", "reports")
TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """utime + stime of one process, from /proc/<pid>/stat."""
    with open(f"/proc/{pid}/stat") as fh:
        fields = fh.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def rss_mib(pid: int) -> float:
    with open(f"/proc/{pid}/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


@dataclass
class Stack:
    proc: subprocess.Popen[bytes]
    data_dir: Path
    ports: dict[str, int]
    password: str
    log_path: Path
    ready_seconds: float
    pids: dict[str, int] = field(default_factory=dict)

    def url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.ports[name]}"

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def find_pids(self) -> dict[str, int]:
        """The uvicorn process of each service (children of ``make run``)."""
        found: dict[str, int] = {}
        for child in psutil.Process(self.proc.pid).children(recursive=True):
            try:
                cmd = " ".join(child.cmdline())
            except psutil.Error:
                continue
            for name in NAMES:
                if f"phaen_{name}.main:create_app" in cmd:
                    found[name] = child.pid
        self.pids = found
        return found

    @property
    def database_url(self) -> str:
        """The embedded PostgreSQL ``make run`` started (its socket folder and port from ``postmaster.pid``; the
        processes are forked from ``make run``, so their ``/proc/<pid>/environ`` is not the one they were given)."""
        lines = (self.data_dir / "pg" / "postmaster.pid").read_text().splitlines()
        port, socket_dir = lines[3].strip(), lines[4].strip()
        return f"postgresql://postgres@/phaen?host={socket_dir}&port={port}"

    def token(self, username: str = "admin", password: str | None = None) -> str:
        data = f"grant_type=password&username={username}&password={password or self.password}".encode()
        req = urllib.request.Request(
            f"{self.url('gateway')}/v1/auth/token",
            data=data,
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
        with urllib.request.urlopen(req, timeout=30) as resp:
            return str(json.loads(resp.read())["access_token"])

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGINT)
            try:
                self.proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()


def start(
    data_dir: Path | None = None,
    password: str | None = None,
    extra_env: dict[str, str] | None = None,
    timeout: float = 240,
    ports: dict[str, int] | None = None,
) -> Stack:
    """Start ``make run``; return once it says it is ready (the time it took is ``ready_seconds``).

    A warm start passes the ``data_dir``, ``password`` and ``ports`` of an earlier one (its settings unchanged).
    """
    data_dir = data_dir or Path(tempfile.mkdtemp(prefix="phaen-bench-run-"))
    ports = ports or {name: free_port() for name in NAMES}
    # Nothing of the caller's PHAEN_ settings but the run knobs (PHAEN_RUN_*: forked or not, one write or not).
    env = {k: v for k, v in os.environ.items() if not k.startswith("PHAEN_") or k.startswith("PHAEN_RUN_")}
    env.update({f"PHAEN_{name.upper()}_PORT": str(port) for name, port in ports.items()})
    password = password or "bench-" + os.urandom(8).hex()
    env.update({"PHAEN_DATA_DIR": str(data_dir), "PHAEN_ADMIN_PASSWORD": password})
    env.update(extra_env or {})
    log_path = data_dir / f"make-run-{os.urandom(3).hex()}.log"
    started = time.monotonic()
    with log_path.open("w") as log:
        proc = subprocess.Popen(
            ["make", "--no-print-directory", "run"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    stack = Stack(proc, data_dir, ports, password, log_path, 0.0)
    deadline = started + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"make run exited early ({proc.returncode}):\n{stack.log()[-3000:]}")
        if "ready: gateway on" in stack.log():
            stack.ready_seconds = time.monotonic() - started
            stack.find_pids()
            return stack
        time.sleep(0.1)
    stack.stop()
    raise RuntimeError(f"make run not ready in {timeout:.0f} s:\n{stack.log()[-3000:]}")


def call(method: str, url: str, token: str, body: Any = None, want: tuple[int, ...] = (200, 201)) -> Any:
    """One JSON request with urllib (set-up only; the load goes through ``loadgen.py``)."""
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method, headers={"Authorization": f"Bearer {token}"})
    if data is not None:
        req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=60) as resp:
            raw = resp.read()
            status = resp.status
    except urllib.error.HTTPError as exc:
        raw, status = exc.read(), exc.code
    if status not in want:
        raise RuntimeError(f"{method} {url}: {status} {raw[:300]!r}")
    return json.loads(raw) if raw else None

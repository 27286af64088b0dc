"""The real `make run` on free ports in a throwaway data folder, for end-to-end tests."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from http.cookiejar import CookieJar, DefaultCookiePolicy
from pathlib import Path

import httpx

from phaen_gateway.testing import FAST_HASHING

ROOT = Path(__file__).resolve().parent.parent


_HTTP: httpx.Client | None = None


def http() -> httpx.Client:
    """The test process's one HTTP client for the stacks (thread-safe; requests give their own timeout).

    Every `httpx.request(...)` builds a client, and building one loads the CA bundle: ~40 ms of CPU, which was
    most of the test side's CPU in the authorization matrix walk (~1,750 requests). One client also keeps its
    connections open between requests. Idle connections are dropped after 2 s, before uvicorn closes them (5 s).
    It keeps no cookies, as a client per request kept none.
    """
    global _HTTP
    if _HTTP is None:
        no_cookies = CookieJar(policy=DefaultCookiePolicy(allowed_domains=[]))
        limits = httpx.Limits(max_keepalive_connections=32, keepalive_expiry=2.0)
        _HTTP = httpx.Client(limits=limits, cookies=no_cookies)
    return _HTTP


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Stack:
    """A running `make run`."""

    proc: subprocess.Popen[str]
    data_dir: Path
    ports: dict[str, int]
    admin_password: str
    log_path: Path
    stopped: bool = False
    exit_code: int | None = None
    tokens: dict[str, str] = field(default_factory=dict)
    attached: bool = False  # a `make run` the tests did not start: never stopped by them

    @property
    def gateway(self) -> str:
        return f"http://127.0.0.1:{self.ports['gateway']}"

    def url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.ports[name]}"

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def stop(self) -> int:
        """Ctrl-C, as a person would; wait for everything to end."""
        if not self.stopped:
            self.stopped = True
            try:
                os.killpg(self.proc.pid, signal.SIGINT)
            except ProcessLookupError:
                pass
            try:
                self.exit_code = self.proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.exit_code = self.proc.wait()
        return self.exit_code if self.exit_code is not None else -1

    def restart(self) -> None:
        """Start `make run` again on the same data folder and password, in place of this stopped one."""
        again = start_stack(self.data_dir, self.admin_password)
        self.proc, self.ports, self.log_path = again.proc, again.ports, again.log_path
        self.stopped, self.exit_code = False, None
        self.tokens.clear()


def start_stack(data_dir: Path | None = None, password: str | None = None) -> Stack:
    """Start `make run` and wait until it is ready; pass the data folder (and password) of an earlier run to reuse
    its data."""
    stack = launch_stack(data_dir, password)
    deadline = time.monotonic() + 480
    while time.monotonic() < deadline:
        if stack.proc.poll() is not None:
            raise AssertionError(f"make run exited early ({stack.proc.returncode}):\n{stack.log()[-4000:]}")
        if "ready: gateway on" in stack.log():
            return stack
        time.sleep(0.5)
    stack.stop()
    raise AssertionError(f"make run not ready in time:\n{stack.log()[-4000:]}")


def launch_stack(data_dir: Path | None = None, password: str | None = None) -> Stack:
    """Start `make run` on free ports (in its own session) and return at once, without waiting for it."""
    data_dir = data_dir or Path(tempfile.mkdtemp(prefix="phaen-run-"))
    ports = {name: free_port() for name in ("gateway", "registry", "budget", "reports")}
    env = {k: v for k, v in os.environ.items() if not k.startswith("PHAEN_")}
    env.update({f"PHAEN_{name.upper()}_PORT": str(port) for name, port in ports.items()})
    password = password or "e2e-" + os.urandom(8).hex()
    env.update(
        {"PHAEN_DATA_DIR": str(data_dir), "PHAEN_ADMIN_PASSWORD": password, "PHAEN_REVOCATION_CACHE_SECONDS": "2"}
    )
    # Cheap argon2 for the test stack only (development accepts it, every other environment refuses it; the
    # production cost is checked by gateway/tests/test_house_password_cost.py): each user made and each login
    # of the end-to-end tests would otherwise hash at 64 MiB x 3 passes x 4 lanes.
    env.update({f"PHAEN_{name.upper()}": str(value) for name, value in FAST_HASHING.items()})
    log_path = data_dir / f"make-run-{os.urandom(3).hex()}.log"
    log = log_path.open("w")
    proc = subprocess.Popen(
        ["make", "--no-print-directory", "run"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    return Stack(proc=proc, data_dir=data_dir, ports=ports, admin_password=password, log_path=log_path)


def attach_stack(data_dir: Path) -> Stack:
    """A `make run` someone else started (see tests/conftest.py): never stopped by the tests."""
    import json

    info = json.loads((data_dir / "e2e-attach.json").read_text())
    stack = Stack(
        proc=None,  # type: ignore[arg-type]
        data_dir=data_dir,
        ports=info["ports"],
        admin_password=info["admin_password"],
        log_path=Path(info["log"]),
    )
    stack.attached = True
    return stack


def login(stack: Stack, username: str, password: str) -> str:
    r = http().post(
        f"{stack.gateway}/v1/auth/token",
        data={"grant_type": "password", "username": username, "password": password},
        timeout=30,
    )
    assert r.status_code == 200, r.text
    return str(r.json()["access_token"])


PACKAGES = {
    "gateway": "phaen_gateway",
    "registry": "phaen_registry",
    "budget": "phaen_budget",
    "reports": "phaen_reports",
}


def database_url(stack: Stack) -> str:
    """The URL of the stack's embedded PostgreSQL (its socket directory and port from postmaster.pid)."""
    lines = (stack.data_dir / "pg" / "postmaster.pid").read_text().splitlines()
    port, socket_dir = lines[3].strip(), lines[4].strip()
    return f"postgresql://postgres@/phaen?host={socket_dir}&port={port}"


def extra_process_env(stack: Stack, **settings: str) -> dict[str, str]:
    """The environment of one more process beside the stack: its database, data folder and admin, plus ``settings``
    (none of the caller's own PHAEN_ settings leak in)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PHAEN_")}
    env.update(
        {
            "PHAEN_DATA_DIR": str(stack.data_dir),
            "PHAEN_DATABASE_URL": database_url(stack),
            "PHAEN_ADMIN_PASSWORD": stack.admin_password,
            "PHAEN_REVOCATION_CACHE_SECONDS": "2",
            **settings,
        }
    )
    return env


def start_replicas(stack: Stack) -> tuple[dict[str, int], list[subprocess.Popen[bytes]]]:
    """A second replica of every process on its own port, against the stack's database and data folder.

    The second gateway routes to the second replicas, and they take their keys from the second gateway, so a
    request through it never touches the first set. Returns the ports and the processes (stop them).
    """
    ports = {name: free_port() for name in PACKAGES}
    env = extra_process_env(
        stack, **{f"PHAEN_{name.upper()}_URL": f"http://127.0.0.1:{port}" for name, port in ports.items()}
    )
    procs = []
    for name, pkg in PACKAGES.items():
        cmd = [sys.executable, "-m", "uvicorn", f"{pkg}.main:create_app", "--factory", "--port", str(ports[name])]
        log = (stack.data_dir / f"replica-{name}.log").open("wb")
        procs.append(subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=log))
    deadline = time.monotonic() + 120
    pending = dict(ports)
    while pending and time.monotonic() < deadline:
        for name, port in list(pending.items()):
            try:
                if http().get(f"http://127.0.0.1:{port}/readyz", timeout=2).status_code == 200:
                    del pending[name]
            except httpx.HTTPError:
                pass
        time.sleep(0.3)
    if pending:
        for proc in procs:
            proc.terminate()
        raise AssertionError(f"replicas not ready: {sorted(pending)}")
    return ports, procs

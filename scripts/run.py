"""``make run``: database, migrations, reference data, then the four processes until Ctrl-C/SIGTERM.

With no ``PHAEN_DATABASE_URL`` an embedded PostgreSQL is started in ``$PHAEN_DATA_DIR/pg`` (default
``.data/``) and stopped cleanly at the end; a second run reuses the data.
"""

from __future__ import annotations

import importlib.util
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable

# name, python package, default port, env var for the port
PROCESSES = [
    ("registry", "phaen_registry", 8001, "PHAEN_REGISTRY_PORT"),
    ("budget", "phaen_budget", 8002, "PHAEN_BUDGET_PORT"),
    ("reports", "phaen_reports", 8003, "PHAEN_REPORTS_PORT"),
    ("gateway", "phaen_gateway", 8000, "PHAEN_GATEWAY_PORT"),
]
SETUP_ORDER = ["phaen_gateway", "phaen_registry", "phaen_budget", "phaen_reports"]


def say(msg: str) -> None:
    print(f"[phaen] {msg}", flush=True)


def port_of(env_var: str, default: int) -> int:
    return int(os.environ.get(env_var, default))


def run_setup(env: dict[str, str]) -> None:
    """Migrate every service and load reference data (each step idempotent)."""
    for pkg in SETUP_ORDER:
        module = f"{pkg}.setup" if pkg != "phaen_gateway" else f"{pkg}.bootstrap"
        if importlib.util.find_spec(module) is None:
            raise SystemExit(f"missing set-up module {module}")
        say(f"set-up: {module}")
        started = time.monotonic()
        subprocess.run([PY, "-m", module], env=env, cwd=ROOT, check=True)
        say(f"set-up: {module} done in {time.monotonic() - started:.1f}s")


def wait_healthy(urls: list[str], procs: list[subprocess.Popen[bytes]], timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    pending = list(urls)
    while pending and time.monotonic() < deadline:
        for p in procs:
            if p.poll() is not None:
                raise SystemExit(f"a process exited during start-up (code {p.returncode})")
        for url in list(pending):
            try:
                with urllib.request.urlopen(url, timeout=2) as resp:  # noqa: S310 - our own loopback URL
                    if resp.status == 200:
                        pending.remove(url)
            except OSError:
                pass
        time.sleep(0.3)
    if pending:
        raise SystemExit(f"not healthy in time: {pending}")


def stop_all(procs: list[subprocess.Popen[bytes]]) -> None:
    for p in procs:
        if p.poll() is None:
            p.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + 15
    for p in procs:
        try:
            p.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()


def main() -> int:
    data_dir = Path(os.environ.get("PHAEN_DATA_DIR", ROOT / ".data")).resolve()
    data_dir.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    env["PHAEN_DATA_DIR"] = str(data_dir)
    env.setdefault("PYTHONUNBUFFERED", "1")
    pg = None
    if not env.get("PHAEN_DATABASE_URL"):
        from phaen_common.devdb import EmbeddedPostgres

        say(f"starting embedded PostgreSQL in {data_dir / 'pg'}")
        pg = EmbeddedPostgres(data_dir)
        env["PHAEN_DATABASE_URL"] = pg.create_database("phaen")
    else:
        say("using PHAEN_DATABASE_URL")
    # The reports service's client secret: the gateway's set-up writes it to the data folder, reports reads it.
    host = env.get("PHAEN_BIND_HOST", "127.0.0.1")
    gateway_port = port_of("PHAEN_GATEWAY_PORT", 8000)
    for name, _pkg, default, var in PROCESSES:
        env.setdefault(f"PHAEN_{name.upper()}_URL", f"http://127.0.0.1:{port_of(var, default)}")
    env.setdefault("PHAEN_GATEWAY_URL", f"http://127.0.0.1:{gateway_port}")

    procs: list[subprocess.Popen[bytes]] = []
    stopping = False

    def on_signal(signum: int, _frame: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    code = 0
    try:
        run_setup(env)
        for name, pkg, default, var in PROCESSES:
            port = port_of(var, default)
            cmd = [
                PY,
                "-m",
                "uvicorn",
                f"{pkg}.main:create_app",
                "--factory",
                "--host",
                host,
                "--port",
                str(port),
                "--no-access-log",
                "--timeout-graceful-shutdown",
                "5",
            ]
            procs.append(subprocess.Popen(cmd, env=env, cwd=ROOT))
            say(f"{name} starting on http://{host}:{port}")
        wait_healthy([f"http://127.0.0.1:{port_of(v, d)}/healthz" for _n, _p, d, v in PROCESSES], procs)
        admin_hint = (
            "from PHAEN_ADMIN_PASSWORD" if env.get("PHAEN_ADMIN_PASSWORD") else f"in {data_dir / 'admin-password'}"
        )
        say(
            f"ready: gateway on http://{host}:{gateway_port} (API docs at /v1/docs); "
            f"user 'admin', password {admin_hint}. Ctrl-C to stop."
        )
        while not stopping:
            for p in procs:
                if p.poll() is not None:
                    say(f"a process exited unexpectedly (code {p.returncode}); stopping")
                    stopping = True
                    code = 1
            time.sleep(0.5)
    except (SystemExit, subprocess.CalledProcessError) as exc:
        say(f"start-up failed: {exc}")
        code = 1
    finally:
        say("stopping")
        stop_all(procs)
        if pg is not None:
            pg.stop()
            say("embedded PostgreSQL stopped")
    return code


if __name__ == "__main__":
    sys.exit(main())

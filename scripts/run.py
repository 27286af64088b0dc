"""``make run``: database, migrations, reference data, then the four processes until Ctrl-C/SIGTERM.

With no ``PHAEN_DATABASE_URL`` an embedded PostgreSQL is started in ``$PHAEN_DATA_DIR/pg`` (default
``.data/``) and stopped cleanly at the end; a second run reuses the data.

A warm start does not wait for the database before starting the processes: when the data folder's copy of the
set-up stamps (``setup-stamps.json``, written after the last successful set-up) matches the fingerprints, the
four processes start while PostgreSQL is still coming up (each answers 503 on ``/readyz`` until its database
does). The stamps in the database stay the authority: if they disagree once it is up, the processes are stopped,
the set-up runs, and they start again.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

import prefork
from supervisor import Child, Process, Supervisor

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable

# name, python package, default port, env var for the port
PROCESSES = [
    ("registry", "phaen_registry", 8001, "PHAEN_REGISTRY_PORT"),
    ("budget", "phaen_budget", 8002, "PHAEN_BUDGET_PORT"),
    ("reports", "phaen_reports", 8003, "PHAEN_REPORTS_PORT"),
    ("gateway", "phaen_gateway", 8000, "PHAEN_GATEWAY_PORT"),
]
SECRET_FILE = re.compile(r"(secret|password)")
# Where the four processes listen, and how `make run` starts them: no set-up step reads these (a stack started
# again on other ports, as the end-to-end tests do, still skips its set-up).
NOT_SETUP_INPUT = re.compile(r"PHAEN_(GATEWAY|REGISTRY|BUDGET|REPORTS)_(PORT|URL)|PHAEN_BIND_HOST|PHAEN_RUN_\w+")
# No access log (a line per request; the apps log refused and failed requests themselves), no proxy headers (no
# proxy stands in front of `make run`: uvicorn would otherwise take a loopback caller's X-Forwarded-For as its
# address, and the login limit counts by address; tests/test_forwarded_for.py), uvloop and httptools (uvicorn's
# fastest loop and parser; both in uvicorn[standard]), the latter writing each response in one write
# (phaen_common/serving.py; PHAEN_RUN_ONE_WRITE=0 for stock httptools, to compare).
UVICORN_FLAGS = [
    "--no-access-log",
    "--no-proxy-headers",
    "--loop",
    "uvloop",
    "--http",
    "httptools" if os.environ.get("PHAEN_RUN_ONE_WRITE") == "0" else "phaen_common.serving:OneWriteHttpToolsProtocol",
    "--timeout-graceful-shutdown",
    "5",
]
SETUP_ORDER = ["phaen_gateway", "phaen_registry", "phaen_budget", "phaen_reports"]
# The data folder's copy of the last completed set-up: its database URL and the four fingerprints.
LOCAL_STAMPS = "setup-stamps.json"
T0 = time.monotonic()


def say(msg: str) -> None:
    print(f"[phaen] {msg}", flush=True)


def since_start() -> str:
    return f"{time.monotonic() - T0:.1f}s"


def port_of(env_var: str, default: int) -> int:
    return int(os.environ.get(env_var, default))


def setup_module(pkg: str) -> str:
    return f"{pkg}.setup" if pkg != "phaen_gateway" else f"{pkg}.bootstrap"


def package_dir(pkg: str) -> Path:
    """The folder of a top-level package, found without importing it."""
    spec = importlib.util.find_spec(pkg)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"missing package {pkg}")
    return Path(next(iter(spec.submodule_search_locations)))


def fingerprint(pkg: str, env: dict[str, str], data_dir: Path) -> str:
    """What a set-up step depends on: its package's files, the PHAEN_ settings (but ``NOT_SETUP_INPUT``), and the
    data folder's secret files.

    A warm start whose fingerprint matches the one stored after the last successful run skips the step.
    """
    root = package_dir(pkg)
    h = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            h.update(str(path.relative_to(root)).encode())
            h.update(path.read_bytes())
    for key in sorted(k for k in env if k.startswith("PHAEN_") and not NOT_SETUP_INPUT.fullmatch(k)):
        h.update(f"{key}={env[key]}".encode())
    # The secrets a step writes into the data folder: if one is gone, the step must run again. (Other files
    # there, such as keys a service writes while serving, are not the set-up's business.)
    for name in sorted(p.name for p in data_dir.iterdir() if p.is_file() and SECRET_FILE.search(p.name)):
        h.update(name.encode())
    return h.hexdigest()


class SetupStamps:
    """Fingerprints of completed set-up steps, kept in the database itself (a fresh database runs everything)."""

    def __init__(self, url: str) -> None:
        self.url = url.replace("postgresql+asyncpg://", "postgresql://")

    def _connect(self) -> Any:
        import psycopg

        return psycopg.connect(self.url, autocommit=True, connect_timeout=10)

    def done(self) -> dict[str, str]:
        with self._connect() as conn:
            conn.execute(
                "CREATE TABLE IF NOT EXISTS public.phaen_setup_stamps "
                "(module text PRIMARY KEY, fingerprint text NOT NULL, at timestamptz NOT NULL DEFAULT now())"
            )
            return dict(conn.execute("SELECT module, fingerprint FROM public.phaen_setup_stamps").fetchall())

    def mark(self, module: str, value: str) -> None:
        with self._connect() as conn:
            conn.execute(
                "INSERT INTO public.phaen_setup_stamps (module, fingerprint) VALUES (%s, %s) "
                "ON CONFLICT (module) DO UPDATE SET fingerprint = excluded.fingerprint, at = now()",
                (module, value),
            )


def fingerprints(env: dict[str, str], data_dir: Path) -> dict[str, str]:
    """Each set-up module's fingerprint under ``env``."""
    return {setup_module(pkg): fingerprint(pkg, env, data_dir) for pkg in SETUP_ORDER}


def read_local_stamps(data_dir: Path) -> dict[str, Any]:
    """The data folder's copy of the last completed set-up (``{}`` if none or unreadable)."""
    try:
        found = json.loads((data_dir / LOCAL_STAMPS).read_text())
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def write_local_stamps(data_dir: Path, database_url: str, prints: dict[str, str]) -> None:
    tmp = data_dir / f".{LOCAL_STAMPS}.tmp"
    tmp.write_text(json.dumps({"database_url": database_url, "fingerprints": prints}))
    tmp.replace(data_dir / LOCAL_STAMPS)


def run_setup(
    env: dict[str, str], data_dir: Path, before_changes: Callable[[], None] | None = None, *, fork: bool = False
) -> bool:
    """Migrate every service and load reference data; steps whose inputs did not change are skipped.

    The four steps run in parallel, each in its own schema: the gateway mints the internal clients' secrets into
    the data folder, which only the services' processes read (started after every step), never their set-up.
    ``before_changes`` runs first if any step has work to do; ``fork``: the steps are forked from this interpreter
    (its shared libraries imported, see prefork.py). Returns whether any step ran.
    """
    stamps = SetupStamps(env["PHAEN_DATABASE_URL"])
    done = stamps.done()
    todo: list[tuple[str, str]] = []
    for pkg in SETUP_ORDER:
        module = setup_module(pkg)
        # Looked for as a file: find_spec of a submodule imports its package (~1 s of CPU for the four).
        if not (package_dir(pkg) / f"{module.rsplit('.', 1)[1]}.py").is_file():
            raise SystemExit(f"missing set-up module {module}")
        if done.get(module) == fingerprint(pkg, env, data_dir):
            say(f"set-up: {module} unchanged, skipped")
        else:
            todo.append((pkg, module))
    if not todo:
        return False
    if before_changes is not None:
        before_changes()
    running: list[tuple[str, str, float, Process]] = []
    for pkg, module in todo:
        say(f"set-up: {module}")
        step: Process = (
            prefork.fork_module(module, env, ROOT) if fork else subprocess.Popen([PY, "-m", module], env=env, cwd=ROOT)
        )
        running.append((pkg, module, time.monotonic(), step))
    for _pkg, module, started, step in running:
        if step.wait() != 0:
            raise SystemExit(f"set-up step {module} failed (code {step.returncode})")
        say(f"set-up: {module} done in {time.monotonic() - started:.1f}s")
    # Fingerprints are taken after the whole batch: a step may add files to the data folder.
    for pkg, module, _started, _proc in running:
        stamps.mark(module, fingerprint(pkg, env, data_dir))
    return True


class DatabaseStart:
    """The embedded PostgreSQL, started in a thread while the processes import (``result()`` waits for it)."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.pg: Any = None
        self.url: str | None = None
        self.error: BaseException | None = None
        self._thread = threading.Thread(target=self._start, name="embedded-postgres", daemon=True)
        self._thread.start()

    def _start(self) -> None:
        try:
            from phaen_common.devdb import EmbeddedPostgres

            self.pg = EmbeddedPostgres(self.data_dir)
            self.url = self.pg.create_database("phaen")
        except BaseException as exc:  # handed to the main thread by result()
            self.error = exc

    def result(self) -> str:
        self._thread.join()
        if self.error is not None:
            raise SystemExit(f"embedded PostgreSQL did not start: {self.error!r}")
        assert self.url is not None
        say(f"embedded PostgreSQL up ({since_start()})")
        return self.url

    def wait(self) -> None:
        """Wait for the start to end, however it ends (to stop a server that came up during a failed start)."""
        self._thread.join()


def wait_healthy(
    urls: list[str],
    timeout: float = 600.0,
    stopping: Callable[[], bool] = lambda: False,
    tick: Callable[[], None] = lambda: None,
) -> None:
    """Poll each ``/readyz`` until it answers 200 (``tick`` between rounds: a process that dies is restarted)."""
    deadline = time.monotonic() + timeout
    pending = list(urls)
    while pending and time.monotonic() < deadline and not stopping():
        for url in list(pending):
            try:
                with urllib.request.urlopen(url, timeout=2) as resp:  # noqa: S310 - our own loopback URL
                    if resp.status == 200:
                        pending.remove(url)
            except OSError:
                pass
        tick()
        time.sleep(0.05)
    if pending and not stopping():
        raise SystemExit(f"not healthy in time: {pending}")


def service_children(env: dict[str, str], host: str, *, fork: bool) -> list[Child]:
    children = []
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
            *UVICORN_FLAGS,
        ]
        children.append(Child(name=name, cmd=cmd, env=env, cwd=ROOT, spawn=prefork.fork_uvicorn if fork else None))
    return children


def main() -> int:
    data_dir = Path(os.environ.get("PHAEN_DATA_DIR", ROOT / ".data")).resolve()
    data_dir.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    env["PHAEN_DATA_DIR"] = str(data_dir)
    env.setdefault("PYTHONUNBUFFERED", "1")
    embedded = not env.get("PHAEN_DATABASE_URL")
    database: DatabaseStart | None = None
    host = env.get("PHAEN_BIND_HOST", "127.0.0.1")
    gateway_port = port_of("PHAEN_GATEWAY_PORT", 8000)
    for name, _pkg, default, var in PROCESSES:
        env.setdefault(f"PHAEN_{name.upper()}_URL", f"http://127.0.0.1:{port_of(var, default)}")
    env.setdefault("PHAEN_GATEWAY_URL", f"http://127.0.0.1:{gateway_port}")
    fork = prefork.enabled()
    children: list[Child] = []

    def database_alive() -> bool:
        return database is None or database.pg is None or bool(database.pg.is_running())

    def revive_database() -> None:
        if database is not None and database.pg is not None:
            database.pg.ensure_running()

    supervisor = Supervisor(
        children,
        say=say,
        database_alive=database_alive if embedded else None,
        revive_database=revive_database if embedded else None,
    )

    def on_signal(signum: int, _frame: object) -> None:
        supervisor.stopping = True

    def start_children(why: str) -> None:
        children[:] = service_children(env, host, fork=fork)
        for name, _pkg, default, var in PROCESSES:
            say(f"{name} starting on http://{host}:{port_of(var, default)}{why}")
        supervisor.start_all()

    def stop_early_children(why: str) -> None:
        if children:
            say(f"{why}: stopping the processes for set-up")
            supervisor.stop_all()
            children.clear()

    # Before anything starts: a Ctrl-C at any point stops what was started (the `finally` below).
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    code = 0
    try:
        local = read_local_stamps(data_dir)
        if embedded:
            say(f"starting embedded PostgreSQL in {data_dir / 'pg'}")
            database = DatabaseStart(data_dir)
            expected_url = local.get("database_url")
        else:
            say("using PHAEN_DATABASE_URL")
            expected_url = env["PHAEN_DATABASE_URL"]
        if fork:
            try:
                prefork.preload()  # while PostgreSQL starts
                say(f"shared libraries imported ({since_start()})")
            except Exception as exc:  # each process imports what it needs itself, and says what is wrong
                say(f"shared libraries not imported ({type(exc).__name__}: {exc}); starting plain processes")
                fork = False
        if supervisor.stopping:
            return 0
        if isinstance(expected_url, str) and expected_url:
            # Warm start: set-up looks done (by the data folder's copy); start the processes now.
            env["PHAEN_DATABASE_URL"] = expected_url
            if local.get("fingerprints") == fingerprints(env, data_dir):
                start_children(" (set-up unchanged; the database is checked meanwhile)")
        if database is not None:
            url = database.result()
            if url != env.get("PHAEN_DATABASE_URL"):
                stop_early_children("the database is not where the data folder's stamps said")
            env["PHAEN_DATABASE_URL"] = url
        # The reports service's client secret: the gateway's set-up writes it to the data folder, reports reads it.
        ran = run_setup(
            env,
            data_dir,
            before_changes=lambda: stop_early_children("the database's set-up stamps differ from the data folder's"),
            fork=fork,
        )
        if ran or not children:
            write_local_stamps(data_dir, env["PHAEN_DATABASE_URL"], fingerprints(env, data_dir))
        if not children and not supervisor.stopping:
            start_children("")
        wait_healthy(
            [f"http://127.0.0.1:{port_of(v, d)}/readyz" for _n, _p, d, v in PROCESSES],
            stopping=lambda: supervisor.stopping,
            tick=supervisor.tick,
        )
        if supervisor.stopping:
            return 0
        admin_hint = (
            "from PHAEN_ADMIN_PASSWORD" if env.get("PHAEN_ADMIN_PASSWORD") else f"in {data_dir / 'admin-password'}"
        )
        say(
            f"ready: gateway on http://{host}:{gateway_port} (API docs at /v1/docs); "
            f"user 'admin', password {admin_hint}. Ctrl-C to stop. (started in {since_start()})"
        )
        supervisor.run()
    except (SystemExit, subprocess.CalledProcessError) as exc:
        say(f"start-up failed: {exc}")
        code = 1
    finally:
        say("stopping")
        supervisor.stop_all()
        if database is not None:
            database.wait()
            if database.pg is not None:
                database.pg.stop()
                say("embedded PostgreSQL stopped")
            else:
                from phaen_common.devdb import stop_stray_server

                if stop_stray_server(data_dir):  # its start was interrupted (Ctrl-C while pg_ctl waited)
                    say("embedded PostgreSQL stopped")
    return code


if __name__ == "__main__":
    sys.exit(main())

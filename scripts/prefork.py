"""The four processes of ``make run`` forked from one interpreter that imported the shared libraries once.

Each process used to import FastAPI, SQLAlchemy, pydantic, asyncpg, httpx, uvicorn and ``phaen_common`` itself:
about 1.2 s of CPU of the 1.5-2.2 s each spends before it serves, four times over on two cores. ``make run``
imports them once (``preload``, while PostgreSQL starts), then forks each process (``fork_uvicorn``), which imports
only its own package and runs uvicorn with the same arguments as ``python -m uvicorn ...``; the set-up steps of a
first start are forked the same way (``fork_module``, as ``python -m <package>.setup``). A forked process names
itself with that command line (``ps``, ``pgrep -f`` and the tests find it by it), takes the environment and working
folder it was given, and exits with uvicorn's exit code. The supervisor restarts one by forking again.

Nothing that cannot cross a fork is made before it: no event loop, no database engine, no thread of ours but the
one starting PostgreSQL (its state is not used by the child). ``PHAEN_RUN_FORK=0`` starts plain processes instead.
"""

from __future__ import annotations

import importlib
import io
import os
import signal
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from supervisor import ForkedProcess

if TYPE_CHECKING:
    from supervisor import Child

# What every one of the four imports (the intersection of their imported modules, the heavy part of it).
PRELOAD = (
    "uvicorn.main",
    "uvicorn.config",
    "uvicorn.server",
    "uvicorn.loops.uvloop",
    "uvicorn.protocols.http.httptools_impl",
    "phaen_common.serving",
    "uvicorn.lifespan.on",
    "sqlalchemy.dialects.postgresql.asyncpg",
    "sqlalchemy.ext.asyncio",
    "sqlalchemy.orm",
    "sqlmodel",
    "asyncpg",
    "httpx",
    "jose.jwt",
    "pydantic_settings",
    "prometheus_client",
    "fastapi",
    "fastapi.openapi.models",
    "orjson",
    "python_multipart",
    "phaen_common.web",
    "phaen_common.db",
    "phaen_common.auth",
    "phaen_common.health",
    "phaen_common.settings",
    "phaen_common.metrics",
    "phaen_common.errors",
    "phaen_common.logs",
    # Imported by three or four of them while building the app or in its start-up (python -X importtime and
    # sys.modules before/after the lifespan): pydantic.v1 alone was ~80 ms in each.
    "pydantic.v1",
    "certifi",
    "httpcore",
    "h11",
    "anyio._backends._asyncio",
    "anyio.streams.memory",
    "anyio.streams.stapled",
    "anyio.streams.tls",
    "phaen_common.pagination",
    "phaen_common.outbox",
    "phaen_common.events.envelope",
    "phaen_common.money",
    "phaen_common.thai_id",
    "phaen_common.dates",
)


def enabled() -> bool:
    """Fork unless ``PHAEN_RUN_FORK=0``, or setproctitle is missing (a virtual environment not synced yet)."""
    import importlib.util

    return os.environ.get("PHAEN_RUN_FORK", "1") != "0" and importlib.util.find_spec("setproctitle") is not None


def preload() -> None:
    """Import the shared libraries (once; later calls do nothing), then freeze them out of the cyclic GC: the
    forked processes neither scan those objects again nor copy their pages by touching their GC headers."""
    import gc

    for name in PRELOAD:
        importlib.import_module(name)
    gc.freeze()


def fork_uvicorn(child: Child) -> ForkedProcess:
    """Fork ``child`` (its ``cmd`` is ``[python, "-m", "uvicorn", *args]``) from this interpreter."""
    return _fork(child.cmd, child.env, child.cwd, _uvicorn)


def fork_module(module: str, env: dict[str, str], cwd: Path) -> ForkedProcess:
    """Fork ``python -m module`` (a set-up step) from this interpreter."""
    return _fork([sys.executable, "-m", module], env, cwd, _module)


def _fork(cmd: list[str], env: dict[str, str], cwd: Path, run: Callable[[list[str]], int]) -> ForkedProcess:
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid:
        return ForkedProcess(pid)
    code = 1
    try:
        _become(cmd, env, cwd)
        code = run(cmd)
    except BaseException:  # the child must never return into the supervisor's code
        traceback.print_exc()
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)


def _become(cmd: list[str], env: dict[str, str], cwd: Path) -> None:
    """What a fresh ``python -m ...`` process would be: its signals, title, folder, environment, path and argv."""
    # Ctrl-C is KeyboardInterrupt, SIGTERM ends it (uvicorn installs its own once it serves); the supervisor's
    # handlers only set a flag in the supervisor.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.set_wakeup_fd(-1)  # the supervisor's (its ExitWaiter); the child's event loop sets its own
    import setproctitle

    setproctitle.setproctitle(" ".join(cmd))
    os.chdir(cwd)
    os.environ.clear()
    os.environ.update(env)
    sys.path[0] = str(cwd)  # `python -m` puts the working folder first
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(line_buffering=True, write_through=True)


def _exit_code(exc: SystemExit) -> int:
    if exc.code is None:
        return 0
    if isinstance(exc.code, int):
        return exc.code
    print(exc.code, file=sys.stderr)
    return 1


# uvicorn's main loop wakes every 0.1 s to see whether a signal asked it to stop (and every tenth time to renew
# the Date header): 10 wake-ups a second in each idle process, most of its idle CPU. Here it wakes once a second
# (the Date header is renewed as often as before) and at once when SIGTERM/SIGINT arrive.
TICK_SECONDS = 1.0


def quiet_server_class() -> type:
    """uvicorn's ``Server`` with a main loop that sleeps ``TICK_SECONDS`` and is woken by the exit signals."""
    import asyncio
    from types import FrameType

    from uvicorn.server import Server

    class QuietServer(Server):
        _wake: asyncio.Event | None = None
        _wake_loop: asyncio.AbstractEventLoop | None = None

        async def main_loop(self) -> None:
            self._wake = asyncio.Event()
            self._wake_loop = asyncio.get_running_loop()
            counter = 0  # on_tick renews the Date header when counter % 10 == 0: each tick here
            should_exit = await self.on_tick(counter)
            while not should_exit:
                counter = (counter + 10) % 864000
                try:
                    await asyncio.wait_for(self._wake.wait(), TICK_SECONDS)
                except TimeoutError:
                    pass
                should_exit = await self.on_tick(counter)

        def handle_exit(self, sig: int, frame: FrameType | None) -> None:
            super().handle_exit(sig, frame)
            if self._wake is not None and self._wake_loop is not None and not self._wake_loop.is_closed():
                self._wake_loop.call_soon_threadsafe(self._wake.set)

    return QuietServer


def _uvicorn(cmd: list[str]) -> int:
    from uvicorn.main import main as uvicorn_main

    # `uvicorn.main` is also the package's name for the function: the module is set through sys.modules.
    sys.modules["uvicorn.main"].Server = quiet_server_class()  # type: ignore[attr-defined]  # this child only
    sys.argv = ["uvicorn", *cmd[3:]]
    try:
        uvicorn_main.main(args=cmd[3:], prog_name="uvicorn", standalone_mode=True)
    except SystemExit as exc:
        return _exit_code(exc)
    return 0


def _module(cmd: list[str]) -> int:
    import runpy

    sys.argv = [cmd[2]]
    try:
        runpy.run_module(cmd[2], run_name="__main__", alter_sys=True)
    except SystemExit as exc:
        return _exit_code(exc)
    return 0

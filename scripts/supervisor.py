"""Keeps ``make run``'s processes up: restarts a crashed one with backoff, and brings a dead embedded PostgreSQL back.

A process that dies is started again after 0.5 s, then 1 s, 2 s ... up to 30 s while it keeps dying; one that
stayed up for a minute starts over at 0.5 s. The supervisor never gives up on a process: an operator stops the
stack with Ctrl-C or SIGTERM.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

FIRST_BACKOFF = 0.5
MAX_BACKOFF = 30.0
STABLE_AFTER = 60.0
DB_CHECK_SECONDS = 1.0


class Process(Protocol):
    """What the supervisor needs of a process: ``subprocess.Popen``'s, or ``ForkedProcess``'s."""

    pid: int
    returncode: int | None

    def poll(self) -> int | None: ...

    def wait(self, timeout: float | None = None) -> int: ...

    def send_signal(self, sig: int) -> None: ...

    def kill(self) -> None: ...


class ForkedProcess:
    """A child made with ``os.fork``, with the part of ``Popen``'s interface the supervisor uses."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.returncode: int | None = None

    def poll(self) -> int | None:
        if self.returncode is None:
            try:
                pid, status = os.waitpid(self.pid, os.WNOHANG)
            except ChildProcessError:  # reaped elsewhere: gone, code unknown
                self.returncode = -1
                return self.returncode
            if pid:
                self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() >= deadline:
                raise subprocess.TimeoutExpired(str(self.pid), timeout or 0.0)
            time.sleep(0.02)
        assert self.returncode is not None
        return self.returncode

    def send_signal(self, sig: int) -> None:
        if self.poll() is None:
            os.kill(self.pid, sig)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)


@dataclass
class Child:
    """One supervised process: ``cmd`` run as a new process, or made by ``spawn`` (``make run`` forks its own)."""

    name: str
    cmd: list[str]
    env: dict[str, str]
    cwd: Path
    spawn: Callable[[Child], Process] | None = None
    proc: Process | None = None
    started_at: float = 0.0
    failures: int = 0
    restart_at: float | None = None
    restarts: int = field(default=0)

    def start(self) -> None:
        self.proc = (
            self.spawn(self) if self.spawn is not None else subprocess.Popen(self.cmd, env=self.env, cwd=self.cwd)
        )
        self.started_at = time.monotonic()
        self.restart_at = None

    def exited(self) -> int | None:
        """The exit code if the process has died (and no restart is scheduled yet), else None."""
        if self.proc is None or self.restart_at is not None:
            return None
        return self.proc.poll()

    def schedule_restart(self, now: float) -> float:
        """Plan the next start with exponential backoff; returns the delay."""
        if now - self.started_at >= STABLE_AFTER:
            self.failures = 0
        delay = min(MAX_BACKOFF, FIRST_BACKOFF * (2**self.failures))
        self.failures += 1
        self.restart_at = now + delay
        return delay

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)


class Supervisor:
    """Runs children until told to stop, restarting the ones that die."""

    def __init__(
        self,
        children: list[Child],
        *,
        say: Callable[[str], None],
        database_alive: Callable[[], bool] | None = None,
        revive_database: Callable[[], None] | None = None,
    ) -> None:
        self.children = children
        self.say = say
        self.database_alive = database_alive
        self.revive_database = revive_database
        self.stopping = False
        self._db_retry_at = 0.0
        self._db_failures = 0

    def start_all(self) -> None:
        for child in self.children:
            child.start()

    def tick(self) -> None:
        """One pass: revive the database if it died, restart children that died, start the scheduled ones."""
        now = time.monotonic()
        self._check_database(now)
        for child in self.children:
            code = child.exited()
            if code is not None:
                delay = child.schedule_restart(now)
                self.say(f"{child.name} exited (code {code}); restarting in {delay:.1f}s")
            elif child.restart_at is not None and now >= child.restart_at:
                child.restarts += 1
                child.start()
                self.say(f"{child.name} restarted (restart {child.restarts})")

    def _check_database(self, now: float) -> None:
        if self.database_alive is None or self.revive_database is None or now < self._db_retry_at:
            return
        if self.database_alive():
            self._db_failures = 0
            self._db_retry_at = now + DB_CHECK_SECONDS  # a live database is looked at once a second, not each tick
            return
        self.say("embedded PostgreSQL is not running; starting it again")
        try:
            self.revive_database()
            self._db_failures = 0
            self.say("embedded PostgreSQL is back")
        except Exception as exc:  # any failure to start is retried with backoff
            self._db_failures += 1
            delay = min(MAX_BACKOFF, FIRST_BACKOFF * (2**self._db_failures))
            self._db_retry_at = now + delay
            self.say(f"embedded PostgreSQL did not start ({type(exc).__name__}); trying again in {delay:.1f}s")

    def run(self, interval: float = 0.25) -> None:
        """Supervise until ``stopping`` is set (by a signal handler)."""
        while not self.stopping:
            self.tick()
            time.sleep(interval)

    def stop_all(self, grace: float = 15.0) -> None:
        for child in self.children:
            child.stop()
        deadline = time.monotonic() + grace
        for child in self.children:
            if child.proc is None:
                continue
            try:
                child.proc.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                child.proc.kill()
                child.proc.wait()

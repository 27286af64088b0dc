"""Keeps ``make run``'s processes up: restarts a crashed one with backoff, and brings a dead embedded PostgreSQL back.

A process that dies is started again after 0.5 s, then 1 s, 2 s ... up to 30 s while it keeps dying; one that
stayed up for a minute starts over at 0.5 s. The supervisor never gives up on a process: an operator stops the
stack with Ctrl-C or SIGTERM.
"""

from __future__ import annotations

import os
import select
import signal
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

FIRST_BACKOFF = 0.5
MAX_BACKOFF = 30.0
STABLE_AFTER = 60.0
DB_CHECK_SECONDS = 1.0
# While all is well, ``run`` sleeps until a child exits (its pidfd), a signal arrives, or the next thing is due
# (a scheduled restart, the database check): at most this long. Polling every 0.25 s cost 4 wake-ups a second.
IDLE_WAIT_SECONDS = 1.0


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
        """Supervise until ``stopping`` is set (by a signal handler). Between passes it waits for a child's exit, a
        signal or the next due thing (``ExitWaiter``); without pidfds (not Linux) it passes every ``interval``."""
        waiter = ExitWaiter.open()
        try:
            while not self.stopping:
                self.tick()
                if waiter is None:
                    time.sleep(interval)
                else:
                    waiter.wait(self._watched(), self._until_due(time.monotonic()))
        finally:
            if waiter is not None:
                waiter.close()

    def _watched(self) -> list[int]:
        """The pids of the children that run (a dead one waiting for its restart is not watched)."""
        return [
            c.proc.pid
            for c in self.children
            if c.proc is not None and c.restart_at is None and c.proc.returncode is None
        ]

    def _until_due(self, now: float) -> float:
        due = [now + IDLE_WAIT_SECONDS]
        due += [c.restart_at for c in self.children if c.restart_at is not None]
        if self.database_alive is not None and self.revive_database is not None:
            due.append(self._db_retry_at)
        return max(0.0, min(due) - now)

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


class ExitWaiter:
    """Sleeps until one of some processes exits (Linux pidfds), a signal arrives (``signal.set_wakeup_fd``), or a
    timeout. ``open`` returns None where that is not possible (no pidfd_open, not the main thread)."""

    def __init__(self, read_fd: int, write_fd: int, previous_wakeup: int) -> None:
        self.read_fd = read_fd
        self.write_fd = write_fd
        self.previous_wakeup = previous_wakeup
        self.pidfds: dict[int, int] = {}

    @classmethod
    def open(cls) -> ExitWaiter | None:
        if not hasattr(os, "pidfd_open") or threading.current_thread() is not threading.main_thread():
            return None
        try:
            probe = os.pidfd_open(os.getpid())
        except OSError:  # a kernel before 5.3
            return None
        os.close(probe)
        read_fd, write_fd = os.pipe()
        os.set_blocking(read_fd, False)
        os.set_blocking(write_fd, False)
        previous = signal.set_wakeup_fd(write_fd, warn_on_full_buffer=False)
        return cls(read_fd, write_fd, previous)

    def wait(self, pids: list[int], timeout: float) -> None:
        for pid in [p for p in self.pidfds if p not in pids]:
            os.close(self.pidfds.pop(pid))
        for pid in pids:
            if pid not in self.pidfds:
                try:
                    self.pidfds[pid] = os.pidfd_open(pid)
                except OSError:  # already gone (reaped): the next pass sees it
                    return
        select.select([self.read_fd, *self.pidfds.values()], [], [], timeout)
        try:
            while os.read(self.read_fd, 512):
                pass
        except BlockingIOError:
            pass

    def close(self) -> None:
        signal.set_wakeup_fd(self.previous_wakeup)
        for fd in [self.read_fd, self.write_fd, *self.pidfds.values()]:
            os.close(fd)
        self.pidfds.clear()

"""The `make run` supervisor: a killed process comes back with backoff; a dead database is started again."""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from supervisor import MAX_BACKOFF, Child, ForkedProcess, Supervisor

SLEEPER = [sys.executable, "-c", "import time; time.sleep(60)"]


def _child(name: str = "svc") -> Child:
    return Child(name=name, cmd=SLEEPER, env=dict(os.environ), cwd=Path.cwd())


def _wait_dead(child: Child) -> None:
    assert child.proc is not None
    child.proc.wait(timeout=10)


def test_a_process_killed_with_sigkill_is_restarted_after_a_backoff() -> None:
    said: list[str] = []
    child = _child()
    sup = Supervisor([child], say=said.append)
    sup.start_all()
    try:
        first = child.proc
        assert first is not None
        os.kill(first.pid, signal.SIGKILL)
        _wait_dead(child)
        sup.tick()
        assert said == ["svc exited (code -9); restarting in 0.5s"]
        assert child.proc is first  # not yet: the backoff holds it back
        deadline = time.monotonic() + 5
        while child.proc is first and time.monotonic() < deadline:
            time.sleep(0.1)
            sup.tick()
        assert child.proc is not first and child.proc is not None and child.proc.poll() is None
        assert child.restarts == 1 and said[-1] == "svc restarted (restart 1)"
    finally:
        sup.stop_all(grace=5)


def test_the_backoff_doubles_while_a_process_keeps_dying_and_is_capped() -> None:
    child = _child()
    child.started_at = time.monotonic()
    delays = [child.schedule_restart(child.started_at + 1) for _ in range(10)]
    assert delays[:4] == [0.5, 1.0, 2.0, 4.0]
    assert max(delays) == MAX_BACKOFF


def test_a_process_that_stayed_up_a_minute_starts_over_at_the_shortest_backoff() -> None:
    child = _child()
    child.started_at = 0.0
    child.failures = 6
    assert child.schedule_restart(61.0) == 0.5


def test_a_dead_database_is_started_again_and_a_failed_start_is_retried() -> None:
    said: list[str] = []
    alive = {"up": False}
    attempts: list[float] = []

    def revive() -> None:
        attempts.append(time.monotonic())
        if len(attempts) == 1:
            raise OSError("port busy")
        alive["up"] = True

    sup = Supervisor([], say=said.append, database_alive=lambda: alive["up"], revive_database=revive)
    sup.tick()
    assert len(attempts) == 1 and "trying again" in said[-1]
    sup.tick()  # within the backoff: no second attempt yet
    assert len(attempts) == 1
    sup._db_retry_at = 0.0
    sup.tick()
    assert len(attempts) == 2 and alive["up"] and said[-1] == "embedded PostgreSQL is back"
    sup.tick()
    assert len(attempts) == 2


@pytest.mark.parametrize("code", [0, 1])
def test_a_process_that_exits_by_itself_is_restarted_too(code: int) -> None:
    said: list[str] = []
    child = Child(
        name="once", cmd=[sys.executable, "-c", f"raise SystemExit({code})"], env=dict(os.environ), cwd=Path.cwd()
    )
    sup = Supervisor([child], say=said.append)
    sup.start_all()
    _wait_dead(child)
    sup.tick()
    assert said == [f"once exited (code {code}); restarting in 0.5s"]


def _fork_sleeper(child: Child) -> ForkedProcess:
    """A forked child, as `make run` makes its four (here one that only sleeps)."""
    pid = os.fork()
    if pid == 0:
        try:
            time.sleep(60)
        finally:
            os._exit(0)
    return ForkedProcess(pid)


def test_a_forked_process_killed_with_sigkill_is_restarted_and_stopped_with_sigterm() -> None:
    said: list[str] = []
    child = Child(name="forked", cmd=["sleeper"], env={}, cwd=Path.cwd(), spawn=_fork_sleeper)
    sup = Supervisor([child], say=said.append)
    sup.start_all()
    try:
        first = child.proc
        assert isinstance(first, ForkedProcess) and first.poll() is None
        os.kill(first.pid, signal.SIGKILL)
        assert first.wait(timeout=10) == -9
        sup.tick()
        assert said == ["forked exited (code -9); restarting in 0.5s"]
        deadline = time.monotonic() + 5
        while child.proc is first and time.monotonic() < deadline:
            time.sleep(0.1)
            sup.tick()
        second = child.proc
        assert isinstance(second, ForkedProcess) and second is not first and second.poll() is None
        assert said[-1] == "forked restarted (restart 1)"
    finally:
        sup.stop_all(grace=5)
    assert second.returncode == -signal.SIGTERM  # stopped, and reaped (no zombie left)
    with pytest.raises(ChildProcessError):
        os.waitpid(second.pid, os.WNOHANG)

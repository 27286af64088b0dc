"""An idle ``make run`` process wakes about once a second, not ten times (scripts/prefork.py ``QuietServer``),
and still stops at once on SIGTERM."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"

# Serves a bare ASGI app with the server class the forked processes use, counts its main-loop ticks (printing
# each with the counter: a multiple of 10 renews the Date header), and SIGTERMs itself after 2.5 s.
SERVER = f"""
import os, signal, sys, threading, time
sys.path.insert(0, {str(SCRIPTS)!r})
import prefork, uvicorn

async def app(scope, receive, send):
    while scope["type"] == "lifespan":
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({{"type": "lifespan.startup.complete"}})
        else:
            await send({{"type": "lifespan.shutdown.complete"}})
            return

cls = prefork.quiet_server_class()

class Counting(cls):
    async def on_tick(self, counter):
        print("tick", counter, flush=True)
        return await super().on_tick(counter)

    async def shutdown(self, sockets=None):
        print("shutdown", time.monotonic(), flush=True)
        await super().shutdown(sockets)

server = Counting(uvicorn.Config(app, host="127.0.0.1", port=0, loop="asyncio", log_level="warning"))
def stop():
    print("sigterm", time.monotonic(), flush=True)
    os.kill(os.getpid(), signal.SIGTERM)

threading.Timer(2.5, stop).start()
server.run()
"""


def test_the_forked_servers_main_loop_ticks_once_a_second_and_stops_at_once_on_sigterm() -> None:
    out = subprocess.run([sys.executable, "-c", SERVER], capture_output=True, text=True, timeout=30)
    lines = out.stdout.splitlines()
    ticks = [int(line.split()[1]) for line in lines if line.startswith("tick ")]
    # 2.5 s idle: stock uvicorn ticks every 0.1 s (about 25 ticks); this one each second (3-4, the last on SIGTERM).
    assert 2 <= len(ticks) <= 5, out.stdout + out.stderr
    assert all(c % 10 == 0 for c in ticks), ticks  # the Date header is renewed on every tick
    sent = next(float(line.split()[1]) for line in lines if line.startswith("sigterm "))
    shutdown = next(float(line.split()[1]) for line in lines if line.startswith("shutdown "))
    # It began shutting down well before its next 1 s tick would have come: the signal woke the main loop.
    assert shutdown - sent < 0.5, (sent, shutdown)
    # uvicorn raises the captured SIGTERM again once it has shut down, so the process ends by it.
    assert out.returncode == -15, out.stdout + out.stderr


def test_the_supervisor_sleeps_between_passes_but_wakes_at_once_for_a_dead_child_and_a_signal() -> None:
    import os
    import signal
    import threading
    import time

    sys.path.insert(0, str(SCRIPTS))
    from supervisor import Child, Supervisor

    child = Child(
        name="svc", cmd=[sys.executable, "-c", "import time; time.sleep(60)"], env=dict(os.environ), cwd=SCRIPTS
    )
    said: list[tuple[float, str]] = []
    sup = Supervisor([child], say=lambda line: said.append((time.monotonic(), line)))
    passes: list[float] = []
    tick = sup.tick

    def counted_tick() -> None:
        passes.append(time.monotonic())
        tick()

    sup.tick = counted_tick  # type: ignore[method-assign]
    events: dict[str, float] = {}

    def kill_child() -> None:
        assert child.proc is not None
        events["killed"] = time.monotonic()
        os.kill(child.proc.pid, signal.SIGKILL)

    def stop() -> None:
        events["signalled"] = time.monotonic()
        os.kill(os.getpid(), signal.SIGUSR1)

    def on_signal(_signum: int, _frame: object) -> None:
        sup.stopping = True

    previous = signal.signal(signal.SIGUSR1, on_signal)
    timers = [threading.Timer(1.2, kill_child), threading.Timer(3.6, stop)]
    sup.start_all()
    try:
        began = time.monotonic()
        for t in timers:
            t.start()
        sup.run()
        returned = time.monotonic()
    finally:
        for t in timers:
            t.cancel()
        signal.signal(signal.SIGUSR1, previous)
        sup.stop_all(grace=5)
    # Polling every 0.25 s would have made ~15 passes in 3.6 s; waiting up to 1 s (and woken for the death and
    # the restart due 0.5 s later) makes about 7.
    assert len(passes) <= 9, [round(p - began, 2) for p in passes]
    exited = next(t for t, line in said if "exited (code -9)" in line)
    restarted = next(t for t, line in said if "restarted" in line)
    assert exited - events["killed"] < 0.2  # the child's pidfd woke it
    assert 0.45 < restarted - exited < 0.7  # the scheduled restart is a due time it wakes for
    assert returned - events["signalled"] < 0.2  # the signal's wakeup fd woke it

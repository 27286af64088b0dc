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

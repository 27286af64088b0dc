"""Ctrl-C on `make run` stops every process and the database. Named to run after every test using the stack."""

from __future__ import annotations

import httpx
from e2e_stack import Stack


def test_ctrl_c_stops_every_process_and_the_database(stack: Stack) -> None:
    code = stack.stop()
    # make itself dies of the SIGINT (-2/130); the supervisor under it exits 0 after a clean stop.
    assert code in (0, -2, 130), stack.log()[-3000:]
    assert "start-up failed" not in stack.log()
    assert not (stack.data_dir / "pg" / "postmaster.pid").exists()
    for name in ("gateway", "registry", "budget", "reports"):
        try:
            httpx.get(f"{stack.url(name)}/healthz", timeout=2)
            raise AssertionError(f"{name} still answers")
        except httpx.TransportError:
            pass
    assert "embedded PostgreSQL stopped" in stack.log()

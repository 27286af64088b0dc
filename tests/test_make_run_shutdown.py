"""Ctrl-C on `make run` stops every process and the database; a second run on the same data keeps it.

The second run starts the processes before its database is up (the data folder's copy of the set-up stamps says
nothing changed); the test changes one stamp in the database first, so the second run finds out once the database
answers, stops the processes, runs that one step, and starts them again.

The test stops the shared stack; ``stoppable_stack`` starts it again when a later test needs it, so the order of
the tests does not matter."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import httpx
import psycopg
import pytest
from e2e_stack import Stack, database_url, launch_stack, login, start_stack


def test_ctrl_c_stops_every_process_and_the_database_and_a_second_run_reuses_the_data(stoppable_stack: Stack) -> None:
    stack = stoppable_stack
    admin = {"Authorization": f"Bearer {login(stack, 'admin', stack.admin_password)}"}
    marker = f"reuse-{stack.ports['gateway']}"
    r = httpx.post(
        f"{stack.gateway}/v1/auth/users",
        headers=admin,
        timeout=30,
        json={"username": marker, "password": "a-long-password-1", "display_name": marker, "roles": ["auditor"]},
    )
    assert r.status_code == 201, r.text
    with psycopg.connect(database_url(stack), autocommit=True) as conn:
        conn.execute(
            "UPDATE public.phaen_setup_stamps SET fingerprint = 'changed' WHERE module = 'phaen_reports.setup'"
        )
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

    again = start_stack(stack.data_dir, stack.admin_password)
    try:
        token = login(again, marker, "a-long-password-1")  # the user made in the first run is still there
        r = httpx.get(f"{again.gateway}/v1/registry/regions", headers={"Authorization": f"Bearer {token}"}, timeout=30)
        assert r.status_code == 200 and r.json()["total"] == 4
        log = again.log()
        assert "(set-up unchanged; the database is checked meanwhile)" in log  # started before the database
        assert "stopping the processes for set-up" in log
        assert "set-up: phaen_reports.setup done" in log and "set-up: phaen_budget.setup unchanged, skipped" in log
    finally:
        assert again.stop() in (0, -2, 130)
    assert not (stack.data_dir / "pg" / "postmaster.pid").exists()


@pytest.mark.slow
def test_ctrl_c_while_it_starts_leaves_no_database_or_process_behind(tmp_path: Path) -> None:
    """Ctrl-C while PostgreSQL starts and the shared libraries are imported: the start stops there, and the
    database it started is stopped (the signal handlers are in place before anything starts)."""
    stack = launch_stack(tmp_path, "ctrl-c-" + os.urandom(4).hex())
    proc, log_path = stack.proc, stack.log_path
    try:
        deadline = time.monotonic() + 120
        while "starting embedded PostgreSQL" not in log_path.read_text() and time.monotonic() < deadline:
            assert proc.poll() is None, log_path.read_text()
            time.sleep(0.05)
        os.killpg(proc.pid, signal.SIGINT)
        proc.wait(timeout=120)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    text = log_path.read_text()
    assert "ready: gateway on" not in text and "stopping" in text, text[-3000:]
    # Interrupted in initdb, its single-user backend may still be removing its lock file for a moment.
    pid_file = tmp_path / "pg" / "postmaster.pid"
    deadline = time.monotonic() + 15
    while pid_file.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not pid_file.exists(), text[-3000:]

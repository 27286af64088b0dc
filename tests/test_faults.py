"""Faults injected into the real processes of `make run`: nothing lost, nothing doubled, no 500.

- kill -9 the budget service in the middle of co-signatures and payouts: the supervisor starts it again, and
  retries with the same Idempotency-Key complete each operation exactly once;
- kill -9 PostgreSQL under load: 503 with Retry-After meanwhile, recovery without restarting any service,
  no payout doubled;
- freeze the budget service with SIGSTOP: the gateway answers 504 within the route's short timeout, and the
  service serves again after SIGCONT.

PHAEN_SOAK_ROUNDS raises the number of withdrawals driven through each fault (`make soak`).
"""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
import uuid
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import httpx
import pytest
from authz_world import RESOLUTION, Caller, World
from e2e_stack import Stack

ROUNDS = int(os.environ.get("PHAEN_SOAK_ROUNDS", "1"))
RETRYABLE = {502, 503, 504}


def service_pid(stack: Stack, name: str) -> int:
    port = stack.ports[name]
    out = subprocess.run(
        ["pgrep", "-f", f"phaen_{name}.main:create_app.*--port {port}"], capture_output=True, text=True, check=False
    )
    pids = [int(p) for p in out.stdout.split()]
    assert pids, f"no {name} process on port {port}"
    return pids[0]


def postmaster_pid(stack: Stack) -> int:
    return int((stack.data_dir / "pg" / "postmaster.pid").read_text().split()[0])


def wait_healthy(stack: Stack, name: str, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{stack.url(name)}/readyz", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{name} not healthy again within {timeout}s")


class Tally:
    """Every answer seen while a fault was on: retryable ones, and anything that must never happen."""

    def __init__(self) -> None:
        self.statuses: list[int] = []
        self.bad: list[str] = []
        self.retry_after_missing = 0

    def see(self, r: httpx.Response, what: str) -> None:
        self.statuses.append(r.status_code)
        if r.status_code >= 500 and r.status_code not in RETRYABLE:
            self.bad.append(f"{what}: {r.status_code} {r.text[:200]}")
        if r.status_code == 503 and "retry-after" not in r.headers:
            self.retry_after_missing += 1


def until_done(
    caller: Caller,
    tally: Tally,
    method: str,
    path: str,
    *,
    key: str,
    json: Any,
    ok: tuple[int, ...],
    limit: float = 240,
) -> httpx.Response:
    """Send with one Idempotency-Key until the answer is not a retryable one (as a careful client would)."""
    deadline = time.monotonic() + limit
    while True:
        try:
            r = caller.request(method, path, json=json, headers={"Idempotency-Key": key})
        except httpx.TransportError:
            time.sleep(0.3)
            continue
        tally.see(r, f"{method} {path}")
        if r.status_code not in RETRYABLE:
            assert r.status_code in ok, f"{method} {path}: {r.status_code} {r.text[:300]}"
            return r
        assert time.monotonic() < deadline, f"{method} {path} still {r.status_code} after {limit}s"
        time.sleep(0.3)


def money_round(world: World, tally: Tally, n: int, fault: Callable[[int], None]) -> list[str]:
    """Request n withdrawals, co-sign each by two persons and pay it out, injecting ``fault(i)`` along the way."""
    tc, bank = world.callers["tambon_committee"], world.callers["bank"]
    account = world.ids["account_id"]
    made = []
    for i in range(n):
        w = until_done(
            tc,
            tally,
            "POST",
            "/v1/budget/withdrawals",
            key=f"w-{uuid.uuid4()}",
            json={"account_id": account, "amount": "10.00", "purpose": f"fault round {i}", "resolution": RESOLUTION},
            ok=(201,),
        ).json()
        made.append(w["id"])
        for s, signer in enumerate(world.signers[:2]):
            if s == 1:
                fault(i)
            until_done(
                signer,
                tally,
                "POST",
                f"/v1/budget/withdrawals/{w['id']}/signatures",
                key=f"sig-{w['id']}-{s}",
                json={},
                ok=(200, 201),
            )
        until_done(
            bank,
            tally,
            "POST",
            f"/v1/budget/withdrawals/{w['id']}/payout",
            key=f"pay-{w['id']}",
            json={"bank_reference": f"FAULT-{w['id'][:8]}"},
            ok=(200,),
        )
    return made


def assert_paid_exactly_once(world: World, ids: list[str], figures: Any) -> None:
    """Each withdrawal paid, with exactly one payout entry; the figures count what was lost or doubled."""
    sec = world.callers["secretariat"]
    account = world.ids["account_id"]
    payouts: dict[str, int] = {}
    cursor = None
    while True:
        params: dict[str, Any] = {"limit": 500}
        if cursor:
            params["cursor"] = cursor
        page = sec.ok("GET", f"/v1/budget/accounts/{account}/ledger", params=params)
        for e in page["items"]:
            if e.get("withdrawal_id") in ids:
                payouts[e["withdrawal_id"]] = payouts.get(e["withdrawal_id"], 0) + 1
        cursor = page.get("next_cursor")
        if not cursor:
            break
    figures.add("money lost in faults", sum(1 for wid in ids if payouts.get(wid, 0) == 0))
    figures.add("money doubled in faults", sum(max(payouts.get(wid, 0) - 1, 0) for wid in ids))
    assert payouts == dict.fromkeys(ids, 1), payouts
    for wid in ids:
        w = sec.ok("GET", f"/v1/budget/withdrawals/{wid}")
        assert w["status"] == "paid"
    acct = sec.ok("GET", f"/v1/budget/accounts/{account}")
    assert Decimal(acct["available"]) >= 0


@pytest.mark.slow
def test_kill_9_of_the_budget_service_mid_signatures_and_payouts_loses_and_doubles_nothing(
    stack: Stack, world: World, figures: Any
) -> None:
    tally = Tally()

    def kill_budget(i: int) -> None:
        os.kill(service_pid(stack, "budget"), signal.SIGKILL)

    ids = money_round(world, tally, ROUNDS, kill_budget)
    wait_healthy(stack, "budget")
    assert_paid_exactly_once(world, ids, figures)
    figures.add("faults injected", ROUNDS)
    figures.add("withdrawals driven through faults", len(ids))
    assert not tally.bad, tally.bad
    assert "budget exited (code -9)" in stack.log()


@pytest.mark.slow
def test_kill_9_of_postgresql_under_load_gives_503_with_retry_after_and_recovers_without_restarts(
    stack: Stack, world: World, figures: Any
) -> None:
    tally = Tally()
    pids_before = {name: service_pid(stack, name) for name in ("registry", "budget", "reports")}
    reads = Tally()
    stop = threading.Event()

    def load() -> None:
        auditor = world.callers["auditor"]
        while not stop.is_set():
            try:
                reads.see(auditor.request("GET", f"/v1/budget/accounts/{world.ids['account_id']}"), "read")
            except httpx.TransportError:
                pass
            time.sleep(0.05)

    threads = [threading.Thread(target=load, daemon=True) for _ in range(3)]
    for t in threads:
        t.start()
    try:
        ids = money_round(world, tally, ROUNDS, lambda i: os.kill(postmaster_pid(stack), signal.SIGKILL))
    finally:
        stop.set()
        for t in threads:
            t.join(timeout=10)
    assert_paid_exactly_once(world, ids, figures)
    figures.add("faults injected", ROUNDS)
    figures.add("withdrawals driven through faults", len(ids))
    assert not tally.bad and not reads.bad, (tally.bad, reads.bad)
    assert 503 in tally.statuses + reads.statuses, "the database outage was never seen"
    assert tally.retry_after_missing == 0 and reads.retry_after_missing == 0
    assert {name: service_pid(stack, name) for name in pids_before} == pids_before  # no service restarted
    assert "embedded PostgreSQL is back" in stack.log()


@pytest.mark.slow
def test_a_frozen_service_is_a_504_within_its_short_timeout_and_serves_again_after(
    stack: Stack, world: World, figures: Any
) -> None:
    pid = service_pid(stack, "budget")
    auditor = world.callers["auditor"]
    os.kill(pid, signal.SIGSTOP)
    try:
        started = time.monotonic()
        r = auditor.request("GET", f"/v1/budget/accounts/{world.ids['account_id']}")
        waited = time.monotonic() - started
    finally:
        os.kill(pid, signal.SIGCONT)
    figures.add("faults injected")
    assert r.status_code == 504, r.text
    assert r.json()["code"] == "gateway_timeout"
    assert waited < 30  # the budget route times out at 10 s (it was 30 s)
    wait_healthy(stack, "budget")
    assert auditor.request("GET", f"/v1/budget/accounts/{world.ids['account_id']}").status_code == 200

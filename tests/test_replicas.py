"""Every process is stateless: two replicas of each, on one PostgreSQL, lose nothing and double nothing.

Beside the session's `make run` stack, a second gateway, registry, budget and reports start on their own ports
against the same database and data folder (``e2e_stack.start_replicas``); the second gateway routes to the second
replicas. Then, through both gateways at once:
- each co-signature is sent to both budget replicas with the same Idempotency-Key: it counts once;
- each payout is sent to both with the same Idempotency-Key and bank reference: one ledger debit each;
- expenses recorded through both: the two reports replicas consume the same feeds into one read model, and the
  actual equals what was recorded (the rollup equals a GROUP BY over the rows);
- failed sign-ins spread over both gateways: the login limit counts them together.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from typing import Any

import httpx
import psycopg
import pytest
from authz_world import RESOLUTION, World, _expense
from e2e_stack import Stack, database_url, http, start_replicas

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def gateways(stack: Stack) -> Iterator[list[str]]:
    """The stack's gateway and a second one in front of the second replicas."""
    if stack.attached:
        pytest.skip("the stack was started by someone else (PHAEN_E2E_ATTACH)")
    ports, procs = start_replicas(stack)
    try:
        yield [stack.gateway, f"http://127.0.0.1:{ports['gateway']}"]
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            proc.wait(timeout=30)


def call(base: str, headers: dict[str, str], method: str, path: str, key: str | None = None, **kw: Any) -> Any:
    extra = {"Idempotency-Key": key} if key else {}
    return http().request(method, f"{base}{path}", headers={**headers, **extra}, timeout=60, **kw)


def both(gateways: list[str], headers: dict[str, str], method: str, path: str, **kw: Any) -> list[httpx.Response]:
    """The same request (same Idempotency-Key) through both gateways at the same moment."""
    key = str(uuid.uuid4())
    with ThreadPoolExecutor(2) as pool:
        return list(pool.map(lambda g: call(g, headers, method, path, key, **kw), gateways))


def test_co_signatures_and_payouts_split_over_two_budgets_count_once(world: World, gateways: list[str]):
    tc, bank = world.callers["tambon_committee"], world.callers["bank"]
    account_id = world.ids["account_id"]
    made = []
    for i in range(4):
        r = call(
            gateways[i % 2],
            tc.headers,
            "POST",
            "/v1/budget/withdrawals",
            str(uuid.uuid4()),
            json={"account_id": account_id, "amount": "10.00", "purpose": "ค่าอาหาร", "resolution": RESOLUTION},
        )
        assert r.status_code == 201, r.text
        made.append(r.json()["id"])

    for wid in made:
        for signer in world.signers[:2]:
            answers = both(gateways, signer.headers, "POST", f"/v1/budget/withdrawals/{wid}/signatures")
            codes = sorted(a.status_code for a in answers)
            assert all(c < 500 for c in codes) and codes[0] in (200, 201), [a.text for a in answers]
    for wid in made:
        w = call(gateways[1], tc.headers, "GET", f"/v1/budget/withdrawals/{wid}/signatures").json()
        assert w["status"] == "approved" and len(w["signatures"]) == 2, w

    for wid in made:
        answers = both(
            gateways, bank.headers, "POST", f"/v1/budget/withdrawals/{wid}/payout", json={"bank_reference": f"P-{wid}"}
        )
        codes = sorted(a.status_code for a in answers)
        assert all(c < 500 for c in codes) and codes[0] == 200, [a.text for a in answers]

    ledger = call(gateways[0], bank.headers, "GET", f"/v1/budget/accounts/{account_id}/ledger", params={"limit": 500})
    assert ledger.status_code == 200, ledger.text
    payouts = [e for e in ledger.json()["items"] if e["kind"] == "payout" and e["withdrawal_id"] in made]
    assert sorted(e["withdrawal_id"] for e in payouts) == sorted(made)  # one debit each, none twice
    assert all(Decimal(e["amount"]) == Decimal("-10.00") for e in payouts)


def _actual(base: str, headers: dict[str, str], grant_id: str) -> Decimal:
    r = call(base, headers, "GET", "/v1/reports/plan-vs-actual", params={"grant": grant_id})
    assert r.status_code == 200, r.text
    return Decimal(r.json()["totals"]["actual"])


def _settled(gateways: list[str], headers: dict[str, str], grant_id: str, want: Decimal | None) -> Decimal:
    """The actual both reports replicas agree on (and equal to ``want`` when given), within 30 s."""
    deadline = time.monotonic() + 30
    while True:
        seen = {_actual(g, headers, grant_id) for g in gateways}
        if len(seen) == 1 and (want is None or seen == {want}):
            return seen.pop()
        assert time.monotonic() < deadline, f"reports replicas disagree or lag: {seen}, want {want}"
        time.sleep(0.5)


def test_two_reports_replicas_consume_one_feed_without_double_counting(stack: Stack, world: World, gateways):
    sec, auditor = world.callers["secretariat"], world.callers["auditor"]
    grant_id, project_id = world.ids["grant_id"], world.ids["project_id"]
    before = _settled(gateways, auditor.headers, grant_id, None)
    tag = uuid.uuid4().hex[:6]
    bodies = [_expense(project_id, f"rep-{tag}-{i}") for i in range(6)]
    with ThreadPoolExecutor(6) as pool:
        answers = list(
            pool.map(
                lambda ib: call(gateways[ib[0] % 2], sec.headers, "POST", "/v1/budget/expenses", json=ib[1]),
                enumerate(bodies),
            )
        )
    assert all(a.status_code == 201 for a in answers), [a.text for a in answers]
    added = sum(Decimal(b["amount"]) for b in bodies)
    assert _settled(gateways, auditor.headers, grant_id, before + added) == before + added
    time.sleep(2)  # a late second application would show now
    assert _settled(gateways, auditor.headers, grant_id, before + added) == before + added
    with psycopg.connect(database_url(stack)) as conn:
        rolled = conn.execute(
            "SELECT line_no, recorded_count, recorded_amount FROM reports.expense_line_rollup WHERE grant_id = %s",
            (grant_id,),
        ).fetchall()
        scratch = conn.execute(
            "SELECT line_no, count(*), sum(amount) FROM reports.expense WHERE grant_id = %s AND status = 'recorded' "
            "GROUP BY line_no",
            (grant_id,),
        ).fetchall()
    assert sorted(rolled) == sorted(scratch) and rolled


def test_the_login_limit_holds_across_two_gateways(gateways: list[str]):
    username = f"nobody-{uuid.uuid4().hex[:8]}"
    form = {"grant_type": "password", "username": username, "password": "wrong"}
    codes = [
        httpx.post(f"{gateways[i % 2]}/v1/auth/token", data=form, timeout=60).status_code for i in range(5)
    ]  # the limit is 5 failures per account and address in 5 minutes
    assert codes == [401] * 5
    assert [httpx.post(f"{g}/v1/auth/token", data=form, timeout=60).status_code for g in gateways] == [429, 429]

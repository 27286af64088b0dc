"""Signatures count by person: real parallel HTTP against the budget service in its own process (co-signatures
by distinct persons approve exactly once; a signatory change is applied once however many checkers confirm at
the same time), and a set recorded before persons existed.

The gateway and registry are not running here (the budget's directory is a fixed table): tests/test_signatories.py
runs them for real."""

from __future__ import annotations

import asyncio
import random
import uuid
from collections import Counter
from decimal import Decimal

import httpx
import psycopg
from httpx_aiohttp import AiohttpTransport
from sqlalchemy import text

from phaen_common.db import to_sync_url

from .factory import Budget, uid


def _client(url: str) -> httpx.AsyncClient:
    return httpx.AsyncClient(base_url=url, transport=AiohttpTransport(), timeout=60)


def _db(url: str) -> psycopg.Connection:
    return psycopg.connect(to_sync_url(url).replace("postgresql+psycopg://", "postgresql://"), autocommit=True)


async def test_concurrent_cosigning_by_distinct_persons_approves_once(live_url, keys, budget_url):
    async with _client(live_url) as client:
        b = Budget(client, keys)
        _, account = await b.funded("100000.00")
        signers = account["signatories"]
        ws = [await b.withdrawal(account, "1000.00") for _ in range(12)]
        calls = []
        for w in ws:
            url = f"/v1/budget/withdrawals/{w['id']}/signatures"
            for sub in signers:
                calls += [client.post(url, headers=b.signer(sub)) for _ in range(3)]
        random.shuffle(calls)
        responses = await asyncio.gather(*calls)

    codes = Counter(r.status_code for r in responses)
    assert set(codes) <= {201, 409}, codes
    assert {r.json()["code"] for r in responses if r.status_code == 409} <= {"already_signed", "withdrawal_not_pending"}
    with _db(budget_url) as conn:
        rows = conn.execute(
            "SELECT w.status, count(s.id), count(DISTINCT s.signer_person) FROM budget.withdrawals w "
            "LEFT JOIN budget.signatures s ON s.withdrawal_id = w.id AND s.revoked_at IS NULL "
            "WHERE w.account_id = %s GROUP BY w.id, w.status",
            (account["id"],),
        ).fetchall()
        reserved = conn.execute("SELECT reserved FROM budget.accounts WHERE id = %s", (account["id"],)).fetchone()
        approvals = conn.execute(
            "SELECT count(*) FROM budget.outbox WHERE type = 'withdrawal.approved' AND entity_id = ANY(%s)",
            ([w["id"] for w in ws],),
        ).fetchone()
    assert len(rows) == len(ws)
    assert all(status == "approved" and n == 2 and persons == 2 for status, n, persons in rows), rows
    assert codes[201] == 2 * len(ws)
    assert reserved is not None and Decimal(reserved[0]) == Decimal("1000.00") * len(ws)
    assert approvals is not None and approvals[0] == len(ws)


async def test_concurrent_confirmations_apply_a_signatory_change_once(live_url, keys, budget_url):
    async with _client(live_url) as client:
        b = Budget(client, keys)
        _, account = await b.funded("10000.00")
        w = await b.withdrawal(account, "100.00")
        await b.sign(w, account["signatories"][0])
        new = [f"sig-{uid()}" for _ in range(3)]
        change = await b.ok(
            "PUT",
            f"/v1/budget/accounts/{account['id']}/signatories",
            {**b.secretariat, "If-Match": "*"},
            {"signatories": new, "threshold": 2, "resolution": {"number": f"มติ {uid()}", "meeting_date": "2004-02-01"}},
            status=202,
        )
        checkers = [keys.auth(roles=["admin"], sub=f"admin-{uid()}") for _ in range(4)]
        checkers += [keys.auth(roles=["national_committee"], sub=f"nc-{uid()}") for _ in range(4)]
        url = f"/v1/budget/accounts/{account['id']}/signatory-changes/{change['id']}/confirm"
        responses = await asyncio.gather(*(client.post(url, headers=h) for h in checkers for _ in range(2)))
        after = await b.get(f"/v1/budget/withdrawals/{w['id']}")

    codes = Counter(r.status_code for r in responses)
    assert codes == Counter({200: 1, 409: len(responses) - 1}), codes
    assert {r.json()["code"] for r in responses if r.status_code == 409} == {"signatory_change_not_pending"}
    assert after["signatures"] == [] and after["version"] == 2
    with _db(budget_url) as conn:
        current = conn.execute(
            "SELECT user_id FROM budget.account_signatories WHERE account_id = %s AND removed_at IS NULL "
            "ORDER BY position",
            (account["id"],),
        ).fetchall()
        confirmed = conn.execute(
            "SELECT count(*) FROM budget.audit_log WHERE action = 'account.signatory_change.confirmed' "
            "AND entity_id = %s",
            (change["id"],),
        ).fetchone()
    assert [r[0] for r in current] == new
    assert confirmed is not None and confirmed[0] == 1


async def test_two_ids_of_one_person_count_once_in_a_set_recorded_before_persons(client, keys, budget_url) -> None:
    """Attack on an account whose set was checked before persons were recorded: one human, two ids, two slots.

    Such a set falls back to the token's ``person_id`` claim: the second id of a person who signed is refused."""
    b = Budget(client, keys)
    _, account = await b.funded("10000.00")
    a, second, third = account["signatories"]
    async with client._transport.app.state.db.sessionmaker() as session, session.begin():  # type: ignore[attr-defined]
        await session.execute(
            text("UPDATE budget.account_signatories SET person_id = NULL WHERE account_id = :a"), {"a": account["id"]}
        )
    w = await b.withdrawal(account, "100.00")
    same = "person-" + uuid.uuid4().hex
    sign_as = {sub: keys.auth(roles=["signatory"], sub=sub, person_id=same) for sub in (a, second)}
    r = await client.post(f"/v1/budget/withdrawals/{w['id']}/signatures", headers=sign_as[a])
    assert r.status_code == 201 and r.json()["status"] == "pending"
    r = await client.post(f"/v1/budget/withdrawals/{w['id']}/signatures", headers=sign_as[second])
    assert r.status_code == 409 and r.json()["code"] == "already_signed", r.text
    assert (await b.sign(w, third))["status"] == "approved"

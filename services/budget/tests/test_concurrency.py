"""Real parallel HTTP against the service in its own process: no double approval, no double payout."""

from __future__ import annotations

import asyncio
import os
import random
from collections import Counter
from decimal import Decimal

import httpx
import psycopg
from httpx_aiohttp import AiohttpTransport

from phaen_common.db import to_sync_url

from .factory import Budget, uid


def _client(url: str) -> httpx.AsyncClient:
    return httpx.AsyncClient(base_url=url, transport=AiohttpTransport(), timeout=60)


async def _gather_limited(coros, limit: int) -> list[httpx.Response]:
    sem = asyncio.Semaphore(limit)

    async def run(c):
        async with sem:
            return await c

    return await asyncio.gather(*(run(c) for c in coros))


def _db(url: str) -> psycopg.Connection:
    return psycopg.connect(to_sync_url(url).replace("postgresql+psycopg://", "postgresql://"), autocommit=True)


async def test_racing_signatures_approve_only_what_the_money_allows(live_url, keys, budget_url, figures):
    async with _client(live_url) as client:
        b = Budget(client, keys)
        _, account = await b.funded("100000.00")
        s1, s2, s3 = account["signatories"]
        ws = [await b.withdrawal(account, "10000.00") for _ in range(20)]  # 200,000 asked of 100,000
        h1, h2, h3 = b.signer(s1), b.signer(s2), b.signer(s3)
        calls = []
        for w in ws:
            url = f"/v1/budget/withdrawals/{w['id']}/signatures"
            calls += [client.post(url, headers=h1), client.post(url, headers=h2)]
            calls += [client.post(url, headers=h3) for _ in range(6)]  # the same signature, many times at once
            same_key = {**h3, "Idempotency-Key": f"k-{w['id']}"}
            calls += [client.post(url, headers=same_key) for _ in range(3)]
        random.shuffle(calls)
        responses = await _gather_limited(calls, 64)

        codes = Counter(r.status_code for r in responses)
        assert set(codes) <= {201, 409}, codes  # no 5xx, nothing unexpected
        assert all(
            r.json()["code"] in {"already_signed", "withdrawal_not_pending", "insufficient_funds"}
            for r in responses
            if r.status_code == 409
        )
        final = [await b.get(f"/v1/budget/withdrawals/{w['id']}") for w in ws]
        approved = [w for w in final if w["status"] == "approved"]
        assert len(approved) == 10
        for w in final:
            signers = [s["signer"] for s in w["signatures"]]
            assert len(signers) == len(set(signers))  # each person once
            assert (len(signers) >= 2) == (w["status"] == "approved")
        acc = await b.get(f"/v1/budget/accounts/{account['id']}")
        assert acc["available"] == "0.00" and acc["balance"] == "100000.00" and acc["reserved"] == "100000.00"
    with _db(budget_url) as conn:
        dupes = conn.execute(
            """SELECT count(*) FROM budget.signatures s JOIN budget.withdrawals w
                                ON w.id = s.withdrawal_id WHERE w.account_id = %s AND s.revoked_at IS NULL
                                GROUP BY s.withdrawal_id, s.signer HAVING count(*) > 1""",
            (account["id"],),
        ).fetchall()
        assert dupes == []
        approvals = conn.execute(
            "SELECT count(*) FROM budget.outbox WHERE type = 'withdrawal.approved' AND payload->>'account_id' = %s",
            (account["id"],),
        ).fetchone()[0]
        assert approvals == 10  # approved once each, never twice
    figures.add("concurrent co-sign attempts", len(calls))
    figures.add("double approvals", approvals - len(approved))


# make test: 10 accounts x 10 withdrawals x 10 attempts = 1,000 payout attempts; make soak (PHAEN_SOAK_ROUNDS set):
# 10 x 20 x 50 = 10,000 (the heavy variant took ~6 minutes of the suite on a loaded 2-core machine).
SOAK = bool(os.environ.get("PHAEN_SOAK_ROUNDS"))
PER_ACCOUNT = 20 if SOAK else 10
RETRIES, CONFLICTS = (45, 5) if SOAK else (9, 1)


async def test_ten_thousand_payout_attempts_pay_each_once(live_url, keys, budget_url):
    """Every withdrawal is paid exactly once, however many retries and conflicting references race (10,000
    attempts in make soak, 1,000 in make test)."""
    async with _client(live_url) as client:
        b = Budget(client, keys)
        accounts, ws = [], []
        for _ in range(10):
            _, account = await b.funded(f"{1000 * PER_ACCOUNT}.00")
            accounts.append(account)
        created = await _gather_limited([b.withdrawal(a, "1000.00") for a in accounts for _ in range(PER_ACCOUNT)], 50)
        for w, a in zip(created, [a for a in accounts for _ in range(PER_ACCOUNT)], strict=True):
            ws.append((w, a))
        await _gather_limited([b.sign(w, a["signatories"][i]) for w, a in ws for i in (0, 1)], 20)

        refs = {w["id"]: f"PAY-{uid()}" for w, _ in ws}
        calls = []
        for w, _ in ws:
            url = f"/v1/budget/withdrawals/{w['id']}/payout"
            # The bank retrying with its reference, and conflicting attempts with other references.
            calls += [client.post(url, headers=b.bank, json={"bank_reference": refs[w["id"]]}) for _ in range(RETRIES)]
            calls += [client.post(url, headers=b.bank, json={"bank_reference": f"X-{uid()}"}) for _ in range(CONFLICTS)]
        random.shuffle(calls)
        assert len(calls) == 10 * PER_ACCOUNT * (RETRIES + CONFLICTS)
        responses = await _gather_limited(calls, 64)
        codes = Counter(r.status_code for r in responses)
        assert set(codes) <= {200, 409}, codes
        for a in accounts:
            acc = await b.get(f"/v1/budget/accounts/{a['id']}")
            assert acc["balance"] == "0.00" and acc["available"] == "0.00"
    with _db(budget_url) as conn:
        ids = [w["id"] for w, _ in ws]
        rows = conn.execute(
            """SELECT withdrawal_id, count(*), sum(amount) FROM budget.ledger_entries
                               WHERE kind = 'payout' AND withdrawal_id = ANY(%s::uuid[]) GROUP BY withdrawal_id""",
            (ids,),
        ).fetchall()
        assert len(rows) == 10 * PER_ACCOUNT and all(n == 1 and total == Decimal("-1000.00") for _, n, total in rows)
        paid = conn.execute(
            "SELECT count(*) FROM budget.withdrawals WHERE id = ANY(%s::uuid[]) AND status = 'paid'", (ids,)
        ).fetchone()[0]
        assert paid == 10 * PER_ACCOUNT

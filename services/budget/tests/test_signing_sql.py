"""The signing transaction in SQL (migration budget_0014): the same refusals as before, written as the attacks.

The co-signature runs as database functions on an open transaction (``budget.cosign_lock``,
``budget.cosign_write``, ``budget.cosign_chain``; budget_0014, budget_0016) with the rules and the audit hash in
Python; these tests hold it to every money rule, and its audit entry to the chain.
"""

from __future__ import annotations

import asyncio
import uuid
from decimal import Decimal

import httpx
import psycopg
import pytest
from httpx_aiohttp import AiohttpTransport

from phaen_common.db import to_sync_url

from .factory import Budget


def _db(url: str) -> psycopg.Connection:
    return psycopg.connect(to_sync_url(url).replace("postgresql+psycopg://", "postgresql://"), autocommit=True)


def _client(url: str) -> httpx.AsyncClient:
    return httpx.AsyncClient(base_url=url, transport=AiohttpTransport(), timeout=60)


def _url(w: dict) -> str:
    return f"/v1/budget/withdrawals/{w['id']}/signatures"


async def test_a_third_signature_after_approval_is_refused(client, keys):
    b = Budget(client, keys)
    _, account = await b.funded("1000.00")
    s1, s2, s3 = account["signatories"]
    w = await b.withdrawal(account, "100.00")
    await b.sign(w, s1)
    approved = await b.sign(w, s2)
    assert approved["status"] == "approved" and len(approved["signatures"]) == 2
    r = await client.post(_url(w), headers=b.signer(s3))
    assert r.status_code == 409 and r.json()["code"] == "withdrawal_not_pending"
    after = await b.get(f"/v1/budget/withdrawals/{w['id']}")
    assert len(after["signatures"]) == 2
    acc = await b.get(f"/v1/budget/accounts/{account['id']}")
    assert Decimal(acc["reserved"]) == Decimal("100.00")  # reserved once


async def test_the_requester_cannot_sign_even_as_a_signatory(client, keys):
    b = Budget(client, keys)
    _, account = await b.funded("1000.00")
    s1, s2, _ = account["signatories"]
    w = await b.withdrawal(account, "100.00", headers=keys.auth(roles=["secretariat", "signatory"], sub=s1))
    r = await client.post(_url(w), headers=b.signer(s1))
    assert r.status_code == 403 and r.json()["code"] == "requester_cannot_sign"
    await b.sign(w, s2)
    assert (await b.get(f"/v1/budget/withdrawals/{w['id']}"))["status"] == "pending"


async def test_a_stranger_and_an_unknown_withdrawal_are_404_and_a_non_signatory_403(client, keys):
    b = Budget(client, keys)
    _, account = await b.funded("1000.00")
    w = await b.withdrawal(account, "100.00")
    stranger = keys.auth(roles=["signatory"], sub="stranger-" + uuid.uuid4().hex[:6])
    r = await client.post(_url(w), headers=stranger)
    assert r.status_code == 404 and r.json()["code"] == "withdrawal_not_found"
    r = await client.post(f"/v1/budget/withdrawals/{uuid.uuid4()}/signatures", headers=b.signer("anyone"))
    assert r.status_code == 404 and r.json()["code"] == "withdrawal_not_found"
    # A national reader reaches the withdrawal but is no signatory of its account.
    r = await client.post(_url(w), headers=keys.auth(roles=["admin", "signatory"], sub="admin-signer"))
    assert r.status_code == 403 and r.json()["code"] == "not_a_signatory"


async def test_a_stale_digest_and_a_second_signature_of_one_person_are_refused(client, keys):
    b = Budget(client, keys)
    _, account = await b.funded("1000.00")
    s1, _, _ = account["signatories"]
    w = await b.withdrawal(account, "100.00")
    r = await client.post(_url(w), headers=b.signer(s1), json={"digest": "0" * 64})
    assert r.status_code == 409 and r.json()["code"] == "stale_signature"
    ok = await client.post(_url(w), headers=b.signer(s1), json={"digest": w["digest"]})
    assert ok.status_code == 201 and ok.json()["signatures"][0]["digest"] == w["digest"]
    again = await client.post(_url(w), headers=b.signer(s1))
    assert again.status_code == 409 and again.json()["code"] == "already_signed"


async def test_an_approval_beyond_available_is_refused_and_records_nothing(client, keys):
    b = Budget(client, keys)
    _, account = await b.funded("100.00")
    s1, s2, _ = account["signatories"]
    w1 = await b.withdrawal(account, "80.00")
    w2 = await b.withdrawal(account, "80.00")
    for w in (w1, w2):
        await b.sign(w, s1)
    await b.sign(w1, s2)
    r = await client.post(_url(w2), headers=b.signer(s2))
    assert r.status_code == 409 and r.json()["code"] == "insufficient_funds"
    after = await b.get(f"/v1/budget/withdrawals/{w2['id']}")
    assert after["status"] == "pending" and [s["signer"] for s in after["signatures"]] == [s1]
    acc = await b.get(f"/v1/budget/accounts/{account['id']}")
    assert Decimal(acc["reserved"]) == Decimal("80.00")


async def test_an_idempotent_retry_replays_and_signs_once(client, keys):
    b = Budget(client, keys)
    _, account = await b.funded("1000.00")
    s1, _, _ = account["signatories"]
    w = await b.withdrawal(account, "100.00")
    headers = {**b.signer(s1), "Idempotency-Key": "sign-" + uuid.uuid4().hex}
    first = await client.post(_url(w), headers=headers)
    second = await client.post(_url(w), headers=headers)
    assert first.status_code == second.status_code == 201
    assert second.headers.get("Idempotent-Replayed") == "true" and second.json() == first.json()
    assert len((await b.get(f"/v1/budget/withdrawals/{w['id']}"))["signatures"]) == 1


async def test_signatures_are_audited_and_the_chain_verifies(client, keys):
    b = Budget(client, keys)
    _, account = await b.funded("1000.00")
    s1, s2, _ = account["signatories"]
    w = await b.withdrawal(account, "100.00")
    await b.sign(w, s1)
    await b.sign(w, s2)
    entries = await b.get(f"/v1/budget/audit?entity=withdrawal&id={w['id']}")
    assert [e["action"] for e in entries["items"]] == ["withdrawal.request", "withdrawal.sign", "withdrawal.sign"]
    assert [e["actor"] for e in entries["items"][1:]] == [s1, s2]
    assert (await b.get("/v1/budget/audit/verify"))["ok"] is True
    feed, after = [], 0
    while True:
        page = (
            await client.get(
                f"/v1/budget/events?after={after}&limit=1000", headers=keys.auth(roles=["service_events"], sub="r")
            )
        ).json()
        feed += page["items"]
        after = page["next_after"]
        if not page["has_more"]:
            break
    approved = [e for e in feed if e["type"] == "withdrawal.approved" and e["entity_id"] == w["id"]]
    assert len(approved) == 1 and approved[0]["payload"]["status"] == "approved"
    assert approved[0]["payload"]["amount"] == "100.00" and approved[0]["payload"]["version"] == 1


async def test_the_write_function_itself_refuses_an_overdraw(live_url, keys, budget_url):
    """Even a caller that skips the Python check cannot reserve beyond the balance: the CHECK refuses it."""
    async with _client(live_url) as client:
        b = Budget(client, keys)
        _, account = await b.funded("100.00")
        w = await b.withdrawal(account, "100.00")
    with _db(budget_url) as conn:
        with pytest.raises(psycopg.errors.CheckViolation) as refused, conn.transaction():
            conn.execute(
                "SELECT * FROM budget.cosign_write(%s, %s, %s, 'mallory', 'person:mallory', NULL, NULL, NULL, NULL,"
                " now(), true, 'grant', %s, %s, '{}'::jsonb,"
                " 'mallory', 'withdrawal.sign', 'withdrawal', %s, 'ok', NULL, NULL, NULL)",
                (w["id"], account["id"], uuid.uuid4(), Decimal("100.01"), uuid.uuid4(), w["id"]),
            )
        assert refused.value.diag.constraint_name == "accounts_reserved_within_balance_check"
        signatures = conn.execute("SELECT count(*) FROM budget.signatures WHERE withdrawal_id = %s", (w["id"],))
        assert signatures.fetchone()[0] == 0  # the refusal took the signature with it
        status = conn.execute("SELECT status FROM budget.withdrawals WHERE id = %s", (w["id"],)).fetchone()[0]
        assert status == "pending"


async def test_two_racing_approvals_on_money_for_one_approve_exactly_one(live_url, keys, budget_url):
    async with _client(live_url) as client:
        b = Budget(client, keys)
        for _ in range(5):  # five rounds of the same race
            _, account = await b.funded("100.00")
            s1, s2, s3 = account["signatories"]
            w1 = await b.withdrawal(account, "80.00")
            w2 = await b.withdrawal(account, "80.00")
            await b.sign(w1, s1)
            await b.sign(w2, s3)
            r1, r2 = await asyncio.gather(
                client.post(_url(w1), headers=b.signer(s2)), client.post(_url(w2), headers=b.signer(s2))
            )
            codes = sorted((r1.status_code, r2.status_code))
            assert codes == [201, 409], (r1.text, r2.text)
            refused = r1 if r1.status_code == 409 else r2
            assert refused.json()["code"] == "insufficient_funds"
            with _db(budget_url) as conn:
                reserved, balance = conn.execute(
                    "SELECT reserved, balance FROM budget.accounts WHERE id = %s", (account["id"],)
                ).fetchone()
                approved = conn.execute(
                    "SELECT count(*) FROM budget.withdrawals WHERE account_id = %s AND status = 'approved'",
                    (account["id"],),
                ).fetchone()[0]
            assert approved == 1 and reserved == Decimal("80.00") <= balance


def test_a_database_error_on_the_raw_connection_is_answered_as_on_the_orm_path():
    """A data exception is the app's 4xx, a deadlock a 503 (retryable), a constraint stays for its mapping."""
    import asyncpg
    from sqlalchemy.exc import DBAPIError

    from phaen_budget.core import driver
    from phaen_common.db import is_retryable_db_error
    from phaen_common.errors import data_exception_problem

    with pytest.raises(DBAPIError) as too_long, driver.sqlalchemy_errors("INSERT"):
        raise asyncpg.exceptions.StringDataRightTruncationError("value too long for type character varying(200)")
    problem = data_exception_problem(too_long.value)
    assert problem is not None and problem.status == 422
    with pytest.raises(DBAPIError) as deadlock, driver.sqlalchemy_errors("SELECT"):
        raise asyncpg.exceptions.DeadlockDetectedError("deadlock detected")
    assert is_retryable_db_error(deadlock.value) and data_exception_problem(deadlock.value) is None
    with pytest.raises(asyncpg.exceptions.CheckViolationError), driver.sqlalchemy_errors("UPDATE"):
        raise asyncpg.exceptions.CheckViolationError("accounts_reserved_within_balance_check")


def test_the_signing_record_has_exactly_the_withdrawal_columns():
    # budget.cosign_lock returns the withdrawals row whole; WithdrawalRow(**row) fails on a column it lacks.
    from dataclasses import fields

    from phaen_budget.withdrawals.models import Withdrawal
    from phaen_budget.withdrawals.service import WithdrawalRow

    columns = {c.name for c in Withdrawal.__table__.columns}  # type: ignore[attr-defined]
    assert {f.name for f in fields(WithdrawalRow)} == columns


async def test_a_signature_after_the_database_dropped_every_connection_is_signed_not_refused(
    live_url, keys, budget_url
):
    # As after a PostgreSQL restart: the connections the service keeps for signatures are gone while idle. The
    # next signature finds it at its BEGIN and signs on a new connection; the caller never sees a 503.
    async with _client(live_url) as client:
        b = Budget(client, keys)
        _, account = await b.funded("100.00")
        s1, s2, _s3 = account["signatories"]
        w = await b.withdrawal(account, "10.00")
        await b.sign(w, s1)  # the service now holds a used connection for signatures
        with _db(budget_url) as conn:
            ended = conn.execute(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE application_name = 'phaen-budget-writes' AND state = 'idle'"
            ).fetchone()[0]
        assert ended >= 1
        await asyncio.sleep(0.2)
        signed = await b.sign(w, s2)
        assert signed["status"] == "approved"


async def test_racing_signatures_and_other_audited_changes_make_one_verified_chain(live_url, keys, budget_url):
    """Co-signatures reserve their place in the chain in their lock's round trip, other changes as they flush:
    sent at once, they make one unbroken chain, with one entry each and time running with the chain."""
    async with _client(live_url) as client:
        b = Budget(client, keys)
        accounts = [(await b.funded("100000.00"))[1] for _ in range(3)]
        pending = [(a, await b.withdrawal(a, "10.00")) for a in accounts for _ in range(4)]
        with _db(budget_url) as conn:
            seq_before = conn.execute("SELECT coalesce(max(seq), 0) FROM budget.audit_log").fetchone()[0]
        answers = await asyncio.gather(
            *[client.post(_url(w), headers=b.signer(s)) for a, w in pending for s in a["signatories"][:2]],
            *[b.withdrawal(a, "1.00") for a in accounts for _ in range(3)],
        )
        signed = answers[:24]
        assert {r.status_code for r in signed} == {201}, [r.text for r in signed if r.status_code != 201]
        assert (await b.get("/v1/budget/audit/verify"))["ok"] is True
    with _db(budget_url) as conn:
        rows = conn.execute("SELECT action, at FROM budget.audit_log WHERE seq > %s ORDER BY seq", (seq_before,))
        entries = rows.fetchall()
    actions = [action for action, _ in entries]
    assert actions.count("withdrawal.sign") == 24 and actions.count("withdrawal.request") == 9
    assert [at for _, at in entries] == sorted(at for _, at in entries)


async def test_the_audit_insert_takes_only_a_staged_entry_once_and_a_well_formed_hash(live_url, keys, budget_url):
    """``budget.cosign_chain`` called around the signing functions: nothing staged, a malformed hash (the
    statement is sent whole with the COMMIT, so the hash is its one value), a second insert of one entry."""
    from phaen_budget.withdrawals.repository import signing_chain

    async with _client(live_url) as client:
        b = Budget(client, keys)
        _, account = await b.funded("100.00")
        w = await b.withdrawal(account, "10.00")
    good = "ab" * 32
    with _db(budget_url) as conn:
        with pytest.raises(psycopg.errors.RaiseException, match="no co-signature audit entry"), conn.transaction():
            conn.execute(signing_chain(good))
        staged = (
            "SELECT * FROM budget.cosign_write(%s, %s, %s, 'mallory', 'person:mallory', NULL, NULL, NULL, NULL,"
            " now(), false, 'grant', 10, %s, NULL, 'mallory', 'withdrawal.sign', 'withdrawal', %s, 'ok', NULL, NULL,"
            " NULL)"
        )
        for bad in ("AB" * 32, "ab" * 31, "ab" * 32 + "'); DROP TABLE budget.audit_log; --"):
            with pytest.raises(psycopg.errors.RaiseException, match="64 hex digits"), conn.transaction():
                conn.execute(staged, (w["id"], account["id"], uuid.uuid4(), uuid.uuid4(), w["id"]))
                conn.execute("SELECT budget.cosign_chain(%s)", (bad,))
            with pytest.raises(ValueError):
                signing_chain(bad)
        with pytest.raises(psycopg.errors.RaiseException, match="no co-signature"), conn.transaction():
            conn.execute(staged, (w["id"], account["id"], uuid.uuid4(), uuid.uuid4(), w["id"]))
            conn.execute(signing_chain(good))
            conn.execute(signing_chain(good))
        count = conn.execute("SELECT count(*) FROM budget.signatures WHERE withdrawal_id = %s", (w["id"],))
        assert count.fetchone()[0] == 0  # each attempt rolled back whole

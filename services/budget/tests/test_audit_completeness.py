"""The chain proves completeness: signed heads kept outside the database find a deleted tail, and verify
reconciles every ledger entry with its audit entry and every cached balance with its ledger.

The attacks are done as a database superuser would do them: with the append-only triggers switched off
(``session_replication_role = replica``), then put back so later tests see a sound chain.
"""

from __future__ import annotations

import asyncio
import base64
import datetime as dt
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import psycopg
import pytest
from psycopg.rows import dict_row

from phaen_budget.audit import heads
from phaen_budget.audit.chain import GENESIS, entry_hash
from phaen_common.db import Database, to_sync_url

from .factory import Budget, uid

# Committed, not rolled back: these tests sign heads (the anchor file outside the database would outlive a
# rollback) and tamper with the chain through their own psycopg connection.
pytestmark = pytest.mark.committed


def _conn(url: str) -> psycopg.Connection[dict[str, Any]]:
    return psycopg.connect(
        to_sync_url(url).replace("postgresql+psycopg://", "postgresql://"), autocommit=True, row_factory=dict_row
    )


@contextmanager
def _triggers_off(conn: psycopg.Connection[dict[str, Any]]) -> Iterator[None]:
    conn.execute("SET session_replication_role = replica")
    try:
        yield
    finally:
        conn.execute("SET session_replication_role = origin")


def _reinsert(conn: psycopg.Connection[dict[str, Any]], table: str, rows: list[dict[str, Any]]) -> None:
    for row in rows:
        cols = ", ".join(row)
        marks = ", ".join(["%s"] * len(row))
        conn.execute(
            f"INSERT INTO budget.{table} ({cols}) OVERRIDING SYSTEM VALUE VALUES ({marks})",
            list(row.values()),
        )


async def _paid_withdrawal(b: Budget) -> tuple[dict[str, Any], dict[str, Any], str]:
    _, account = await b.funded("1000.00")
    w = await b.withdrawal(account, "400.00")
    for sub in account["signatories"][:2]:
        await b.sign(w, sub)
    ref = f"PAY-{uid()}"
    await b.ok("POST", f"/v1/budget/withdrawals/{w['id']}/payout", b.bank, {"bank_reference": ref}, status=200)
    return account, w, ref


def _codes(v: dict[str, Any]) -> set[str]:
    return {f["code"] for f in v["findings"]}


def test_entry_hash_is_stable():
    # A fixed vector: changing how an entry is hashed would orphan every chain already written.
    at = dt.datetime(2026, 11, 27, 13, 0, 0, 123456, tzinfo=dt.UTC)
    fields = {
        "seq": 1,
        "at": at,
        "actor": "a",
        "action": "project.create",
        "entity": "project",
        "entity_id": "p1",
        "outcome": "ok",
        "detail": None,
        "before_digest": None,
        "after_digest": "f" * 64,
        "prev_hash": GENESIS,
    }
    assert entry_hash(**fields) == entry_hash(**{**fields, "at": at.replace(tzinfo=None)})
    import hashlib

    text = "|".join(
        [
            "1:1",
            "16:1795784400123456",
            "1:a",
            "14:project.create",
            "7:project",
            "2:p1",
            "2:ok",
            "-",
            "-",
            f"64:{'f' * 64}",
            f"64:{GENESIS}",
        ]
    )
    assert entry_hash(**fields) == hashlib.sha256(text.encode()).hexdigest()


async def test_the_hash_is_computed_in_python_only(budget_url):
    with _conn(budget_url) as conn:
        rows = conn.execute(
            "SELECT proname FROM pg_proc WHERE pronamespace = 'budget'::regnamespace AND prosrc ILIKE '%sha256%'"
        ).fetchall()
    assert rows == []


async def test_head_is_signed_kept_published_and_anchored(client, keys, data_dir):
    b = Budget(client, keys)
    await b.funded("10.00")
    head = await b.get("/v1/budget/audit/head", b.bank)  # the bank fetches it too
    assert head["signed_message"] == f"phaen-budget-audit:{head['seq']}:{head['hash']}" and head["signed_at"]
    again = await b.get("/v1/budget/audit/head", keys.auth(roles=["auditor"]))
    assert (again["seq"], again["signature"], again["signed_at"]) == (head["seq"], head["signature"], head["signed_at"])
    r = await client.get("/v1/budget/audit/head", headers=keys.auth(roles=["signatory"]))
    assert r.status_code == 403
    anchor = heads.read_anchor(heads.anchor_path(data_dir))
    assert anchor is not None and (anchor.seq, anchor.hash) == (head["seq"], head["hash"])
    feed = await b.get("/v1/budget/events?after=0&limit=1000")
    while feed["has_more"]:
        feed = await b.get(f"/v1/budget/events?after={feed['next_after']}&limit=1000")
    signed = [e for e in feed["items"] if e["type"] == "audit.head_signed" and e["payload"]["seq"] == head["seq"]]
    assert len(signed) == 1 and signed[0]["payload"]["signature"] == head["signature"]
    v = await b.get("/v1/budget/audit/verify")
    assert v["ok"] is True, v["findings"]
    assert v["head"]["seq"] >= head["seq"] and v["findings"] == [] and v["last_seq"] >= head["seq"]
    kept = f"head_seq={head['seq']}&head_hash={head['hash']}&head_signature={head['signature']}"
    v = await b.get("/v1/budget/audit/verify?" + kept.replace("+", "%2B"))
    assert v["ok"] is True, v["findings"]


async def test_a_forged_head_brought_by_a_caller_is_a_finding(client, keys):
    b = Budget(client, keys)
    await b.project()
    head = await b.get("/v1/budget/audit/head")
    forged = base64.b64encode(b"\x00" * 64).decode()
    v = await b.get(
        f"/v1/budget/audit/verify?head_seq={head['seq'] + 1000}&head_hash={'a' * 64}&head_signature={forged}"
    )
    assert v["ok"] is False and [f["code"] for f in v["findings"]] == ["head_signature_invalid"]
    r = await client.get("/v1/budget/audit/verify?head_seq=1", headers=b.admin)
    assert r.status_code == 422


async def test_deleting_the_last_rows_is_found(client, keys, budget_url):
    b = Budget(client, keys)
    await _paid_withdrawal(b)
    head = await b.get("/v1/budget/audit/head", b.bank)
    cut = head["seq"] - 3
    with _conn(budget_url) as conn:
        tail = conn.execute("SELECT * FROM budget.audit_log WHERE seq > %s ORDER BY seq", (cut,)).fetchall()
        with _triggers_off(conn):
            conn.execute("DELETE FROM budget.audit_log WHERE seq > %s", (cut,))
        try:
            v = await b.get("/v1/budget/audit/verify")
            assert v["ok"] is False and "first_bad_seq" not in v and v["last_seq"] == cut
            missing = [f for f in v["findings"] if f["code"] == "missing_tail"]
            assert missing and missing[0]["seq"] == head["seq"]
            assert v["head"]["seq"] == head["seq"]
        finally:
            with _triggers_off(conn):
                _reinsert(conn, "audit_log", tail)
    assert (await b.get("/v1/budget/audit/verify"))["ok"] is True


async def test_a_careful_attacker_removing_a_payout_and_its_traces_is_found(client, keys, budget_url, data_dir):
    """The payout's ledger row, its audit rows and the kept heads deleted, the cached balance put back:
    the head kept outside the database still finds it; without that file, the head the bank kept does."""
    b = Budget(client, keys)
    account, w, _ = await _paid_withdrawal(b)
    bank_head = await b.get("/v1/budget/audit/head", b.bank)
    with _conn(budget_url) as conn:
        payout = conn.execute(
            "SELECT * FROM budget.ledger_entries WHERE withdrawal_id = %s AND kind = 'payout'", (w["id"],)
        ).fetchone()
        assert payout is not None
        first = conn.execute(
            "SELECT min(seq) AS s FROM budget.audit_log WHERE entity = 'ledger_entry' AND entity_id = %s",
            (str(payout["id"]),),
        ).fetchone()["s"]
        tail = conn.execute("SELECT * FROM budget.audit_log WHERE seq >= %s ORDER BY seq", (first,)).fetchall()
        kept_heads = conn.execute("SELECT * FROM budget.audit_heads WHERE seq >= %s", (first,)).fetchall()
        acct = conn.execute("SELECT balance, reserved FROM budget.accounts WHERE id = %s", (account["id"],)).fetchone()
        with _triggers_off(conn):
            conn.execute("DELETE FROM budget.audit_log WHERE seq >= %s", (first,))
            conn.execute("DELETE FROM budget.audit_heads WHERE seq >= %s", (first,))
            conn.execute("DELETE FROM budget.ledger_entries WHERE id = %s", (payout["id"],))
            conn.execute(
                "UPDATE budget.accounts SET balance = balance - %s WHERE id = %s", (payout["amount"], account["id"])
            )
        anchor = heads.anchor_path(data_dir)
        aside = anchor.with_name("aside.json")
        try:
            v = await b.get("/v1/budget/audit/verify")
            assert v["ok"] is False and _codes(v) == {"missing_tail"} and v["head"]["source"] == "anchor_file"
            shutil.move(anchor, aside)  # the attacker reaches the service's disk too
            assert (await b.get("/v1/budget/audit/verify"))["ok"] is True  # nothing left inside to tell
            kept = f"head_seq={bank_head['seq']}&head_hash={bank_head['hash']}"
            kept += "&head_signature=" + bank_head["signature"].replace("+", "%2B")
            v = await b.get("/v1/budget/audit/verify?" + kept)
            assert v["ok"] is False and _codes(v) == {"missing_tail"} and v["head"]["source"] == "caller"
        finally:
            if aside.exists():
                shutil.move(aside, anchor)
            with _triggers_off(conn):
                conn.execute("UPDATE budget.accounts SET balance = %s WHERE id = %s", (acct["balance"], account["id"]))
                _reinsert(conn, "ledger_entries", [payout])
                _reinsert(conn, "audit_log", tail)
                _reinsert(conn, "audit_heads", kept_heads)
    assert (await b.get("/v1/budget/audit/verify"))["ok"] is True


async def test_changing_a_ledger_amount_is_found(client, keys, budget_url):
    b = Budget(client, keys)
    _, account = await b.funded("1000.00")
    with _conn(budget_url) as conn:
        entry = conn.execute(
            "SELECT id, amount FROM budget.ledger_entries WHERE account_id = %s", (account["id"],)
        ).fetchone()
        with _triggers_off(conn):
            conn.execute("UPDATE budget.ledger_entries SET amount = 100000.00 WHERE id = %s", (entry["id"],))
        try:
            v = await b.get("/v1/budget/audit/verify")
            assert v["ok"] is False and "first_bad_seq" not in v  # the chain itself is untouched
            by_code = {f["code"]: f for f in v["findings"]}
            assert set(by_code) == {"ledger_entry_altered", "balance_mismatch"}
            assert by_code["ledger_entry_altered"]["entity_id"] == str(entry["id"])
            assert by_code["balance_mismatch"]["entity_id"] == account["id"]
            assert "1000.00" in by_code["balance_mismatch"]["detail"]
            with _triggers_off(conn):  # the attacker fixes the cached balance too
                conn.execute("UPDATE budget.accounts SET balance = 100000.00 WHERE id = %s", (account["id"],))
            v = await b.get("/v1/budget/audit/verify")
            assert v["ok"] is False and _codes(v) == {"ledger_entry_altered"}
        finally:
            with _triggers_off(conn):
                conn.execute(
                    "UPDATE budget.ledger_entries SET amount = %s WHERE id = %s", (entry["amount"], entry["id"])
                )
                conn.execute("UPDATE budget.accounts SET balance = %s WHERE id = %s", (entry["amount"], account["id"]))
    assert (await b.get("/v1/budget/audit/verify"))["ok"] is True


async def test_an_unaudited_ledger_entry_is_found(client, keys, budget_url):
    """A ledger row inserted straight into the database (no audit entry) and a cached balance to match."""
    b = Budget(client, keys)
    project, account = await b.funded("10.00")
    with _conn(budget_url) as conn:
        row = conn.execute(
            "INSERT INTO budget.ledger_entries (id, account_id, project_id, kind, fund, amount, actor, booked_at) "
            "VALUES (gen_random_uuid(), %s, %s, 'transfer', 'grant', 5.00, 'mallory', now()) RETURNING id",
            (account["id"], project["id"]),
        ).fetchone()
        conn.execute("UPDATE budget.accounts SET balance = balance + 5.00 WHERE id = %s", (account["id"],))
        try:
            v = await b.get("/v1/budget/audit/verify")
            assert v["ok"] is False and _codes(v) == {"ledger_entry_unaudited"}
            assert v["findings"][0]["entity_id"] == str(row["id"])
        finally:
            with _triggers_off(conn):
                conn.execute("DELETE FROM budget.ledger_entries WHERE id = %s", (row["id"],))
                conn.execute("UPDATE budget.accounts SET balance = balance - 5.00 WHERE id = %s", (account["id"],))
    assert (await b.get("/v1/budget/audit/verify"))["ok"] is True


async def test_heads_are_signed_periodically(client, keys, settings, budget_url, tmp_path: Path):
    b = Budget(client, keys)
    await b.project()
    db = Database(budget_url)
    from phaen_budget.audit.signing import load_signer

    app = SimpleNamespace(
        state=SimpleNamespace(db=db, audit_signer=load_signer(settings), settings=SimpleNamespace(data_dir=tmp_path))
    )
    task = asyncio.create_task(heads.sign_periodically(app, 0.05))  # type: ignore[arg-type]
    try:
        for _ in range(100):
            await asyncio.sleep(0.05)
            if heads.anchor_path(tmp_path).exists():
                break
    finally:
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        await db.dispose()
    anchor = heads.read_anchor(heads.anchor_path(tmp_path))
    assert anchor is not None and anchor.seq >= 1 and anchor.source == "anchor_file"


async def test_lowering_a_reservation_is_found(client, keys, budget_url):
    """An approved withdrawal's reservation set to zero directly: more could then be approved than is there."""
    b = Budget(client, keys)
    _, account = await b.funded("1000.00")
    w = await b.withdrawal(account, "600.00")
    for sub in account["signatories"][:2]:
        await b.sign(w, sub)
    with _conn(budget_url) as conn:
        with _triggers_off(conn):
            conn.execute("UPDATE budget.accounts SET reserved = 0 WHERE id = %s", (account["id"],))
        try:
            v = await b.get("/v1/budget/audit/verify")
            assert v["ok"] is False and _codes(v) == {"reserved_mismatch"}
            assert v["findings"][0]["entity_id"] == account["id"] and "600.00" in v["findings"][0]["detail"]
        finally:
            with _triggers_off(conn):
                conn.execute("UPDATE budget.accounts SET reserved = 600.00 WHERE id = %s", (account["id"],))
    assert (await b.get("/v1/budget/audit/verify"))["ok"] is True

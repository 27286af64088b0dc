"""The audit trail: append-only by trigger, hash-chained, tamper found by verify, signed head."""

from __future__ import annotations

import base64

import psycopg
import pytest
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from phaen_common.db import to_sync_url

from .factory import Budget, uid


def _conn(url: str) -> psycopg.Connection:
    return psycopg.connect(to_sync_url(url).replace("postgresql+psycopg://", "postgresql://"), autocommit=True)


async def test_every_change_is_chained_and_verifies(client, keys):
    b = Budget(client, keys)
    project, _ = await b.funded("1000.00")
    entries = await b.get(f"/v1/budget/audit?entity=project&id={project['id']}")
    assert [e["action"] for e in entries["items"]] == ["project.create"]
    e = entries["items"][0]
    assert e["actor"] and len(e["hash"]) == 64 and len(e["prev_hash"]) == 64 and e["after_digest"]
    ledger = await b.get("/v1/budget/audit?entity=ledger_entry")
    assert ledger["total"] >= 1
    v = await b.get("/v1/budget/audit/verify")
    assert v["ok"] is True and v["entries"] >= 4 and "first_bad_seq" not in v
    r = await client.get("/v1/budget/audit", headers=keys.auth(roles=["tambon_committee"], tambon="100101"))
    assert r.status_code == 403


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE budget.audit_log SET actor = 'mallory' WHERE seq = (SELECT min(seq) FROM budget.audit_log)",
        "DELETE FROM budget.audit_log WHERE seq = (SELECT min(seq) FROM budget.audit_log)",
        "TRUNCATE budget.audit_log",
        "UPDATE budget.ledger_entries SET amount = amount + 1",
        "DELETE FROM budget.ledger_entries",
        "TRUNCATE budget.ledger_entries CASCADE",
        "DELETE FROM budget.expenses",
        "DELETE FROM budget.withdrawals",
        "DELETE FROM budget.signatures",
        "TRUNCATE budget.projects CASCADE",
    ],
)
async def test_update_delete_truncate_refused(client, keys, budget_url, statement):
    b = Budget(client, keys)
    project, account = await b.funded("10.00")
    w = await b.withdrawal(account, "1.00")
    await b.sign(w, account["signatories"][0])
    await b.ok(
        "POST",
        "/v1/budget/expenses",
        b.secretariat,
        {
            "project_id": project["id"],
            "category": "6",
            "amount": "1.00",
            "spent_on": "2004-01-01",
            "description": "x",
            "evidence": {
                "kind": "receipt",
                "seller_name": f"s {uid()}",
                "seller_address": "a",
                "book_no": "1",
                "receipt_no": "1",
                "date": "2004-01-01",
                "items": [{"description": "i", "amount": "1.00"}],
                "receiver_signed": True,
            },
        },
    )
    with _conn(budget_url) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute(statement)


async def test_superuser_alteration_found_by_verify(client, keys, budget_url):
    b = Budget(client, keys)
    project = await b.project()
    entries = await b.get(f"/v1/budget/audit?entity=project&id={project['id']}")
    seq = entries["items"][0]["seq"]
    with _conn(budget_url) as conn:
        # A superuser can switch the triggers off; the chain still shows what was done.
        conn.execute("SET session_replication_role = replica")
        conn.execute("UPDATE budget.audit_log SET actor = 'mallory' WHERE seq = %s", (seq,))
        conn.execute("SET session_replication_role = origin")
        try:
            v = await b.get("/v1/budget/audit/verify")
            assert v["ok"] is False and v["first_bad_seq"] == seq and v["entries"] < seq
        finally:
            conn.execute("SET session_replication_role = replica")
            conn.execute("UPDATE budget.audit_log SET actor = %s WHERE seq = %s", (entries["items"][0]["actor"], seq))
            conn.execute("SET session_replication_role = origin")
    assert (await b.get("/v1/budget/audit/verify"))["ok"] is True


# committed: signing a head writes the anchor file outside the database, which a rollback would leave pointing
# at entries that no longer exist (every later verify would then report them removed).
@pytest.mark.committed
async def test_signed_head(client, keys):
    b = Budget(client, keys)
    await b.project()
    head = await b.get("/v1/budget/audit/head", keys.auth(roles=["auditor"]))
    assert head["alg"] == "Ed25519" and head["signed_message"] == f"phaen-budget-audit:{head['seq']}:{head['hash']}"
    pub = Ed25519PublicKey.from_public_bytes(base64.b64decode(head["public_key"]))
    pub.verify(base64.b64decode(head["signature"]), head["signed_message"].encode())  # raises if forged
    forged = head["signed_message"].replace(head["hash"], "0" * 64).encode()
    with pytest.raises(InvalidSignature):
        pub.verify(base64.b64decode(head["signature"]), forged)


async def test_denied_money_action_is_audited_although_rolled_back(client, keys):
    b = Budget(client, keys)
    _, account = await b.funded("100.00")
    w = await b.withdrawal(account, "50.00")
    # A signatory the account does not list does not reach its withdrawals (issue 8): 404, audited all the same.
    r = await client.post(f"/v1/budget/withdrawals/{w['id']}/signatures", headers=b.signer("intruder-x"))
    assert r.status_code == 404
    entries = await b.get(f"/v1/budget/audit?entity=withdrawal&id={w['id']}&outcome=denied")
    assert [(e["actor"], e["detail"]) for e in entries["items"]] == [("intruder-x", "withdrawal_not_found")]
    assert (await b.get(f"/v1/budget/withdrawals/{w['id']}"))["signatures"] == []


def test_chain_lock_key_matches_the_migration():
    from pathlib import Path

    from phaen_budget import MIGRATIONS_DIR
    from phaen_budget.audit.service import AUDIT_LOCK_KEY

    for revision in ("budget_0003", "budget_0008"):
        text = next(Path(MIGRATIONS_DIR, "versions").glob(f"*{revision}*")).read_text()
        assert f"LOCK_KEY = {AUDIT_LOCK_KEY}" in text


async def test_role_lacking_the_scope_is_refused_and_audited(client, keys):
    b = Budget(client, keys)
    _, account = await b.funded("100.00")
    w = await b.withdrawal(account, "50.00")
    r = await client.post(f"/v1/budget/withdrawals/{w['id']}/signatures", headers=b.bank)
    assert r.status_code == 403
    entries = await b.get(f"/v1/budget/audit?entity=route&id={w['id']}&outcome=denied")
    assert [(e["action"], e["detail"]) for e in entries["items"]] == [("withdrawal.sign", "forbidden")]
    r = await client.post("/v1/budget/withdrawals", headers=keys.auth(roles=["auditor"]), json={"junk": True})
    assert r.status_code == 403  # authorization before validation, on the audited guard too

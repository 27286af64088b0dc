"""Accounts: savings only, named as the project, signatory policy; deposits once per bank reference;
interest kept apart; the ledger is the truth and the cached balance agrees with it."""

from __future__ import annotations

import psycopg
import pytest

from phaen_common.db import to_sync_url

from .factory import RESOLUTION, Budget, uid


def _body(project: dict, **over) -> dict:
    body = {
        "project_id": project["id"],
        "bank": "ธ.ก.ส.",
        "branch": "b",
        "number": "020-1-23456-7",
        "name": project["name"],
        "type": "savings",
        "atm_card": False,
        "signatories": ["u1", "u2", "u3"],
        "threshold": 2,
        "resolution": RESOLUTION,
    }
    body.update(over)
    return body


@pytest.mark.parametrize(
    "over",
    [
        {"type": "current"},
        {"atm_card": True},
        {"threshold": 1},
        {"threshold": 4},
        {"signatories": ["u1", "u1", "u2"]},
        {"signatories": [f"u{i}" for i in range(8)], "threshold": 2},
        {"signatories": ["u1"], "threshold": 2},
        {"resolution": None},
    ],
)
async def test_account_policy_violations_are_422(client, keys, over):
    b = Budget(client, keys)
    project = await b.project()
    r = await client.post("/v1/budget/accounts", headers=b.secretariat, json=_body(project, **over))
    assert r.status_code == 422, r.text


async def test_name_must_equal_the_project_name(client, keys):
    b = Budget(client, keys)
    project = await b.project()
    r = await client.post("/v1/budget/accounts", headers=b.secretariat, json=_body(project, name=project["name"] + " "))
    assert r.status_code == 422 and r.json()["code"] == "account_name_mismatch"
    ok = await b.ok(
        "POST", "/v1/budget/accounts", b.secretariat, _body(project, signatories=["a", "b", "c", "d"], threshold=3)
    )
    assert ok["threshold"] == 3 and ok["signatories"] == ["a", "b", "c", "d"] and ok["type"] == "savings"
    r = await client.post("/v1/budget/accounts", headers=b.secretariat, json=_body(project))
    assert r.status_code == 409 and r.json()["code"] == "account_exists"
    masked = await b.get(f"/v1/budget/accounts/{ok['id']}", keys.auth(roles=["signatory"], sub="a"))
    assert masked["number"].endswith("4567") and "*" in masked["number"]
    r = await client.post("/v1/budget/accounts", headers=keys.auth(roles=["bank"]), json=_body(project))
    assert r.status_code == 403


async def test_same_bank_reference_records_once(client, keys, budget_url):
    b = Budget(client, keys)
    project = await b.project()
    account = await b.account(project)
    ref = f"BAAC-{uid()}"
    first = await b.deposit(account, "1000.00", ref=ref)
    second = await b.deposit(account, "1000.00", ref=ref)
    assert first["id"] == second["id"] and second["duplicate"] is True and first["duplicate"] is False
    other = await b.account(await b.project())
    r = await client.post(
        f"/v1/budget/accounts/{other['id']}/deposits",
        headers=b.bank,
        json={"amount": "1000.00", "kind": "transfer", "bank_reference": ref},
    )
    assert r.status_code == 409 and r.json()["code"] == "bank_reference_used"
    acc = await b.get(f"/v1/budget/accounts/{account['id']}")
    assert acc["balance"] == "1000.00"
    listed = await b.get(f"/v1/budget/accounts/{account['id']}/deposits")
    assert listed["total"] == 1 and listed["items"][0]["reference"] == ref
    assert (await b.get(f"/v1/budget/accounts/{account['id']}/deposits/{first['id']}"))["amount"] == "1000.00"
    r = await client.post(
        f"/v1/budget/accounts/{account['id']}/deposits",
        headers=keys.auth(roles=["tambon_committee"], tambon="100101"),
        json={"amount": "1.00", "kind": "transfer", "bank_reference": uid()},
    )
    assert r.status_code == 403
    for bad in ("1.5e3", 12.5, "-5.00", "0", "1.001"):
        r = await client.post(
            f"/v1/budget/accounts/{account['id']}/deposits",
            headers=b.bank,
            json={"amount": bad, "kind": "transfer", "bank_reference": uid()},
        )
        assert r.status_code == 422, bad


async def test_interest_is_kept_apart_and_the_cache_agrees_with_the_ledger(client, keys, budget_url):
    b = Budget(client, keys)
    project = await b.project()
    account = await b.account(project)
    await b.deposit(account, "10000.00")
    await b.deposit(account, "125.50", kind="interest")
    await b.ok(
        "POST",
        f"/v1/budget/accounts/{account['id']}/fees",
        b.bank,
        {"amount": "25.00", "bank_reference": f"FEE-{uid()}"},
    )
    acc = await b.get(f"/v1/budget/accounts/{account['id']}")
    assert (acc["balance"], acc["interest_balance"], acc["grant_balance"]) == ("10100.50", "125.50", "9975.00")
    body = {"account_id": account["id"], "purpose": "ใช้ดอกเบี้ยตามมติ", "resolution": RESOLUTION, "fund": "interest"}
    r = await client.post("/v1/budget/withdrawals", headers=b.secretariat, json={**body, "amount": "125.51"})
    assert r.status_code == 409 and r.json()["code"] == "insufficient_funds"
    w = await b.ok("POST", "/v1/budget/withdrawals", b.secretariat, {**body, "amount": "125.50"})
    s = account["signatories"]
    await b.sign(w, s[0])
    assert (await b.sign(w, s[1]))["status"] == "approved"
    acc = await b.get(f"/v1/budget/accounts/{account['id']}")
    assert (acc["available"], acc["available_interest"]) == ("9975.00", "0.00")
    with psycopg.connect(to_sync_url(budget_url).replace("postgresql+psycopg://", "postgresql://")) as conn:
        rows = conn.execute("""SELECT a.id, a.balance, a.interest_balance, coalesce(sum(l.amount), 0),
                                      coalesce(sum(l.amount) FILTER (WHERE l.fund = 'interest'), 0)
                               FROM budget.accounts a LEFT JOIN budget.ledger_entries l ON l.account_id = a.id
                               GROUP BY a.id""").fetchall()
    assert rows and all(bal == total and ib == it for _, bal, ib, total, it in rows)  # every account, every test

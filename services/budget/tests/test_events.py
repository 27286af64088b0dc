"""Events for the reports service, per docs/EVENTS.md: one ledger.entry per ledger row, state payloads."""

from __future__ import annotations

from .factory import Budget, uid


async def _feed(client, keys) -> list[dict]:
    items, after = [], 0
    headers = keys.auth(roles=["service_events"], sub="reports")
    while True:
        page = (await client.get(f"/v1/budget/events?after={after}&limit=1000", headers=headers)).json()
        items += page["items"]
        after = page["next_after"]
        if not page["has_more"]:
            return items


async def test_feed_carries_every_ledger_row_and_money_events(client, keys):
    b = Budget(client, keys)
    project, account = await b.funded("5000.00")
    w = await b.withdrawal(account, "1200.00")
    await b.sign(w, account["signatories"][0])
    await b.sign(w, account["signatories"][1])
    ref = f"P-{uid()}"
    await b.ok("POST", f"/v1/budget/withdrawals/{w['id']}/payout", b.bank, {"bank_reference": ref}, status=200)
    await b.ok("POST", f"/v1/budget/projects/{project['id']}/suspend", b.secretariat, {"reason": "r"}, status=200)

    events = await _feed(client, keys)
    mine = [
        e
        for e in events
        if e["payload"].get("account_id") == account["id"] or e["entity_id"] in (project["id"], account["id"], w["id"])
    ]
    types = [e["type"] for e in mine]
    for t in (
        "project.created",
        "account.opened",
        "withdrawal.requested",
        "withdrawal.approved",
        "withdrawal.paid",
        "project.suspended",
    ):
        assert types.count(t) == 1, (t, types)
    ledger = [e["payload"] for e in mine if e["type"] == "ledger.entry"]
    rows = (await b.get(f"/v1/budget/accounts/{account['id']}/ledger"))["items"]
    assert sorted(p["id"] for p in ledger) == sorted(r["id"] for r in rows)
    payout = next(p for p in ledger if p["kind"] == "payout")
    assert payout["amount"] == "-1200.00" and payout["reference"] == ref and payout["project_id"] == project["id"]
    opened = next(e for e in mine if e["type"] == "account.opened")["payload"]
    assert opened["signatory_count"] == 3 and "number" not in opened and opened["number_last4"] == "4567"
    created = next(e for e in mine if e["type"] == "project.created")["payload"]
    assert created["tranches"] == ["50.00", "50.00"]
    assert created["status"] == "active" and created["name"] == project["name"]
    paid = next(e for e in mine if e["type"] == "withdrawal.paid")["payload"]
    assert paid["status"] == "paid" and paid["amount"] == "1200.00"

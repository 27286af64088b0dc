"""The event contract, budget side: every event the budget emits is typed and fits its model.

It checks the whole feed in the database (what committed tests left, most budget tests are rolled back); its
own flow makes sure every budget event type is emitted, so it needs no other test before it.
(tests/test_event_contract.py replays a producer's feed through the reports consumer: a service's tests may
not import another service.)"""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from phaen_budget.withdrawals.service import expire
from phaen_common.events.contract import contract_problems, types_of

from .factory import RESOLUTION, Budget, uid
from .test_expenses import expense, receipt


async def _feed(client, keys) -> list[dict]:
    items, after = [], 0
    headers = keys.auth(roles=["service_events"], sub="reports")
    while True:
        page = (await client.get(f"/v1/budget/events?after={after}&limit=1000", headers=headers)).json()
        items += page["items"]
        after = page["next_after"]
        if not page["has_more"]:
            return items


async def _every_budget_event(client, keys) -> None:
    b = Budget(client, keys)
    grant = await b.grant(amount="200000.00", lines=[(1, "100000.00"), (2, "100000.00")])
    await b.ok(
        "POST",
        f"/v1/budget/grants/{grant['id']}/lines/2/cofunding",
        b.secretariat,
        {"funder": "สสส.", "amount": "5000.00"},
    )
    project, account = await b.funded("50000.00", grant=grant, tranches=[50, 50])
    base = f"/v1/budget/projects/{project['id']}"
    proposal = await b.ok(
        "POST",
        "/v1/budget/proposals",
        b.secretariat,
        {"project_id": project["id"], "amount": "1000.00", "kind": "change", "title": "เปลี่ยนกิจกรรม"},
    )
    await b.ok(
        "POST",
        f"/v1/budget/proposals/{proposal['id']}/decision",
        b.admin,
        {"decision": "approve", "resolution": RESOLUTION},
        status=200,
    )
    await b.ok("POST", f"{base}/tranches/1/release", b.secretariat, {"resolution": RESOLUTION}, status=200)
    await b.ok("POST", f"{base}/activity-reports", b.secretariat, {"tranche": 1, "summary": "จัดเวที"})
    s = account["signatories"]
    paid = await b.withdrawal(account, "1000.00")
    await b.sign(paid, s[0])
    await b.sign(paid, s[1])
    await b.ok(
        "POST", f"/v1/budget/withdrawals/{paid['id']}/payout", b.bank, {"bank_reference": f"P-{uid()}"}, status=200
    )
    cancelled = await b.withdrawal(account, "500.00")
    await b.ok("POST", f"/v1/budget/withdrawals/{cancelled['id']}/cancel", b.secretariat, {"reason": "ซ้ำ"}, status=200)
    expiring = await b.withdrawal(account, "100.00")
    async with client._transport.app.state.db.sessionmaker() as session, session.begin():
        later = dt.datetime.fromisoformat(expiring["expires_at"]) + dt.timedelta(seconds=1)
        assert await expire(session=session, withdrawal_id=uuid.UUID(expiring["id"]), now=later)
    changes = f"/v1/budget/accounts/{account['id']}/signatory-changes"
    for outcome in ("withdrawn", "rejected", "confirmed"):
        change = await b.ok(
            "PUT",
            f"/v1/budget/accounts/{account['id']}/signatories",
            {**b.secretariat, "If-Match": "*"},
            {
                "signatories": ["a-" + uid(), "b-" + uid(), "c-" + uid()],
                "threshold": 2,
                "resolution": {"number": f"มติ {uid()}", "meeting_date": "2004-02-01"},
            },
            status=202,
        )
        action, who = {"withdrawn": ("reject", b.secretariat), "rejected": ("reject", b.admin)}.get(
            outcome, ("confirm", b.admin)
        )
        done = await b.ok("POST", f"{changes}/{change['id']}/{action}", who, status=200)
        assert done["status"] == outcome
    e = await b.ok("POST", "/v1/budget/expenses", b.secretariat, expense(project, receipt()))
    await b.ok("POST", f"/v1/budget/expenses/{e['id']}/void", b.secretariat, {"reason": "บันทึกผิด"}, status=200)
    # A statement with a debit nobody approved raises an alert; the secretariat resolves it; a head is signed.
    bank = keys.auth(roles=["bank"], sub="bank-contract", bank=account["bank"])
    today = dt.datetime.now(dt.timezone(dt.timedelta(hours=7))).date().isoformat()
    csv = f"date,description,reference,withdrawal,deposit,balance\n{today},ถอนเงิน,X{uid()},777.00,,\n"
    r = await client.post(
        f"/v1/budget/accounts/{account['id']}/statements",
        content=csv.encode(),
        headers={**bank, "Content-Type": "text/csv; charset=utf-8"},
    )
    assert r.status_code == 201, r.text
    alert = r.json()["alerts"][0]
    await b.ok("POST", f"/v1/budget/alerts/{alert['id']}/resolve", b.secretariat, {"note": "คืนเงินแล้ว"}, status=200)
    await b.ok("GET", "/v1/budget/audit/head", b.admin, status=200)
    await b.ok("POST", f"{base}/suspend", b.secretariat, {"reason": "ตรวจสอบ"}, status=200)
    await b.ok("POST", f"{base}/reinstate", b.secretariat, {"reason": "เรียบร้อย"}, status=200)
    await b.ok("POST", f"{base}/close", b.admin, {"reason": "เสร็จสิ้น"}, status=200)


# committed: signing a head writes the anchor file outside the database, which a rollback would leave pointing
# at entries that no longer exist (every later verify would then report them removed).
@pytest.mark.committed
async def test_every_budget_event_is_typed(client, keys):
    await _every_budget_event(client, keys)
    events = await _feed(client, keys)

    assert contract_problems(events) == []
    missing = types_of("budget") - {e["type"] for e in events}
    assert not missing, f"budget event types never emitted: {sorted(missing)}"
    for e in events:  # the CloudEvents attributes on the feed
        assert e["specversion"] == "1.0" and e["id"] == e["event_id"] and e["source"] == "/v1/budget"
        assert e["subject"] == f"{e['entity']}/{e['entity_id']}" and e["time"] and e["datacontenttype"]
        assert e["dataschema"].startswith(f"urn:phaen:event:{e['type']}:v")

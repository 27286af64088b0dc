"""List pages load their figures in bulk: every item is exactly what the single-item route answers."""

from __future__ import annotations

import uuid

from .factory import RELEASE, Budget, uid


def _receipt(amount: str) -> dict:
    return {
        "kind": "receipt",
        "seller_name": f"ร้าน {uid()}",
        "seller_address": "อ.เมือง จ.สิงห์บุรี",
        "book_no": "12",
        "receipt_no": "345",
        "date": "2004-05-01",
        "items": [{"description": "รายการ", "amount": amount}],
        "receiver_signed": True,
    }


async def test_grant_list_matches_each_grant(client, keys):
    b = Budget(client, keys)
    funder = f"F-{uid()}"
    grants = []
    for amount, lines in (
        ("10000.00", [(1, "4000.00"), (2, "1000.00")]),
        ("5000.00", [(1, "5000.00")]),
        ("700.00", []),
    ):
        g = await b.ok(
            "POST",
            "/v1/budget/grants",
            b.secretariat,
            {"name": f"ทุน {uid()}", "funder": funder, "amount": amount, "fiscal_year": 2547},
        )
        for no, planned in lines:
            await b.ok(
                "POST",
                f"/v1/budget/grants/{g['id']}/lines",
                b.secretariat,
                {"no": no, "title": f"แผนงาน {no}", "planned": planned},
            )
        grants.append(g)
    project = await b.project(grant=grants[0], line_no=2, amount="1000.00")
    await b.ok(
        "POST",
        "/v1/budget/expenses",
        b.secretariat,
        {
            "project_id": project["id"],
            "category": "1.3",
            "amount": "600.00",
            "spent_on": "2004-05-01",
            "description": "เวทีประชาคม",
            "evidence": _receipt("600.00"),
        },
    )
    page = await b.get(f"/v1/budget/grants?funder={funder}")
    assert page["total"] == 3 and {g["id"] for g in page["items"]} == {g["id"] for g in grants}
    for item in page["items"]:
        assert item == await b.get(f"/v1/budget/grants/{item['id']}")
    by_id = {g["id"]: g for g in page["items"]}
    assert [ln["actual"] for ln in by_id[grants[0]["id"]]["lines"]] == ["0.00", "600.00"]
    assert [ln["actual"] for ln in by_id[grants[1]["id"]]["lines"]] == ["0.00"]
    assert by_id[grants[2]["id"]]["lines"] == [] and by_id[grants[2]["id"]]["totals"]["planned"] == "0.00"
    assert (await b.get(f"/v1/budget/grants?funder=none-{uid()}")) == {"items": [], "total": 0, "next_cursor": None}


async def test_account_and_withdrawal_lists_match_each_item(client, keys):
    b = Budget(client, keys)
    tambon = f"8{uuid.uuid4().int % 10**5:05d}"
    tc = keys.auth(roles=["tambon_committee"], tambon=tambon, region="south")
    p1 = await b.project(level="tambon", tambon=tambon, region="south")
    p2 = await b.project(level="tambon", tambon=tambon, region="south")
    p3 = await b.project(level="tambon", tambon=tambon, region="south")
    a1 = await b.account(p1)
    a2 = await b.account(p2, threshold=3)
    await b.deposit(a1, "1000.00")
    await b.deposit(a1, "12.50", kind="interest")
    await b.deposit(a2, "500.00")
    w1 = await b.withdrawal(a1, "100.00")
    w2 = await b.withdrawal(a1, "200.00")
    w3 = await b.withdrawal(a2, "300.00")
    await b.sign(w1, a1["signatories"][0])
    await b.sign(w3, a2["signatories"][1])
    await b.sign(w3, a2["signatories"][0])

    accounts = await b.get("/v1/budget/accounts", tc)
    assert accounts["total"] == 2 and {a["id"] for a in accounts["items"]} == {a1["id"], a2["id"]}
    for item in accounts["items"]:
        assert item == await b.get(f"/v1/budget/accounts/{item['id']}", tc)
    by_id = {a["id"]: a for a in accounts["items"]}
    assert (by_id[a1["id"]]["balance"], by_id[a1["id"]]["interest_balance"]) == ("1012.50", "12.50")
    assert (by_id[a2["id"]]["balance"], by_id[a2["id"]]["interest_balance"]) == ("500.00", "0.00")
    assert by_id[a1["id"]]["signatories"] == a1["signatories"]
    assert by_id[a2["id"]]["signatories"] == a2["signatories"]
    empty = await b.get(f"/v1/budget/accounts?project_id={p3['id']}", tc)
    assert empty == {"items": [], "total": 0, "next_cursor": None}

    withdrawals = await b.get("/v1/budget/withdrawals", tc)
    assert withdrawals["total"] == 3
    for item in withdrawals["items"]:
        assert item == await b.get(f"/v1/budget/withdrawals/{item['id']}", tc)
    by_id = {w["id"]: w for w in withdrawals["items"]}
    assert [s["signer"] for s in by_id[w1["id"]]["signatures"]] == [a1["signatories"][0]]
    assert by_id[w2["id"]]["signatures"] == []
    assert [s["signer"] for s in by_id[w3["id"]]["signatures"]] == [a2["signatories"][1], a2["signatories"][0]]
    assert [by_id[w["id"]]["threshold"] for w in (w1, w2, w3)] == [2, 2, 3]
    empty = await b.get("/v1/budget/withdrawals?status=paid", tc)
    assert empty == {"items": [], "total": 0, "next_cursor": None}


async def test_tranche_view_counts_reports_per_tranche(client, keys):
    b = Budget(client, keys)
    project = await b.project(amount="10000.00", tranches=[50, 30, 20])
    base = f"/v1/budget/projects/{project['id']}"
    await b.account(project)
    await b.ok("POST", f"{base}/tranches/1/release", b.secretariat, RELEASE, status=200)
    for summary in ("เวที 1", "เวที 2"):
        await b.ok("POST", f"{base}/activity-reports", b.secretariat, {"tranche": 1, "summary": summary})
    t2 = await b.ok("POST", f"{base}/tranches/2/release", b.secretariat, RELEASE, status=200)
    assert (t2["n"], t2["released"], t2["amount"], t2["activity_reports"]) == (2, True, "3000.00", 0)
    view = await b.get(f"{base}/tranches")
    assert [t["released"] for t in view] == [True, True, False]
    assert [t["activity_reports"] for t in view] == [2, 0, 0]
    assert [t["blocked_by"] for t in view] == [None, None, "activity_report_required"]
    assert [t["amount"] for t in view] == ["5000.00", "3000.00", None]

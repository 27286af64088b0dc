"""Expenses with evidence: receipts and vouchers, items summing, one receipt per expense, void, attachments."""

from __future__ import annotations

import hashlib

import pytest

from .factory import Budget, uid

GOOD_ID = "1101700203450"  # check digit valid
BAD_ID = "1101700203451"


def receipt(amount: str = "1500.00", seller: str | None = None, **over) -> dict:
    ev = {
        "kind": "receipt",
        "seller_name": seller or f"ร้าน {uid()}",
        "seller_address": "อ.เมือง จ.สิงห์บุรี",
        "book_no": "12",
        "receipt_no": "345",
        "date": "2004-05-01",
        "items": [
            {"description": "อาหารกลางวัน", "amount": "1000.00"},
            {"description": "อาหารว่าง", "amount": str(float(amount) - 1000)},
        ]
        if amount == "1500.00"
        else [{"description": "รายการ", "amount": amount}],
        "receiver_signed": True,
    }
    ev.update(over)
    return ev


def voucher(**over) -> dict:
    ev = {
        "kind": "voucher",
        "payee_name": "นายสมชาย ใจดี",
        "payee_address": "หมู่ 3",
        "payee_national_id": GOOD_ID,
        "items": [{"description": "ค่าตอบแทนวิทยากร", "amount": "800.00"}],
        "payee_signed": True,
        "payer_signed": True,
        "head_certified": True,
    }
    ev.update(over)
    return ev


def expense(project: dict, evidence: dict, amount: str = "1500.00", category: str = "1.3") -> dict:
    return {
        "project_id": project["id"],
        "category": category,
        "amount": amount,
        "spent_on": "2004-05-01",
        "description": "เวทีประชาคม",
        "evidence": evidence,
    }


async def test_receipt_counts_in_actual_and_void_reverses(client, keys):
    b = Budget(client, keys)
    grant = await b.grant(amount="10000.00", lines=[(1, "5000.00")])
    project = await b.project(grant=grant, amount="5000.00")
    ev = receipt(items=[{"description": "อาหาร", "amount": "1000.00"}, {"description": "ว่าง", "amount": "500.00"}])
    e = await b.ok("POST", "/v1/budget/expenses", b.secretariat, expense(project, ev))
    assert e["status"] == "recorded" and e["line_no"] == 1 and e["grant_id"] == grant["id"]
    line = (await b.get(f"/v1/budget/grants/{grant['id']}"))["lines"][0]
    assert (line["actual"], line["variance"]) == ("1500.00", "3500.00")
    # The same paper receipt, even spelt with other spacing or case, cannot back a second expense.
    again = {**ev, "seller_name": "  " + ev["seller_name"].upper() + " "}
    r = await client.post("/v1/budget/expenses", headers=b.secretariat, json=expense(project, again))
    assert r.status_code == 409 and r.json()["code"] == "duplicate_receipt"
    v = await b.ok("POST", f"/v1/budget/expenses/{e['id']}/void", b.secretariat, {"reason": "บันทึกผิด"}, status=200)
    assert v["status"] == "void" and v["void_reason"] == "บันทึกผิด"
    r = await client.post(f"/v1/budget/expenses/{e['id']}/void", headers=b.secretariat, json={"reason": "x"})
    assert r.status_code == 409 and r.json()["code"] == "already_void"
    line = (await b.get(f"/v1/budget/grants/{grant['id']}"))["lines"][0]
    assert line["actual"] == "0.00"
    await b.ok("POST", "/v1/budget/expenses", b.secretariat, expense(project, again))  # re-recorded correctly
    assert (await b.get(f"/v1/budget/expenses/{e['id']}"))["status"] == "void"  # nothing deleted


@pytest.mark.parametrize(
    ("ev", "amount"),
    [
        (voucher(payee_national_id=BAD_ID), "800.00"),
        (voucher(head_certified=False), "800.00"),
        (voucher(), "800.01"),  # items do not sum to the amount
        ({k: v for k, v in voucher().items() if k != "payee_address"}, "800.00"),
        (receipt(receiver_signed=False), "1500.00"),
        ({k: v for k, v in receipt().items() if k != "book_no"}, "1500.00"),
        (receipt(items=[]), "1500.00"),
        ({"kind": "invoice"}, "1.00"),
    ],
)
async def test_evidence_rules_are_422(client, keys, ev, amount):
    b = Budget(client, keys)
    project = await b.project()
    r = await client.post("/v1/budget/expenses", headers=b.secretariat, json=expense(project, ev, amount=amount))
    assert r.status_code == 422, r.text
    assert BAD_ID not in r.text


async def test_voucher_national_id_masked_for_the_tambon(client, keys):
    b = Budget(client, keys)
    project = await b.project(level="tambon", tambon="100101")
    tc = keys.auth(roles=["tambon_committee"], tambon="100101", region="central")
    e = await b.ok("POST", "/v1/budget/expenses", tc, expense(project, voucher(), amount="800.00", category="1.5"))
    assert e["evidence"]["payee_national_id"].endswith("3450") and GOOD_ID not in str(e)
    full = await b.get(f"/v1/budget/expenses/{e['id']}", keys.auth(roles=["auditor"]))
    assert full["evidence"]["payee_national_id"] == GOOD_ID
    r = await client.post(
        "/v1/budget/expenses", headers=tc, json=expense(project, voucher(), amount="800.00", category="7")
    )
    assert r.status_code == 422


async def test_attachments(client, keys, data_dir):
    b = Budget(client, keys)
    project = await b.project()
    e = await b.ok("POST", "/v1/budget/expenses", b.secretariat, expense(project, voucher(), amount="800.00"))
    pdf = b"%PDF-1.4\n" + b"0" * 2048
    r = await client.post(
        f"/v1/budget/expenses/{e['id']}/attachments",
        headers=b.secretariat,
        files={"file": ("ใบสำคัญ.pdf", pdf, "application/pdf")},
    )
    assert r.status_code == 201, r.text
    att = r.json()
    assert att["sha256"] == hashlib.sha256(pdf).hexdigest() and att["size"] == len(pdf)
    assert att["content_type"] == "application/pdf"
    stored = list((data_dir / "attachments").rglob(att["sha256"]))
    assert len(stored) == 1 and stored[0].read_bytes() == pdf
    got = await client.get(f"/v1/budget/attachments/{att['id']}/content", headers=b.admin)
    assert got.status_code == 200 and got.content == pdf and got.headers["x-content-sha256"] == att["sha256"]
    assert (await b.get(f"/v1/budget/expenses/{e['id']}/attachments"))["total"] == 1
    r = await client.post(
        f"/v1/budget/expenses/{e['id']}/attachments",
        headers=b.secretariat,
        files={"file": ("x.exe", b"MZ\x90\x00", "application/pdf")},
    )
    assert r.status_code == 415
    big = b"%PDF-" + b"0" * (10 * 1024 * 1024)
    r = await client.post(
        f"/v1/budget/expenses/{e['id']}/attachments",
        headers=b.secretariat,
        files={"file": ("big.pdf", big, "application/pdf")},
    )
    assert r.status_code == 413


@pytest.mark.parametrize(
    "path",
    [
        "/v1/budget/expenses/{e}",
        "/v1/budget/grants/{g}",
        "/v1/budget/projects/{p}",
        "/v1/budget/audit",
        "/v1/budget/withdrawals/{e}",
        "/v1/budget/accounts/{e}",
        "/v1/budget/anything/else",
    ],
)
async def test_delete_is_405_everywhere(client, keys, path):
    b = Budget(client, keys)
    project = await b.project()
    url = path.format(e=project["id"], g=project["grant_id"], p=project["id"])
    r = await client.delete(url, headers=b.admin)
    assert r.status_code == 405 and r.headers["content-type"] == "application/problem+json"
    assert (await client.get(f"/v1/budget/projects/{project['id']}", headers=b.admin)).status_code == 200


async def test_expense_event_carries_the_voucher_but_never_the_full_national_id(client, keys):
    b = Budget(client, keys)
    project = await b.project(level="tambon", tambon="100101")
    tc = keys.auth(roles=["tambon_committee"], tambon="100101", region="central")
    e = await b.ok("POST", "/v1/budget/expenses", tc, expense(project, voucher(), amount="800.00", category="1.5"))
    headers = keys.auth(roles=["service_events"], sub="reports")
    items, after = [], 0
    while True:
        page = (await client.get(f"/v1/budget/events?after={after}&limit=1000", headers=headers)).json()
        items += page["items"]
        after = page["next_after"]
        if not page["has_more"]:
            break
    recorded = next(i for i in items if i["type"] == "expense.recorded" and i["entity_id"] == e["id"])
    payload = recorded["payload"]
    assert payload["description"] == "เวทีประชาคม"
    assert payload["evidence"]["payee_name"] == "นายสมชาย ใจดี"
    assert payload["evidence"]["payee_national_id_last4"] == "3450"
    assert [(i["description"], i["amount"]) for i in payload["evidence"]["items"]] == [("ค่าตอบแทนวิทยากร", "800.00")]
    assert GOOD_ID not in str(payload) and "payee_national_id" not in payload["evidence"]


@pytest.mark.parametrize("bad", [0, "0", "1654646400", "2004-05-01T10:00:00", "01/05/2547"])
async def test_dates_are_iso_calendar_dates_only(client, keys, bad):
    # Pydantic alone would take 0 or "1654646400" as a Unix time and store 1970-01-01 silently.
    b = Budget(client, keys)
    project = await b.project(level="tambon", tambon="100101")
    tc = keys.auth(roles=["tambon_committee"], tambon="100101", region="central")
    body = expense(project, voucher(), amount="800.00", category="1.5")
    body["spent_on"] = bad
    r = await client.post("/v1/budget/expenses", headers=tc, json=body)
    assert r.status_code == 422, r.text
    assert r.json()["errors"][0]["loc"][-1] == "spent_on"
    receipt_body = expense(project, receipt(amount="800.00", date=bad), amount="800.00")
    r = await client.post("/v1/budget/expenses", headers=tc, json=receipt_body)
    assert r.status_code == 422, r.text


async def test_resolution_dates_are_iso_only(client, keys):
    b = Budget(client, keys)
    _project, account = await b.funded("5000.00")
    r = await client.post(
        "/v1/budget/withdrawals",
        headers=b.secretariat,
        json={
            "account_id": account["id"],
            "amount": "100.00",
            "purpose": "x",
            "resolution": {"number": "1/2547", "meeting_date": 0},
        },
    )
    assert r.status_code == 422, r.text
    assert r.json()["errors"][0]["loc"][-1] == "meeting_date"

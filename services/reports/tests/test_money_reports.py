"""Account statements, expense summaries, vouchers and the audit package, with their scope rules."""

from __future__ import annotations

import io
import uuid
import zipfile
from decimal import Decimal

import pypdfium2 as pdfium
from scenario import seed_grant, tambon_project


def _tambon() -> str:
    return f"34{uuid.uuid4().int % 10000:04d}"


async def test_monthly_statement_reconciles_with_the_ledger(reports_app, feeds, keys):
    registry, budget = feeds
    net = seed_grant(budget)
    tambon = _tambon()
    tambon_project(registry, budget, net, tambon=tambon)
    async with reports_app([registry.source, budget.source]) as (client, app):
        await app.state.consumer.catch_up()
        auth = keys.auth(roles=["auditor"])
        months = {}
        for month in ("2003-12", "2004-01", "2004-02", "2004-03"):
            r = await client.get(
                f"/v1/reports/accounts/{net.account_id}/monthly", params={"month": month}, headers=auth
            )
            assert r.status_code == 200, r.text
            months[month] = r.json()
        ok = {"roles": ["regional_committee"], "region": "northeast"}
        assert (
            await client.get(
                f"/v1/reports/accounts/{net.account_id}/monthly", params={"month": "2004-01"}, headers=keys.auth(**ok)
            )
        ).status_code == 200
        own = {"roles": ["tambon_committee"], "tambon": tambon}
        assert (
            await client.get(
                f"/v1/reports/accounts/{net.account_id}/monthly", params={"month": "2004-01"}, headers=keys.auth(**own)
            )
        ).status_code == 200
        other = {"roles": ["regional_committee"], "region": "south"}
        r = await client.get(
            f"/v1/reports/accounts/{net.account_id}/monthly", params={"month": "2004-01"}, headers=keys.auth(**other)
        )
        assert r.status_code == 404
        r = await client.get(
            f"/v1/reports/accounts/{net.account_id}/monthly",
            params={"month": "2004-01"},
            headers=keys.auth(roles=["tambon_committee"], tambon="100101"),
        )
        assert r.status_code == 404
        r = await client.get(
            f"/v1/reports/accounts/{net.account_id}/monthly",
            params={"month": "2004-01"},
            headers=keys.auth(roles=["partner_registry"]),
        )
        assert r.status_code == 403
        r = await client.get(
            f"/v1/reports/accounts/{net.account_id}/monthly", params={"month": "2004-13"}, headers=auth
        )
        assert r.status_code == 422
    dec, jan, feb, mar = (months[m] for m in ("2003-12", "2004-01", "2004-02", "2004-03"))
    assert (dec["opening"], dec["closing"], dec["entries"]) == ("0.00", "0.00", [])
    assert (jan["opening"], jan["receipts"], jan["payments"], jan["closing"]) == (
        "0.00",
        "10012.50",
        "0.00",
        "10012.50",
    )
    assert (feb["opening"], feb["receipts"], feb["payments"], feb["closing"]) == (
        "10012.50",
        "500.00",
        "5500.00",
        "5012.50",
    )
    assert (mar["opening"], mar["payments"], mar["closing"]) == ("5012.50", "10.00", "5002.50")
    # Reconciles with the ledger: the closing balance is the sum of every ledger event up to then.
    ledger = [
        Decimal(e.payload["amount"])
        for e in budget.source.events
        if e.type == "ledger.entry" and e.payload["account_id"] == net.account_id
    ]
    assert Decimal(mar["closing"]) == sum(ledger)
    assert feb["entries"][-1]["balance"] == feb["closing"]


async def test_expense_summary_by_category(reports_app, feeds, keys):
    registry, budget = feeds
    net = seed_grant(budget)
    tambon_project(registry, budget, net, tambon=_tambon())
    async with reports_app([registry.source, budget.source]) as (client, app):
        await app.state.consumer.catch_up()
        r = await client.get(
            f"/v1/reports/projects/{net.tambon_project}/expense-summary",
            headers=keys.auth(roles=["regional_committee"], region="northeast"),
        )
        assert r.status_code == 200, r.text
        body = r.json()
        r = await client.get(
            f"/v1/reports/projects/{net.tambon_project}/expense-summary",
            headers=keys.auth(roles=["regional_committee"], region="north"),
        )
        assert r.status_code == 404 and r.json()["code"] == "project_not_found"
    cats = {c["category"]: c for c in body["categories"]}
    assert [c["category"] for c in body["categories"]][:5] == ["1.1", "1.2", "1.3", "1.4", "1.5"]
    assert cats["1.3"]["amount"] == "3000.00" and cats["2.2"]["amount"] == "2500.00"
    assert cats["6"]["amount"] == "0.00"
    groups = {g["category"]: g["amount"] for g in body["groups"]}
    assert groups["1"] == "3000.00" and groups["2"] == "2500.00"
    assert body["total"] == "5500.00" and body["count"] == 2


async def test_audit_package_lists_present_and_missing_and_zips_the_documents(reports_app, feeds, keys):
    registry, budget = feeds
    net = seed_grant(budget)
    tambon_project(registry, budget, net, tambon=_tambon())
    async with reports_app([registry.source, budget.source]) as (client, app):
        await app.state.consumer.catch_up()
        url = f"/v1/reports/projects/{net.tambon_project}/audit-package"
        body = (await client.get(url, headers=keys.auth(roles=["auditor"]))).json()
        status = {i["no"]: i["status"] for i in body["items"]}
        assert list(status) == [f"3.{n}" for n in range(1, 12)]
        assert {k for k, v in status.items() if v == "present"} == {
            "3.1",
            "3.2",
            "3.3",
            "3.4",
            "3.5",
            "3.8",
            "3.9",
            "3.10",
        }
        assert status["3.6"] == "missing" and status["3.7"] == "missing" and status["3.11"] == "not_applicable"
        item35 = next(i for i in body["items"] if i["no"] == "3.5")
        assert item35["evidence"] == ["มติที่ประชุม 3/2547 ลงวันที่ 15 มกราคม 2547"]  # the cited resolution, BE date
        item36 = next(i for i in body["items"] if i["no"] == "3.6")
        assert item36["missing"] == ["รายงานสรุปผลงวดที่ 1"]
        for n in (1, 2):
            rid = str(uuid.uuid4())
            budget.add(
                "activity_report.submitted",
                "activity_report",
                rid,
                {"id": rid, "project_id": net.tambon_project, "tranche": n, "submitted_at": "2004-05-01T09:00:00Z"},
            )
        await app.state.consumer.catch_up()
        body = (await client.get(url, headers=keys.auth(roles=["auditor"]))).json()
        status = {i["no"]: i["status"] for i in body["items"]}
        assert status["3.6"] == "present" and status["3.7"] == "present" and body["missing"] == 0
        r = await client.get(url, params={"format": "zip"}, headers=keys.auth(roles=["secretariat"]))
        assert r.status_code == 200 and r.headers["content-type"] == "application/zip"
        names = zipfile.ZipFile(io.BytesIO(r.content)).namelist()
        assert (await client.get(url, headers=keys.auth(roles=["partner_registry"]))).status_code == 403
    assert "00-index.pdf" in names and "3.4-expense-summary.xlsx" in names
    index = pdfium.PdfDocument(zipfile.ZipFile(io.BytesIO(r.content)).read("00-index.pdf"))
    text = index[0].get_textpage().get_text_range().replace("\u200b", "")
    assert "รายชื่อคณะกรรมการ" in text and "3.11" in text
    assert f"3.4-voucher-{net.voucher_id}.pdf" in names
    assert {n for n in names if n.startswith("3.9-statement")} == {
        f"3.9-statement-{net.account_id}-2004-0{m}.pdf" for m in (1, 2, 3)
    }


async def test_voucher_only_for_voucher_backed_expenses(reports_app, feeds, keys):
    registry, budget = feeds
    net = seed_grant(budget)
    tambon = _tambon()
    tambon_project(registry, budget, net, tambon=tambon)
    async with reports_app([registry.source, budget.source]) as (client, app):
        await app.state.consumer.catch_up()
        auth = keys.auth(roles=["tambon_committee"], tambon=tambon)
        r = await client.get(f"/v1/reports/expenses/{net.voucher_id}/voucher", headers=auth)
        assert r.status_code == 200, r.text
        v = r.json()
        r = await client.get(f"/v1/reports/expenses/{net.receipt_id}/voucher", headers=auth)
        assert r.status_code == 404 and r.json()["code"] == "voucher_not_found"
        r = await client.get(
            f"/v1/reports/expenses/{net.voucher_id}/voucher",
            headers=keys.auth(roles=["tambon_committee"], tambon="100101"),
        )
        assert r.status_code == 404 and r.json()["code"] == "expense_not_found"
    assert v["amount"] == "3000.00" and v["items"] == [{"description": "ค่าอาหารเวทีประชาคม", "amount": "3000.00"}]
    assert v["payee_name"] is None and v["category"] == "1.3"

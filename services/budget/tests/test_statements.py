"""Bank statements close the loop: sample camt.053 and CSV files of October 2026 reconciled with a ledger that
the API booked in October 2026 (the clock is moved there with time-machine, so every money action runs the real
path: withdrawal, two signatures, payout by the bank, fee, deposits, interest)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from .factory import Budget, uid
from .statement_month import BKK, CSV, XML, Month, sample


def codes(answer: dict[str, Any]) -> list[str]:
    return sorted(a["code"] for a in answer["alerts"])


# Once per session, not per module: the sample statement carries fixed bank references, which the database
# refuses twice, and a module fixture is built again whenever the order (shuffled, or split between xdist
# workers' units) leaves the module and comes back. Built outside any test's transaction, so it is committed.
@pytest.fixture(scope="session")
async def unauthorised(client, keys) -> tuple[Month, dict[str, Any]]:
    month = await Month(client, keys).build("U", region="north")
    r = await month.import_("baac-2026-10-unauthorised.xml")
    assert r.status_code == 201, r.text
    return month, r.json()


async def test_clean_month_camt053_is_fully_matched(client, keys):
    month = await Month(client, keys).build("X")
    r = await month.import_("baac-2026-10-clean.xml")
    assert r.status_code == 201, r.text
    answer = r.json()
    assert (answer["lines"], answer["matched"]) == (5, 5)
    assert answer["unmatched_bank_lines"] == [] and answer["unmatched_ledger_entries"] == []
    assert answer["alerts"] == []
    assert (answer["closing_balance"], answer["ledger_closing_balance"]) == ("62520.20", "62520.20")
    assert (answer["period_from"], answer["period_to"], answer["format"]) == ("2026-10-01", "2026-10-31", "camt053")
    detail = await Budget(client, keys).get(f"/v1/budget/accounts/{month.account['id']}/statements/{answer['id']}")
    by_no = {ln["no"]: ln for ln in detail["items"]}
    assert [by_no[n]["matched_by"] for n in range(1, 6)] == [
        "reference",
        "reference",
        "reference",
        "amount",
        "reference",
    ]
    assert by_no[4]["withdrawal_id"] == month.payouts[1]["id"]  # the 13th's debit is the payout booked on the 12th


async def test_clean_month_csv_with_bom_is_fully_matched(client, keys):
    month = await Month(client, keys).build("C")
    r = await month.import_("baac-2026-10-clean.csv")
    assert r.status_code == 201, r.text
    answer = r.json()
    assert (answer["lines"], answer["matched"], answer["alerts"], answer["format"]) == (5, 5, [], "csv")
    assert answer["opening_balance"] == "0.00" and answer["closing_balance"] == "62520.20"


async def test_buddhist_era_csv_with_thousands_separators_is_read(client, keys):
    month = await Month(client, keys).build("B")
    r = await month.import_("baac-2026-10-clean-be.csv", as_=Budget(client, keys).secretariat)
    assert r.status_code == 201, r.text
    answer = r.json()
    assert (answer["period_from"], answer["period_to"]) == ("2026-10-01", "2026-10-31")  # 2569 B.E. = 2026
    assert (answer["lines"], answer["matched"], answer["alerts"]) == (5, 5, [])


async def test_planted_unauthorised_debit_raises_its_alert(client, keys, unauthorised):
    _, answer = unauthorised
    assert (answer["lines"], answer["matched"]) == (6, 5)
    [line] = answer["unmatched_bank_lines"]
    assert (line["amount"], line["reference"], line["booked_on"]) == ("-9000.00", "U2610200006", "2026-10-20")
    assert codes(answer) == ["balance_mismatch", "unauthorised_debit"]
    alert = next(a for a in answer["alerts"] if a["code"] == "unauthorised_debit")
    assert alert["severity"] == "critical" and alert["open"] and alert["line_id"] == line["id"]
    assert alert["detail"]["amount"] == "-9000.00"
    mismatch = next(a for a in answer["alerts"] if a["code"] == "balance_mismatch")
    assert (mismatch["detail"]["statement"], mismatch["detail"]["ledger"]) == ("53520.20", "62520.20")


async def test_reimport_changes_nothing(client, keys, unauthorised):
    month, first = unauthorised
    b = Budget(client, keys)
    alerts_before = await b.get(f"/v1/budget/alerts?account={month.account['id']}")
    r = await month.import_("baac-2026-10-unauthorised.xml")
    assert r.status_code == 201 and r.headers.get("idempotent-replayed") == "true"
    assert r.json() == first
    # By the secretariat this time: the same statement is still the same statement.
    r = await month.import_("baac-2026-10-unauthorised.xml", as_=b.secretariat)
    assert r.json() == first
    listed = await b.get(f"/v1/budget/accounts/{month.account['id']}/statements")
    assert listed["total"] == 1
    assert (await b.get(f"/v1/budget/alerts?account={month.account['id']}")) == alerts_before
    assert alerts_before["total"] == 2


async def test_missing_payout_is_flagged(client, keys):
    month = await Month(client, keys).build("M")
    r = await month.import_("baac-2026-10-missing-payout.csv")
    assert r.status_code == 201, r.text
    answer = r.json()
    assert (answer["lines"], answer["matched"], answer["unmatched_bank_lines"]) == (4, 4, [])
    [miss] = answer["unmatched_ledger_entries"]
    assert (miss["kind"], miss["amount"], miss["reference"]) == ("payout", "-25000.00", "M2610050002")
    assert codes(answer) == ["balance_mismatch", "missing_on_statement"]
    alert = next(a for a in answer["alerts"] if a["code"] == "missing_on_statement")
    assert alert["ledger_entry_id"] == miss["id"] and alert["withdrawal_id"] == month.payouts[0]["id"]


async def test_balance_mismatch_is_flagged(client, keys):
    month = await Month(client, keys).build("K", phantom_deposit=True)
    r = await month.import_("baac-2026-10-balance-mismatch.xml")
    assert r.status_code == 201, r.text
    answer = r.json()
    assert (answer["lines"], answer["matched"]) == (5, 5)
    [miss] = answer["unmatched_ledger_entries"]
    assert (miss["kind"], miss["amount"]) == ("transfer", "5000.00")
    assert codes(answer) == ["balance_mismatch"]  # a deposit is not a payout: no missing_on_statement
    [alert] = answer["alerts"]
    assert alert["detail"] == {"as_of": "2026-10-31", "statement": "62520.20", "ledger": "67520.20"}


async def test_statement_for_another_banks_account_is_refused(client, keys, unauthorised):
    month, _ = unauthorised
    other = keys.auth(roles=["bank"], sub="bank-ktb", bank="KTB")
    r = await month.import_("baac-2026-10-unauthorised.xml", as_=other)
    assert r.status_code == 404 and r.json()["code"] == "account_not_found"
    no_bank = keys.auth(roles=["bank"], sub="bank-unknown")  # a bank client that says no bank
    r = await month.import_("baac-2026-10-unauthorised.xml", as_=no_bank)
    assert r.status_code == 404
    r = await client.get(f"/v1/budget/accounts/{month.account['id']}/statements", headers=other)
    assert r.status_code == 404
    for role in ("auditor", "tambon_committee", "signatory", "regional_committee", "national_committee"):
        r = await month.import_("baac-2026-10-unauthorised.xml", as_=keys.auth(roles=[role], region="north"))
        assert r.status_code == 403, role
    b = Budget(client, keys)
    denied = await b.get("/v1/budget/audit?action=statement.import&outcome=denied&limit=500", b.secretariat)
    assert any(e["actor"] == "bank-ktb" and e["detail"] == "account_not_found" for e in denied["items"])


BAD_CSV = {
    "header": b"date,desc,ref,out,in,balance\n2026-10-01,x,r,,1.00,1.00\n",
    "both_amounts": b"date,description,reference,withdrawal,deposit,balance\n2026-10-01,x,r,1.00,1.00,0.00\n",
    "no_amount": b"date,description,reference,withdrawal,deposit,balance\n2026-10-01,x,r,,,0.00\n",
    "three_decimals": b"date,description,reference,withdrawal,deposit,balance\n2026-10-01,x,r,,1.000,1.00\n",
    "float_text": b"date,description,reference,withdrawal,deposit,balance\n2026-10-01,x,r,,1e3,1000.00\n",
    "ce_slash_date": b"date,description,reference,withdrawal,deposit,balance\n01/10/2026,x,r,,1.00,1.00\n",
    "be_iso_date": b"date,description,reference,withdrawal,deposit,balance\n2569-10-01,x,r,,1.00,1.00\n",
    "no_such_day": b"date,description,reference,withdrawal,deposit,balance\n31/02/2569,x,r,,1.00,1.00\n",
    "columns": b"date,description,reference,withdrawal,deposit,balance\n2026-10-01,x,r,,1.00\n",
    "unbalanced": b"date,description,reference,withdrawal,deposit,balance\n"
    b"2026-10-01,x,r1,,10.00,10.00\n2026-10-02,y,r2,,5.00,99.00\n",
    "not_utf8": "date,description,reference,withdrawal,deposit,balance\n2026-10-01,ค่า,r,,1.00,1.00\n".encode("cp874"),
    "nul": b"date,description,reference,withdrawal,deposit,balance\n2026-10-01,a\x00b,r,,1.00,1.00\n",
    "empty": b"",
    "only_header": b"date,description,reference,withdrawal,deposit,balance\n",
    "quote": b'date,description,reference,withdrawal,deposit,balance\n2026-10-01,"x,r,,1.00,1.00\n',
}
BAD_XML = {
    "not_xml": b"this is not xml",
    "unclosed": b"<Document><BkToCstmrStmt>",
    "not_camt": b"<Document xmlns='urn:iso:std:iso:20022:tech:xsd:pain.001.001.09'><CstmrCdtTrfInitn/></Document>",
    "no_statement": b"<Document xmlns='urn:iso:std:iso:20022:tech:xsd:camt.053.001.08'><BkToCstmrStmt/></Document>",
}


@pytest.mark.parametrize("case", sorted(BAD_CSV))
async def test_malformed_csv_is_a_4xx(client, keys, unauthorised, case):
    month, _ = unauthorised
    r = await client.post(
        f"/v1/budget/accounts/{month.account['id']}/statements",
        content=BAD_CSV[case],
        headers={**CSV, **month.bank()},
    )
    assert r.status_code == 422, (case, r.status_code, r.text)
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["code"] in {"statement_unreadable", "statement_unbalanced"}


@pytest.mark.parametrize("case", sorted(BAD_XML))
async def test_malformed_xml_is_a_4xx(client, keys, unauthorised, case):
    month, _ = unauthorised
    r = await client.post(
        f"/v1/budget/accounts/{month.account['id']}/statements",
        content=BAD_XML[case],
        headers={**XML, **month.bank()},
    )
    assert r.status_code == 422, (case, r.status_code, r.text)
    assert r.json()["code"] == "statement_unreadable"


@pytest.mark.parametrize("name", ["bomb.xml", "xxe.xml"])
async def test_xml_bomb_and_external_entity_are_refused(client, keys, unauthorised, name):
    month, _ = unauthorised
    r = await month.import_(name)
    assert r.status_code == 422 and r.json()["code"] == "statement_unsafe_xml", r.text


async def test_statement_of_another_account_number_is_refused(client, keys):
    b = Budget(client, keys)
    project = await b.project()
    account = await b.account(project)
    body = sample("baac-2026-10-clean.xml").replace(b"020-1-23456-7", b"020-1-99999-9")
    r = await client.post(
        f"/v1/budget/accounts/{account['id']}/statements", content=body, headers={**XML, **b.secretariat}
    )
    assert r.status_code == 422 and r.json()["code"] == "statement_account_mismatch"


async def test_wrong_type_and_too_large_bodies(client, keys, unauthorised, settings):
    month, _ = unauthorised
    url = f"/v1/budget/accounts/{month.account['id']}/statements"
    r = await client.post(url, json={"lines": []}, headers=month.bank())
    assert r.status_code == 415 and r.json()["code"] == "unsupported_statement_type"
    big = b"date,description,reference,withdrawal,deposit,balance\n" + b"x" * (settings.statement_max_bytes + 1)
    r = await client.post(url, content=big, headers={**CSV, **month.bank()})
    assert r.status_code == 413


async def test_alerts_listed_in_scope_and_resolved_once(client, keys, unauthorised):
    month, answer = unauthorised
    b = Budget(client, keys)
    url = f"/v1/budget/alerts?account={month.account['id']}&code=unauthorised_debit"
    for who in (
        b.secretariat,
        keys.auth(roles=["auditor"]),
        b.admin,
        keys.auth(roles=["regional_committee"], region="north"),
    ):
        page = await b.get(url, who)
        assert [a["code"] for a in page["items"]] == ["unauthorised_debit"]
    south = keys.auth(roles=["regional_committee"], region="south")
    assert (await b.get(url, south))["items"] == []
    for role in ("bank", "tambon_committee", "signatory"):
        r = await client.get(url, headers=keys.auth(roles=[role], tambon="100101"))
        assert r.status_code == 403, role

    alert = next(a for a in answer["alerts"] if a["code"] == "unauthorised_debit")
    r = await client.post(
        f"/v1/budget/alerts/{alert['id']}/resolve", headers=keys.auth(roles=["auditor"]), json={"note": "x"}
    )
    assert r.status_code == 403
    note = {"note": "ธ.ก.ส. ยืนยันว่าเป็นการถอนผิดบัญชี คืนเงินแล้ว 21/10/2569"}
    done = await b.ok("POST", f"/v1/budget/alerts/{alert['id']}/resolve", b.secretariat, note, status=200)
    assert not done["open"] and done["resolution_note"] == note["note"]
    r = await client.post(f"/v1/budget/alerts/{alert['id']}/resolve", headers=b.secretariat, json=note)
    assert r.status_code == 409 and r.json()["code"] == "alert_already_resolved"
    still_open = await b.get(f"/v1/budget/alerts?account={month.account['id']}&open=true")
    assert [a["code"] for a in still_open["items"]] == ["balance_mismatch"]
    closed = await b.get(f"/v1/budget/alerts?account={month.account['id']}&open=false")
    assert [a["id"] for a in closed["items"]] == [alert["id"]]


async def test_alerts_and_statements_are_audited_and_emitted(client, keys, unauthorised):
    month, answer = unauthorised
    b = Budget(client, keys)
    trail = await b.get(f"/v1/budget/audit?entity=bank_statement&id={answer['id']}", b.secretariat)
    assert [e["action"] for e in trail["items"]] == ["statement.import"]
    alert = next(a for a in answer["alerts"] if a["code"] == "unauthorised_debit")
    trail = await b.get(f"/v1/budget/audit?entity=alert&id={alert['id']}", b.secretariat)
    assert trail["items"][0]["action"] == "alert.unauthorised_debit"
    assert (await b.get("/v1/budget/audit/verify", b.secretariat))["ok"] is True

    events, after = [], 0
    feed = keys.auth(roles=["service_events"], sub="reports")
    while True:
        page = (await client.get(f"/v1/budget/events?after={after}&limit=1000", headers=feed)).json()
        events += page["items"]
        after = page["next_after"]
        if not page["has_more"]:
            break
    imported = [e for e in events if e["type"] == "statement.imported" and e["entity_id"] == answer["id"]]
    assert len(imported) == 1  # the re-imports emitted nothing
    payload = imported[0]["payload"]
    assert payload["account_id"] == month.account["id"] and len(payload["lines_detail"]) == 6
    raised = {e["entity_id"] for e in events if e["type"] == "alert.raised"}
    assert {a["id"] for a in answer["alerts"]} <= raised


async def test_statement_rows_cannot_be_changed_or_deleted(client, keys, unauthorised, settings):
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    from phaen_common.db import Database

    _, answer = unauthorised
    db = Database(settings.database_url.get_secret_value())
    try:
        for sql in (
            "UPDATE budget.bank_statement_lines SET amount = 1 WHERE statement_id = :id",
            "DELETE FROM budget.bank_statement_lines WHERE statement_id = :id",
            "DELETE FROM budget.bank_statements WHERE id = :id",
            "UPDATE budget.bank_statements SET closing_balance = 0 WHERE id = :id",
            "DELETE FROM budget.alerts WHERE statement_id = :id",
            "UPDATE budget.alerts SET detail = '{}' WHERE statement_id = :id",
            "TRUNCATE budget.alerts CASCADE",
            "TRUNCATE budget.bank_statement_lines CASCADE",
        ):
            async with db.sessionmaker() as session:
                with pytest.raises(DBAPIError, match=r"append-only|final|changes only"):
                    await session.execute(text(sql), {"id": answer["id"]})
    finally:
        await db.dispose()


def _today_be() -> str:
    today = dt.datetime.now(BKK).date()
    return f"{today.day:02d}/{today.month:02d}/{today.year + 543}"


def _csv(*rows: str) -> bytes:
    return ("date,description,reference,withdrawal,deposit,balance\n" + "\n".join(rows) + "\n").encode()


async def test_debit_of_an_approved_unbooked_withdrawal_is_not_unauthorised(client, keys):
    month = Month(client, keys)
    b = Budget(client, keys)
    month.project = await b.project()
    month.account = await b.account(month.project)
    ref = f"D-{uid()}"
    await month.money("deposits", {"amount": "10000.00", "kind": "transfer", "bank_reference": ref})
    w = await b.withdrawal(month.account, "1500.00")
    await b.sign(w, month.account["signatories"][0])
    await b.sign(w, month.account["signatories"][1])
    day = _today_be()
    body = _csv(
        f"{day},โอนเข้า,{ref},,10000.00,10000.00",
        f"{day},ถอนตามมติ,BK-{uid()},1500.00,,8500.00",  # the bank paid w; Phaen was not told
        f"{day},ถอนเงินสด,BK-{uid()},700.00,,7800.00",  # nothing explains this one
    )
    r = await client.post(
        f"/v1/budget/accounts/{month.account['id']}/statements", content=body, headers={**CSV, **month.bank()}
    )
    assert r.status_code == 201, r.text
    answer = r.json()
    assert (answer["lines"], answer["matched"]) == (3, 1)
    by_code = {a["code"]: a for a in answer["alerts"]}
    assert set(by_code) == {"unbooked_payout", "unauthorised_debit", "balance_mismatch"}
    assert by_code["unbooked_payout"]["withdrawal_id"] == w["id"]
    assert by_code["unauthorised_debit"]["detail"]["amount"] == "-700.00"


async def test_overlapping_statement_finds_the_same_alert_again(client, keys):
    month = Month(client, keys)
    b = Budget(client, keys)
    month.project = await b.project()
    month.account = await b.account(month.project)
    ref = f"D-{uid()}"
    await month.money("deposits", {"amount": "2000.00", "kind": "transfer", "bank_reference": ref})
    day = _today_be()
    shared = (f"{day},โอนเข้า,{ref},,2000.00,2000.00", f"{day},ถอนเงินสด,BK-{uid()},700.00,,1300.00")
    url = f"/v1/budget/accounts/{month.account['id']}/statements"
    first = (await client.post(url, content=_csv(*shared), headers={**CSV, **month.bank()})).json()
    second = await client.post(
        url, content=_csv(*shared, f"{day},ดอกเบี้ย,BK-{uid()},,1.50,1301.50"), headers={**CSV, **month.bank()}
    )
    assert second.status_code == 201 and second.json()["id"] != first["id"]
    debit = [a["id"] for a in first["alerts"] if a["code"] == "unauthorised_debit"]
    assert debit == [a["id"] for a in second.json()["alerts"] if a["code"] == "unauthorised_debit"]
    listed = await b.get(f"/v1/budget/alerts?account={month.account['id']}&code=unauthorised_debit")
    assert listed["total"] == 1
    assert (await b.get(f"/v1/budget/accounts/{month.account['id']}/statements"))["total"] == 2


@pytest.mark.committed  # concurrent requests: each needs its own connection, as in production
async def test_concurrent_imports_of_one_statement_store_it_once(client, keys):
    import asyncio

    month = Month(client, keys)
    b = Budget(client, keys)
    month.project = await b.project()
    month.account = await b.account(month.project)
    body = _csv(f"{_today_be()},ถอนเงินสด,BK-{uid()},700.00,,-700.00")
    url = f"/v1/budget/accounts/{month.account['id']}/statements"
    headers = {**CSV, **month.bank()}
    answers = await asyncio.gather(*(client.post(url, content=body, headers=headers) for _ in range(8)))
    assert {r.status_code for r in answers} == {201}
    assert len({r.json()["id"] for r in answers}) == 1
    assert sum(r.headers.get("idempotent-replayed") != "true" for r in answers) == 1
    assert (await b.get(f"/v1/budget/accounts/{month.account['id']}/statements"))["total"] == 1
    assert (await b.get(f"/v1/budget/alerts?account={month.account['id']}"))["total"] == 2

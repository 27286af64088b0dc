"""Money bounds (issue 8, build item 1): each bypass written as the attack, now refused with its code.

The accounts the factory opens are at ธ.ก.ส. (BAAC); ``b.bank`` is a BAAC client, ``ktb`` another bank's.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from decimal import Decimal

import pytest
from sqlalchemy.exc import IntegrityError

from phaen_budget.accounts import ledger
from phaen_budget.accounts.models import Account
from phaen_budget.core.access import bank_names, is_own_bank
from phaen_budget.core.constraints import constraint_of, refuse
from phaen_budget.core.enums import Fund, LedgerKind, ProjectStatus, WithdrawalStatus
from phaen_budget.core.errors import BankReferenceUsed, InsufficientFunds
from phaen_common.auth import Principal

from .factory import RELEASE, RESOLUTION, Budget, uid
from .test_expenses import expense, receipt


def _ktb(keys) -> dict[str, str]:
    return keys.auth(roles=["bank"], sub="ktb-" + uid(), bank="KTB")


async def _approved(b: Budget, account: dict, amount: str) -> dict:
    w = await b.withdrawal(account, amount)
    await b.sign(w, account["signatories"][0])
    return await b.sign(w, account["signatories"][1])


def _fee(amount: str = "25.00", ref: str | None = None) -> dict:
    return {"amount": amount, "bank_reference": ref or f"FEE-{uid()}"}


# --- fees -------------------------------------------------------------------------------------------------


async def test_attack_other_bank_takes_a_fee(client, keys):
    b = Budget(client, keys)
    _, account = await b.funded("1000000.00")
    r = await client.post(f"/v1/budget/accounts/{account['id']}/fees", headers=_ktb(keys), json=_fee("1000000.00"))
    assert r.status_code == 404 and r.json()["code"] == "account_not_found"
    r = await client.post(f"/v1/budget/accounts/{account['id']}/fees", headers=_ktb(keys), json=_fee("25.00"))
    assert r.status_code == 404 and r.json()["code"] == "account_not_found"
    assert (await b.get(f"/v1/budget/accounts/{account['id']}"))["balance"] == "1000000.00"


async def test_attack_secretariat_records_a_fee(client, keys):
    b = Budget(client, keys)
    _, account = await b.funded("1000000.00")
    r = await client.post(f"/v1/budget/accounts/{account['id']}/fees", headers=b.secretariat, json=_fee())
    assert r.status_code == 403 and r.json()["code"] == "forbidden"
    # The admin holds bank:execute, but is not the account's bank either.
    r = await client.post(f"/v1/budget/accounts/{account['id']}/fees", headers=b.admin, json=_fee())
    assert r.status_code == 403 and r.json()["code"] == "fee_own_bank_only"
    # A bank client that names no bank is no bank at all.
    nameless = keys.auth(roles=["bank"], sub="bank-" + uid())
    r = await client.post(f"/v1/budget/accounts/{account['id']}/fees", headers=nameless, json=_fee())
    assert r.status_code == 404 and r.json()["code"] == "account_not_found"
    acc = await b.get(f"/v1/budget/accounts/{account['id']}")
    assert (acc["balance"], acc["fees_owed_by_codi"]) == ("1000000.00", "0.00")
    denied = await b.get(f"/v1/budget/audit?entity=account&id={account['id']}")
    assert any(e["outcome"] == "denied" and e["detail"] == "fee_own_bank_only" for e in denied["items"])


async def test_attack_fee_beyond_the_bound(client, keys):
    b = Budget(client, keys)
    _, account = await b.funded("1000000.00")
    url = f"/v1/budget/accounts/{account['id']}/fees"
    r = await client.post(url, headers=b.bank, json=_fee("1000000.00"))
    assert r.status_code == 422 and r.json()["code"] == "fee_too_large"
    r = await client.post(url, headers=b.bank, json=_fee("500.01"))
    assert r.status_code == 422 and r.json()["code"] == "fee_too_large"
    fee = await b.ok("POST", url, b.bank, _fee("500.00"))
    assert (fee["kind"], fee["amount"]) == ("fee", "-500.00")
    assert (await b.get(f"/v1/budget/accounts/{account['id']}"))["balance"] == "999500.00"


async def test_attack_fee_into_reserved_money(client, keys):
    b = Budget(client, keys)
    _, account = await b.funded("1000.00")
    w = await _approved(b, account, "900.00")
    assert w["status"] == "approved"
    url = f"/v1/budget/accounts/{account['id']}/fees"
    r = await client.post(url, headers=b.bank, json=_fee("100.01"))
    assert r.status_code == 409 and r.json()["code"] == "insufficient_funds"
    await b.ok("POST", url, b.bank, _fee("100.00"))
    acc = await b.get(f"/v1/budget/accounts/{account['id']}")
    assert (acc["balance"], acc["reserved"], acc["available"]) == ("900.00", "900.00", "0.00")
    # The approved withdrawal can still be paid in full.
    paid = await b.ok(
        "POST", f"/v1/budget/withdrawals/{w['id']}/payout", b.bank, {"bank_reference": f"P-{uid()}"}, status=200
    )
    assert paid["status"] == "paid"


async def test_fee_is_owed_back_by_codi(client, keys):
    b = Budget(client, keys)
    _, account = await b.funded("1000.00")
    url = f"/v1/budget/accounts/{account['id']}/fees"
    first = await b.ok("POST", url, b.bank, _fee("30.00"))
    await b.ok("POST", url, b.bank, _fee("12.50"))
    assert first["owed_by"] == "CODI"
    acc = await b.get(f"/v1/budget/accounts/{account['id']}")
    assert (acc["balance"], acc["fees_owed_by_codi"]) == ("957.50", "42.50")
    ledger_page = await b.get(f"/v1/budget/accounts/{account['id']}/ledger")
    assert [(e["kind"], e["owed_by"]) for e in ledger_page["items"]] == [
        ("transfer", None),
        ("fee", "CODI"),
        ("fee", "CODI"),
    ]
    headers = keys.auth(roles=["service_events"], sub="reports")
    events, after = [], 0
    while True:
        page = (await client.get(f"/v1/budget/events?after={after}&limit=1000", headers=headers)).json()
        events += page["items"]
        after = page["next_after"]
        if not page["has_more"]:
            break
    mine = [e for e in events if e["type"] == "ledger.entry" and e["payload"]["account_id"] == account["id"]]
    assert [e["payload"]["owed_by"] for e in mine] == [None, "CODI", "CODI"]


# --- payouts and deposits across banks ----------------------------------------------------------------------


async def test_attack_other_bank_pays_out_a_baac_withdrawal(client, keys):
    b = Budget(client, keys)
    _, account = await b.funded("5000.00")
    w = await _approved(b, account, "1200.00")
    r = await client.post(
        f"/v1/budget/withdrawals/{w['id']}/payout", headers=_ktb(keys), json={"bank_reference": f"KTB-{uid()}"}
    )
    assert r.status_code == 404 and r.json()["code"] == "withdrawal_not_found"
    assert (await b.get(f"/v1/budget/withdrawals/{w['id']}"))["status"] == "approved"
    assert (await b.get(f"/v1/budget/accounts/{account['id']}"))["balance"] == "5000.00"


async def test_attack_secretariat_records_a_payout(client, keys):
    b = Budget(client, keys)
    _, account = await b.funded("5000.00")
    w = await _approved(b, account, "1200.00")
    r = await client.post(
        f"/v1/budget/withdrawals/{w['id']}/payout", headers=b.secretariat, json={"bank_reference": f"S-{uid()}"}
    )
    assert r.status_code == 403
    assert (await b.get(f"/v1/budget/withdrawals/{w['id']}"))["status"] == "approved"


async def test_attack_bank_deposits_into_another_banks_account(client, keys):
    b = Budget(client, keys)
    _, account = await b.funded("100.00")
    body = {"amount": "50.00", "kind": "transfer", "bank_reference": f"KTB-{uid()}"}
    r = await client.post(f"/v1/budget/accounts/{account['id']}/deposits", headers=_ktb(keys), json=body)
    assert r.status_code == 404 and r.json()["code"] == "account_not_found"
    assert (await b.get(f"/v1/budget/accounts/{account['id']}"))["balance"] == "100.00"


async def test_attack_deposit_overflowing_the_balance(client, keys):
    b = Budget(client, keys)
    _, account = await b.funded("999999999999.99")
    r = await client.post(
        f"/v1/budget/accounts/{account['id']}/deposits",
        headers=b.bank,
        json={"amount": "1.00", "kind": "interest", "bank_reference": f"I-{uid()}"},
    )
    assert r.status_code == 409 and r.json()["code"] == "balance_limit_exceeded"
    assert (await b.get(f"/v1/budget/accounts/{account['id']}"))["balance"] == "999999999999.99"


# --- tranches -------------------------------------------------------------------------------------------------


async def test_attack_tranche_release_beyond_share(client, keys):
    b = Budget(client, keys)
    grant = await b.grant(amount="2000000.00")
    project = await b.project(grant=grant, amount="2000000.00")
    account = await b.account(project)
    base = f"/v1/budget/projects/{project['id']}"
    r = await client.post(
        f"{base}/tranches/1/release", headers=b.secretariat, json={"amount": "50000000.00", **RELEASE}
    )
    assert r.status_code == 409 and r.json()["code"] == "tranche_amount_exceeded"
    r = await client.post(f"{base}/tranches/1/release", headers=b.secretariat, json={"amount": "1000000.01", **RELEASE})
    assert r.status_code == 409 and r.json()["code"] == "tranche_amount_exceeded"
    assert (await b.get(f"/v1/budget/accounts/{account['id']}"))["balance"] == "0.00"
    t1 = await b.ok("POST", f"{base}/tranches/1/release", b.secretariat, {"amount": "1000000.00", **RELEASE}, 200)
    assert t1["amount"] == "1000000.00"
    assert (await b.get(f"/v1/budget/accounts/{account['id']}"))["balance"] == "1000000.00"


async def test_attack_tranche_release_without_amount_beyond_the_line(client, keys):
    b = Budget(client, keys)
    grant = await b.grant(amount="100000.00")
    committed = await b.project(grant=grant, amount="60000.00")
    open_ended = await b.project(grant=grant, amount=None)
    assert committed["amount"] == "60000.00"
    await b.account(open_ended)
    base = f"/v1/budget/projects/{open_ended['id']}"
    r = await client.post(f"{base}/tranches/1/release", headers=b.secretariat, json={"amount": "40000.01", **RELEASE})
    assert r.status_code == 409 and r.json()["code"] == "tranche_amount_exceeded"
    await b.ok("POST", f"{base}/tranches/1/release", b.secretariat, {"amount": "40000.00", **RELEASE}, 200)


async def test_attack_project_amount_beyond_grant_line(client, keys):
    b = Budget(client, keys)
    grant = await b.grant(amount="1000000.00")
    await b.project(grant=grant, amount="600000.00")
    body = {"grant_id": grant["id"], "line_no": 1, "name": f"โครงการ {uid()}", "level": "network"}
    r = await client.post("/v1/budget/projects", headers=b.secretariat, json={**body, "amount": "400000.01"})
    assert r.status_code == 409 and r.json()["code"] == "line_amount_exceeded"
    await b.ok("POST", "/v1/budget/projects", b.secretariat, {**body, "amount": "400000.00"})


async def test_tranche_release_requires_a_resolution(client, keys):
    b = Budget(client, keys)
    project = await b.project(amount="40000.00")
    await b.account(project)
    url = f"/v1/budget/projects/{project['id']}/tranches/1/release"
    for body in (None, {}, {"amount": "100.00"}, {"resolution": {"number": "", "meeting_date": "2004-01-15"}}):
        r = await client.post(url, headers=b.secretariat, json=body)
        assert r.status_code == 422 and r.json()["code"] == "validation_error", body
    t1 = await b.ok("POST", url, b.secretariat, RELEASE, 200)
    assert t1["resolution"] == RESOLUTION
    view = await b.get(f"/v1/budget/projects/{project['id']}/tranches")
    assert view[0]["resolution"] == RESOLUTION and view[1]["resolution"] is None


async def test_attack_bank_reference_squats_tranche_reference(client, keys):
    b = Budget(client, keys)
    project = await b.project(amount="20000.00")
    account = await b.account(project)
    await b.deposit(account, "5000.00")
    base = f"/v1/budget/projects/{project['id']}"
    squat = f"tranche:{project['id']}:2"
    # A bank books a payout, and another bank reference, with the text of Phaen's own tranche reference.
    w = await _approved(b, account, "100.00")
    await b.ok("POST", f"/v1/budget/withdrawals/{w['id']}/payout", b.bank, {"bank_reference": squat}, status=200)
    r = await client.post(
        f"/v1/budget/accounts/{account['id']}/deposits",
        headers=b.bank,
        json={"amount": "1.00", "kind": "transfer", "bank_reference": f"tranche:{project['id']}:1"},
    )
    assert r.status_code == 201
    # The real releases still go through.
    await b.ok("POST", f"{base}/tranches/1/release", b.secretariat, RELEASE, 200)
    await b.ok("POST", f"{base}/activity-reports", b.secretariat, {"tranche": 1, "summary": "เวที"})
    t2 = await b.ok("POST", f"{base}/tranches/2/release", b.secretariat, RELEASE, 200)
    assert (t2["released"], t2["amount"]) == (True, "10000.00")
    entries = (await b.get(f"/v1/budget/accounts/{account['id']}/ledger"))["items"]
    tranche_entries = [e for e in entries if e["kind"] == "tranche"]
    assert [e["internal_reference"] for e in tranche_entries] == [
        f"tranche:{project['id']}:1",
        f"tranche:{project['id']}:2",
    ]
    assert all(e["reference"] is None for e in tranche_entries)
    assert (await b.get(f"/v1/budget/accounts/{account['id']}"))["balance"] == "24901.00"


# --- suspended projects ---------------------------------------------------------------------------------------


async def test_attack_expense_on_suspended_project(client, keys):
    b = Budget(client, keys)
    project = await b.project()
    await b.ok("POST", f"/v1/budget/projects/{project['id']}/suspend", b.secretariat, {"reason": "สงสัย"}, status=200)
    r = await client.post("/v1/budget/expenses", headers=b.secretariat, json=expense(project, receipt()))
    assert r.status_code == 409 and r.json()["code"] == "project_suspended"
    line = (await b.get(f"/v1/budget/grants/{project['grant_id']}"))["lines"][0]
    assert line["actual"] == "0.00"


async def test_attack_every_money_action_on_a_suspended_project(client, keys):
    b = Budget(client, keys)
    project, account = await b.funded("5000.00")
    base = f"/v1/budget/projects/{project['id']}"
    await b.ok("POST", f"{base}/tranches/1/release", b.secretariat, RELEASE, 200)
    await b.ok("POST", f"{base}/suspend", b.secretariat, {"reason": "สงสัย"}, status=200)
    attempts = [
        (f"/v1/budget/accounts/{account['id']}/fees", b.bank, _fee()),
        (f"{base}/activity-reports", b.secretariat, {"tranche": 1, "summary": "เวที"}),
        ("/v1/budget/expenses", b.secretariat, expense(project, receipt())),
        (f"{base}/tranches/2/release", b.secretariat, RELEASE),
    ]
    for url, headers, body in attempts:
        r = await client.post(url, headers=headers, json=body)
        assert r.status_code == 409 and r.json()["code"] == "project_suspended", (url, r.text)


# --- read scope -----------------------------------------------------------------------------------------------


async def _other_banks_world(b: Budget) -> tuple[dict, dict, dict, dict]:
    """A KTB account with an approved withdrawal and an expense on its project."""
    project = await b.project()
    account = await b.ok(
        "POST",
        "/v1/budget/accounts",
        b.secretariat,
        {
            "project_id": project["id"],
            "bank": "KTB",
            "branch": "สาขาเมือง",
            "number": "111-2-33333-4",
            "name": project["name"],
            "signatories": [f"sig-{uid()}" for _ in range(3)],
            "threshold": 2,
            "resolution": RESOLUTION,
        },
    )
    await b.ok(
        "POST",
        f"/v1/budget/accounts/{account['id']}/deposits",
        b.secretariat,
        {"amount": "3000.00", "kind": "transfer", "bank_reference": f"K-{uid()}"},
    )
    w = await b.withdrawal(account, "100.00")
    e = await b.ok("POST", "/v1/budget/expenses", b.secretariat, expense(project, receipt()))
    return project, account, w, e


async def test_attack_bank_reads_another_banks_account(client, keys):
    b = Budget(client, keys)
    project, account, w, e = await _other_banks_world(b)
    own_project, own_account = await b.funded("100.00")
    for url, code in (
        (f"/v1/budget/accounts/{account['id']}", "account_not_found"),
        (f"/v1/budget/accounts/{account['id']}/ledger", "account_not_found"),
        (f"/v1/budget/accounts/{account['id']}/deposits", "account_not_found"),
        (f"/v1/budget/withdrawals/{w['id']}", "withdrawal_not_found"),
        (f"/v1/budget/projects/{project['id']}", "project_not_found"),
        (f"/v1/budget/expenses/{e['id']}", "expense_not_found"),
    ):
        r = await client.get(url, headers=b.bank)
        assert r.status_code == 404 and r.json()["code"] == code, (url, r.text)
    listed = (await client.get(f"/v1/budget/accounts?project_id={project['id']}", headers=b.bank)).json()
    assert listed["items"] == []
    listed = (await client.get(f"/v1/budget/withdrawals?account_id={account['id']}", headers=b.bank)).json()
    assert listed["items"] == []
    # Its own bank's account, and that account's project record, are in reach; no expense is.
    assert (await b.get(f"/v1/budget/accounts/{own_account['id']}", b.bank))["id"] == own_account["id"]
    assert (await b.get(f"/v1/budget/projects/{own_project['id']}", b.bank))["id"] == own_project["id"]
    assert (await client.get("/v1/budget/expenses", headers=b.bank)).json()["items"] == []
    # The KTB client reaches the KTB account.
    ktb = _ktb(b.keys)
    assert (await b.get(f"/v1/budget/accounts/{account['id']}", ktb))["bank"] == "KTB"
    assert (await b.get(f"/v1/budget/withdrawals/{w['id']}", ktb))["id"] == w["id"]


async def test_attack_signatory_reads_outside_its_accounts(client, keys):
    b = Budget(client, keys)
    project, account, w, e = await _other_banks_world(b)
    me = f"sig-{uid()}"
    mine_project = await b.project()
    mine = await b.account(mine_project, signatories=[me, f"sig-{uid()}", f"sig-{uid()}"])
    headers = b.signer(me)
    for url, code in (
        (f"/v1/budget/accounts/{account['id']}", "account_not_found"),
        (f"/v1/budget/accounts/{account['id']}/ledger", "account_not_found"),
        (f"/v1/budget/withdrawals/{w['id']}", "withdrawal_not_found"),
        (f"/v1/budget/projects/{project['id']}", "project_not_found"),
        (f"/v1/budget/expenses/{e['id']}", "expense_not_found"),
    ):
        r = await client.get(url, headers=headers)
        assert r.status_code == 404 and r.json()["code"] == code, (url, r.text)
    r = await client.post(f"/v1/budget/withdrawals/{w['id']}/signatures", headers=headers)
    assert r.status_code == 404
    accounts = (await client.get("/v1/budget/accounts?limit=500", headers=headers)).json()
    assert [a["id"] for a in accounts["items"]] == [mine["id"]]
    projects = (await client.get("/v1/budget/projects?limit=500", headers=headers)).json()
    assert [p["id"] for p in projects["items"]] == [mine_project["id"]]
    mine_w = await b.withdrawal(mine, "0.01", status=409)  # nothing deposited: the request itself is refused
    assert mine_w["code"] == "insufficient_funds"
    await b.deposit(mine, "10.00")
    mine_w = await b.withdrawal(mine, "5.00")
    listed = (await client.get("/v1/budget/withdrawals?limit=500", headers=headers)).json()
    assert [x["id"] for x in listed["items"]] == [mine_w["id"]]


async def test_roles_combine_without_widening(client, keys):
    b = Budget(client, keys)
    me = f"sig-{uid()}"
    home = await b.project(level="tambon", tambon="100101")
    listed_project = await b.project(level="tambon", tambon="500101")
    listed = await b.account(listed_project, signatories=[me, f"sig-{uid()}", f"sig-{uid()}"])
    elsewhere = await b.project(level="tambon", tambon="900101")
    elsewhere_account = await b.account(elsewhere)
    headers = keys.auth(roles=["tambon_committee", "signatory"], tambon="100101", sub=me)
    assert (await b.get(f"/v1/budget/projects/{home['id']}", headers))["id"] == home["id"]
    assert (await b.get(f"/v1/budget/accounts/{listed['id']}", headers))["id"] == listed["id"]
    for url in (f"/v1/budget/projects/{elsewhere['id']}", f"/v1/budget/accounts/{elsewhere_account['id']}"):
        r = await client.get(url, headers=headers)
        assert r.status_code == 404, url
    # Being listed on an account gives no right to act (budget:write) on that project.
    r = await client.post(
        "/v1/budget/withdrawals",
        headers=headers,
        json={"account_id": listed["id"], "amount": "1.00", "purpose": "x", "resolution": RESOLUTION},
    )
    assert r.status_code == 404


# --- the ledger owns reservations; constraints by name -----------------------------------------------------------


def _account(balance: str, reserved: str = "0.00") -> Account:
    return Account(
        project_id=uuid.uuid4(),
        bank="BAAC",
        branch="x",
        number="0000",
        name="x",
        threshold=2,
        resolution_number="1",
        resolution_date=dt.date(2004, 1, 1),
        balance=Decimal(balance),
        interest_balance=Decimal("0.00"),
        reserved=Decimal(reserved),
        reserved_interest=Decimal("0.00"),
        created_by="t",
    )


def test_reserve_and_release_keep_available_honest():
    account = _account("100.00")
    ledger.reserve(account=account, fund=Fund.GRANT, amount=Decimal("60.00"))
    assert ledger.available(account, Fund.GRANT) == Decimal("40.00")
    with pytest.raises(InsufficientFunds):
        ledger.reserve(account=account, fund=Fund.GRANT, amount=Decimal("40.01"))
    ledger.release(account=account, fund=Fund.GRANT, amount=Decimal("60.00"))
    assert account.reserved == Decimal("0.00")
    with pytest.raises(RuntimeError):
        ledger.release(account=account, fund=Fund.GRANT, amount=Decimal("0.01"))


class _DriverViolation(Exception):
    """What asyncpg raises: the violated constraint's name on the exception."""

    def __init__(self, name: str | None) -> None:
        super().__init__("violation")
        self.constraint_name = name


def _violation(name: str | None) -> IntegrityError:
    orig = Exception("violation")  # SQLAlchemy's adapter; the driver's exception is its cause
    orig.__cause__ = _DriverViolation(name)
    return IntegrityError("INSERT ...", {}, orig)


def test_unknown_constraint_is_not_insufficient_funds(caplog):
    known = _violation("accounts_reserved_within_balance_check")
    assert constraint_of(known) == "accounts_reserved_within_balance_check"
    with pytest.raises(InsufficientFunds):
        refuse(known, ledger.CONSTRAINT_ERRORS)
    with pytest.raises(BankReferenceUsed):
        refuse(_violation("ledger_entries_reference_key"), ledger.CONSTRAINT_ERRORS)
    unknown = _violation("ledger_entries_something_new_check")
    with caplog.at_level(logging.ERROR, logger="phaen.budget.constraints"), pytest.raises(IntegrityError):
        refuse(unknown, ledger.CONSTRAINT_ERRORS)
    assert "ledger_entries_something_new_check" in caplog.text
    with pytest.raises(IntegrityError):
        refuse(_violation(None), ledger.CONSTRAINT_ERRORS)


def test_enums_are_the_stored_strings():
    assert Fund.INTEREST == "interest" and LedgerKind.FEE == "fee"
    assert ProjectStatus.SUSPENDED == "suspended" and WithdrawalStatus.APPROVED == "approved"
    assert {k.value for k in LedgerKind if k.is_credit} == {"transfer", "interest", "tranche"}


def test_bank_names():
    baac = Principal(sub="c", roles=frozenset({"bank"}), scopes=frozenset(), jti="j", bank="BAAC")
    assert is_own_bank(baac, "ธ.ก.ส.") and is_own_bank(baac, "BAAC") and not is_own_bank(baac, "KTB")
    assert bank_names(None) == () and bank_names("KTB") == ("KTB",)
    admin = Principal(sub="a", roles=frozenset({"admin"}), scopes=frozenset(), jti="j", bank="BAAC")
    assert not is_own_bank(admin, "BAAC")

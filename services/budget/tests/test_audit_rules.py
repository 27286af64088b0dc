"""Rules an auditor would want: proposal splitting, duplicate receipts however typed, expenses beyond payouts."""

from __future__ import annotations

import asyncio
import datetime as dt
from decimal import Decimal

import pytest

from phaen_budget.core.tiers import fiscal_year_of, route_for
from phaen_budget.expenses.receipts import key, normalise_name, normalise_number

from .factory import RESOLUTION, Budget, uid
from .test_expenses import expense, receipt

STANDARDS = {"pilot": Decimal("20000.00"), "model": Decimal("45000.00")}


# -- proposal splitting ---------------------------------------------------------------------------


def test_fiscal_year_turns_on_the_first_of_october_in_bangkok():
    assert fiscal_year_of(dt.datetime(2026, 9, 30, 16, 59, tzinfo=dt.UTC)) == 2569  # 23:59 on 30 Sep in Bangkok
    assert fiscal_year_of(dt.datetime(2026, 9, 30, 17, 0, tzinfo=dt.UTC)) == 2570  # 00:00 on 1 Oct in Bangkok
    assert fiscal_year_of(dt.datetime(2004, 1, 1, tzinfo=dt.UTC)) == 2547


@pytest.mark.parametrize(
    ("amount", "year_total", "expected"),
    [
        ("15000.00", "15000.00", ("regional", "within_pilot_standard")),
        ("15000.00", "20000.00", ("regional", "within_pilot_standard")),
        ("6000.00", "20000.01", ("national", "split_over_pilot_standard")),
        ("20000.01", "20000.01", ("national", "over_pilot_standard")),
    ],
)
def test_route_for_splitting(amount, year_total, expected):
    got = route_for(
        kind="standard",
        amount=Decimal(amount),
        level="tambon",
        tier="pilot",
        standards=STANDARDS,
        year_total=Decimal(year_total),
    )
    assert got == expected


async def _propose(b: Budget, project: dict, amount: str, kind: str = "standard") -> dict:
    return await b.ok(
        "POST",
        "/v1/budget/proposals",
        b.secretariat,
        {"project_id": project["id"], "amount": amount, "kind": kind, "title": "เวที", "activities": []},
    )


async def test_splitting_one_spend_into_small_standard_proposals_goes_national(client, keys):
    """The attack: 15,000 + 6,000 on a pilot tambon (standard 20,000), each alone within the standard."""
    b = Budget(client, keys)
    project = await b.project(level="tambon", tambon="100101")
    first = await _propose(b, project, "15000.00")
    assert (first["route"], first["route_rule"], first["route_total"]) == (
        "regional",
        "within_pilot_standard",
        "15000.00",
    )
    change = await _propose(b, project, "9000.00", kind="change")  # a change proposal is not counted
    assert change["route_rule"] == "change_goes_national"
    second = await _propose(b, project, "6000.00")
    assert (second["route"], second["route_rule"], second["route_total"]) == (
        "national",
        "split_over_pilot_standard",
        "21000.00",
    )
    assert second["fiscal_year"] == fiscal_year_of(dt.datetime.now(dt.UTC))
    # The national committee decides it, and the decision shows the rule that sent it there.
    national = keys.auth(roles=["national_committee"], sub="nc-" + uid())
    regional = keys.auth(roles=["regional_committee"], sub="rc-" + uid(), region="central")
    r = await client.post(
        f"/v1/budget/proposals/{second['id']}/decision",
        headers=regional,
        json={"decision": "approve", "resolution": RESOLUTION},
    )
    assert r.status_code == 403 and r.json()["code"] == "wrong_committee"
    decided = await b.ok(
        "POST",
        f"/v1/budget/proposals/{second['id']}/decision",
        national,
        {"decision": "reject", "resolution": RESOLUTION},
        status=200,
    )
    assert (decided["status"], decided["route_rule"]) == ("rejected", "split_over_pilot_standard")
    # A rejected proposal no longer counts: 15,000 + 5,000 is within the standard again.
    third = await _propose(b, project, "5000.00")
    assert (third["route"], third["route_total"]) == ("regional", "20000.00")


@pytest.mark.committed  # concurrent requests: each needs its own connection, as in production
async def test_concurrent_small_proposals_cannot_all_stay_regional(client, keys):
    b = Budget(client, keys)
    project = await b.project(level="tambon", tambon="100101")
    answers = await asyncio.gather(*[_propose(b, project, "8000.00") for _ in range(4)])
    routes = sorted(a["route"] for a in answers)
    assert routes == ["national", "national", "regional", "regional"]  # 8,000 x 2 fit in 20,000; 3 do not
    totals = sorted(Decimal(a["route_total"]) for a in answers)
    assert totals == [Decimal(8000 * n) for n in (1, 2, 3, 4)]


# -- duplicate receipts -----------------------------------------------------------------------------

SELLER = "Ban Rai Shop"
BOOK, NUMBER = "12", "345"


@pytest.mark.parametrize(
    ("seller", "book", "number"),
    [
        pytest.param("Ban Rai Sh\u043ep", BOOK, NUMBER, id="cyrillic-o-in-seller"),
        pytest.param("\u0392an Rai Shop", BOOK, NUMBER, id="greek-capital-beta-in-seller"),
        pytest.param("\uff22an \uff32ai Shop", BOOK, NUMBER, id="full-width-letters"),
        pytest.param("Ban Rai\u200b Shop", BOOK, NUMBER, id="zero-width-space"),
        pytest.param("\ufeffBan Rai Shop", BOOK, NUMBER, id="byte-order-mark"),
        pytest.param("Ban R\u00adai Shop", BOOK, NUMBER, id="soft-hyphen"),
        pytest.param("Ban\u00a0Rai  Shop", BOOK, NUMBER, id="no-break-and-double-space"),
        pytest.param("Ban Rai Shop.", BOOK, NUMBER, id="trailing-punctuation-seller"),
        pytest.param(SELLER, "\uff11\uff12", NUMBER, id="full-width-digits"),
        pytest.param(SELLER, BOOK, "\u0e53\u0e54\u0e55", id="thai-digits"),
        pytest.param(SELLER, "0012", NUMBER, id="leading-zeros-book"),
        pytest.param(SELLER, BOOK, "000345", id="leading-zeros-number"),
        pytest.param(SELLER, BOOK, "345.", id="trailing-punctuation-number"),
        pytest.param(SELLER, BOOK, "3\u200c45", id="zero-width-non-joiner-in-number"),
        pytest.param(SELLER, "I2", NUMBER, id="capital-i-for-one"),
        pytest.param(SELLER, BOOK, "\u041745", id="cyrillic-ze-for-three"),
    ],
)
async def test_the_same_receipt_typed_differently_is_a_duplicate(client, keys, seller, book, number):
    b = Budget(client, keys)
    project = await b.project()
    tag = uid()  # keeps this test's receipts apart from the other tests' (one database)
    first = receipt("700.00", seller=f"{SELLER} {tag}", book_no=BOOK, receipt_no=NUMBER)
    await b.ok("POST", "/v1/budget/expenses", b.secretariat, expense(project, first, "700.00"))
    again = receipt("700.00", seller=f"{seller} {tag}", book_no=book, receipt_no=number)
    r = await client.post("/v1/budget/expenses", headers=b.secretariat, json=expense(project, again, "700.00"))
    assert r.status_code == 409 and r.json()["code"] == "duplicate_receipt", r.text


async def test_a_different_receipt_of_the_same_seller_is_not_a_duplicate(client, keys):
    b = Budget(client, keys)
    project = await b.project()
    seller = f"{SELLER} {uid()}"
    for book, number in ((BOOK, NUMBER), (BOOK, "3450"), (BOOK, "346"), ("13", NUMBER)):
        ev = receipt("700.00", seller=seller, book_no=book, receipt_no=number)
        await b.ok("POST", "/v1/budget/expenses", b.secretariat, expense(project, ev, "700.00"))


def test_thai_receipts_normalise_without_losing_letters():
    assert normalise_name("ร้าน\u200bสมชาย\u00ad จำกัด.") == normalise_name("ร้านสมชาย จํากัด")
    assert normalise_name("ร้านสมชาย") != normalise_name("ร้านสมชัย")
    assert normalise_number("๐๐๑๒") == "12" and normalise_number("A-0012") == normalise_number("a12")
    assert key("ร้าน ก", "1", "2") != key("ร้าน ข", "1", "2")


# -- expenses beyond what was paid out ----------------------------------------------------------------


async def test_expenses_beyond_what_was_paid_out_are_flagged(client, keys):
    b = Budget(client, keys)
    project, account = await b.funded("1000.00")
    w = await b.withdrawal(account, "500.00")
    for sub in account["signatories"][:2]:
        await b.sign(w, sub)
    await b.ok("POST", f"/v1/budget/withdrawals/{w['id']}/payout", b.bank, {"bank_reference": uid()}, status=200)

    def spend(amount: str) -> dict:
        return expense(project, receipt(amount, book_no=uid()), amount)

    a = await b.ok("POST", "/v1/budget/expenses", b.secretariat, spend("300.00"))
    assert a["flags"] == []
    over = await b.ok("POST", "/v1/budget/expenses", b.secretariat, spend("300.00"))  # 600 > 500 paid out
    assert over["flags"] == ["beyond_paid_out"]
    flagged = await b.get(f"/v1/budget/expenses?project_id={project['id']}&flag=beyond_paid_out")
    assert [e["id"] for e in flagged["items"]] == [over["id"]]
    audit = await b.get(f"/v1/budget/audit?entity=expense&id={over['id']}")
    assert [e["action"] for e in audit["items"]] == ["expense.record"]
    await b.ok("POST", f"/v1/budget/expenses/{a['id']}/void", b.secretariat, {"reason": "ซ้ำ"}, status=200)
    within = await b.ok("POST", "/v1/budget/expenses", b.secretariat, spend("200.00"))  # 300 + 200 <= 500
    assert within["flags"] == []


async def test_an_expense_on_a_project_nothing_was_paid_to_is_flagged(client, keys):
    b = Budget(client, keys)
    project = await b.project()
    e = await b.ok("POST", "/v1/budget/expenses", b.secretariat, expense(project, receipt("700.00"), "700.00"))
    assert e["flags"] == ["beyond_paid_out"]

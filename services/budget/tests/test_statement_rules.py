"""Statement parsing and matching rules, without the database."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from phaen_budget.statements.errors import StatementUnbalanced, StatementUnreadable
from phaen_budget.statements.matching import ApprovedWithdrawal, LedgerItem, bank_day, reconcile
from phaen_budget.statements.parsing import Line, ParsedStatement, parse_camt053, parse_csv, parse_date
from phaen_common.errors import ProblemError

D = dt.date(2026, 10, 10)


def line(no: int, amount: str, day: dt.date = D, ref: str | None = None) -> Line:
    return Line(no=no, booked_on=day, amount=Decimal(amount), description="x", reference=ref)


def entry(kind: str, amount: str, day: dt.date = D, ref: str | None = None) -> LedgerItem:
    return LedgerItem(id=uuid.uuid4(), kind=kind, amount=Decimal(amount), reference=ref, booked_on=day)


def statement(*lines: Line, closing: str | None = None) -> ParsedStatement:
    days = [ln.booked_on for ln in lines] or [D]
    return ParsedStatement(
        format="csv",
        lines=list(lines),
        period_from=min(days),
        period_to=max(days),
        closing_balance=Decimal(closing) if closing else None,
    )


def run(stmt: ParsedStatement, ledger: list[LedgerItem], approved=(), closing: str = "0.00", window: int = 3):
    return reconcile(
        statement=stmt, ledger=ledger, approved=list(approved), ledger_closing=Decimal(closing), window_days=window
    )


def test_reference_first_then_nearest_day_within_the_window():
    near, far = (
        entry("payout", "-100.00", D - dt.timedelta(days=1)),
        entry("payout", "-100.00", D - dt.timedelta(days=3)),
    )
    out = run(statement(line(1, "-100.00")), [far, near])
    assert out.matches[1] == (near, "amount")
    by_ref = entry("payout", "-100.00", D - dt.timedelta(days=30), ref="R1")
    out = run(statement(line(1, "-100.00", ref="R1")), [near, by_ref])
    assert out.matches[1] == (by_ref, "reference")


def test_outside_the_window_is_not_a_match():
    out = run(statement(line(1, "-100.00")), [entry("payout", "-100.00", D - dt.timedelta(days=4))])
    assert out.matches == {} and [f.code for f in out.findings] == ["unauthorised_debit"]


def test_a_reference_with_another_amount_does_not_match():
    out = run(statement(line(1, "-900.00", ref="R1")), [entry("payout", "-100.00", ref="R1")])
    assert [f.code for f in out.findings] == ["unauthorised_debit", "missing_on_statement"]


def test_a_credit_never_matches_a_debit_and_an_unmatched_credit_raises_nothing():
    out = run(statement(line(1, "100.00")), [entry("payout", "-100.00")])
    assert out.matches == {} and [f.code for f in out.findings] == ["missing_on_statement"]
    assert [ln.no for ln in out.unmatched_lines] == [1]


def test_each_ledger_entry_matches_one_line_only():
    out = run(statement(line(1, "-50.00"), line(2, "-50.00")), [entry("fee", "-50.00")])
    assert len(out.matches) == 1 and [f.code for f in out.findings] == ["unauthorised_debit"]


def test_an_approved_unbooked_withdrawal_explains_one_debit():
    w = ApprovedWithdrawal(id=uuid.uuid4(), amount=Decimal("300.00"))
    out = run(statement(line(1, "-300.00"), line(2, "-300.00")), [], approved=[w])
    assert [f.code for f in out.findings] == ["unbooked_payout", "unauthorised_debit"]
    assert out.unbooked[1] == w


def test_balance_mismatch_and_its_subject_names_the_day_and_both_figures():
    out = run(
        statement(line(1, "10.00", ref="A"), closing="10.00"), [entry("transfer", "10.00", ref="A")], closing="15.00"
    )
    [finding] = out.findings
    assert finding.code == "balance_mismatch" and finding.subject == "closing:2026-10-10:10.00:15.00"


def test_the_same_bank_line_has_the_same_fingerprint_in_any_statement():
    assert line(1, "-7.00", ref="Z").fingerprint() == line(9, "-7.00", ref="Z").fingerprint()
    assert line(1, "-7.00", ref="Z").fingerprint() != line(1, "-7.01", ref="Z").fingerprint()


def test_bank_day_is_the_day_in_thailand():
    assert bank_day(dt.datetime(2026, 10, 4, 17, 30, tzinfo=dt.UTC)) == dt.date(2026, 10, 5)
    assert bank_day(dt.datetime(2026, 10, 4, 16, 59, tzinfo=dt.UTC)) == dt.date(2026, 10, 4)


@pytest.mark.parametrize(
    ("raw", "day"),
    [("2026-10-01", dt.date(2026, 10, 1)), ("01/10/2569", dt.date(2026, 10, 1)), ("29/02/2567", dt.date(2024, 2, 29))],
)
def test_dates_iso_or_buddhist_era(raw, day):
    assert parse_date(raw, row=1) == day


@pytest.mark.parametrize("raw", ["01/10/2026", "2569-10-01", "29/02/2566", "10/2569", "2026-10-01T00:00", ""])
def test_dates_refused(raw):
    with pytest.raises(StatementUnreadable):
        parse_date(raw, row=1)


def test_csv_running_balance_and_bom():
    body = "\ufeffdate,description,reference,withdrawal,deposit,balance\n2026-10-01,a,r1,,10.00,110.00\n".encode()
    parsed = parse_csv(body + b"2026-10-02,b,r2,4.00,,106.00\n")
    assert (parsed.opening_balance, parsed.closing_balance) == (Decimal("100.00"), Decimal("106.00"))
    assert [ln.amount for ln in parsed.lines] == [Decimal("10.00"), Decimal("-4.00")]
    with pytest.raises(StatementUnbalanced):
        parse_csv(body + b"2026-10-02,b,r2,4.00,,107.00\n")


def test_the_digest_is_over_content_not_bytes():
    rows = "date,description,reference,withdrawal,deposit,balance\r\n2026-10-01,a,r1,,10.00,10.00\r\n"
    assert (
        parse_csv(rows.encode()).digest() == parse_csv(b"\xef\xbb\xbf" + rows.replace("\r\n", "\n").encode()).digest()
    )


def test_a_statement_longer_than_the_cap_is_refused():
    from phaen_budget.statements.parsing import MAX_LINES

    rows = "".join(f"2026-10-01,a,r{i},,1.00,\n" for i in range(MAX_LINES + 1))
    with pytest.raises(StatementUnreadable, match="at most"):
        parse_csv(("date,description,reference,withdrawal,deposit,balance\n" + rows).encode())


SAMPLES = Path(__file__).resolve().parents[3] / "tests" / "data" / "statements"


def test_a_declared_encoding_is_not_looked_up():
    body = b'<?xml version="1.0" encoding="UZF-8"?><Document/>'  # LookupError in the XML parser was a 500
    with pytest.raises(StatementUnreadable):
        parse_camt053(body)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(
    name=st.sampled_from(["baac-2026-10-clean.xml", "baac-2026-10-unauthorised.xml", "baac-2026-10-clean-be.csv"]),
    cuts=st.lists(st.tuples(st.integers(0, 4000), st.integers(0, 20), st.binary(max_size=12)), max_size=4),
)
def test_a_damaged_statement_is_refused_never_crashes(name, cuts):
    """Bytes cut and spliced anywhere: either a statement or a 4xx ProblemError, nothing else."""
    body = bytearray((SAMPLES / name).read_bytes())
    for at, drop, insert in cuts:
        at = min(at, len(body))
        body[at : at + drop] = insert
    try:
        (parse_camt053 if name.endswith(".xml") else parse_csv)(bytes(body))
    except ProblemError as exc:
        assert 400 <= exc.status < 500

"""Matching a statement's lines to the ledger: pure rules, no database (the service loads and stores).

Debits match ledger debits (payouts of approved withdrawals, fees), credits match ledger credits (deposits,
tranches, interest): first by bank reference (same reference and same amount), then by amount on the
nearest booking day within a window. What is left is the finding:
- a debit that matches nothing and no approved, unpaid withdrawal either: ``unauthorised_debit``;
- a debit of an approved withdrawal the bank paid but Phaen has not booked: ``unbooked_payout``;
- a payout Phaen booked in the statement's period that no line shows: ``missing_on_statement``;
- a closing balance that differs from the ledger's on the same day: ``balance_mismatch``.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from decimal import Decimal

from phaen_budget.statements.parsing import Line, ParsedStatement

# Thailand keeps one offset all year (no daylight saving): a booking's bank day is its UTC time + 7 h.
BANGKOK = dt.timezone(dt.timedelta(hours=7))


def bank_day(at: dt.datetime) -> dt.date:
    """The calendar day in Thailand of a timestamp (the day a Thai bank books it)."""
    aware = at if at.tzinfo else at.replace(tzinfo=dt.UTC)
    return aware.astimezone(BANGKOK).date()


@dataclass(frozen=True)
class LedgerItem:
    id: uuid.UUID
    kind: str
    amount: Decimal
    reference: str | None
    booked_on: dt.date
    withdrawal_id: uuid.UUID | None = None


@dataclass(frozen=True)
class ApprovedWithdrawal:
    id: uuid.UUID
    amount: Decimal


@dataclass(frozen=True)
class Finding:
    code: str
    subject: str
    line_no: int | None = None
    ledger_entry_id: uuid.UUID | None = None
    withdrawal_id: uuid.UUID | None = None
    detail: dict[str, str] = field(default_factory=dict)


@dataclass
class Reconciliation:
    matches: dict[int, tuple[LedgerItem, str]] = field(default_factory=dict)  # line no -> (entry, "reference"|"amount")
    unbooked: dict[int, ApprovedWithdrawal] = field(default_factory=dict)
    unmatched_lines: list[Line] = field(default_factory=list)
    unmatched_entries: list[LedgerItem] = field(default_factory=list)
    ledger_closing: Decimal | None = None
    findings: list[Finding] = field(default_factory=list)


def _same_side(line: Line, item: LedgerItem) -> bool:
    return line.amount == item.amount


def reconcile(
    *,
    statement: ParsedStatement,
    ledger: list[LedgerItem],
    approved: list[ApprovedWithdrawal],
    ledger_closing: Decimal,
    window_days: int,
) -> Reconciliation:
    """Match every line; ``ledger`` holds the account's entries around the period, ``ledger_closing`` the
    ledger's balance at the end of the period's last day."""
    out = Reconciliation(ledger_closing=ledger_closing)
    used: set[uuid.UUID] = set()
    by_ref: dict[str, list[LedgerItem]] = {}
    for item in ledger:
        if item.reference:
            by_ref.setdefault(item.reference, []).append(item)
    for line in statement.lines:
        for ref in line.refs:
            hit = next((i for i in by_ref.get(ref, []) if i.id not in used and _same_side(line, i)), None)
            if hit is not None:
                out.matches[line.no] = (hit, "reference")
                used.add(hit.id)
                break
    window = dt.timedelta(days=window_days)
    by_amount: dict[Decimal, list[LedgerItem]] = {}
    for item in ledger:
        by_amount.setdefault(item.amount, []).append(item)
    for line in statement.lines:
        if line.no in out.matches:
            continue
        candidates = [
            i
            for i in by_amount.get(line.amount, [])
            if i.id not in used and abs(i.booked_on - line.booked_on) <= window
        ]
        if candidates:
            hit = min(candidates, key=lambda i: (abs(i.booked_on - line.booked_on), i.booked_on, str(i.id)))
            out.matches[line.no] = (hit, "amount")
            used.add(hit.id)
    free_approved = list(approved)
    for line in statement.lines:
        if line.no in out.matches:
            continue
        out.unmatched_lines.append(line)
        if line.amount >= 0:
            continue
        detail = {
            "booked_on": line.booked_on.isoformat(),
            "amount": str(line.amount),
            "reference": line.reference or "",
            "description": line.description,
        }
        pending = next((w for w in free_approved if w.amount == -line.amount), None)
        if pending is not None:
            free_approved.remove(pending)
            out.unbooked[line.no] = pending
            out.findings.append(
                Finding(
                    "unbooked_payout",
                    f"line:{line.fingerprint()}",
                    line_no=line.no,
                    withdrawal_id=pending.id,
                    detail={**detail, "withdrawal_id": str(pending.id)},
                )
            )
        else:
            out.findings.append(Finding("unauthorised_debit", f"line:{line.fingerprint()}", line.no, detail=detail))
    for item in ledger:
        if item.id in used or not statement.period_from <= item.booked_on <= statement.period_to:
            continue
        out.unmatched_entries.append(item)
        if item.kind == "payout":
            out.findings.append(
                Finding(
                    "missing_on_statement",
                    f"ledger:{item.id}",
                    ledger_entry_id=item.id,
                    withdrawal_id=item.withdrawal_id,
                    detail={
                        "booked_on": item.booked_on.isoformat(),
                        "amount": str(item.amount),
                        "reference": item.reference or "",
                    },
                )
            )
    stated = statement.closing_balance
    if stated is not None and stated != ledger_closing:
        as_of = statement.period_to.isoformat()
        out.findings.append(
            Finding(
                "balance_mismatch",
                f"closing:{as_of}:{stated}:{ledger_closing}",
                detail={"as_of": as_of, "statement": str(stated), "ledger": str(ledger_closing)},
            )
        )
    return out

"""Statement import: parse, match to the ledger under the account lock, keep every line, raise alerts."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from phaen_budget.accounts import service as accounts
from phaen_budget.accounts.models import Account
from phaen_budget.alerts import service as alerts
from phaen_budget.alerts.models import Alert
from phaen_budget.audit import service as audit
from phaen_budget.core.access import is_own_bank
from phaen_budget.core.errors import AccountNotFound
from phaen_budget.statements import repository as repo
from phaen_budget.statements.errors import StatementAccountMismatch, StatementNotFound
from phaen_budget.statements.matching import LedgerItem, reconcile
from phaen_budget.statements.models import BankStatement, StatementAlert
from phaen_budget.statements.parsing import ParsedStatement, parse
from phaen_budget.statements.schemas import LedgerMiss, LineOut, StatementDetail, StatementSummary
from phaen_budget.tables import outbox
from phaen_common.access import ACTS_EVERYWHERE, Role
from phaen_common.auth import Principal
from phaen_common.money import format_money
from phaen_common.outbox import record_event
from phaen_common.pagination import Page, PageParams, paginate

# Roles that import and read any account's statements (ACTS_EVERYWHERE); a bank its own accounts only.


def _digits(number: str) -> str:
    return "".join(ch for ch in number if ch.isdigit())


def bank_may_act(principal: Principal, account: Account) -> bool:
    """A bank client acts only on accounts at its own bank (``bank`` claim == account's bank)."""
    if any(r in ACTS_EVERYWHERE for r in principal.roles):
        return True
    if Role.BANK in principal.roles:
        return is_own_bank(principal, account.bank)  # the one rule, in core/access.py
    return True


async def account_in_scope(*, session: AsyncSession, principal: Principal, account_id: uuid.UUID) -> Account:
    """The account if the caller sees it and, for a bank, it is at the caller's bank (404 otherwise)."""
    account = await accounts.get_visible(session=session, principal=principal, account_id=account_id)
    if not bank_may_act(principal, account):
        raise AccountNotFound()
    return account


def _line_out(row: dict[str, Any]) -> LineOut:
    # Rows this service wrote itself: no need to validate each of thousands again.
    return LineOut.model_construct(**{k: row[k] for k in LineOut.model_fields})


def _summary(s: BankStatement) -> dict[str, Any]:
    return {
        **StatementSummary.model_validate(
            {**s.model_dump(), "lines": s.line_count, "matched": s.matched_count}
        ).model_dump(),
    }


async def statement_out(
    *,
    session: AsyncSession,
    statement: BankStatement,
    detail: bool = False,
    lines: list[dict[str, Any]] | None = None,
    found: list[Alert] | None = None,
) -> StatementDetail:
    """The reconciliation answer rebuilt from what was stored (the same for a repeated import).

    ``lines``/``found``: the rows just written, when the caller has them (no need to read them back).
    """
    if lines is None:
        lines = await repo.lines_of(session=session, statement_id=statement.id)
    if found is None:
        found = await repo.alerts_of(session=session, statement_id=statement.id)
    return StatementDetail(
        **_summary(statement),
        unmatched_bank_lines=[_line_out(ln) for ln in lines if ln["status"] == "unmatched"],
        unmatched_ledger_entries=[LedgerMiss.model_validate(m) for m in statement.unmatched_ledger_entries],
        alerts=[alerts.alert_out(a) for a in found],
        items=[_line_out(ln) for ln in lines] if detail else [],
    )


def _line_event(row: dict[str, Any]) -> dict[str, Any]:
    """A line as the ``statement.imported`` event carries it (JSON-ready: amounts as 2-decimal strings)."""
    return {
        "id": str(row["id"]),
        "no": row["no"],
        "booked_on": row["booked_on"].isoformat(),
        "amount": format_money(row["amount"]),
        "reference": row["reference"],
        "description": row["description"],
        "balance": None if row["balance"] is None else format_money(row["balance"]),
        "status": row["status"],
        "matched_by": row["matched_by"],
        "ledger_entry_id": None if row["ledger_entry_id"] is None else str(row["ledger_entry_id"]),
        "withdrawal_id": None if row["withdrawal_id"] is None else str(row["withdrawal_id"]),
    }


def _miss(item: LedgerItem) -> dict[str, Any]:
    return LedgerMiss(
        id=item.id,
        kind=item.kind,
        amount=item.amount,
        reference=item.reference,
        booked_on=item.booked_on,
        withdrawal_id=item.withdrawal_id,
    ).model_dump(mode="json")


async def import_statement(
    *,
    session: AsyncSession,
    principal: Principal,
    account_id: uuid.UUID,
    body: bytes,
    media_type: str,
    window_days: int,
) -> tuple[StatementDetail, bool]:
    """Import one statement and reconcile it; the same statement again returns its first answer unchanged.

    Returns (answer, replayed); the import's answer is the detail without ``items``.
    """
    await account_in_scope(session=session, principal=principal, account_id=account_id)
    parsed = parse(body, media_type)
    account, _ = await accounts.lock_for_money(
        session=session, principal=principal, account_id=account_id, checked=True
    )
    if parsed.account_number and _digits(parsed.account_number) != _digits(account.number):
        raise StatementAccountMismatch("The statement names another account number than this account's.")
    digest = parsed.digest()
    existing = await repo.by_digest(session=session, account_id=account.id, digest=digest)
    if existing is not None:
        return await statement_out(session=session, statement=existing), True
    statement, rows, raised = await _reconcile_and_store(
        session=session, principal=principal, account=account, parsed=parsed, digest=digest, window_days=window_days
    )
    answer = await statement_out(session=session, statement=statement, lines=rows, found=raised)
    summary = _summary(statement)
    audit.record(
        session,
        actor=principal.sub,
        action="statement.import",
        entity="bank_statement",
        entity_id=statement.id,
        after={**summary, "digest": digest, "alerts": [str(a.id) for a in answer.alerts]},
    )
    await record_event(
        session,
        outbox,
        type="statement.imported",
        entity="bank_statement",
        entity_id=statement.id,
        payload={
            **StatementSummary.model_validate(summary).model_dump(mode="json"),
            "project_id": str(account.project_id),
            "lines_detail": [_line_event(row) for row in rows],
            "alerts": [str(a.id) for a in answer.alerts],
        },
    )
    return answer, False


async def _reconcile_and_store(
    *,
    session: AsyncSession,
    principal: Principal,
    account: Account,
    parsed: ParsedStatement,
    digest: str,
    window_days: int,
) -> tuple[BankStatement, list[dict[str, Any]], list[Alert]]:
    """Match, then write the statement, its lines, its alerts and their links; returns all three."""
    window = dt.timedelta(days=window_days)
    ledger = await repo.ledger_around(
        session=session, account_id=account.id, first=parsed.period_from - window, last=parsed.period_to + window
    )
    closing = await repo.balance_at_end_of(session=session, account_id=account.id, day=parsed.period_to)
    approved = await repo.approved_unpaid(session=session, account_id=account.id)
    result = reconcile(
        statement=parsed, ledger=ledger, approved=approved, ledger_closing=closing, window_days=window_days
    )
    statement = BankStatement(
        account_id=account.id,
        project_id=account.project_id,
        format=parsed.format,
        digest=digest,
        bank_statement_id=parsed.bank_statement_id,
        period_from=parsed.period_from,
        period_to=parsed.period_to,
        opening_balance=parsed.opening_balance,
        closing_balance=parsed.closing_balance,
        ledger_closing_balance=closing,
        line_count=len(parsed.lines),
        matched_count=len(result.matches),
        unmatched_ledger_entries=[_miss(i) for i in result.unmatched_entries],
        imported_by=principal.sub,
    )
    session.add(statement)
    await session.flush()
    line_ids: dict[int, uuid.UUID] = {}
    rows: list[dict[str, Any]] = []
    for line in parsed.lines:
        match = result.matches.get(line.no)
        unbooked = result.unbooked.get(line.no)
        line_ids[line.no] = uuid.uuid4()
        rows.append(
            {
                "id": line_ids[line.no],
                "statement_id": statement.id,
                "account_id": account.id,
                "no": line.no,
                "booked_on": line.booked_on,
                "amount": line.amount,
                "reference": line.reference,
                "description": line.description,
                "balance": line.balance,
                "fingerprint": line.fingerprint(),
                "status": "matched" if match else "unmatched",
                "matched_by": match[1] if match else None,
                "ledger_entry_id": match[0].id if match else None,
                "withdrawal_id": (match[0].withdrawal_id if match else None) or (unbooked.id if unbooked else None),
            }
        )
    await repo.insert_lines(session=session, rows=rows)
    raised = await alerts.raise_alerts(
        session=session,
        actor=principal.sub,
        account=account,
        rows=[
            {
                "code": f.code,
                "subject": f.subject,
                "detail": f.detail,
                "statement_id": statement.id,
                "line_id": line_ids.get(f.line_no) if f.line_no is not None else None,
                "ledger_entry_id": f.ledger_entry_id,
                "withdrawal_id": f.withdrawal_id,
            }
            for f in result.findings
        ],
    )
    if raised:
        await session.execute(
            insert(StatementAlert),
            [{"statement_id": statement.id, "alert_id": a.id, "position": i} for i, a in enumerate(raised)],
        )
    return statement, rows, raised


async def list_statements(
    *, session: AsyncSession, principal: Principal, account_id: uuid.UUID, params: PageParams
) -> Page[StatementSummary]:
    """The account's imported statements, oldest import first."""
    await account_in_scope(session=session, principal=principal, account_id=account_id)
    rows, total, cursor = await paginate(
        session,
        repo.of_account(account_id),
        keys=[col(BankStatement.imported_at), col(BankStatement.id)],
        params=params,
    )
    return Page[StatementSummary](
        items=[StatementSummary.model_validate(_summary(s)) for s in rows], total=total, next_cursor=cursor
    )


async def get_statement(
    *, session: AsyncSession, principal: Principal, account_id: uuid.UUID, statement_id: uuid.UUID
) -> StatementDetail:
    """One statement with every line and what it matched."""
    await account_in_scope(session=session, principal=principal, account_id=account_id)
    statement = await session.get(BankStatement, statement_id)
    if statement is None or statement.account_id != account_id:
        raise StatementNotFound()
    return await statement_out(session=session, statement=statement, detail=True)

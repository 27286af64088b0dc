"""Project and account reports: monthly income-expense statement, activity expense summary, vouchers."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from phaen_common.access import mask
from phaen_common.auth import Principal
from phaen_reports.projections.models import Account, Expense, LedgerEntry, Project, columns
from phaen_reports.projections.rollup_models import ExpenseCategoryRollup
from phaen_reports.reports import schemas as s
from phaen_reports.reports.access import can_see_account, can_see_project
from phaen_reports.reports.catalogue import CATEGORIES, CATEGORY_GROUPS, CATEGORY_TH
from phaen_reports.reports.errors import AccountNotFound, ExpenseNotFound, NotAVoucher, ProjectNotFound

ZERO = Decimal("0.00")


def project_info(p: Project) -> s.ProjectInfo:
    return s.ProjectInfo(
        id=p.id,
        name=p.name,
        grant_id=p.grant_id,
        line_no=p.line_no,
        level=p.level,
        region=p.region,
        tambon=p.tambon,
        amount=p.amount,
        status=p.status,
    )


async def visible_project(*, session: AsyncSession, principal: Principal, project_id: uuid.UUID) -> Project:
    """The project if the caller may see it; 404 otherwise (existence not leaked)."""
    project = await session.get(Project, project_id)
    if project is None or not can_see_project(principal, project):
        raise ProjectNotFound()
    return project


async def visible_account(*, session: AsyncSession, principal: Principal, account_id: uuid.UUID) -> Account:
    """The account if the caller may see its project's money; 404 otherwise."""
    account = await session.get(Account, account_id)
    if account is None:
        raise AccountNotFound()
    project = await session.get(Project, account.project_id) if account.project_id else None
    if not can_see_account(principal, account, project):
        raise AccountNotFound()
    return account


def month_bounds(month: str, tz: str) -> tuple[dt.datetime, dt.datetime]:
    """The start and end (exclusive) of a YYYY-MM month in the network's timezone."""
    year, mon = (int(x) for x in month.split("-"))
    zone = ZoneInfo(tz)
    start = dt.datetime(year, mon, 1, tzinfo=zone)
    end = dt.datetime(year + (mon == 12), mon % 12 + 1, 1, tzinfo=zone)
    return start, end


async def monthly_statement(*, session: AsyncSession, account: Account, month: str, tz: str) -> s.MonthlyStatement:
    """Opening balance, receipts, payments and closing balance of one month, from the ledger entries."""
    start, end = month_bounds(month, tz)
    le = columns(LedgerEntry)
    opening = (
        await session.execute(
            select(func.coalesce(func.sum(le.amount), 0)).where(le.account_id == account.id, le.booked_at < start)
        )
    ).scalar_one()
    rows = (
        (
            await session.execute(
                select(LedgerEntry)
                .where(le.account_id == account.id, le.booked_at >= start, le.booked_at < end)
                .order_by(le.booked_at, le.id)
            )
        )
        .scalars()
        .all()
    )
    balance = Decimal(opening)
    entries = []
    receipts = payments = ZERO
    for r in rows:
        amount = r.amount or ZERO
        balance += amount
        receipt, payment = (amount, ZERO) if amount >= 0 else (ZERO, -amount)
        receipts += receipt
        payments += payment
        entries.append(
            s.StatementEntry(
                id=r.id,
                booked_at=r.booked_at,
                kind=r.kind,
                reference=r.reference,
                receipt=receipt,
                payment=payment,
                balance=balance,
            )
        )
    return s.MonthlyStatement(
        account=s.AccountInfo(
            id=account.id,
            project_id=account.project_id,
            name=account.name,
            bank=account.bank,
            branch=account.branch,
            number_last4=account.number_last4,
        ),
        month=month,
        opening=Decimal(opening),
        receipts=receipts,
        payments=payments,
        closing=Decimal(opening) + receipts - payments,
        entries=entries,
    )


async def ledger_months(*, session: AsyncSession, account_id: uuid.UUID, tz: str) -> list[str]:
    """The months (YYYY-MM, network timezone) in which an account has ledger entries."""
    local = func.timezone(tz, col(LedgerEntry.booked_at))
    rows = (
        (
            await session.execute(
                select(func.distinct(func.to_char(local, "YYYY-MM"))).where(col(LedgerEntry.account_id) == account_id)
            )
        )
        .scalars()
        .all()
    )
    return sorted(r for r in rows if r)


async def expense_summary(*, session: AsyncSession, project: Project) -> s.ExpenseSummary:
    """Recorded (unvoided) expenses of a project by category 1.1 .. 6, with group subtotals."""
    e = columns(ExpenseCategoryRollup)
    rows = (
        await session.execute(
            select(
                e.category,
                e.recorded_count.label("n"),
                e.recorded_amount.label("amount"),
                e.void_count.label("voided"),
            ).where(e.project_id == project.id)
        )
    ).all()
    # A group that emptied keeps its row at zero; the rollup keeps '' for an expense without a category.
    by_cat: dict[str | None, Any] = {r.category or None: r for r in rows if r.n or r.voided}
    known = dict(CATEGORIES)
    categories = [
        s.CategoryRow(
            category=code,
            name_th=name,
            count=by_cat[code].n if code in by_cat else 0,
            amount=Decimal(by_cat[code].amount) if code in by_cat else ZERO,
        )
        for code, name in CATEGORIES
    ]
    # A category outside the seed's list still counts, so the total reconciles with every expense.
    categories += [
        s.CategoryRow(category=str(code), name_th="ไม่ระบุหมวด", count=r.n, amount=Decimal(r.amount))
        for code, r in by_cat.items()
        if code not in known
    ]
    groups = []
    for g, name in CATEGORY_GROUPS.items():
        members = [c for c in categories if c.category == g or c.category.startswith(g + ".")]
        groups.append(
            s.CategoryRow(
                category=g,
                name_th=name,
                count=sum(c.count for c in members),
                amount=sum((c.amount for c in members), ZERO),
            )
        )
    return s.ExpenseSummary(
        project=project_info(project),
        categories=categories,
        groups=groups,
        total=sum((c.amount for c in categories), ZERO),
        count=sum(c.count for c in categories),
        voided=sum(r.voided for r in rows),
    )


def _mask(national_id: Any) -> str | None:
    digits = "".join(ch for ch in str(national_id or "") if ch.isdigit())
    # Only the last 4 digits are ever shown (the feed carries no more), padded to the 13 of a national ID.
    return mask(digits, width=13)


async def voucher(*, session: AsyncSession, principal: Principal, expense_id: uuid.UUID) -> s.Voucher:
    """A voucher-backed expense the caller may see; 404 if it is not visible or not a voucher."""
    expense = await session.get(Expense, expense_id)
    if expense is None or expense.project_id is None:
        raise ExpenseNotFound()
    project = await session.get(Project, expense.project_id)
    if project is None or not can_see_project(principal, project, what="voucher"):
        raise ExpenseNotFound()
    if expense.evidence_kind != "voucher":
        raise NotAVoucher()
    return voucher_of(expense, project)


def voucher_of(expense: Expense, project: Project) -> s.Voucher:
    """The voucher of an expense with whatever payee fields its event carries (ID masked to the last 4)."""
    detail = expense.detail or {}
    raw = detail.get("evidence")
    ev: dict[str, Any] = raw if isinstance(raw, dict) else {}
    amount = expense.amount or ZERO
    items = []
    for it in ev.get("items") or []:
        if isinstance(it, dict) and it.get("amount") is not None:
            items.append(
                s.VoucherItem(
                    description=str(it.get("description") or it.get("name") or ""), amount=Decimal(str(it["amount"]))
                )
            )
    if not items:
        desc = detail.get("description") or CATEGORY_TH.get(expense.category or "", "")
        items = [s.VoucherItem(description=str(desc), amount=amount)]
    nid = ev.get("payee_national_id") or ev.get("payee_national_id_last4")
    return s.Voucher(
        expense_id=expense.id,
        project=project_info(project),
        spent_on=expense.spent_on,
        category=expense.category,
        category_th=CATEGORY_TH.get(expense.category or ""),
        amount=amount,
        status=expense.status,
        payee_name=ev.get("payee_name"),
        payee_address=ev.get("payee_address"),
        payee_national_id=_mask(nid),
        items=items,
        payee_signed=ev.get("payee_signed"),
        payer_signed=ev.get("payer_signed"),
        head_certified=ev.get("head_certified"),
    )


async def project_accounts(*, session: AsyncSession, project_id: uuid.UUID) -> list[Account]:
    """A project's accounts."""
    return list(
        (
            await session.execute(
                select(Account).where(col(Account.project_id) == project_id).order_by(col(Account.id))
            )
        ).scalars()
    )


async def voucher_expenses(*, session: AsyncSession, project_id: uuid.UUID) -> list[Expense]:
    """The project's voucher-backed expenses."""
    stmt = (
        select(Expense)
        .where(col(Expense.project_id) == project_id, col(Expense.evidence_kind) == "voucher")
        .order_by(col(Expense.id))
    )
    return list((await session.execute(stmt)).scalars())

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

from phaen_common.access import mask, sees_personal_data
from phaen_common.auth import Principal
from phaen_reports.projections.models import Account, Expense, Grant, LedgerEntry, Project, Tambon, columns
from phaen_reports.projections.rollup_models import ExpenseCategoryRollup
from phaen_reports.reports import schemas as s
from phaen_reports.reports.access import can_see_account, can_see_project
from phaen_reports.reports.catalogue import CATEGORIES, CATEGORY_GROUPS, CATEGORY_TH
from phaen_reports.reports.errors import AccountNotFound, ExpenseNotFound, NotAVoucher, ProjectNotFound
from phaen_reports.reports.evidence import NationalIds

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


async def described(*, session: AsyncSession, project: Project) -> s.ProjectInfo:
    """The project as reports name it: with its tambon's name and its grant's name."""
    info = project_info(project)
    if project.tambon:
        tambon = await session.get(Tambon, project.tambon)
        info.tambon_name = tambon.name_th if tambon else None
    info.grant_name = await grant_name(session=session, grant_id=project.grant_id)
    return info


async def grant_name(*, session: AsyncSession, grant_id: uuid.UUID | None) -> str | None:
    """The grant's name, if the read model has it."""
    grant = await session.get(Grant, grant_id) if grant_id else None
    return grant.name if grant else None


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
            grant_name=await _account_grant(session, account),
        ),
        month=month,
        opening=Decimal(opening),
        receipts=receipts,
        payments=payments,
        closing=Decimal(opening) + receipts - payments,
        entries=entries,
    )


async def _account_grant(session: AsyncSession, account: Account) -> str | None:
    project = await session.get(Project, account.project_id) if account.project_id else None
    return await grant_name(session=session, grant_id=project.grant_id) if project else None


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
        project=await described(session=session, project=project),
        categories=categories,
        groups=groups,
        total=sum((c.amount for c in categories), ZERO),
        count=sum(c.count for c in categories),
        voided=sum(r.voided for r in rows),
    )


async def voucher(
    *,
    session: AsyncSession,
    principal: Principal,
    expense_id: uuid.UUID,
    ids: NationalIds,
    authorization: str,
) -> s.Voucher:
    """A voucher-backed expense the caller may see (404 otherwise), its payee's ID as the caller may see it."""
    expense = await session.get(Expense, expense_id)
    if expense is None or expense.project_id is None:
        raise ExpenseNotFound()
    project = await session.get(Project, expense.project_id)
    if project is None or not can_see_project(principal, project, what="voucher"):
        raise ExpenseNotFound()
    if expense.evidence_kind != "voucher":
        raise NotAVoucher()
    info = await described(session=session, project=project)
    clear = None
    if sees_personal_data(principal):
        clear = await ids.national_id(expense_id=expense.id, authorization=authorization)
    return voucher_of(expense, info, national_id=clear)


def voucher_of(expense: Expense, info: s.ProjectInfo, *, national_id: str | None = None) -> s.Voucher:
    """The voucher of an expense with whatever payee fields its event carries.

    ``national_id`` is the payee's ID in clear, given only for a caller who may see it; otherwise the ID is its
    last 4 digits behind the one masking character (``*********1234``).
    """
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
    known = ev.get("payee_national_id") or ev.get("payee_national_id_last4")
    return s.Voucher(
        expense_id=expense.id,
        project=info,
        spent_on=expense.spent_on,
        category=expense.category,
        category_th=CATEGORY_TH.get(expense.category or ""),
        amount=amount,
        status=expense.status,
        payee_name=ev.get("payee_name"),
        payee_address=ev.get("payee_address"),
        payee_national_id=national_id or mask(known, width=13),
        items=items,
        payee_signed=ev.get("payee_signed"),
        payer_signed=ev.get("payer_signed"),
        head_certified=ev.get("head_certified"),
        payer_name=ev.get("payer_name"),
        head_name=ev.get("head_name"),
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

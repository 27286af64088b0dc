"""Queries of the expenses package."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from phaen_budget.accounts.models import LedgerEntry
from phaen_budget.core.access import visible_clause
from phaen_budget.expenses.models import Attachment, Expense
from phaen_budget.projects.models import Project
from phaen_common.auth import Principal


def expenses_stmt(
    *,
    principal: Principal,
    project_id: uuid.UUID | None,
    grant_id: uuid.UUID | None,
    line_no: int | None,
    category: str | None,
    status: str | None,
    flag: str | None,
) -> Any:
    """Expenses within the caller's scope, filtered (unordered: the caller paginates)."""
    stmt = (
        select(Expense)
        .join(Project, col(Project.id) == col(Expense.project_id))
        .where(visible_clause(principal, col(Project.region), col(Project.tambon)))
    )
    for column, value in (
        (col(Expense.project_id), project_id),
        (col(Expense.grant_id), grant_id),
        (col(Expense.line_no), line_no),
        (col(Expense.category), category),
        (col(Expense.status), status),
    ):
        if value is not None:
            stmt = stmt.where(column == value)
    if flag is not None:
        stmt = stmt.where(col(Expense.flags).contains([flag]))
    return stmt


def attachments_stmt(*, expense_id: uuid.UUID) -> Any:
    return select(Attachment).where(col(Attachment.expense_id) == expense_id)


async def paid_out(*, session: AsyncSession, project_id: uuid.UUID) -> Decimal:
    """What the project's account has paid out (withdrawals paid), as a positive amount."""
    stmt = select(func.coalesce(func.sum(col(LedgerEntry.amount)), 0)).where(
        col(LedgerEntry.project_id) == project_id, col(LedgerEntry.kind) == "payout"
    )
    return -Decimal((await session.execute(stmt)).scalar_one())


async def recorded_total(*, session: AsyncSession, project_id: uuid.UUID) -> Decimal:
    """The project's expenses that still count (not void)."""
    stmt = select(func.coalesce(func.sum(col(Expense.amount)), 0)).where(
        col(Expense.project_id) == project_id, col(Expense.status) == "recorded"
    )
    return Decimal((await session.execute(stmt)).scalar_one())

"""Queries of the projects package (scoped by ``core.access``)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import exists, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from phaen_budget.accounts.models import Account
from phaen_budget.core.access import project_clause, reached_accounts
from phaen_budget.projects.models import Project
from phaen_budget.tranches.models import TrancheRelease
from phaen_common.auth import Principal
from phaen_common.pagination import PageParams, paginate


@dataclass(frozen=True)
class ProjectFilters:
    """The list filters of GET /v1/budget/projects (None: any)."""

    grant_id: uuid.UUID | None = None
    status: str | None = None
    region: str | None = None
    tambon: str | None = None
    level: str | None = None


async def page_projects(
    *, session: AsyncSession, principal: Principal, params: PageParams, filters: ProjectFilters
) -> tuple[list[Project], int, str | None]:
    """A page of the projects the caller sees, filtered."""
    stmt = select(Project).where(project_clause(principal))
    for column, value in (
        (col(Project.grant_id), filters.grant_id),
        (col(Project.status), filters.status),
        (col(Project.region), filters.region),
        (col(Project.tambon), filters.tambon),
        (col(Project.level), filters.level),
    ):
        if value is not None:
            stmt = stmt.where(column == value)
    return await paginate(session, stmt, keys=[col(Project.id)], params=params)


async def has_reached_account(*, session: AsyncSession, principal: Principal, project_id: uuid.UUID) -> bool:
    """Has the project an account the caller (a bank, a signatory) reaches?"""
    clauses = reached_accounts(principal)
    if not clauses:
        return False
    stmt = select(exists().where(col(Account.project_id) == project_id, or_(*clauses)))
    return bool((await session.execute(stmt)).scalar_one())


async def line_committed(*, session: AsyncSession, grant_id: uuid.UUID, line_no: int) -> Decimal:
    """What a grant line has committed: its projects' amounts, plus releases into projects without an amount."""
    amounts = select(func.coalesce(func.sum(col(Project.amount)), 0)).where(
        col(Project.grant_id) == grant_id, col(Project.line_no) == line_no
    )
    released = (
        select(func.coalesce(func.sum(col(TrancheRelease.amount)), 0))
        .join(Project, col(Project.id) == col(TrancheRelease.project_id))
        .where(col(Project.grant_id) == grant_id, col(Project.line_no) == line_no, col(Project.amount).is_(None))
    )
    total = (await session.execute(select(amounts.scalar_subquery() + released.scalar_subquery()))).scalar_one()
    return Decimal(total or 0)

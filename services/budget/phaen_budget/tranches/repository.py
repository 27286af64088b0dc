"""Queries of the tranches package."""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from phaen_budget.accounts.models import Account
from phaen_budget.tranches.models import ActivityReport, TrancheRelease
from phaen_common.pagination import PageParams, paginate

ZERO = Decimal("0.00")


async def account_id_of(*, session: AsyncSession, project_id: uuid.UUID) -> uuid.UUID | None:
    """The id of the project's account, if it has one."""
    return (await session.execute(select(col(Account.id)).where(col(Account.project_id) == project_id))).scalar()


async def release_of(*, session: AsyncSession, project_id: uuid.UUID, n: int) -> TrancheRelease | None:
    """Tranche ``n``'s release (UNIQUE (project_id, n): at most one)."""
    stmt = select(TrancheRelease).where(col(TrancheRelease.project_id) == project_id, col(TrancheRelease.n) == n)
    return (await session.execute(stmt)).scalar_one_or_none()


async def releases(*, session: AsyncSession, project_id: uuid.UUID) -> dict[int, TrancheRelease]:
    """Every release of the project by tranche number."""
    rows = await session.execute(select(TrancheRelease).where(col(TrancheRelease.project_id) == project_id))
    return {rel.n: rel for rel in rows.scalars().all()}


async def report_counts(*, session: AsyncSession, project_id: uuid.UUID) -> dict[int, int]:
    """How many activity reports each tranche has."""
    rows = await session.execute(
        select(col(ActivityReport.tranche), func.count())
        .where(col(ActivityReport.project_id) == project_id)
        .group_by(col(ActivityReport.tranche))
    )
    return {int(n): int(count) for n, count in rows.all()}


async def page_reports(
    *, session: AsyncSession, project_id: uuid.UUID, params: PageParams
) -> tuple[list[ActivityReport], int, str | None]:
    """A page of the project's activity reports."""
    stmt = select(ActivityReport).where(col(ActivityReport.project_id) == project_id)
    return await paginate(session, stmt, keys=[col(ActivityReport.id)], params=params)

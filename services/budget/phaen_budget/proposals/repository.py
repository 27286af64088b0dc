"""Queries of the proposals package."""

from __future__ import annotations

import hashlib
import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from phaen_budget.core.access import visible_clause
from phaen_budget.projects.models import Project
from phaen_budget.proposals.models import Proposal
from phaen_common.auth import Principal

_LOCK = text("SELECT pg_advisory_xact_lock(:k)")


def proposals_stmt(*, principal: Principal, project_id: uuid.UUID | None, status: str | None, route: str | None) -> Any:
    """Proposals within the caller's scope, filtered (unordered: the caller paginates)."""
    stmt = (
        select(Proposal)
        .join(Project, col(Project.id) == col(Proposal.project_id))
        .where(visible_clause(principal, col(Project.region), col(Project.tambon), what="proposal"))
    )
    for column, value in (
        (col(Proposal.project_id), project_id),
        (col(Proposal.status), status),
        (col(Proposal.route), route),
    ):
        if value is not None:
            stmt = stmt.where(column == value)
    return stmt


async def lock_project_proposals(*, session: AsyncSession, project_id: uuid.UUID) -> None:
    """Serialise the creation of one project's proposals until commit (the splitting sum stays true).

    An advisory lock rather than the project row, so money actions holding the row are not held up.
    """
    key = int.from_bytes(hashlib.sha256(f"proposals:{project_id}".encode()).digest()[:8], "big", signed=True)
    await session.execute(_LOCK, {"k": key})


async def standard_total(*, session: AsyncSession, project_id: uuid.UUID, fiscal_year: int) -> Decimal:
    """The project's standard proposals of that fiscal year that are pending or approved."""
    stmt = select(func.coalesce(func.sum(col(Proposal.amount)), 0)).where(
        col(Proposal.project_id) == project_id,
        col(Proposal.fiscal_year) == fiscal_year,
        col(Proposal.kind) == "standard",
        col(Proposal.status).in_(("pending", "approved")),
    )
    return Decimal((await session.execute(stmt)).scalar_one())

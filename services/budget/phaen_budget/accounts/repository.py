"""Queries of the accounts package (scoped by ``core.access``)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from phaen_budget.accounts.models import Account, LedgerEntry
from phaen_budget.core.access import account_clause
from phaen_budget.projects.models import Project
from phaen_common.auth import Principal
from phaen_common.pagination import PageParams, paginate


def reachable_accounts(principal: Principal) -> Select[Account]:
    """Accounts within the caller's account reach (joined with their project for the scope columns)."""
    return select(Account).join(Project, col(Project.id) == col(Account.project_id)).where(account_clause(principal))


async def reachable_account(*, session: AsyncSession, principal: Principal, account_id: uuid.UUID) -> Account | None:
    """The account if the caller reaches it, else None."""
    stmt = reachable_accounts(principal).where(col(Account.id) == account_id)
    return (await session.execute(stmt)).scalar_one_or_none()


async def page_accounts(
    *, session: AsyncSession, principal: Principal, params: PageParams, project_id: uuid.UUID | None
) -> tuple[list[Account], int, str | None]:
    """A page of the accounts the caller reaches, optionally of one project."""
    stmt = reachable_accounts(principal)
    if project_id is not None:
        stmt = stmt.where(col(Account.project_id) == project_id)
    return await paginate(session, stmt, keys=[col(Account.id)], params=params)


async def page_entries(
    *, session: AsyncSession, account_id: uuid.UUID, params: PageParams, kinds: Sequence[str] | None
) -> tuple[list[LedgerEntry], int, str | None]:
    """A page of one account's ledger, oldest first, optionally of some kinds only."""
    stmt = select(LedgerEntry).where(col(LedgerEntry.account_id) == account_id)
    if kinds:
        stmt = stmt.where(col(LedgerEntry.kind).in_(kinds))
    return await paginate(session, stmt, keys=[col(LedgerEntry.seq)], params=params)

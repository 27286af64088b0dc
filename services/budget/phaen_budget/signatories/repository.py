"""Queries of signatory changes and of what a change voids."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from phaen_budget.accounts.models import AccountSignatory
from phaen_budget.signatories.models import SignatoryChange
from phaen_budget.withdrawals import repository as withdrawals
from phaen_budget.withdrawals.models import Withdrawal


async def changes_of(*, session: AsyncSession, account_id: uuid.UUID) -> list[SignatoryChange]:
    """Every change proposed for the account, newest first."""
    rows = await session.execute(
        select(SignatoryChange)
        .where(col(SignatoryChange.account_id) == account_id)
        .order_by(col(SignatoryChange.proposed_at).desc(), col(SignatoryChange.id))
    )
    return list(rows.scalars().all())


async def pending_change(*, session: AsyncSession, account_id: uuid.UUID) -> SignatoryChange | None:
    """The account's change awaiting confirmation, if any."""
    rows = await session.execute(
        select(SignatoryChange).where(
            col(SignatoryChange.account_id) == account_id, col(SignatoryChange.status) == "pending"
        )
    )
    return rows.scalars().first()


async def replace_members(
    *, session: AsyncSession, account_id: uuid.UUID, change: SignatoryChange, now: dt.datetime
) -> None:
    """Retire the current signatories and add the change's members (the account row is locked)."""
    await session.execute(
        update(AccountSignatory)
        .where(col(AccountSignatory.account_id) == account_id, col(AccountSignatory.removed_at).is_(None))
        .values(removed_at=now)
    )
    for i, member in enumerate(change.members):
        session.add(
            AccountSignatory(
                account_id=account_id,
                user_id=member["user_id"],
                person_id=member.get("person_id"),
                position=i,
                resolution_number=change.resolution_number,
                added_at=now,
            )
        )


async def void_pending_signatures(*, session: AsyncSession, account_id: uuid.UUID, now: dt.datetime) -> list[uuid.UUID]:
    """Revoke the signatures on the account's pending withdrawals and bump their version; their ids."""
    pending = (
        (
            await session.execute(
                update(Withdrawal)
                .where(col(Withdrawal.account_id) == account_id, col(Withdrawal.status) == "pending")
                .values(version=col(Withdrawal.version) + 1)
                .returning(col(Withdrawal.id))
            )
        )
        .scalars()
        .all()
    )
    if pending:
        await withdrawals.revoke_signatures(session=session, withdrawal_ids=list(pending), now=now)
    return list(pending)

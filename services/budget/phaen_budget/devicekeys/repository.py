"""Queries of device keys and of the withdrawals awaiting a signatory."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import exists, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from phaen_budget.accounts.models import AccountSignatory
from phaen_budget.devicekeys.models import DeviceKey
from phaen_budget.withdrawals.models import Signature, Withdrawal

PENDING_LIMIT = 200


async def keys_of(*, session: AsyncSession, owner: str) -> list[DeviceKey]:
    """Every key of ``owner``, revoked ones too, oldest first."""
    rows = await session.execute(
        select(DeviceKey).where(col(DeviceKey.owner) == owner).order_by(col(DeviceKey.created_at), col(DeviceKey.id))
    )
    return list(rows.scalars().all())


async def by_public_key(*, session: AsyncSession, public_key: str) -> DeviceKey | None:
    """The device key registered with this public key, if any."""
    rows = await session.execute(select(DeviceKey).where(col(DeviceKey.public_key) == public_key))
    return rows.scalars().first()


async def pending_for(
    *, session: AsyncSession, user_id: str, person_id: str | None, now: dt.datetime
) -> list[Withdrawal]:
    """Pending, unexpired withdrawals of accounts where ``user_id`` is a current signatory, not requested by that
    user or person, and not yet signed by them (under any user id of the person)."""
    me = [col(Signature.signer) == user_id]
    if person_id is not None:
        me.append(col(Signature.signer_person) == person_id)
    signed = exists().where(
        col(Signature.withdrawal_id) == col(Withdrawal.id), col(Signature.revoked_at).is_(None), or_(*me)
    )
    member = exists().where(
        col(AccountSignatory.account_id) == col(Withdrawal.account_id),
        col(AccountSignatory.user_id) == user_id,
        col(AccountSignatory.removed_at).is_(None),
    )
    stmt = select(Withdrawal).where(
        col(Withdrawal.status) == "pending",
        col(Withdrawal.expires_at) > now,
        col(Withdrawal.requested_by) != user_id,
        member,
        ~signed,
    )
    if person_id is not None:
        stmt = stmt.where(
            or_(col(Withdrawal.requested_by_person).is_(None), col(Withdrawal.requested_by_person) != person_id)
        )
    stmt = stmt.order_by(col(Withdrawal.expires_at), col(Withdrawal.id)).limit(PENDING_LIMIT)
    rows = await session.execute(stmt)
    return list(rows.scalars().all())

"""Queries of withdrawals and signatures (the router and service hold none)."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Collection, Sequence
from typing import Any

from sqlalchemy import Select, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from phaen_budget.accounts.models import Account, AccountSignatory
from phaen_budget.core import driver
from phaen_budget.core.access import account_clause, bank_names
from phaen_budget.projects.models import Project
from phaen_budget.withdrawals.models import Signature, Withdrawal
from phaen_common.access import reach
from phaen_common.auth import Principal


def visible(
    principal: Principal,
    *,
    account_id: uuid.UUID | None = None,
    project_id: uuid.UUID | None = None,
    status: str | None = None,
) -> Select[Any]:
    """Withdrawals of the accounts the caller reaches (``core.access.account_clause``), optionally filtered."""
    stmt = (
        select(Withdrawal)
        .join(Account, col(Account.id) == col(Withdrawal.account_id))
        .join(Project, col(Project.id) == col(Account.project_id))
        .where(account_clause(principal))
    )
    for column, value in (
        (col(Withdrawal.account_id), account_id),
        (col(Withdrawal.project_id), project_id),
        (col(Withdrawal.status), status),
    ):
        if value is not None:
            stmt = stmt.where(column == value)
    return stmt


async def signatures_of(
    *, session: AsyncSession, withdrawal_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, list[Signature]]:
    """The valid (not revoked) signatures of each withdrawal, oldest first (empty without any)."""
    out: dict[uuid.UUID, list[Signature]] = {withdrawal_id: [] for withdrawal_id in withdrawal_ids}
    if not withdrawal_ids:
        return out
    rows = await session.execute(
        select(Signature)
        .where(
            col(Signature.withdrawal_id).in_(withdrawal_ids),
            col(Signature.revoked_at).is_(None),
        )
        .order_by(col(Signature.signed_at))
    )
    for sig in rows.scalars().all():
        out[sig.withdrawal_id].append(sig)
    return out


async def thresholds(*, session: AsyncSession, account_ids: Collection[uuid.UUID]) -> dict[uuid.UUID, int]:
    """Each account's threshold."""
    if not account_ids:
        return {}
    rows = await session.execute(
        select(col(Account.id), col(Account.threshold)).where(col(Account.id).in_(account_ids))
    )
    return {account_id: threshold for account_id, threshold in rows.all()}


async def signatory_persons(*, session: AsyncSession, account_id: uuid.UUID) -> dict[str, str | None]:
    """The account's current signatories: user id -> registry person (None for sets older than persons)."""
    rows = await session.execute(
        select(col(AccountSignatory.user_id), col(AccountSignatory.person_id)).where(
            col(AccountSignatory.account_id) == account_id, col(AccountSignatory.removed_at).is_(None)
        )
    )
    return {user_id: person_id for user_id, person_id in rows.all()}


async def revoke_signatures(*, session: AsyncSession, withdrawal_ids: Sequence[uuid.UUID], now: dt.datetime) -> None:
    """Void the valid signatures of these withdrawals (kept, stamped ``revoked_at``)."""
    await session.execute(
        update(Signature)
        .where(col(Signature.withdrawal_id).in_(withdrawal_ids), col(Signature.revoked_at).is_(None))
        .values(revoked_at=now)
    )


async def due_for_expiry(*, session: AsyncSession, now: dt.datetime, limit: int) -> list[uuid.UUID]:
    """Open withdrawals past their expiry, oldest first."""
    rows = await session.execute(
        select(col(Withdrawal.id))
        .where(col(Withdrawal.status).in_(("pending", "approved")), col(Withdrawal.expires_at) <= now)
        .order_by(col(Withdrawal.expires_at))
        .limit(limit)
    )
    return list(rows.scalars().all())


# The signing transaction (migrations budget_0014, budget_0016): three round trips on an open transaction, the
# last of them also its COMMIT where the caller can send it (``Database.commit_with``).
SIGNING_LOCK = "SELECT * FROM budget.cosign_lock($1, $2, $3, $4, $5, $6, $7)"
# The signature's 15 arguments, then the audit entry's 8: placeholders only.
SIGNING_WRITE = "SELECT * FROM budget.cosign_write(" + ", ".join(f"${i}" for i in range(1, 24)) + ")"  # noqa: S608
_HASH = re.compile(r"[0-9a-f]{64}")


async def signing_lock(*, conn: Any, principal: Principal, withdrawal_id: uuid.UUID, key_id: uuid.UUID | None) -> Any:
    """Check the caller's reach, lock account, project, withdrawal (and the device key), read the signatory set
    and the valid signatures: one round trip (``budget.cosign_lock``); ``visible`` is false out of reach (then
    nothing is locked)."""
    scope = reach(principal, "account")
    banks = [name for code in sorted(scope.banks) for name in bank_names(code)]
    with driver.sqlalchemy_errors(SIGNING_LOCK):
        return await conn.fetchrow(
            SIGNING_LOCK,
            withdrawal_id,
            scope.everything,
            sorted(scope.regions),
            sorted(scope.tambons),
            banks,
            scope.signatory,
            key_id,
        )


async def signing_write(*, conn: Any, args: Sequence[Any], audit_entry: Sequence[Any]) -> Any:
    """Insert the signature (and approve: status, reservation, event), stage its audit entry and reserve the
    entry's place in the chain (``prev_hash``, ``at``, ``seq``; the chain lock, held to the commit): one round
    trip (``budget.cosign_write``)."""
    with driver.sqlalchemy_errors(SIGNING_WRITE):
        return await conn.fetchrow(SIGNING_WRITE, *args, *audit_entry)


def signing_chain(entry_hash: str) -> str:
    """The statement that inserts the staged entry with its hash (``budget.cosign_chain``), written out whole so
    that it can go in one message with the ``COMMIT`` (that protocol takes no parameters): its one value is
    checked to be 64 hex digits first."""
    if not _HASH.fullmatch(entry_hash):
        raise ValueError("an audit hash is 64 hex digits")
    return f"SELECT budget.cosign_chain('{entry_hash}')"

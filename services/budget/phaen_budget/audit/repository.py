"""Queries of the audit package: the chain, its signed heads, and what verify reconciles."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import String, and_, case, cast, func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from phaen_budget.accounts.models import Account, LedgerEntry
from phaen_budget.audit.models import AuditEntry, AuditHead
from phaen_budget.withdrawals.models import Withdrawal


def entries_stmt(*, entity: str | None, entity_id: str | None, action: str | None, outcome: str | None) -> Any:
    """The audit entries matching the filters (unordered: the caller paginates by seq)."""
    stmt = select(AuditEntry)
    for column, value in (
        (col(AuditEntry.entity), entity),
        (col(AuditEntry.entity_id), entity_id),
        (col(AuditEntry.action), action),
        (col(AuditEntry.outcome), outcome),
    ):
        if value is not None:
            stmt = stmt.where(column == value)
    return stmt


async def last_entry(*, session: AsyncSession) -> AuditEntry | None:
    """The newest entry of the chain (None while it is empty)."""
    stmt = select(AuditEntry).order_by(col(AuditEntry.seq).desc()).limit(1)
    return (await session.execute(stmt)).scalar_one_or_none()


async def entries_after(*, session: AsyncSession, after: int, limit: int) -> Sequence[AuditEntry]:
    """Up to ``limit`` entries after seq ``after``, in seq order."""
    stmt = select(AuditEntry).where(col(AuditEntry.seq) > after).order_by(col(AuditEntry.seq)).limit(limit)
    return (await session.execute(stmt)).scalars().all()


async def latest_head(*, session: AsyncSession) -> AuditHead | None:
    """The newest signed head (None before the first is signed)."""
    stmt = select(AuditHead).order_by(col(AuditHead.seq).desc()).limit(1)
    return (await session.execute(stmt)).scalar_one_or_none()


async def head_at(*, session: AsyncSession, seq: int) -> AuditHead | None:
    """The signed head at seq ``seq``, if one was signed there."""
    return await session.get(AuditHead, seq)


async def add_head(*, session: AsyncSession, head: AuditHead) -> bool:
    """Keep a signed head; False when that seq was already signed (by a concurrent signer)."""
    stmt = (
        pg_insert(AuditHead)
        .values(seq=head.seq, hash=head.hash, signed_at=head.signed_at, key_id=head.key_id, signature=head.signature)
        .on_conflict_do_nothing(index_elements=["seq"])
        .returning(col(AuditHead.seq))
    )
    return (await session.execute(stmt)).scalar_one_or_none() is not None


async def ledger_with_audit(*, session: AsyncSession, after: int, limit: int) -> Sequence[Any]:
    """Ledger entries in seq order, each with the ``after_digest`` of its audit entry (None if it has none)."""
    audited = and_(
        col(AuditEntry.entity) == "ledger_entry",
        col(AuditEntry.entity_id) == cast(col(LedgerEntry.id), String),
        col(AuditEntry.outcome) == "ok",
    )
    stmt: Any = (
        select(LedgerEntry, col(AuditEntry.seq).label("audit_seq"), col(AuditEntry.after_digest))
        .outerjoin(AuditEntry, audited)
        .where(col(LedgerEntry.seq) > after)
        .order_by(col(LedgerEntry.seq))
        .limit(limit)
    )
    return (await session.execute(stmt)).all()


async def audited_ledger_entries_missing(*, session: AsyncSession, limit: int) -> Sequence[Any]:
    """Audit entries of ledger entries that are no longer in the ledger: (seq, entity_id)."""
    exists = select(col(LedgerEntry.id)).where(cast(col(LedgerEntry.id), String) == col(AuditEntry.entity_id)).exists()
    stmt = (
        select(col(AuditEntry.seq), col(AuditEntry.entity_id))
        .where(col(AuditEntry.entity) == "ledger_entry", col(AuditEntry.outcome) == "ok", ~exists)
        .order_by(col(AuditEntry.seq))
        .limit(limit)
    )
    return (await session.execute(stmt)).all()


async def balance_mismatches(*, session: AsyncSession, limit: int) -> list[tuple[uuid.UUID, str, Decimal, Decimal]]:
    """Accounts whose cached balance or interest balance differs from the sum of their ledger:
    (account id, which figure, cached, ledger)."""
    total = func.coalesce(func.sum(col(LedgerEntry.amount)), 0)
    interest = func.coalesce(func.sum(case((col(LedgerEntry.fund) == "interest", col(LedgerEntry.amount)), else_=0)), 0)
    stmt = (
        select(col(Account.id), col(Account.balance), col(Account.interest_balance), total, interest)
        .outerjoin(LedgerEntry, col(LedgerEntry.account_id) == col(Account.id))
        .group_by(col(Account.id))
        .having((col(Account.balance) != total) | (col(Account.interest_balance) != interest))
        .order_by(col(Account.id))
        .limit(limit)
    )
    out: list[tuple[uuid.UUID, str, Decimal, Decimal]] = []
    for account_id, balance, interest_balance, ledger_total, ledger_interest in (await session.execute(stmt)).all():
        if balance != ledger_total:
            out.append((account_id, "balance", balance, Decimal(ledger_total)))
        if interest_balance != ledger_interest:
            out.append((account_id, "interest_balance", interest_balance, Decimal(ledger_interest)))
    return out


async def reserved_mismatches(*, session: AsyncSession, limit: int) -> list[tuple[uuid.UUID, str, Decimal, Decimal]]:
    """Accounts whose cached reservations differ from their approved, unpaid withdrawals:
    (account id, which figure, cached, from the withdrawals)."""
    approved = (
        select(
            col(Withdrawal.account_id).label("account_id"),
            func.sum(col(Withdrawal.amount)).label("total"),
            func.sum(case((col(Withdrawal.fund) == "interest", col(Withdrawal.amount)), else_=0)).label("interest"),
        )
        .where(col(Withdrawal.status) == "approved")
        .group_by(col(Withdrawal.account_id))
        .subquery()
    )
    total = func.coalesce(approved.c.total, 0)
    interest = func.coalesce(approved.c.interest, 0)
    stmt = (
        select(col(Account.id), col(Account.reserved), col(Account.reserved_interest), total, interest)
        .outerjoin(approved, approved.c.account_id == col(Account.id))
        .where((col(Account.reserved) != total) | (col(Account.reserved_interest) != interest))
        .order_by(col(Account.id))
        .limit(limit)
    )
    out: list[tuple[uuid.UUID, str, Decimal, Decimal]] = []
    for account_id, reserved, reserved_interest, w_total, w_interest in (await session.execute(stmt)).all():
        if reserved != w_total:
            out.append((account_id, "reserved", reserved, Decimal(w_total)))
        if reserved_interest != w_interest:
            out.append((account_id, "reserved_interest", reserved_interest, Decimal(w_interest)))
    return out

"""Queries of the statement import: the ledger around a period, approved withdrawals, stored statements."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from phaen_budget.accounts.models import LedgerEntry
from phaen_budget.alerts.models import Alert
from phaen_budget.statements.matching import BANGKOK, ApprovedWithdrawal, LedgerItem, bank_day
from phaen_budget.statements.models import BankStatement, StatementAlert, StatementLine
from phaen_budget.withdrawals.models import Withdrawal
from phaen_common.money import CENT


def day_start(day: dt.date) -> dt.datetime:
    """Midnight in Thailand at the start of ``day``, as an aware timestamp."""
    return dt.datetime.combine(day, dt.time(0), tzinfo=BANGKOK)


async def ledger_around(
    *, session: AsyncSession, account_id: uuid.UUID, first: dt.date, last: dt.date
) -> list[LedgerItem]:
    """The account's entries booked from ``first`` to ``last`` (bank days, inclusive), in booking order."""
    rows = (
        (
            await session.execute(
                select(LedgerEntry)
                .where(
                    col(LedgerEntry.account_id) == account_id,
                    col(LedgerEntry.booked_at) >= day_start(first),
                    col(LedgerEntry.booked_at) < day_start(last + dt.timedelta(days=1)),
                )
                .order_by(col(LedgerEntry.seq))
            )
        )
        .scalars()
        .all()
    )
    return [
        LedgerItem(
            id=e.id,
            kind=e.kind,
            amount=e.amount,
            reference=e.reference,
            booked_on=bank_day(e.booked_at),
            withdrawal_id=e.withdrawal_id,
        )
        for e in rows
    ]


async def balance_at_end_of(*, session: AsyncSession, account_id: uuid.UUID, day: dt.date) -> Decimal:
    """The ledger's balance at the end of ``day`` in Thailand."""
    total = (
        await session.execute(
            select(func.coalesce(func.sum(col(LedgerEntry.amount)), 0)).where(
                col(LedgerEntry.account_id) == account_id,
                col(LedgerEntry.booked_at) < day_start(day + dt.timedelta(days=1)),
            )
        )
    ).scalar_one()
    return Decimal(total).quantize(CENT)


async def approved_unpaid(*, session: AsyncSession, account_id: uuid.UUID) -> list[ApprovedWithdrawal]:
    """Withdrawals approved by their signatories and not yet booked as paid, oldest first."""
    rows = await session.execute(
        select(col(Withdrawal.id), col(Withdrawal.amount))
        .where(col(Withdrawal.account_id) == account_id, col(Withdrawal.status) == "approved")
        .order_by(col(Withdrawal.approved_at), col(Withdrawal.id))
    )
    return [ApprovedWithdrawal(id=i, amount=a) for i, a in rows.all()]


async def by_digest(*, session: AsyncSession, account_id: uuid.UUID, digest: str) -> BankStatement | None:
    """The account's statement with this content digest, if it was imported before."""
    stmt = select(BankStatement).where(col(BankStatement.account_id) == account_id, col(BankStatement.digest) == digest)
    return (await session.execute(stmt)).scalar_one_or_none()


async def lines_of(*, session: AsyncSession, statement_id: uuid.UUID) -> list[dict[str, Any]]:
    """The statement's lines as plain rows, in order (Core rows: a statement may have thousands)."""
    table = StatementLine.__table__  # type: ignore[attr-defined]
    stmt = select(table).where(table.c.statement_id == statement_id).order_by(table.c.no)
    return [dict(r) for r in (await session.execute(stmt)).mappings().all()]


async def insert_lines(*, session: AsyncSession, rows: list[dict[str, Any]]) -> None:
    """Insert lines in batches (one executemany per batch; ORM objects cost ~2 ms each to build)."""
    for start in range(0, len(rows), 2000):
        await session.execute(insert(StatementLine), rows[start : start + 2000])


async def alerts_of(*, session: AsyncSession, statement_id: uuid.UUID) -> list[Alert]:
    """The alerts a statement raised or found again, in the order its answer lists them."""
    stmt = (
        select(Alert)
        .join(StatementAlert, col(StatementAlert.alert_id) == col(Alert.id))
        .where(col(StatementAlert.statement_id) == statement_id)
        .order_by(col(StatementAlert.position))
    )
    return list((await session.execute(stmt)).scalars().all())


def of_account(account_id: uuid.UUID) -> Select[Any]:
    """The statements of an account (for a page)."""
    return select(BankStatement).where(col(BankStatement.account_id) == account_id)

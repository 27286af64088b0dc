"""The ledger: the only way money moves. Each entry updates the account's cached figures in the same
transaction, on a row the caller has already locked FOR UPDATE."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from phaen_budget.accounts.models import Account, LedgerEntry
from phaen_budget.audit import service as audit
from phaen_budget.core.errors import AlreadyPaid, BankReferenceUsed, InsufficientFunds
from phaen_budget.tables import outbox
from phaen_common.money import CENT
from phaen_common.outbox import record_event

ZERO = Decimal("0.00")


def entry_event(entry: LedgerEntry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "account_id": entry.account_id,
        "project_id": entry.project_id,
        "kind": entry.kind,
        "fund": entry.fund,
        "amount": entry.amount,
        "booked_at": entry.booked_at,
        "reference": entry.reference,
        "withdrawal_id": entry.withdrawal_id,
    }


def available(account: Account, fund: str) -> Decimal:
    """What can still be approved from ``fund`` (balance less approved, unpaid withdrawals)."""
    if fund == "interest":
        return account.interest_balance - account.reserved_interest
    return (account.balance - account.interest_balance) - (account.reserved - account.reserved_interest)


async def post(
    *,
    session: AsyncSession,
    account: Account,
    kind: str,
    fund: str,
    amount: Decimal,
    actor: str,
    reference: str | None = None,
    withdrawal_id: uuid.UUID | None = None,
    release_reservation: bool = False,
) -> LedgerEntry:
    """Append one entry (signed amount) and update the locked account's caches.

    ``release_reservation``: a payout also frees the reservation its approval made.
    """
    entry = LedgerEntry(
        account_id=account.id,
        project_id=account.project_id,
        kind=kind,
        fund=fund,
        amount=amount,
        reference=reference,
        withdrawal_id=withdrawal_id,
        actor=actor,
    )
    account.balance = account.balance + amount
    if fund == "interest":
        account.interest_balance = account.interest_balance + amount
    if release_reservation:
        account.reserved = account.reserved + amount  # amount is negative for a payout
        if fund == "interest":
            account.reserved_interest = account.reserved_interest + amount
    if account.balance < 0 or account.interest_balance < 0 or (available(account, fund) < 0 and kind == "fee"):
        raise InsufficientFunds()
    session.add(entry)
    session.add(account)
    try:
        # No savepoint (it costs two round trips under the account lock): a failed flush ends the request.
        await session.flush()
    except IntegrityError as exc:
        # The unique bank reference, or the CHECK that keeps available >= 0: both are refusals, not 500s.
        if "reference_key" in str(exc.orig):
            raise BankReferenceUsed() from exc
        if "payout_key" in str(exc.orig):
            raise AlreadyPaid() from exc
        raise InsufficientFunds() from exc
    audit.record(
        session,
        actor=actor,
        action=f"ledger.{kind}",
        entity="ledger_entry",
        entity_id=entry.id,
        after=entry_event(entry),
    )
    await record_event(
        session, outbox, type="ledger.entry", entity="ledger_entry", entity_id=entry.id, payload=entry_event(entry)
    )
    return entry


async def by_reference(*, session: AsyncSession, reference: str) -> LedgerEntry | None:
    stmt = select(LedgerEntry).where(col(LedgerEntry.reference) == reference)
    return (await session.execute(stmt)).scalar_one_or_none()


async def sums(*, session: AsyncSession, account_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, tuple[Decimal, Decimal]]:
    """(balance, interest part) per account, summed from the ledger itself; (0.00, 0.00) without entries."""
    out = dict.fromkeys(account_ids, (ZERO, ZERO))
    if not account_ids:
        return out
    rows = await session.execute(
        select(
            col(LedgerEntry.account_id),
            func.coalesce(func.sum(col(LedgerEntry.amount)), 0),
            func.coalesce(func.sum(case((col(LedgerEntry.fund) == "interest", col(LedgerEntry.amount)), else_=0)), 0),
        )
        .where(col(LedgerEntry.account_id).in_(account_ids))
        .group_by(col(LedgerEntry.account_id))
    )
    for account_id, balance, interest in rows.all():
        out[account_id] = (Decimal(balance).quantize(CENT), Decimal(interest).quantize(CENT))
    return out

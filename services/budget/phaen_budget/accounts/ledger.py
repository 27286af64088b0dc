"""The ledger: the only way money moves, and the only code that changes an account's reservations.

Each entry updates the account's cached figures in the same transaction, on a row the caller has already
locked FOR UPDATE; ``reserve`` and ``release`` move money in and out of "approved, not yet paid".
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, Protocol

from sqlalchemy import case, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from phaen_budget.accounts.models import Account, LedgerEntry
from phaen_budget.audit import service as audit
from phaen_budget.core.constraints import refuse
from phaen_budget.core.enums import Fund, LedgerKind
from phaen_budget.core.errors import (
    AlreadyPaid,
    BalanceLimitExceeded,
    BankReferenceUsed,
    InsufficientFunds,
    InternalReferenceUsed,
)
from phaen_budget.tables import outbox
from phaen_common.errors import ProblemError
from phaen_common.money import CENT, MAX_AMOUNT
from phaen_common.outbox import record_event

ZERO = Decimal("0.00")

# Who pays back a bank fee (seed: CODI pays transfer fees). Shown on fee entries and in their events.
FEE_PAYER = "CODI"

# Every constraint a ledger write can meet, and the refusal it stands for.
CONSTRAINT_ERRORS: dict[str, type[ProblemError]] = {
    "ledger_entries_reference_key": BankReferenceUsed,
    "ledger_entries_internal_reference_key": InternalReferenceUsed,
    "ledger_entries_payout_key": AlreadyPaid,
    "accounts_balance_nonnegative_check": InsufficientFunds,
    "accounts_reserved_within_balance_check": InsufficientFunds,
}


def owed_by(entry: LedgerEntry) -> str | None:
    """Who owes this debit back to the account (a bank fee is paid back by CODI)."""
    return FEE_PAYER if entry.kind == LedgerKind.FEE else None


def entry_event(entry: LedgerEntry) -> dict[str, Any]:
    """The entry's own facts, as the audit chain records them (``verify`` recomputes this from the row).

    ``internal_reference`` appears only when set, so entries audited before it existed still verify.
    """
    state: dict[str, Any] = {
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
    if entry.internal_reference is not None:
        state["internal_reference"] = entry.internal_reference
    return state


def entry_payload(entry: LedgerEntry) -> dict[str, Any]:
    """The ``ledger.entry`` event: the entry's facts and who owes a fee back (the reports show it)."""
    return {**entry_event(entry), "internal_reference": entry.internal_reference, "owed_by": owed_by(entry)}


class Figures(Protocol):
    """An account's cached figures (an ``Account``, or the figures the signing path read under the lock)."""

    balance: Decimal
    interest_balance: Decimal
    reserved: Decimal
    reserved_interest: Decimal


def available(account: Figures, fund: str) -> Decimal:
    """What can still be approved from ``fund`` (balance less approved, unpaid withdrawals)."""
    if fund == Fund.INTEREST:
        return account.interest_balance - account.reserved_interest
    return (account.balance - account.interest_balance) - (account.reserved - account.reserved_interest)


def _check_bounds(account: Figures) -> None:
    """Refuse (409) a figure NUMERIC(14,2) cannot hold, instead of letting the database fail with a 500."""
    if max(account.balance, account.interest_balance, account.reserved, account.reserved_interest) > MAX_AMOUNT:
        raise BalanceLimitExceeded(f"An account holds at most {MAX_AMOUNT:,.2f}.")


def reserve(*, account: Figures, fund: str, amount: Decimal) -> None:
    """Set ``amount`` of ``fund`` aside for an approved withdrawal (409 ``insufficient_funds`` beyond available)."""
    if amount <= 0:
        raise ValueError("a reservation is positive")
    if amount > available(account, fund):
        raise InsufficientFunds(f"Available {available(account, fund):.2f} ({fund}).")
    account.reserved = account.reserved + amount
    if fund == Fund.INTEREST:
        account.reserved_interest = account.reserved_interest + amount
    _check_bounds(account)


def release(*, account: Account, fund: str, amount: Decimal) -> None:
    """Give back a reservation (the withdrawal was paid, cancelled or expired)."""
    if amount <= 0:
        raise ValueError("a release is positive")
    reserved = account.reserved_interest if fund == Fund.INTEREST else account.reserved - account.reserved_interest
    if amount > reserved:
        # The cache and the withdrawals disagree: never let it go negative silently.
        raise RuntimeError(f"release of {amount} exceeds the {fund} reservation {reserved} of account {account.id}")
    account.reserved = account.reserved - amount
    if fund == Fund.INTEREST:
        account.reserved_interest = account.reserved_interest - amount


async def post(
    *,
    session: AsyncSession,
    account: Account,
    kind: str,
    fund: str,
    amount: Decimal,
    actor: str,
    reference: str | None = None,
    internal_reference: str | None = None,
    withdrawal_id: uuid.UUID | None = None,
    release_reservation: bool = False,
) -> LedgerEntry:
    """Append one entry (signed amount) and update the locked account's caches.

    ``reference`` is the bank's own reference (banks write it); ``internal_reference`` one that Phaen
    makes itself (e.g. ``tranche:<project>:<n>``), kept where no bank can write it.
    ``release_reservation``: a payout also frees the reservation its approval made.
    """
    entry = LedgerEntry(
        account_id=account.id,
        project_id=account.project_id,
        kind=kind,
        fund=fund,
        amount=amount,
        reference=reference,
        internal_reference=internal_reference,
        withdrawal_id=withdrawal_id,
        actor=actor,
    )
    if release_reservation:
        release(account=account, fund=fund, amount=-amount)  # amount is negative for a payout
    account.balance = account.balance + amount
    if fund == Fund.INTEREST:
        account.interest_balance = account.interest_balance + amount
    _check_bounds(account)
    if account.balance < 0 or account.interest_balance < 0 or (available(account, fund) < 0 and kind == LedgerKind.FEE):
        raise InsufficientFunds()
    session.add(entry)
    session.add(account)
    try:
        # No savepoint (it costs two round trips under the account lock): a failed flush ends the request.
        await session.flush()
    except IntegrityError as exc:
        refuse(exc, CONSTRAINT_ERRORS)
    audit.record(
        session,
        actor=actor,
        action=f"ledger.{kind}",
        entity="ledger_entry",
        entity_id=entry.id,
        after=entry_event(entry),
    )
    await record_event(
        session, outbox, type="ledger.entry", entity="ledger_entry", entity_id=entry.id, payload=entry_payload(entry)
    )
    return entry


async def by_reference(*, session: AsyncSession, reference: str) -> LedgerEntry | None:
    """The entry that recorded this bank reference, if any."""
    stmt = select(LedgerEntry).where(col(LedgerEntry.reference) == reference)
    return (await session.execute(stmt)).scalar_one_or_none()


async def sums(
    *, session: AsyncSession, account_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, tuple[Decimal, Decimal, Decimal]]:
    """(balance, interest part, fees owed back by CODI) per account, summed from the ledger itself."""
    out = dict.fromkeys(account_ids, (ZERO, ZERO, ZERO))
    if not account_ids:
        return out
    rows = await session.execute(
        select(
            col(LedgerEntry.account_id),
            func.coalesce(func.sum(col(LedgerEntry.amount)), 0),
            func.coalesce(
                func.sum(case((col(LedgerEntry.fund) == Fund.INTEREST, col(LedgerEntry.amount)), else_=0)), 0
            ),
            func.coalesce(
                func.sum(case((col(LedgerEntry.kind) == LedgerKind.FEE, -col(LedgerEntry.amount)), else_=0)), 0
            ),
        )
        .where(col(LedgerEntry.account_id).in_(account_ids))
        .group_by(col(LedgerEntry.account_id))
    )
    for account_id, balance, interest, fees in rows.all():
        out[account_id] = (
            Decimal(balance).quantize(CENT),
            Decimal(interest).quantize(CENT),
            Decimal(fees).quantize(CENT),
        )
    return out

"""Withdrawals: request, co-sign (2 of 3 by default), pay out once, cancel.

Every step locks the account row FOR UPDATE, then the project FOR SHARE, then the withdrawal FOR
UPDATE (always this order, so two actions never deadlock). Under that lock the approving signature
re-checks `available` and the project's status; UNIQUE indexes on (withdrawal, signer), on the payout
per withdrawal and on the bank reference are the second line of defence.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from phaen_budget.accounts import ledger
from phaen_budget.accounts.models import Account
from phaen_budget.accounts.service import current_signatories, lock_for_money
from phaen_budget.accounts.service import get_visible as get_account
from phaen_budget.audit import service as audit
from phaen_budget.core.access import acts_for
from phaen_budget.core.constraints import refuse
from phaen_budget.core.errors import AlreadyPaid, BankReferenceUsed, InsufficientFunds
from phaen_budget.core.models import utcnow
from phaen_budget.core.schemas import Resolution
from phaen_budget.projects import service as projects
from phaen_budget.projects.models import Project
from phaen_budget.tables import outbox
from phaen_budget.withdrawals.errors import AlreadySigned, NotApproved, NotASignatory, NotPending, WithdrawalNotFound
from phaen_budget.withdrawals.models import Signature, Withdrawal
from phaen_budget.withdrawals.schemas import SignatureOut, WithdrawalCreate, WithdrawalOut
from phaen_common.auth import Principal
from phaen_common.outbox import record_event


def _state(w: Withdrawal) -> dict[str, Any]:
    return {
        "id": w.id,
        "account_id": w.account_id,
        "project_id": w.project_id,
        "amount": w.amount,
        "fund": w.fund,
        "status": w.status,
        "bank_reference": w.bank_reference,
    }


async def _emit(session: AsyncSession, w: Withdrawal, what: str) -> None:
    await record_event(
        session, outbox, type=f"withdrawal.{what}", entity="withdrawal", entity_id=w.id, payload=_state(w)
    )


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


async def valid_signatures(*, session: AsyncSession, withdrawal_id: uuid.UUID) -> list[Signature]:
    return (await signatures_of(session=session, withdrawal_ids=[withdrawal_id]))[withdrawal_id]


def withdrawal_view(w: Withdrawal, *, signatures: list[Signature], threshold: int) -> WithdrawalOut:
    """The withdrawal with its valid signatures and its account's threshold."""
    return WithdrawalOut(
        id=w.id,
        account_id=w.account_id,
        project_id=w.project_id,
        amount=w.amount,
        fund=w.fund,
        purpose=w.purpose,
        resolution=Resolution(number=w.resolution_number, meeting_date=w.resolution_date),
        status=w.status,
        signatures=[SignatureOut(signer=s.signer, signed_at=s.signed_at) for s in signatures],
        threshold=threshold,
        requested_by=w.requested_by,
        requested_at=w.requested_at,
        approved_at=w.approved_at,
        paid_at=w.paid_at,
        bank_reference=w.bank_reference,
        cancelled_at=w.cancelled_at,
        cancel_reason=w.cancel_reason,
    )


async def withdrawal_out(*, session: AsyncSession, w: Withdrawal) -> WithdrawalOut:
    """One withdrawal (its account usually in the session already: money routes have locked it)."""
    sigs = await valid_signatures(session=session, withdrawal_id=w.id)
    account = await session.get(Account, w.account_id)
    assert account is not None
    return withdrawal_view(w, signatures=sigs, threshold=account.threshold)


async def withdrawal_outs(*, session: AsyncSession, withdrawals: Sequence[Withdrawal]) -> list[WithdrawalOut]:
    """A page of withdrawals: signatures and account thresholds loaded in one query each."""
    sigs = await signatures_of(session=session, withdrawal_ids=[w.id for w in withdrawals])
    account_ids = {w.account_id for w in withdrawals}
    thresholds: dict[uuid.UUID, int] = {}
    if account_ids:
        rows = await session.execute(
            select(col(Account.id), col(Account.threshold)).where(col(Account.id).in_(account_ids))
        )
        thresholds = {account_id: threshold for account_id, threshold in rows.all()}
    return [withdrawal_view(w, signatures=sigs[w.id], threshold=thresholds[w.account_id]) for w in withdrawals]


async def get_visible(*, session: AsyncSession, principal: Principal, withdrawal_id: uuid.UUID) -> Withdrawal:
    """The withdrawal if the caller's scope covers its project (404 otherwise)."""
    w = await session.get(Withdrawal, withdrawal_id)
    if w is None:
        raise WithdrawalNotFound()
    await projects.project_seen_by(
        session=session, principal=principal, project_id=w.project_id, not_found=WithdrawalNotFound
    )
    return w


async def _lock(session: AsyncSession, principal: Principal, w: Withdrawal) -> tuple[Account, Project, Withdrawal]:
    # The caller has already checked the withdrawal's scope: lock account, project, withdrawal in that order.
    account, project = await lock_for_money(session=session, principal=principal, account_id=w.account_id, checked=True)
    locked = await session.get(Withdrawal, w.id, with_for_update=True, populate_existing=True)
    assert locked is not None
    return account, project, locked


async def request(*, session: AsyncSession, principal: Principal, data: WithdrawalCreate) -> Withdrawal:
    """Request a withdrawal (pending, no signatures); more than `available` is a 409."""
    account = await get_account(session=session, principal=principal, account_id=data.account_id)
    await projects.get_actionable(session=session, principal=principal, project_id=account.project_id)
    account, project = await lock_for_money(session=session, principal=principal, account_id=account.id, checked=True)
    projects.ensure_active(project)
    if data.amount > ledger.available(account, data.fund):
        raise InsufficientFunds(f"Available {ledger.available(account, data.fund):.2f} ({data.fund}).")
    w = Withdrawal(
        account_id=account.id,
        project_id=project.id,
        amount=data.amount,
        fund=data.fund,
        purpose=data.purpose,
        resolution_number=data.resolution.number,
        resolution_date=data.resolution.meeting_date,
        requested_by=principal.sub,
    )
    session.add(w)
    await session.flush()
    audit.record(
        session, actor=principal.sub, action="withdrawal.request", entity="withdrawal", entity_id=w.id, after=_state(w)
    )
    await _emit(session, w, "requested")
    return w


async def sign(*, session: AsyncSession, principal: Principal, withdrawal_id: uuid.UUID) -> Withdrawal:
    """Co-sign; the signature that reaches the threshold approves, re-checking funds and the project."""
    found = await get_visible(session=session, principal=principal, withdrawal_id=withdrawal_id)
    account, project, w = await _lock(session, principal, found)
    signer = principal.sub
    if signer not in await current_signatories(session=session, account_id=account.id):
        raise NotASignatory()
    projects.ensure_active(project)
    sigs = await valid_signatures(session=session, withdrawal_id=w.id)
    if any(s.signer == signer for s in sigs):
        raise AlreadySigned()
    if w.status != "pending":
        raise NotPending(f"The withdrawal is {w.status}.")
    before = _state(w)
    approving = len({s.signer for s in sigs} | {signer}) >= account.threshold
    if approving:
        # More than available is refused (nothing is recorded: the signature is refused with the approval).
        ledger.reserve(account=account, fund=w.fund, amount=w.amount)
        w.status = "approved"
        w.approved_at = utcnow()
        session.add(account)
        session.add(w)
    session.add(Signature(withdrawal_id=w.id, signer=signer))
    try:
        await session.flush()  # no savepoint: a failed flush ends the request (rolled back)
    except IntegrityError as exc:
        refuse(exc, {"signatures_withdrawal_signer_key": AlreadySigned, **ledger.CONSTRAINT_ERRORS})
    audit.record(
        session,
        actor=signer,
        action="withdrawal.sign",
        entity="withdrawal",
        entity_id=w.id,
        before=before,
        after={**_state(w), "signer": signer},
    )
    if approving:
        await _emit(session, w, "approved")
    return w


async def payout(
    *, session: AsyncSession, principal: Principal, withdrawal_id: uuid.UUID, bank_reference: str
) -> Withdrawal:
    """The bank pays an approved withdrawal: debited once; the same reference again returns it unchanged."""
    found = await get_visible(session=session, principal=principal, withdrawal_id=withdrawal_id)
    if found.status == "paid":
        # Paid is final (a trigger refuses any later change), so a retry is answered without a lock.
        if found.bank_reference == bank_reference:
            return found
        raise AlreadyPaid()
    account, project, w = await _lock(session, principal, found)
    if w.status == "paid":
        if w.bank_reference == bank_reference:
            return w
        raise AlreadyPaid()
    projects.ensure_active(project)
    if w.status != "approved":
        raise NotApproved(f"The withdrawal is {w.status}.")
    if await ledger.by_reference(session=session, reference=bank_reference) is not None:
        raise BankReferenceUsed()
    before = _state(w)
    await ledger.post(
        session=session,
        account=account,
        kind="payout",
        fund=w.fund,
        amount=-w.amount,
        actor=principal.sub,
        reference=bank_reference,
        withdrawal_id=w.id,
        release_reservation=True,
    )
    w.status = "paid"
    w.paid_at = utcnow()
    w.bank_reference = bank_reference
    session.add(w)
    await session.flush()
    audit.record(
        session,
        actor=principal.sub,
        action="withdrawal.payout",
        entity="withdrawal",
        entity_id=w.id,
        before=before,
        after=_state(w),
    )
    await _emit(session, w, "paid")
    return w


async def cancel(
    *, session: AsyncSession, principal: Principal, withdrawal_id: uuid.UUID, reason: str | None
) -> Withdrawal:
    """Cancel before payout (an approved one gives its reservation back)."""
    found = await get_visible(session=session, principal=principal, withdrawal_id=withdrawal_id)
    project = await session.get(Project, found.project_id)
    if project is None or not acts_for(principal, tambon=project.tambon):
        raise WithdrawalNotFound()
    account, project, w = await _lock(session, principal, found)
    if w.status == "paid":
        raise AlreadyPaid()
    if w.status == "cancelled":
        raise NotPending("The withdrawal is already cancelled.")
    before = _state(w)
    if w.status == "approved":
        ledger.release(account=account, fund=w.fund, amount=w.amount)
        session.add(account)
    w.status = "cancelled"
    w.cancelled_at = utcnow()
    w.cancelled_by = principal.sub
    w.cancel_reason = reason
    session.add(w)
    await session.flush()
    audit.record(
        session,
        actor=principal.sub,
        action="withdrawal.cancel",
        entity="withdrawal",
        entity_id=w.id,
        before=before,
        after=_state(w),
    )
    await _emit(session, w, "cancelled")
    return w

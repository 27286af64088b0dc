"""Withdrawals: request, co-sign (2 of 3 distinct persons by default), pay out once, cancel, expire.

Every step locks the account row FOR UPDATE, then the project FOR SHARE, then the withdrawal FOR
UPDATE (always this order, so two actions never deadlock). Under that lock the approving signature
re-checks `available` and the project's status; UNIQUE indexes on (withdrawal, signer), on (withdrawal,
signer's person), on the payout per withdrawal and on the bank reference are the second line of defence.

A signature counts for a *person*: the registry person the signer's user id was linked to when the
signatory set was checked. The requester (by user id or person) may not sign. A signature approves the
current digest of the withdrawal (``signing.py``); a withdrawal not paid by ``expires_at`` expires:
refused at once on access, and persisted (signatures void, reservation released) by the sweep.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import asyncpg
import orjson
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from phaen_budget.accounts import ledger
from phaen_budget.accounts.models import Account
from phaen_budget.accounts.service import get_visible as get_account
from phaen_budget.accounts.service import lock_for_money
from phaen_budget.audit import chain
from phaen_budget.audit import service as audit
from phaen_budget.core import driver
from phaen_budget.core.access import acts_for
from phaen_budget.core.constraints import refuse
from phaen_budget.core.enums import WithdrawalStatus
from phaen_budget.core.errors import AlreadyPaid, BankReferenceUsed, InsufficientFunds
from phaen_budget.core.models import utcnow
from phaen_budget.core.schemas import Resolution
from phaen_budget.devicekeys import crypto
from phaen_budget.devicekeys.errors import BadSignature, KeyRevoked, UnknownKey
from phaen_budget.devicekeys.keys import OfflineSignature
from phaen_budget.projects import service as projects
from phaen_budget.projects.models import Project
from phaen_budget.tables import outbox
from phaen_budget.withdrawals import repository, signing
from phaen_budget.withdrawals.errors import (
    AlreadySigned,
    NotApproved,
    NotASignatory,
    NotPending,
    RequesterCannotSign,
    StaleSignature,
    WithdrawalExpired,
    WithdrawalNotFound,
)
from phaen_budget.withdrawals.models import Signature, Withdrawal
from phaen_budget.withdrawals.schemas import SignatureOut, SigningPayloadOut, WithdrawalCreate, WithdrawalOut
from phaen_common.auth import Principal
from phaen_common.db import Database, jsonb_value, run_in_transaction
from phaen_common.events import encode as encode_event
from phaen_common.outbox import record_event
from phaen_common.pagination import Page, PageParams, paginate

# Statuses that still await something (signatures or the bank) and so can expire.
OPEN = (WithdrawalStatus.PENDING, WithdrawalStatus.APPROVED)
EXPIRY_ACTOR = "system:expiry"


@dataclass(slots=True)
class WithdrawalRow:
    """A withdrawal as ``budget.cosign_lock`` read it: the columns of ``Withdrawal`` in a plain record (building
    an ORM instance, its instance state and instrumented attributes, was ~7 % of a co-signature's CPU)."""

    id: uuid.UUID
    account_id: uuid.UUID
    project_id: uuid.UUID
    amount: Decimal
    fund: str
    purpose: str
    resolution_number: str
    resolution_date: dt.date
    status: str
    requested_by: str
    requested_by_person: str | None
    requested_at: dt.datetime
    version: int
    expires_at: dt.datetime
    expired_at: dt.datetime | None
    approved_at: dt.datetime | None
    paid_at: dt.datetime | None
    bank_reference: str | None
    cancelled_at: dt.datetime | None
    cancelled_by: str | None
    cancel_reason: str | None


AnyWithdrawal = Withdrawal | WithdrawalRow


def _state(w: AnyWithdrawal) -> dict[str, Any]:
    return {
        "id": w.id,
        "account_id": w.account_id,
        "project_id": w.project_id,
        "amount": w.amount,
        "fund": w.fund,
        "status": w.status,
        "bank_reference": w.bank_reference,
        "version": w.version,
    }


async def _emit(session: AsyncSession, w: Withdrawal, what: str) -> None:
    await record_event(
        session, outbox, type=f"withdrawal.{what}", entity="withdrawal", entity_id=w.id, payload=_state(w)
    )


def is_expired(w: AnyWithdrawal, now: dt.datetime) -> bool:
    """Expired, persisted or not yet swept."""
    return w.status == "expired" or (w.status in OPEN and now >= w.expires_at)


async def valid_signatures(*, session: AsyncSession, withdrawal_id: uuid.UUID) -> list[Signature]:
    """The withdrawal's valid (not revoked) signatures, oldest first."""
    return (await repository.signatures_of(session=session, withdrawal_ids=[withdrawal_id]))[withdrawal_id]


def withdrawal_view(
    w: AnyWithdrawal,
    *,
    signatures: Sequence[Signature | SignatureRow],
    threshold: int,
    now: dt.datetime | None = None,
    digest: str | None = None,
) -> WithdrawalOut:
    """The withdrawal with its valid signatures and its account's threshold (expired once past its expiry)."""
    return WithdrawalOut(
        id=w.id,
        account_id=w.account_id,
        project_id=w.project_id,
        amount=w.amount,
        fund=w.fund,
        purpose=w.purpose,
        resolution=Resolution(number=w.resolution_number, meeting_date=w.resolution_date),
        status="expired" if is_expired(w, now or utcnow()) else w.status,
        signatures=[
            SignatureOut(
                signer=s.signer, person_id=s.signer_person, digest=s.digest, key_id=s.key_id, signed_at=s.signed_at
            )
            for s in signatures
        ],
        threshold=threshold,
        version=w.version,
        digest=digest or signing.digest(w),
        expires_at=w.expires_at,
        requested_by=w.requested_by,
        requested_at=w.requested_at,
        approved_at=w.approved_at,
        paid_at=w.paid_at,
        bank_reference=w.bank_reference,
        cancelled_at=w.cancelled_at,
        cancel_reason=w.cancel_reason,
        expired_at=w.expired_at,
    )


async def withdrawal_out(*, session: AsyncSession, w: Withdrawal) -> WithdrawalOut:
    """One withdrawal (its account usually in the session already: money routes have locked it)."""
    sigs = await valid_signatures(session=session, withdrawal_id=w.id)
    account = await session.get(Account, w.account_id)
    assert account is not None
    return withdrawal_view(w, signatures=sigs, threshold=account.threshold)


async def withdrawal_outs(*, session: AsyncSession, withdrawals: Sequence[Withdrawal]) -> list[WithdrawalOut]:
    """A page of withdrawals: signatures and account thresholds loaded in one query each."""
    sigs = await repository.signatures_of(session=session, withdrawal_ids=[w.id for w in withdrawals])
    thresholds = await repository.thresholds(session=session, account_ids={w.account_id for w in withdrawals})
    now = utcnow()
    return [withdrawal_view(w, signatures=sigs[w.id], threshold=thresholds[w.account_id], now=now) for w in withdrawals]


async def page(
    *,
    session: AsyncSession,
    principal: Principal,
    params: PageParams,
    account_id: uuid.UUID | None = None,
    project_id: uuid.UUID | None = None,
    status: str | None = None,
) -> Page[WithdrawalOut]:
    """A page of the withdrawals within the caller's scope."""
    stmt = repository.visible(principal, account_id=account_id, project_id=project_id, status=status)
    rows, total, cursor = await paginate(session, stmt, keys=[col(Withdrawal.id)], params=params)
    items = await withdrawal_outs(session=session, withdrawals=rows)
    return Page[WithdrawalOut](items=items, total=total, next_cursor=cursor)


def signing_payload(w: Withdrawal) -> SigningPayloadOut:
    """What a signatory of ``w`` signs now (canonical bytes and digest)."""
    signable = signing.signable(w)
    return SigningPayloadOut(
        withdrawal_id=w.id,
        version=w.version,
        digest=signable.digest,
        canonical=signable.canonical.decode(),
        canonical_b64url=signable.canonical_b64url,
        expires_at=w.expires_at,
    )


async def get_visible(*, session: AsyncSession, principal: Principal, withdrawal_id: uuid.UUID) -> Withdrawal:
    """The withdrawal if the caller reaches its account (``core.access``; 404 otherwise)."""
    w = await session.get(Withdrawal, withdrawal_id)
    if w is None:
        raise WithdrawalNotFound()
    await get_account(session=session, principal=principal, account_id=w.account_id, not_found=WithdrawalNotFound)
    return w


async def _lock(session: AsyncSession, principal: Principal, w: Withdrawal) -> tuple[Account, Project, Withdrawal]:
    # The caller has already checked the withdrawal's scope: lock account, project, withdrawal in that order.
    account, project = await lock_for_money(session=session, principal=principal, account_id=w.account_id, checked=True)
    locked = await session.get(Withdrawal, w.id, with_for_update=True, populate_existing=True)
    assert locked is not None
    return account, project, locked


async def request(
    *, session: AsyncSession, principal: Principal, data: WithdrawalCreate, expiry: dt.timedelta
) -> Withdrawal:
    """Request a withdrawal (pending, no signatures, expiring after ``expiry``); more than `available` is a 409."""
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
        requested_by_person=principal.person_id,
        # Whole seconds: the signed payload carries the expiry to the second.
        expires_at=utcnow().replace(microsecond=0) + expiry,
    )
    session.add(w)
    await session.flush()
    audit.record(
        session, actor=principal.sub, action="withdrawal.request", entity="withdrawal", entity_id=w.id, after=_state(w)
    )
    await _emit(session, w, "requested")
    return w


@dataclass(frozen=True, slots=True)
class SignatureRow:
    """A valid signature as the signing path holds it (a plain record: no ORM instance to build)."""

    signer: str
    signer_person: str | None
    digest: str | None
    key_id: uuid.UUID | None
    offline_signature: str | None
    signed_at: dt.datetime


def _signature_of(row: dict[str, Any]) -> SignatureRow:
    """A valid signature as ``budget.cosign_lock`` reads it (JSON)."""
    return SignatureRow(
        signer=row["signer"],
        signer_person=row["signer_person"],
        digest=row["digest"],
        key_id=uuid.UUID(row["key_id"]) if row["key_id"] else None,
        offline_signature=row["offline_signature"],
        signed_at=dt.datetime.fromisoformat(row["signed_at"]),
    )


@dataclass
class _Figures:
    balance: Decimal
    interest_balance: Decimal
    reserved: Decimal
    reserved_interest: Decimal


def _funds_check(locked: Any, fund: str, amount: Decimal) -> None:
    """The reservation's own check (``ledger.reserve``) on the figures read under the account lock."""
    figures = _Figures(
        balance=locked["balance"],
        interest_balance=locked["interest_balance"],
        reserved=locked["reserved"],
        reserved_interest=locked["reserved_interest"],
    )
    ledger.reserve(account=figures, fund=fund, amount=amount)


async def sign(
    *,
    session: AsyncSession,
    principal: Principal,
    withdrawal_id: uuid.UUID,
    digest: str | None = None,
    offline: OfflineSignature | None = None,
) -> WithdrawalOut:
    """Co-sign as one person in the session's transaction (``sign_on``), counted in the metrics at its commit."""
    out, after = await sign_on(
        conn=await driver.connection(session),
        principal=principal,
        withdrawal_id=withdrawal_id,
        digest=digest,
        offline=offline,
    )
    if after is not None:
        audit.count_on_commit(session, action="withdrawal.sign", after=after)
    return out


async def sign_on(
    *,
    conn: Any,
    principal: Principal,
    withdrawal_id: uuid.UUID,
    digest: str | None = None,
    offline: OfflineSignature | None = None,
    finish: Callable[[str], Awaitable[Any]] | None = None,
) -> tuple[WithdrawalOut, dict[str, Any] | None]:
    """Co-sign as one person; the signature that reaches ``threshold`` distinct persons approves.

    ``offline``: a device key's signature delivered by ``principal`` (anyone who sees the withdrawal); it counts
    as the key owner's signature under every rule below.

    Three round trips on ``conn``'s open transaction (a session's, or ``Database.transaction``'s):
    ``budget.cosign_lock`` (the locks, what the rules read), ``budget.cosign_write`` (the signature, the
    approval, the audit entry staged with its place in the chain: from here the chain lock is held) and the
    entry's insert with the hash computed here (``repository.signing_chain``), sent by ``finish``, which may
    send the ``COMMIT`` with it (``Database.commit_with``; by default it is sent alone). Migrations budget_0014
    and budget_0016. The rules are here. Returns the answer and the audited state after (None when nothing was
    recorded: an offline signature delivered again)."""
    locked = await repository.signing_lock(
        conn=conn, principal=principal, withdrawal_id=withdrawal_id, key_id=offline.key_id if offline else None
    )
    if not locked["visible"]:
        raise WithdrawalNotFound()
    w = WithdrawalRow(**dict(locked["w"]))
    threshold: int = locked["threshold"]
    sigs = [_signature_of(row) for row in jsonb_value(locked["signatures"])]
    if offline is not None:
        if not locked["key_found"]:
            raise UnknownKey()
        signer, claimed_person = locked["key_owner"], locked["key_owner_person"]
        if any(s.key_id == offline.key_id and s.offline_signature == offline.signature for s in sigs):
            # Delivered before: answered like the first time, nothing recorded twice.
            return withdrawal_view(w, signatures=sigs, threshold=threshold), None
        if locked["key_revoked_at"] is not None:
            raise KeyRevoked(f"The key was revoked at {signing.utc_seconds(locked['key_revoked_at'])}.")
    else:
        signer, claimed_person = principal.sub, principal.person_id
    members: dict[str, str | None] = jsonb_value(locked["signatories"])
    if signer not in members:
        raise NotASignatory()
    # The person the set was checked with; a set from before persons were recorded falls back to the token.
    person = members[signer] or claimed_person or f"user:{signer}"
    if signer == w.requested_by or (
        w.requested_by_person is not None and w.requested_by_person in {person, claimed_person}
    ):
        raise RequesterCannotSign()
    projects.ensure_status(locked["project_status"], locked["project_status_reason"])
    now = utcnow()
    if is_expired(w, now):
        raise WithdrawalExpired(f"The withdrawal expired at {signing.utc_seconds(w.expires_at)}.")
    if any(s.signer == signer or s.signer_person == person for s in sigs):
        raise AlreadySigned()
    if w.status != "pending":
        raise NotPending(f"The withdrawal is {w.status}.")
    signable = signing.signable(w)
    current = signable.digest
    if digest is not None and digest != current:
        raise StaleSignature(f"The withdrawal is at version {w.version}; fetch its signing payload again.")
    if offline is not None and not crypto.verifies(
        public_key_text=locked["key_public"], signature_text=offline.signature, message=signable.canonical
    ):
        raise BadSignature()
    before = _state(w)
    persons = {s.signer_person or f"user:{s.signer}" for s in sigs} | {person}
    approving = len(persons) >= threshold
    if approving:
        # More than available is refused (nothing is recorded: the signature is refused with the approval);
        # the account's CHECK constraints refuse it again in SQL.
        _funds_check(locked, w.fund, w.amount)
        w.status = "approved"
        w.approved_at = now
    signature = SignatureRow(
        signer=signer,
        signer_person=person,
        digest=current,
        key_id=offline.key_id if offline else None,
        offline_signature=offline.signature if offline else None,
        signed_at=now,
    )
    after = {
        **_state(w),
        "signer": signer,
        "signer_person": person,
        "digest": current,
        **({"key_id": offline.key_id, "delivered_by": principal.sub} if offline else {}),
    }
    entry = audit.item(
        actor=signer, action="withdrawal.sign", entity="withdrawal", entity_id=w.id, before=before, after=after
    )
    event = encode_event("withdrawal.approved", _state(w)) if approving else None
    out = withdrawal_view(w, signatures=[*sigs, signature], threshold=threshold, now=now, digest=current)
    try:
        place = await repository.signing_write(
            conn=conn,
            args=(
                w.id,
                w.account_id,
                uuid.uuid4(),
                signer,
                person,
                current,
                signature.key_id,
                signature.offline_signature,
                principal.sub if offline else None,
                now,
                approving,
                w.fund,
                w.amount,
                uuid.uuid4(),
                orjson.dumps(event).decode() if event is not None else None,
            ),
            audit_entry=[entry[c] for c in chain.ENTRY_FIELDS],
        )
    except asyncpg.IntegrityConstraintViolationError as exc:
        refuse(
            exc,
            {
                "signatures_withdrawal_signer_key": AlreadySigned,
                "signatures_withdrawal_person_key": AlreadySigned,
                **ledger.CONSTRAINT_ERRORS,
            },
        )
    (row,) = chain.chained([entry], prev_hash=place["prev_hash"], at=place["at"], seqs=[place["seq"]])
    await (finish or conn.execute)(repository.signing_chain(row["hash"]))
    return out, after


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
    if is_expired(w, utcnow()):
        raise WithdrawalExpired(f"The withdrawal expired at {signing.utc_seconds(w.expires_at)}.")
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


def _release(account: Account, w: Withdrawal) -> None:
    """Give back the reservation an approved withdrawal holds (the account row is locked)."""
    if w.status == WithdrawalStatus.APPROVED:
        ledger.release(account=account, fund=w.fund, amount=w.amount)


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
    if w.status in ("cancelled", "expired"):
        raise NotPending(f"The withdrawal is already {w.status}.")
    before = _state(w)
    _release(account, w)
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


async def expire(*, session: AsyncSession, withdrawal_id: uuid.UUID, now: dt.datetime) -> bool:
    """Persist the expiry of one withdrawal past ``expires_at``: reservation released, signatures void."""
    found = await session.get(Withdrawal, withdrawal_id)
    if found is None:
        return False
    account = await session.get(Account, found.account_id, with_for_update=True, populate_existing=True)
    w = await session.get(Withdrawal, withdrawal_id, with_for_update=True, populate_existing=True)
    assert account is not None and w is not None
    if w.status not in OPEN or now < w.expires_at:
        return False  # paid, cancelled or already expired meanwhile
    before = _state(w)
    _release(account, w)
    w.status, w.expired_at = "expired", now
    session.add(account)
    session.add(w)
    await repository.revoke_signatures(session=session, withdrawal_ids=[w.id], now=now)
    await session.flush()
    audit.record(
        session,
        actor=EXPIRY_ACTOR,
        action="withdrawal.expire",
        entity="withdrawal",
        entity_id=w.id,
        before=before,
        after=_state(w),
    )
    await _emit(session, w, "expired")
    return True


async def expire_due(*, db: Database, now: dt.datetime | None = None, limit: int = 200) -> int:
    """The sweep: expire every open withdrawal past its expiry, one transaction each; how many it expired."""
    at = now or utcnow()
    due = await run_in_transaction(db, lambda s: repository.due_for_expiry(session=s, now=at, limit=limit))
    expired = 0
    for withdrawal_id in due:

        async def one(session: AsyncSession, wid: uuid.UUID = withdrawal_id) -> bool:
            return await expire(session=session, withdrawal_id=wid, now=at)

        if await run_in_transaction(db, one):
            expired += 1
    return expired

"""Device keys (register, list, revoke) and the phone's sync: what awaits my signature, and a batch delivery."""

from __future__ import annotations

import uuid

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from phaen_budget.audit import service as audit
from phaen_budget.core.models import utcnow
from phaen_budget.devicekeys import crypto, repository
from phaen_budget.devicekeys.errors import (
    DeviceKeyNotFound,
    InvalidPublicKey,
    KeyAlreadyRegistered,
    SignatoryOnly,
)
from phaen_budget.devicekeys.keys import OfflineSignature
from phaen_budget.devicekeys.models import DeviceKey
from phaen_budget.devicekeys.schemas import (
    DeviceKeyCreate,
    DeviceKeyOut,
    PendingItem,
    PendingOut,
    SyncItem,
    SyncResult,
)
from phaen_budget.withdrawals import service as withdrawals
from phaen_common.access import Role
from phaen_common.auth import Principal
from phaen_common.db import Database, run_in_transaction
from phaen_common.errors import ProblemError


def _state(key: DeviceKey) -> dict[str, object]:
    return {
        "id": key.id,
        "owner": key.owner,
        "owner_person": key.owner_person,
        "public_key": key.public_key,
        "label": key.label,
        "revoked_at": key.revoked_at,
    }


def key_out(key: DeviceKey) -> DeviceKeyOut:
    return DeviceKeyOut.model_validate(key, from_attributes=True)


def ensure_signatory(principal: Principal) -> None:
    """403 unless the caller holds the signatory role."""
    if not principal.has_role(Role.SIGNATORY):
        raise SignatoryOnly()


async def register(*, session: AsyncSession, principal: Principal, data: DeviceKeyCreate) -> DeviceKey:
    """Register the caller's own public key (signatories only); one public key has one owner for ever."""
    ensure_signatory(principal)
    if crypto.public_key(data.public_key) is None:
        raise InvalidPublicKey()
    if await repository.by_public_key(session=session, public_key=data.public_key) is not None:
        raise KeyAlreadyRegistered()
    key = DeviceKey(owner=principal.sub, owner_person=principal.person_id, public_key=data.public_key, label=data.label)
    session.add(key)
    try:
        await session.flush()
    except IntegrityError as exc:  # the same key registered at the same moment
        raise KeyAlreadyRegistered() from exc
    audit.record(
        session,
        actor=principal.sub,
        action="device_key.register",
        entity="device_key",
        entity_id=key.id,
        after=_state(key),
    )
    return key


async def mine(*, session: AsyncSession, principal: Principal) -> list[DeviceKey]:
    """The caller's keys, revoked ones included."""
    return await repository.keys_of(session=session, owner=principal.sub)


async def revoke(*, session: AsyncSession, principal: Principal, key_id: uuid.UUID) -> DeviceKey:
    """Revoke one of the caller's keys (again: unchanged); its later signatures are refused, earlier ones stand."""
    key = await session.get(DeviceKey, key_id, with_for_update=True, populate_existing=True)
    if key is None or key.owner != principal.sub:
        raise DeviceKeyNotFound()
    if key.revoked_at is not None:
        return key
    before = _state(key)
    key.revoked_at, key.revoked_by = utcnow(), principal.sub
    session.add(key)
    await session.flush()
    audit.record(
        session,
        actor=principal.sub,
        action="device_key.revoke",
        entity="device_key",
        entity_id=key.id,
        before=before,
        after=_state(key),
    )
    return key


async def pending(*, session: AsyncSession, principal: Principal) -> PendingOut:
    """Withdrawals awaiting the caller's signature, each with its signing payload."""
    rows = await repository.pending_for(
        session=session, user_id=principal.sub, person_id=principal.person_id, now=utcnow()
    )
    outs = await withdrawals.withdrawal_outs(session=session, withdrawals=rows)
    return PendingOut(
        items=[
            PendingItem(withdrawal=o, payload=withdrawals.signing_payload(w)) for o, w in zip(outs, rows, strict=True)
        ]
    )


async def deliver_one(*, db: Database, principal: Principal, item: SyncItem) -> SyncResult:
    """One offline signature of a batch, in its own transaction: its refusal touches no other item."""

    async def run(session: AsyncSession) -> SyncResult:
        offline = OfflineSignature.of(key_id=item.key_id, signature=item.signature)
        out = await withdrawals.sign(
            session=session, principal=principal, withdrawal_id=item.withdrawal_id, digest=item.digest, offline=offline
        )
        return SyncResult(
            withdrawal_id=item.withdrawal_id, key_id=item.key_id, status=201, code="signed", withdrawal=out
        )

    try:
        result: SyncResult = await run_in_transaction(db, run)
    except ProblemError as exc:
        return SyncResult(
            withdrawal_id=item.withdrawal_id, key_id=item.key_id, status=exc.status, code=exc.code, detail=exc.detail
        )
    return result


async def sync(*, db: Database, principal: Principal, items: list[SyncItem]) -> list[SyncResult]:
    """Deliver a batch, each item on its own and in order; resending it answers each one like the first time."""
    return [await deliver_one(db=db, principal=principal, item=item) for item in items]

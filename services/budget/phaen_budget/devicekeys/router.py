"""Routes: /v1/budget/signatories/me/keys (device keys), /signatories/me/pending and /sync (offline signatures)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Request

from phaen_budget.devicekeys import service
from phaen_budget.devicekeys.errors import (
    DeviceKeyNotFound,
    InvalidPublicKey,
    KeyAlreadyRegistered,
    SignatoryOnly,
)
from phaen_budget.devicekeys.schemas import DeviceKeyCreate, DeviceKeyList, DeviceKeyOut, PendingOut, SyncBody, SyncOut
from phaen_common.auth import Principal
from phaen_common.db import SessionDep
from phaen_common.errors import responses
from phaen_common.web import require

Reader = Annotated[Principal, require("budget:read")]
Signer = Annotated[Principal, require("budget:sign")]


def signatory_only(principal: Signer) -> Principal:
    """Only a caller holding the signatory role registers a key (for itself), refused before the body is read."""
    service.ensure_signatory(principal)
    return principal


Signatory = Annotated[Principal, Depends(signatory_only)]

router = APIRouter(prefix="/v1/budget", tags=["offline signatures"])


@router.post(
    "/signatories/me/keys",
    status_code=201,
    response_model=DeviceKeyOut,
    responses=responses(401, 403, SignatoryOnly, InvalidPublicKey, KeyAlreadyRegistered, 422),
)
async def register_key(body: DeviceKeyCreate, session: SessionDep, principal: Signatory) -> DeviceKeyOut:
    """Register the caller's own Ed25519 device key (signatories only). Audited."""
    return service.key_out(await service.register(session=session, principal=principal, data=body))


@router.get("/signatories/me/keys", response_model=DeviceKeyList, responses=responses(401, 403))
async def list_keys(session: SessionDep, principal: Signer) -> DeviceKeyList:
    """The caller's device keys, revoked ones included (keys are never deleted)."""
    return DeviceKeyList(items=[service.key_out(k) for k in await service.mine(session=session, principal=principal)])


@router.post(
    "/signatories/me/keys/{key_id}/revoke",
    response_model=DeviceKeyOut,
    responses=responses(401, 403, DeviceKeyNotFound, 422),
)
async def revoke_key(key_id: uuid.UUID, session: SessionDep, principal: Signer) -> DeviceKeyOut:
    """Revoke one of the caller's keys: its signatures are refused from now on (403 `key_revoked`); those
    delivered before stand. Audited."""
    return service.key_out(await service.revoke(session=session, principal=principal, key_id=key_id))


@router.get("/signatories/me/pending", response_model=PendingOut, responses=responses(401, 403))
async def pending(session: SessionDep, principal: Signer) -> PendingOut:
    """Withdrawals awaiting the caller's signature, with their signing payloads (ETag; If-None-Match: 304)."""
    return await service.pending(session=session, principal=principal)


@router.post("/sync", response_model=SyncOut, responses=responses(401, 403, 422))
async def sync(body: SyncBody, request: Request, principal: Reader) -> SyncOut:
    """Deliver a batch of offline signatures (by anyone who sees the withdrawals): each is processed on its own
    and answered with what `POST /withdrawals/{id}/signatures` would have answered; safe to resend."""
    return SyncOut(results=await service.sync(db=request.app.state.db, principal=principal, items=body.signatures))

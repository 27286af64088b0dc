"""Device key and sync schemas."""

from __future__ import annotations

import datetime as dt
import uuid

from pydantic import BaseModel, Field

from phaen_budget.core.schemas import Input
from phaen_budget.withdrawals.schemas import SigningPayloadOut, WithdrawalOut


class DeviceKeyCreate(Input):
    public_key: str = Field(
        pattern=r"^[A-Za-z0-9_-]{43}$", description="base64url (no padding) of the 32 raw Ed25519 public key bytes"
    )
    label: str = Field(min_length=1, max_length=100, description="which device, e.g. 'Somchai's phone'")


class DeviceKeyOut(BaseModel):
    id: uuid.UUID
    owner: str = Field(description="the user id the key signs for")
    owner_person: str | None = Field(description="the registry person of that user")
    public_key: str
    label: str
    created_at: dt.datetime
    revoked_at: dt.datetime | None
    revoked_by: str | None


class DeviceKeyList(BaseModel):
    items: list[DeviceKeyOut]


class PendingItem(BaseModel):
    withdrawal: WithdrawalOut
    payload: SigningPayloadOut


class PendingOut(BaseModel):
    """Withdrawals awaiting the caller's signature, each with what to sign (oldest expiry first)."""

    items: list[PendingItem]


class SyncItem(Input):
    withdrawal_id: uuid.UUID
    key_id: uuid.UUID
    digest: str = Field(pattern=r"^[0-9a-f]{64}$")
    signature: str = Field(pattern=r"^[A-Za-z0-9_-]{86}$")


class SyncBody(Input):
    signatures: list[SyncItem] = Field(min_length=1, max_length=100)


class SyncResult(BaseModel):
    withdrawal_id: uuid.UUID
    key_id: uuid.UUID
    status: int = Field(description="what POST .../signatures would have answered for this one alone")
    code: str = Field(description="`signed`, or the problem code of the refusal")
    detail: str | None = None
    withdrawal: WithdrawalOut | None = Field(default=None, description="the withdrawal after a signature")


class SyncOut(BaseModel):
    results: list[SyncResult]

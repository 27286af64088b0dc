"""Withdrawal schemas."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Literal

from pydantic import BaseModel, Field, model_validator

from phaen_budget.core.schemas import Input, Resolution
from phaen_common.money import Money, PositiveMoney


class WithdrawalCreate(Input):
    account_id: uuid.UUID
    amount: PositiveMoney
    purpose: str = Field(min_length=1, max_length=1000)
    resolution: Resolution
    fund: Literal["grant", "interest"] = Field(
        default="grant", description="interest is kept apart and spent only by its own resolution"
    )


class PayoutCreate(Input):
    bank_reference: str = Field(min_length=1, max_length=120)


class SignBody(Input):
    digest: str | None = Field(
        default=None,
        pattern=r"^[0-9a-f]{64}$",
        description="the digest the signatory approved (from /signing-payload); another than the current: 409",
    )
    key_id: uuid.UUID | None = Field(
        default=None, description="offline: the device key that signed (with `signature` and `digest`)"
    )
    signature: str | None = Field(
        default=None,
        pattern=r"^[A-Za-z0-9_-]{86}$",
        description="offline: base64url (no padding) Ed25519 signature over the canonical bytes of `digest`",
    )

    @model_validator(mode="after")
    def _offline_complete(self) -> SignBody:
        if (self.key_id is None) != (self.signature is None) or (self.key_id is not None and self.digest is None):
            raise ValueError("an offline signature carries key_id, digest and signature together")
        return self


class CancelBody(Input):
    reason: str | None = Field(default=None, max_length=1000)


Status = Literal["pending", "approved", "paid", "cancelled", "expired"]


class SignatureOut(BaseModel):
    signer: str
    person_id: str | None = Field(description="the registry person behind the signer's user id")
    digest: str | None = Field(description="the digest of the withdrawal version signed")
    key_id: uuid.UUID | None = Field(default=None, description="the device key of an offline signature")
    signed_at: dt.datetime


class SigningPayloadOut(BaseModel):
    """What a signatory signs: RFC 8785 canonical JSON bytes and their SHA-256."""

    withdrawal_id: uuid.UUID
    version: int
    digest: str = Field(description="lowercase hex SHA-256 of the canonical bytes")
    canonical: str = Field(description="the canonical JSON text (UTF-8) that is signed")
    canonical_b64url: str = Field(description="the same bytes, base64url without padding")
    expires_at: dt.datetime


class WithdrawalOut(BaseModel):
    id: uuid.UUID
    account_id: uuid.UUID
    project_id: uuid.UUID
    amount: Money
    fund: Literal["grant", "interest"]
    purpose: str
    resolution: Resolution
    status: Status
    signatures: list[SignatureOut]
    threshold: int
    version: int = Field(description="bumped by every change that voids signatures")
    digest: str = Field(description="SHA-256 of the signing payload of this version")
    expires_at: dt.datetime
    requested_by: str
    requested_at: dt.datetime
    approved_at: dt.datetime | None
    paid_at: dt.datetime | None
    bank_reference: str | None
    cancelled_at: dt.datetime | None
    cancel_reason: str | None
    expired_at: dt.datetime | None

"""Events of the budget's audit chain: its signed heads, for the bank and auditors to keep."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from phaen_common.events.base import EventData, event


@event("audit.head_signed", source="budget", entity="audit_head")
class AuditHeadSigned(EventData):
    """The audit chain's head was signed: keep it to prove later that no earlier entry changed."""

    seq: int = Field(description="the chain position the head covers")
    hash: str
    signed_message: str
    signature: str
    alg: str = Field(examples=["Ed25519"])
    key_id: str
    public_key: str = Field(description="base64 public key to verify the signature")
    signed_at: dt.datetime | None

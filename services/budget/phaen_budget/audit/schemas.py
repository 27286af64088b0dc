"""Audit schemas."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field


class AuditEntryOut(BaseModel):
    seq: int
    at: dt.datetime
    actor: str
    action: str
    entity: str
    entity_id: str
    outcome: str = Field(description="ok, or denied for a refused money action")
    detail: str | None = Field(description="the error code of a denied action")
    before_digest: str | None
    after_digest: str | None
    hash: str
    prev_hash: str


class VerifyOut(BaseModel):
    ok: bool
    entries: int = Field(description="entries checked before the first bad one (all of them when ok)")
    first_bad_seq: int | None = None


class HeadOut(BaseModel):
    seq: int
    hash: str
    at: dt.datetime | None
    signed_message: str = Field(description="what is signed: 'phaen-budget-audit:<seq>:<hash>'")
    signature: str = Field(description="Ed25519 signature of signed_message, base64")
    alg: str = "Ed25519"
    key_id: str
    public_key: str = Field(description="the raw Ed25519 public key, base64")

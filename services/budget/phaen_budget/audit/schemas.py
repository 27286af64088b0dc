"""Audit schemas."""

from __future__ import annotations

import datetime as dt
from typing import Literal

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


FindingCode = Literal[
    "chain_broken",
    "missing_tail",
    "head_mismatch",
    "head_signature_invalid",
    "ledger_entry_unaudited",
    "ledger_entry_altered",
    "ledger_entry_missing",
    "balance_mismatch",
    "reserved_mismatch",
]


class FindingOut(BaseModel):
    code: FindingCode = Field(description="what failed")
    detail: str
    seq: int | None = Field(default=None, description="the audit seq concerned, when there is one")
    entity: str | None = None
    entity_id: str | None = None


class CheckedHeadOut(BaseModel):
    seq: int
    hash: str
    source: Literal["database", "anchor_file", "caller"] = Field(
        description="where the latest validly signed head came from"
    )
    signed_at: dt.datetime | None = None


class VerifyOut(BaseModel):
    ok: bool
    entries: int = Field(description="entries checked before the first bad one (all of them when ok)")
    first_bad_seq: int | None = None
    last_seq: int = Field(description="the last seq in the chain")
    ledger_entries: int = Field(description="ledger entries reconciled with their audit entries")
    head: CheckedHeadOut | None = Field(default=None, description="the signed head the chain was checked against")
    findings: list[FindingOut] = Field(description="what failed, at most 100 (see findings_total)")
    findings_total: int


class HeadOut(BaseModel):
    seq: int
    hash: str
    at: dt.datetime | None = Field(description="when the entry at seq was written")
    signed_at: dt.datetime | None = Field(default=None, description="when this head was first signed")
    signed_message: str = Field(description="what is signed: 'phaen-budget-audit:<seq>:<hash>'")
    signature: str = Field(description="Ed25519 signature of signed_message, base64")
    alg: str = "Ed25519"
    key_id: str
    public_key: str = Field(description="the raw Ed25519 public key, base64")

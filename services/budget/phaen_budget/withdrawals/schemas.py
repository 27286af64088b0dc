"""Withdrawal schemas."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Literal

from pydantic import BaseModel, Field

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


class CancelBody(Input):
    reason: str | None = Field(default=None, max_length=1000)


class SignatureOut(BaseModel):
    signer: str
    signed_at: dt.datetime


class WithdrawalOut(BaseModel):
    id: uuid.UUID
    account_id: uuid.UUID
    project_id: uuid.UUID
    amount: Money
    fund: Literal["grant", "interest"]
    purpose: str
    resolution: Resolution
    status: Literal["pending", "approved", "paid", "cancelled"]
    signatures: list[SignatureOut]
    threshold: int
    requested_by: str
    requested_at: dt.datetime
    approved_at: dt.datetime | None
    paid_at: dt.datetime | None
    bank_reference: str | None
    cancelled_at: dt.datetime | None
    cancel_reason: str | None

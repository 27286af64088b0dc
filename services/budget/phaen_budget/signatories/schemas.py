"""Signatory change schemas."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Literal

from pydantic import BaseModel, Field

from phaen_budget.core.schemas import Input, Resolution

ChangeStatus = Literal["pending", "confirmed", "rejected", "withdrawn"]


class SignatoryMember(BaseModel):
    user_id: str
    person_id: str | None


class SignatoryChangeOut(BaseModel):
    """A proposed signatory set; in force only once ``confirmed`` by a different user."""

    id: uuid.UUID
    account_id: uuid.UUID
    signatories: list[str]
    members: list[SignatoryMember]
    threshold: int
    resolution: Resolution
    status: ChangeStatus
    proposed_by: str
    proposed_at: dt.datetime
    decided_by: str | None
    decided_at: dt.datetime | None
    reason: str | None


class DecisionBody(Input):
    reason: str | None = Field(default=None, max_length=1000)

"""Proposal schemas."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, Literal

from pydantic import BaseModel, Field

from phaen_budget.core.schemas import Input, Resolution
from phaen_common.money import Money, PositiveMoney


class ProposalCreate(Input):
    project_id: uuid.UUID
    amount: PositiveMoney
    kind: Literal["standard", "change"]
    title: str = Field(min_length=1, max_length=300)
    activities: list[Any] = Field(default_factory=list, max_length=200)


class Decision(Input):
    decision: Literal["approve", "reject"]
    resolution: Resolution


class ProposalOut(BaseModel):
    id: uuid.UUID
    project_id: uuid.UUID
    amount: Money
    kind: str
    title: str
    activities: list[Any]
    route: Literal["regional", "national"]
    route_rule: str = Field(description="the rule that decided the route")
    tier: str | None
    status: Literal["pending", "approved", "rejected"]
    resolution: Resolution | None
    decided_by: str | None
    decided_at: dt.datetime | None
    created_by: str
    created_at: dt.datetime

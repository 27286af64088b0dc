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
    route_rule: str = Field(
        description="the rule that decided the route: within_<tier>_standard, over_<tier>_standard, "
        "split_over_<tier>_standard (within the standard alone, but the project's standard proposals of the "
        "fiscal year, this one included, are over it), change_goes_national, not_a_tambon_project, "
        "tier_unknown, no_standard_for_<tier>"
    )
    tier: str | None
    fiscal_year: int | None = Field(default=None, description="the Thai fiscal year (BE) it was proposed in")
    route_total: Money | None = Field(
        default=None,
        description="the project's standard proposals (pending or approved) of that fiscal year, this one "
        "included: the sum the splitting rule compared with the tier's standard",
    )
    status: Literal["pending", "approved", "rejected"]
    resolution: Resolution | None
    decided_by: str | None
    decided_at: dt.datetime | None
    created_by: str
    created_at: dt.datetime

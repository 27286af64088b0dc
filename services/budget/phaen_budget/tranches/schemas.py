"""Tranche and activity-report schemas."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from phaen_budget.core.schemas import Input, Resolution
from phaen_budget.projects.schemas import Share
from phaen_common.money import Money, PositiveMoney


class ReleaseBody(Input):
    amount: PositiveMoney | None = Field(
        default=None,
        description="at most the tranche's share of the project amount less what the tranche already released "
        "(default: exactly that); required when the project has no amount",
    )
    resolution: Resolution = Field(description="the committee resolution (มติ) that releases this tranche")


class TrancheOut(BaseModel):
    project_id: uuid.UUID
    n: int
    share: Share = Field(description="percentage of the project amount")
    planned: Money | None
    released: bool
    amount: Money | None
    account_id: uuid.UUID | None
    released_at: dt.datetime | None
    resolution: Resolution | None = Field(default=None, description="the resolution the release cited")
    activity_reports: int
    blocked_by: str | None = Field(description="what stops the release now, if anything")


class ActivityReportCreate(Input):
    model_config = ConfigDict(extra="allow")

    tranche: int = Field(ge=1, le=12)
    summary: str = Field(min_length=1, max_length=10000)


class ActivityReportOut(BaseModel):
    id: uuid.UUID
    project_id: uuid.UUID
    tranche: int
    summary: str
    details: dict[str, Any]
    submitted_by: str
    submitted_at: dt.datetime

"""Project schemas."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Literal, TypeAlias

from pydantic import BaseModel, Field, field_validator, model_validator

from phaen_budget.core.schemas import Input
from phaen_common.access import RegionCode
from phaen_common.money import Money, Percent, PositiveMoney

Region = RegionCode

# A tranche share is a percentage: shown as a 2-decimal string ("50.00"), like the reports' percents.
Share: TypeAlias = Percent


class ProjectCreate(Input):
    grant_id: uuid.UUID
    line_no: int = Field(ge=1, le=999)
    name: str = Field(min_length=1, max_length=300)
    level: Literal["network", "regional", "tambon"]
    region: Region | None = None
    tambon: str | None = Field(default=None, pattern=r"^[0-9]{6}$")
    amount: PositiveMoney | None = None
    tranches: list[Decimal] = Field(
        default_factory=lambda: [Decimal(50), Decimal(50)],
        min_length=1,
        max_length=12,
        description="percentage shares summing to 100",
    )

    @field_validator("tranches")
    @classmethod
    def _shares(cls, shares: list[Decimal]) -> list[Decimal]:
        for share in shares:
            if not share.is_finite() or share <= 0 or share.as_tuple().exponent < -2:  # type: ignore[operator]
                raise ValueError("each tranche share is a positive percentage with at most 2 decimals")
        if sum(shares) != 100:
            raise ValueError("tranche shares must sum to 100")
        return shares

    @model_validator(mode="after")
    def _level_fields(self) -> ProjectCreate:
        if self.level == "network" and (self.region or self.tambon):
            raise ValueError("a network-level project has no region or tambon")
        if self.level == "regional" and (not self.region or self.tambon):
            raise ValueError("a regional project needs a region and no tambon")
        if self.level == "tambon" and not self.tambon:
            raise ValueError("a tambon project needs a tambon code")
        return self


class ProjectOut(BaseModel):
    id: uuid.UUID
    grant_id: uuid.UUID
    line_no: int
    name: str
    level: str
    region: str | None
    tambon: str | None
    tier: str | None = Field(description="tambon tier snapshot from the registry")
    amount: Money | None
    tranches: list[Share]
    status: Literal["active", "suspended", "closed"]
    status_reason: str | None
    status_changed_by: str | None
    status_changed_at: dt.datetime | None
    created_at: dt.datetime

"""Network tambon request and response shapes."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from phaen_common.dates import IsoDate
from phaen_common.text import Input

Tier = Literal["model", "pilot", "expansion"]


class Criteria(BaseModel):
    """The 7 selection criteria for model and pilot tambons (§1.1)."""

    model_config = ConfigDict(extra="forbid")

    plans_80pct: bool = Field(False, description="(1) plans in all villages or at least 80 %")
    facilitator_team: bool = Field(False, description="(2) a tambon facilitator team")
    joint_plans: bool = Field(False, description="(3) plans made with local partners")
    ongoing_activities: bool = Field(False, description="(4) ongoing activities")
    linked_tao: bool = Field(False, description="(5) linked with the TAO")
    tao_support: bool = Field(False, description="(6) the TAO supports plan activities concretely")
    spread: bool = Field(False, description="(7) spread to neighbouring tambons")


class TambonIn(Input):
    """Enrol a tambon in the network or update it."""

    model_config = ConfigDict(extra="forbid")

    tier: Tier
    joined_on: IsoDate | None = None
    villages_total: int = Field(0, ge=0, le=999)
    villages_with_plan: int = Field(0, ge=0, le=999)
    criteria: Criteria = Field(default_factory=Criteria)
    tao_plan_integrated: bool = False
    tao_funded: bool = False

    @model_validator(mode="after")
    def _coverage(self) -> TambonIn:
        if self.villages_with_plan > self.villages_total:
            raise ValueError("villages_with_plan may not exceed villages_total")
        return self


class TambonOut(BaseModel):
    """A network tambon with its place in the geography and the derived ``meets_model_criteria``."""

    code: str
    name_th: str
    name_en: str
    district_code: str
    province_code: str
    region: str
    tier: Tier
    joined_on: dt.date | None
    villages_total: int
    villages_with_plan: int
    criteria: Criteria
    meets_model_criteria: bool
    tao_plan_integrated: bool
    tao_funded: bool
    created_at: dt.datetime
    updated_at: dt.datetime


class TierChangeOut(BaseModel):
    from_tier: Tier | None
    to_tier: Tier
    changed_by: str
    changed_at: dt.datetime


class VillageIn(Input):
    model_config = ConfigDict(extra="forbid")

    name_th: str = Field(min_length=1, max_length=200)
    has_plan: bool = False


class VillageOut(BaseModel):
    code: str = Field(description="tambon code + 2-digit village number")
    tambon: str
    no: int
    name_th: str
    has_plan: bool

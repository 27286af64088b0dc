"""Geography request and response shapes."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

from phaen_common.access import RegionCode

__all__ = ["RegionCode"]

Level = Literal["province", "district", "subdistrict"]


class RegionOut(BaseModel):
    code: RegionCode
    name_th: str
    name_en: str
    province_count: int


class ProvinceOut(BaseModel):
    code: str
    name_th: str
    name_en: str
    region: RegionCode


class DistrictOut(BaseModel):
    code: str
    name_th: str
    name_en: str
    province_code: str
    region: RegionCode


class NetworkSummary(BaseModel):
    """The subdistrict's enrolment in the network (see ``/tambons/{code}`` for everything)."""

    tier: Literal["model", "pilot", "expansion"]
    joined_on: dt.date | None
    villages_total: int
    villages_with_plan: int
    meets_model_criteria: bool
    tao_plan_integrated: bool
    tao_funded: bool


class SubdistrictOut(BaseModel):
    code: str
    name_th: str
    name_en: str
    district_code: str
    province_code: str
    region: RegionCode
    postal_codes: list[str]
    network: NetworkSummary | None = None


class AbolishedOut(BaseModel):
    code: str
    level: str
    name_th: str
    name_en: str | None
    abolished_on: dt.date | None
    successors: list[str]


class SearchItem(BaseModel):
    level: Level
    code: str
    name_th: str
    name_en: str
    province_code: str
    district_code: str | None = None


class ResolveItem(BaseModel):
    code: str
    name_th: str
    name_en: str
    district_code: str
    district_name_th: str
    province_code: str
    score: float = Field(ge=0, le=1)
    match: str = Field(description="exact, code, tone_marks, variant_spelling, fuzzy, abolished_name, abolished_code")


class ResolveOut(BaseModel):
    """Candidates best first. ``ambiguous`` when the top two are within 0.05 of each other;
    ``resolved`` names the code to use when one candidate is clear (score >= 0.8, not ambiguous)."""

    items: list[ResolveItem]
    total: int
    next_cursor: str | None = None
    province: str
    district: str | None
    ambiguous: bool
    resolved: str | None

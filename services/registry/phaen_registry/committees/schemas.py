"""Committee request and response shapes."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from phaen_common.dates import IsoDate
from phaen_common.text import Input
from phaen_registry.geography.schemas import RegionCode

CommitteeLevel = Literal["national", "regional", "provincial", "tambon"]
Role = Literal["chair", "coordinator", "secretary", "finance", "member"]


class ZoneIn(Input):
    """A zone inside a region and the provinces it groups."""

    model_config = ConfigDict(extra="forbid")

    region: RegionCode
    name: str = Field(min_length=1, max_length=200)
    provinces: list[str] = Field(default_factory=list, max_length=40)


class ZoneOut(BaseModel):
    id: uuid.UUID
    region: RegionCode
    name: str
    provinces: list[str]


class CommitteeIn(Input):
    """national: no place; regional: ``region``; provincial: ``province``; tambon: ``tambon``."""

    model_config = ConfigDict(extra="forbid")

    level: CommitteeLevel
    name: str = Field(min_length=1, max_length=300)
    region: RegionCode | None = None
    province: str | None = Field(None, pattern=r"^\d{2}$")
    tambon: str | None = Field(None, pattern=r"^\d{6}$")
    zone_id: uuid.UUID | None = None


class MemberIn(Input):
    """A gateway user (``user_id``) or a registry person (``person_id``), a role and a term."""

    model_config = ConfigDict(extra="forbid")

    user_id: str | None = Field(None, min_length=1, max_length=200)
    person_id: uuid.UUID | None = None
    role: Role
    term_start: IsoDate | None = None
    term_end: IsoDate | None = None

    @model_validator(mode="after")
    def _check(self) -> MemberIn:
        if self.user_id is None and self.person_id is None:
            raise ValueError("give user_id or person_id")
        if self.term_start and self.term_end and self.term_end < self.term_start:
            raise ValueError("term_end may not be before term_start")
        return self


class CommitteePatch(Input):
    """Rename a committee or move it to another zone of its region."""

    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(None, min_length=1, max_length=300)
    zone_id: uuid.UUID | None = None


class MemberPatch(Input):
    """Change a seat's role or term (``term_end`` set when a member steps down)."""

    model_config = ConfigDict(extra="forbid")

    role: Role | None = None
    term_start: IsoDate | None = None
    term_end: IsoDate | None = None


class MemberOut(BaseModel):
    id: uuid.UUID
    committee_id: uuid.UUID
    user_id: str | None
    person_id: uuid.UUID | None
    role: Role
    term_start: dt.date | None
    term_end: dt.date | None
    current: bool


class CommitteeOut(BaseModel):
    id: uuid.UUID
    level: CommitteeLevel
    name: str
    region: RegionCode | None
    province: str | None
    tambon: str | None
    zone_id: uuid.UUID | None
    members: list[MemberOut]
    created_at: dt.datetime

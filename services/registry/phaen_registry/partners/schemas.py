"""Partner and MOU request and response shapes."""

from __future__ import annotations

import datetime as dt
import uuid

from pydantic import BaseModel, ConfigDict, Field, model_validator

from phaen_common.dates import IsoDate
from phaen_common.text import Input


class PartnerIn(Input):
    """A partner agency. ``kind`` is free text; the seed uses government, public_organization,
    state_enterprise, foundation, international."""

    model_config = ConfigDict(extra="forbid")

    code: str = Field(min_length=2, max_length=32, pattern=r"^[A-Za-z0-9_\-]+$")
    name_th: str = Field(min_length=1, max_length=300)
    name_en: str = Field(min_length=1, max_length=300)
    kind: str = Field(min_length=1, max_length=40)


class PartnerPatch(Input):
    model_config = ConfigDict(extra="forbid")

    name_th: str | None = Field(None, min_length=1, max_length=300)
    name_en: str | None = Field(None, min_length=1, max_length=300)
    kind: str | None = Field(None, min_length=1, max_length=40)


class PartnerOut(BaseModel):
    code: str
    name_th: str
    name_en: str
    kind: str
    mou_count: int = 0


class MouIn(Input):
    """An MOU: what it covers and its dates."""

    model_config = ConfigDict(extra="forbid")

    title: str = Field(min_length=1, max_length=300)
    scope: str = Field(min_length=1, max_length=2000)
    signed_on: IsoDate | None = None
    starts_on: IsoDate | None = None
    ends_on: IsoDate | None = None

    @model_validator(mode="after")
    def _dates(self) -> MouIn:
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValueError("ends_on may not be before starts_on")
        return self


class MouOut(BaseModel):
    id: uuid.UUID
    partner_code: str
    title: str
    scope: str
    signed_on: dt.date | None
    starts_on: dt.date | None
    ends_on: dt.date | None
    in_force: bool

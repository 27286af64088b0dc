"""Facilitator request and response shapes."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from phaen_common.dates import IsoDate
from phaen_common.text import Input

FacilitatorLevel = Literal["community", "intensive"]


class FacilitatorIn(Input):
    model_config = ConfigDict(extra="forbid")

    person_id: uuid.UUID
    tambon: str = Field(pattern=r"^\d{6}$")
    level: FacilitatorLevel
    trained_on: IsoDate | None = None


class FacilitatorPatch(Input):
    model_config = ConfigDict(extra="forbid")

    tambon: str | None = Field(None, pattern=r"^\d{6}$")
    level: FacilitatorLevel | None = None
    trained_on: IsoDate | None = None


class FacilitatorOut(BaseModel):
    """A facilitator; the person is named by id only (see ``/people/{id}`` within your scope)."""

    id: uuid.UUID
    person_id: uuid.UUID
    tambon: str
    district_code: str
    province_code: str
    region: str
    level: FacilitatorLevel
    trained_on: dt.date | None

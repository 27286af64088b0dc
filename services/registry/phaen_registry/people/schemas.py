"""People request and response shapes."""

from __future__ import annotations

import datetime as dt
import uuid

from pydantic import BaseModel, ConfigDict, Field, field_validator

from phaen_common.text import Input
from phaen_registry.people.ids import clean_national_id, clean_phone


class _Validated(Input):
    @field_validator("national_id", check_fields=False)
    @classmethod
    def _nid(cls, v: str | None) -> str | None:
        return None if v is None else clean_national_id(v)

    @field_validator("phone", check_fields=False)
    @classmethod
    def _phone(cls, v: str | None) -> str | None:
        return None if v is None else clean_phone(v)


class PersonIn(_Validated):
    """A person; the national ID must carry a valid check digit."""

    model_config = ConfigDict(extra="forbid")

    full_name: str = Field(min_length=1, max_length=300)
    national_id: str | None = Field(None, max_length=20, description="13 digits (dashes allowed)")
    phone: str | None = Field(None, max_length=20)
    tambon: str | None = Field(None, pattern=r"^\d{6}$")


class PersonPatch(_Validated):
    """Fields to change; ``null`` clears national_id, phone or tambon."""

    model_config = ConfigDict(extra="forbid")

    full_name: str | None = Field(None, min_length=1, max_length=300)
    national_id: str | None = Field(None, max_length=20)
    phone: str | None = Field(None, max_length=20)
    tambon: str | None = Field(None, pattern=r"^\d{6}$")


class PersonOut(BaseModel):
    """A person. ``national_id`` and ``phone`` are masked to the last 4 digits except for admin,
    secretariat and auditor (``masked`` says which)."""

    id: uuid.UUID
    full_name: str
    national_id: str | None
    phone: str | None
    masked: bool
    tambon: str | None
    province: str | None
    region: str | None
    created_at: dt.datetime
    updated_at: dt.datetime

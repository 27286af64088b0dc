"""Schema pieces shared by the budget packages."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, Field, field_validator, model_validator

from phaen_common.dates import IsoDate


def check_text(value: Any) -> Any:
    """Refuse text PostgreSQL cannot store (NUL) or UTF-8 cannot encode (unpaired surrogates), anywhere inside."""
    if isinstance(value, str):
        if "\x00" in value:
            raise ValueError("text may not contain NUL characters")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise ValueError("text must be valid Unicode") from exc
    elif isinstance(value, dict):
        for key, item in value.items():
            check_text(key)
            check_text(item)
    elif isinstance(value, list | tuple):
        for item in value:
            check_text(item)
    return value


SafeStr = Annotated[str, AfterValidator(check_text)]
"""A query parameter that is safe to compare in SQL."""


class Input(BaseModel):
    """Base of every request body: text anywhere in it must be storable."""

    @model_validator(mode="before")
    @classmethod
    def _storable_text(cls, data: Any) -> Any:
        return check_text(data)


class Resolution(Input):
    """A committee resolution (มติที่ประชุม) cited by a decision."""

    number: str = Field(min_length=1, max_length=100)
    meeting_date: IsoDate

    @field_validator("meeting_date")
    @classmethod
    def _not_future(cls, value: dt.date) -> dt.date:
        if value > dt.date.today() + dt.timedelta(days=1):
            raise ValueError("a resolution cannot come from a future meeting")
        return value


class Reason(Input):
    """Why an action was taken (suspension, cancellation, voiding)."""

    reason: str = Field(min_length=1, max_length=1000)

"""Schema pieces shared by the budget packages."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field, field_validator


class Resolution(BaseModel):
    """A committee resolution (มติที่ประชุม) cited by a decision."""

    number: str = Field(min_length=1, max_length=100)
    meeting_date: dt.date

    @field_validator("meeting_date")
    @classmethod
    def _not_future(cls, value: dt.date) -> dt.date:
        if value > dt.date.today() + dt.timedelta(days=1):
            raise ValueError("a resolution cannot come from a future meeting")
        return value


class Reason(BaseModel):
    """Why an action was taken (suspension, cancellation, voiding)."""

    reason: str = Field(min_length=1, max_length=1000)

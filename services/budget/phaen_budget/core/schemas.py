"""Schema pieces shared by the budget packages."""

from __future__ import annotations

import datetime as dt

from pydantic import Field, field_validator

from phaen_common.dates import IsoDate
from phaen_common.text import Input, StorableText

# Budget's names for the shared text rules (SafeStr: a query parameter that is safe to compare in SQL).
SafeStr = StorableText


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

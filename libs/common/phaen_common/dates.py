"""Calendar dates on input: ``YYYY-MM-DD`` only (or a ``date`` from Python code, as the CSV import builds)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

# The network began in 1999: a date before 1990 or after 2100 is a typing mistake, most often a Buddhist-Era
# year typed where a CE year belongs (2569 for 2026).
EARLIEST = dt.date(1990, 1, 1)
LATEST = dt.date(2100, 12, 31)
RANGE_MESSAGE = (
    "a date must be between 1990-01-01 and 2100-12-31 in the Common Era (CE); "
    "a Buddhist-Era year (BE) is 543 more than the CE year: write 2026, not 2569"
)


def check_date_range(value: dt.date) -> dt.date:
    """Refuse a date outside 1990-2100 CE, saying so."""
    if not EARLIEST <= value <= LATEST:
        raise ValueError(RANGE_MESSAGE)
    return value


def _iso_only(value: Any) -> Any:
    # Pydantic's lax date also takes 0, "0" or "1654646400" as a Unix time (1970-01-01, 2022-06-08) and a
    # datetime string: a mistyped date would be stored silently.
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        return value
    raise ValueError("a date must be written YYYY-MM-DD")


IsoDate = Annotated[dt.date, BeforeValidator(_iso_only), AfterValidator(check_date_range)]
"""A calendar date given as ``YYYY-MM-DD``, between 1990 and 2100 CE."""


_MONTH = re.compile(r"([0-9]{4})-(0[1-9]|1[0-2])")


def check_month(value: str) -> str:
    """A ``YYYY-MM`` month between 1990-01 and 2100-12 CE (``0000-01`` was a 500 in the monthly statement)."""
    found = _MONTH.fullmatch(value)
    if found is None:
        raise ValueError("a month must be written YYYY-MM")
    if not EARLIEST.year <= int(found.group(1)) <= LATEST.year:
        raise ValueError(RANGE_MESSAGE)
    return value


Month = Annotated[str, AfterValidator(check_month)]
"""A month given as ``YYYY-MM``, between 1990-01 and 2100-12 CE."""

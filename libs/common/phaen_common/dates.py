"""Calendar dates on input: ``YYYY-MM-DD`` only (or a ``date`` from Python code, as the CSV import builds)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import BeforeValidator

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _iso_only(value: Any) -> Any:
    # Pydantic's lax date also takes 0, "0" or "1654646400" as a Unix time (1970-01-01, 2022-06-08) and a
    # datetime string: a mistyped date would be stored silently.
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and _ISO_DATE.match(value):
        return value
    raise ValueError("a date must be written YYYY-MM-DD")


IsoDate = Annotated[dt.date, BeforeValidator(_iso_only)]
"""A calendar date given as ``YYYY-MM-DD``."""

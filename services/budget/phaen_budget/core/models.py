"""Column helpers for the budget tables."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Column, DateTime
from sqlmodel import Field

from phaen_common.money import money_column


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def money_field(*, nullable: bool = False, default: Any = ...) -> Any:
    """A NUMERIC(14,2) column."""
    return Field(default=default, sa_column=Column(money_column(), nullable=nullable))


def ts_field(*, nullable: bool = False) -> Any:
    """A timestamptz column (now by default unless nullable)."""
    if nullable:
        return Field(default=None, sa_type=DateTime(timezone=True), nullable=True)
    return Field(default_factory=utcnow, sa_type=DateTime(timezone=True), nullable=False)

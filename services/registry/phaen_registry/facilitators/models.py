"""The facilitator table."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import CheckConstraint, Column, DateTime, UniqueConstraint, func
from sqlmodel import Field, SQLModel

from phaen_registry import SCHEMA

LEVELS = ("community", "intensive")


class Facilitator(SQLModel, table=True):
    """A trained process facilitator (วิทยากรกระบวนการ) working in a tambon; one record per person and level."""

    __tablename__ = "facilitator"
    __table_args__ = (
        CheckConstraint("level IN ('community', 'intensive')", name="level"),
        UniqueConstraint("person_id", "level"),
        {"schema": SCHEMA},
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    person_id: uuid.UUID = Field(foreign_key=f"{SCHEMA}.person.id", index=True)
    tambon: str = Field(max_length=6, foreign_key=f"{SCHEMA}.subdistrict.code", index=True)
    level: str = Field(max_length=12)
    trained_on: dt.date | None = None
    created_at: dt.datetime = Field(
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )
    updated_at: dt.datetime = Field(
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )

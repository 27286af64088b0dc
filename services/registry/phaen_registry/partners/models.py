"""Partner agency and MOU tables."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import CheckConstraint, Column, DateTime, func
from sqlmodel import Field, SQLModel

from phaen_registry import SCHEMA


class Partner(SQLModel, table=True):
    """A partner agency (ภาคีพัฒนา): CODI, DLA, BAAC, ..."""

    __tablename__ = "partner"
    __table_args__ = {"schema": SCHEMA}

    code: str = Field(primary_key=True, max_length=32)
    name_th: str = Field(max_length=300)
    name_en: str = Field(max_length=300)
    kind: str = Field(max_length=40)
    created_at: dt.datetime = Field(
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )
    updated_at: dt.datetime = Field(
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )


class Mou(SQLModel, table=True):
    """A memorandum of understanding (บันทึกความร่วมมือ) with a partner: its scope and dates."""

    __tablename__ = "mou"
    __table_args__ = (
        CheckConstraint("ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on", name="dates"),
        {"schema": SCHEMA},
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    partner_code: str = Field(max_length=32, foreign_key=f"{SCHEMA}.partner.code", index=True)
    title: str = Field(max_length=300)
    scope: str = Field(max_length=2000)
    signed_on: dt.date | None = None
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    created_at: dt.datetime = Field(
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )

"""Committee, zone and membership tables."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import CheckConstraint, Column, DateTime, String, func
from sqlalchemy.dialects.postgresql import ARRAY
from sqlmodel import Field, SQLModel

from phaen_registry import SCHEMA

LEVELS = ("national", "regional", "provincial", "tambon")
ROLES = ("chair", "coordinator", "secretary", "finance", "member")


class Zone(SQLModel, table=True):
    """A zone inside a region (โซน), with its provinces; zone coordinators sit on a zone's committee."""

    __tablename__ = "zone"
    __table_args__ = {"schema": SCHEMA}

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    region: str = Field(max_length=16, foreign_key=f"{SCHEMA}.region.code", index=True)
    name: str = Field(max_length=200)
    provinces: list[str] = Field(default_factory=list, sa_column=Column(ARRAY(String(2)), nullable=False))
    created_at: dt.datetime = Field(
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )


class Committee(SQLModel, table=True):
    """A committee at one level; ``region``/``province`` are stored even when derived (for scope)."""

    __tablename__ = "committee"
    __table_args__ = (
        CheckConstraint("level IN ('national', 'regional', 'provincial', 'tambon')", name="level"),
        {"schema": SCHEMA},
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    level: str = Field(max_length=12)
    name: str = Field(max_length=300)
    region: str | None = Field(default=None, max_length=16, foreign_key=f"{SCHEMA}.region.code", index=True)
    province: str | None = Field(default=None, max_length=2, foreign_key=f"{SCHEMA}.province.code")
    tambon: str | None = Field(default=None, max_length=6, foreign_key=f"{SCHEMA}.subdistrict.code")
    zone_id: uuid.UUID | None = Field(default=None, foreign_key=f"{SCHEMA}.zone.id")
    created_by: str = Field(max_length=200)
    created_at: dt.datetime = Field(
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )


class CommitteeMember(SQLModel, table=True):
    """A seat on a committee: a gateway user or a registry person, a role and a term."""

    __tablename__ = "committee_member"
    __table_args__ = (
        CheckConstraint("role IN ('chair', 'coordinator', 'secretary', 'finance', 'member')", name="role"),
        CheckConstraint("user_id IS NOT NULL OR person_id IS NOT NULL", name="who"),
        CheckConstraint("term_end IS NULL OR term_start IS NULL OR term_end >= term_start", name="term"),
        {"schema": SCHEMA},
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    committee_id: uuid.UUID = Field(foreign_key=f"{SCHEMA}.committee.id", index=True)
    user_id: str | None = Field(default=None, max_length=200)
    person_id: uuid.UUID | None = Field(default=None, foreign_key=f"{SCHEMA}.person.id", index=True)
    role: str = Field(max_length=12)
    term_start: dt.date | None = None
    term_end: dt.date | None = None
    created_at: dt.datetime = Field(
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )

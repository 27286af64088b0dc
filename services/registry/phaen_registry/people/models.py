"""The person table. National ID and phone are personal data: shown masked to most roles, never logged."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Column, DateTime, Index, func, text
from sqlmodel import Field, SQLModel

from phaen_registry import SCHEMA


class Person(SQLModel, table=True):
    """A person: a committee member, a facilitator, a community leader."""

    __tablename__ = "person"
    __table_args__ = (
        # One person per national ID; many people have none on record.
        Index("person_national_id_key", "national_id", unique=True, postgresql_where=text("national_id IS NOT NULL")),
        {"schema": SCHEMA},
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    full_name: str = Field(max_length=300)
    national_id: str | None = Field(default=None, max_length=13)
    phone: str | None = Field(default=None, max_length=20)
    tambon: str | None = Field(default=None, max_length=6, foreign_key=f"{SCHEMA}.subdistrict.code")
    province: str | None = Field(default=None, max_length=2)
    region: str | None = Field(default=None, max_length=16, index=True)
    created_at: dt.datetime = Field(
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )
    updated_at: dt.datetime = Field(
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )

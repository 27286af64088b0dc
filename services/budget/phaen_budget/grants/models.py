"""Grants (ทุนสนับสนุน) and their plan lines (แผนงาน)."""

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import Column, UniqueConstraint
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field, SQLModel

from phaen_budget import SCHEMA
from phaen_budget.core.models import money_field, ts_field


class Grant(SQLModel, table=True):
    """A grant from one funder for one fiscal year."""

    __tablename__ = "grants"
    __table_args__ = {"schema": SCHEMA}

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    name: str = Field(max_length=300)
    funder: str = Field(max_length=120)
    amount: Decimal = money_field()
    fiscal_year: int
    created_by: str = Field(max_length=200)
    created_at: dt.datetime = ts_field()


class GrantLine(SQLModel, table=True):
    """A plan line of a grant; ``reserved`` is the sum of approved proposals under it."""

    __tablename__ = "grant_lines"
    __table_args__ = (UniqueConstraint("grant_id", "no"), {"schema": SCHEMA})

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    grant_id: uuid.UUID = Field(foreign_key=f"{SCHEMA}.grants.id", index=True)
    no: int
    title: str = Field(max_length=300)
    planned: Decimal = money_field()
    reserved: Decimal = money_field(default=Decimal("0.00"))
    # Co-funding by other funders, e.g. ThaiHealth 600,000 on line 8: [{"funder", "amount"}].
    cofunding: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSONB, nullable=False))
    created_at: dt.datetime = ts_field()

"""Tranche releases (งวด) and activity reports."""

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import Column, UniqueConstraint
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field, SQLModel

from phaen_budget import SCHEMA
from phaen_budget.core.models import money_field, ts_field


class TrancheRelease(SQLModel, table=True):
    """Tranche ``n`` of a project, released once into the project's account."""

    __tablename__ = "tranche_releases"
    __table_args__ = (UniqueConstraint("project_id", "n"), {"schema": SCHEMA})

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    project_id: uuid.UUID = Field(foreign_key=f"{SCHEMA}.projects.id", index=True)
    n: int
    amount: Decimal = money_field()
    account_id: uuid.UUID = Field(foreign_key=f"{SCHEMA}.accounts.id")
    ledger_entry_id: uuid.UUID
    # The committee resolution that released it (required since budget_0005; older releases have none).
    resolution_number: str | None = Field(default=None, max_length=100)
    resolution_date: dt.date | None = None
    released_by: str = Field(max_length=200)
    released_at: dt.datetime = ts_field()


class ActivityReport(SQLModel, table=True):
    """A summary report of the activities done with a tranche (needed before the next one)."""

    __tablename__ = "activity_reports"
    __table_args__ = {"schema": SCHEMA}

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    project_id: uuid.UUID = Field(foreign_key=f"{SCHEMA}.projects.id", index=True)
    tranche: int
    summary: str = Field(max_length=10000)
    details: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSONB, nullable=False))
    submitted_by: str = Field(max_length=200)
    submitted_at: dt.datetime = ts_field()

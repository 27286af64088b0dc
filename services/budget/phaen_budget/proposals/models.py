"""Proposals (ข้อเสนอโครงการ/กิจกรรม) and their routing."""

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import Column, Index
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field, SQLModel

from phaen_budget import SCHEMA
from phaen_budget.core.models import money_field, ts_field


class Proposal(SQLModel, table=True):
    """A request to spend under a project, routed to the regional or national committee."""

    __tablename__ = "proposals"
    __table_args__ = (Index("proposals_project_fiscal_year_idx", "project_id", "fiscal_year"), {"schema": SCHEMA})

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    project_id: uuid.UUID = Field(foreign_key=f"{SCHEMA}.projects.id", index=True)
    amount: Decimal = money_field()
    kind: str = Field(max_length=20)
    title: str = Field(max_length=300)
    activities: list[Any] = Field(default_factory=list, sa_column=Column(JSONB, nullable=False))
    route: str = Field(max_length=20)
    route_rule: str = Field(max_length=60)
    tier: str | None = Field(default=None, max_length=20)
    # The Thai fiscal year (BE) it was proposed in, and the sum the splitting rule compared with the standard.
    fiscal_year: int | None = None
    route_total: Decimal | None = money_field(nullable=True, default=None)
    status: str = Field(default="pending", max_length=20)
    resolution_number: str | None = Field(default=None, max_length=100)
    resolution_date: dt.date | None = None
    decided_by: str | None = Field(default=None, max_length=200)
    decided_at: dt.datetime | None = ts_field(nullable=True)
    created_by: str = Field(max_length=200)
    created_at: dt.datetime = ts_field()

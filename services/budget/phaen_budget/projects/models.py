"""Projects under a grant line (network, regional or tambon level)."""

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import Column
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field, SQLModel

from phaen_budget import SCHEMA
from phaen_budget.core.models import money_field, ts_field


class Project(SQLModel, table=True):
    """A funded project (โครงการ); suspension by CODI stops every money action on it."""

    __tablename__ = "projects"
    __table_args__ = {"schema": SCHEMA}

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    grant_id: uuid.UUID = Field(foreign_key=f"{SCHEMA}.grants.id", index=True)
    line_no: int
    name: str = Field(max_length=300)
    level: str = Field(max_length=20)
    region: str | None = Field(default=None, max_length=20, index=True)
    tambon: str | None = Field(default=None, max_length=6, index=True)
    # Snapshot of the tambon's tier from the registry (refreshed when a proposal is made).
    tier: str | None = Field(default=None, max_length=20)
    tier_checked_at: dt.datetime | None = ts_field(nullable=True)
    amount: Decimal | None = money_field(nullable=True, default=None)
    tranches: list[Any] = Field(default_factory=list, sa_column=Column(JSONB, nullable=False))
    status: str = Field(default="active", max_length=20)
    status_reason: str | None = Field(default=None, max_length=1000)
    status_changed_by: str | None = Field(default=None, max_length=200)
    status_changed_at: dt.datetime | None = ts_field(nullable=True)
    created_by: str = Field(max_length=200)
    created_at: dt.datetime = ts_field()

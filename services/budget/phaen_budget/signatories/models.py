"""Proposed changes of an account's signatory set (maker-checker: one proposes, another confirms)."""

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import Column, Index, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field, SQLModel

from phaen_budget import SCHEMA
from phaen_budget.core.models import ts_field


class SignatoryChange(SQLModel, table=True):
    """A new signatory set by resolution, in force only once a different user confirms it.

    ``members`` is ``[{"user_id", "person_id"}, ...]`` in resolution order, as checked with the gateway and
    the registry when proposed. At most one change per account is pending at a time.
    """

    __tablename__ = "signatory_changes"
    __table_args__ = (
        Index(
            "signatory_changes_one_pending_key",
            "account_id",
            unique=True,
            postgresql_where=text("status = 'pending'"),
        ),
        {"schema": SCHEMA},
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    account_id: uuid.UUID = Field(foreign_key=f"{SCHEMA}.accounts.id", index=True)
    members: list[dict[str, Any]] = Field(sa_column=Column(JSONB, nullable=False))
    threshold: int
    resolution_number: str = Field(max_length=100)
    resolution_date: dt.date
    status: str = Field(default="pending", max_length=20)
    proposed_by: str = Field(max_length=200)
    proposed_by_person: str | None = Field(default=None, max_length=200)
    proposed_at: dt.datetime = ts_field()
    decided_by: str | None = Field(default=None, max_length=200)
    decided_at: dt.datetime | None = ts_field(nullable=True)
    reason: str | None = Field(default=None, max_length=1000)

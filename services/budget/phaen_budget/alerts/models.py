"""Alerts raised by reconciling statements; never deleted, closed once by a secretariat note."""

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import Column, UniqueConstraint
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field, SQLModel

from phaen_budget import SCHEMA
from phaen_budget.core.models import ts_field


class Alert(SQLModel, table=True):
    """A finding on an account (e.g. a debit no approved withdrawal explains).

    ``subject`` names what it is about (a bank line's fingerprint, a ledger entry, a day's balance), so the
    same finding from an overlapping statement is the same alert. Only the ``resolved_*`` columns ever
    change, once (a trigger refuses anything else).
    """

    __tablename__ = "alerts"
    __table_args__ = (UniqueConstraint("account_id", "code", "subject"), {"schema": SCHEMA})

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    account_id: uuid.UUID = Field(foreign_key=f"{SCHEMA}.accounts.id", index=True)
    project_id: uuid.UUID = Field(foreign_key=f"{SCHEMA}.projects.id", index=True)
    code: str = Field(max_length=40, index=True)
    severity: str = Field(max_length=20)
    subject: str = Field(max_length=200)
    detail: dict[str, Any] = Field(sa_column=Column(JSONB, nullable=False))
    statement_id: uuid.UUID | None = Field(default=None, foreign_key=f"{SCHEMA}.bank_statements.id")
    line_id: uuid.UUID | None = Field(default=None, foreign_key=f"{SCHEMA}.bank_statement_lines.id")
    ledger_entry_id: uuid.UUID | None = Field(default=None, foreign_key=f"{SCHEMA}.ledger_entries.id")
    withdrawal_id: uuid.UUID | None = Field(default=None, foreign_key=f"{SCHEMA}.withdrawals.id")
    raised_at: dt.datetime = ts_field()
    resolved_at: dt.datetime | None = ts_field(nullable=True)
    resolved_by: str | None = Field(default=None, max_length=200)
    resolution_note: str | None = Field(default=None, max_length=2000)

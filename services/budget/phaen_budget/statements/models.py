"""Imported bank statements and their lines: kept forever (UPDATE, DELETE and TRUNCATE refused by triggers)."""

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import Column, Index, UniqueConstraint
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field, SQLModel

from phaen_budget import SCHEMA
from phaen_budget.core.models import money_field, ts_field


class BankStatement(SQLModel, table=True):
    """One bank statement (รายการเดินบัญชี) of one account, with what its reconciliation found.

    ``digest`` is over the statement's content, so the same statement imported again is found, not redone.
    """

    __tablename__ = "bank_statements"
    __table_args__ = (UniqueConstraint("account_id", "digest"), {"schema": SCHEMA})

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    account_id: uuid.UUID = Field(foreign_key=f"{SCHEMA}.accounts.id", index=True)
    project_id: uuid.UUID = Field(foreign_key=f"{SCHEMA}.projects.id")
    format: str = Field(max_length=20)
    digest: str = Field(max_length=64)
    bank_statement_id: str | None = Field(default=None, max_length=120)
    period_from: dt.date
    period_to: dt.date
    opening_balance: Decimal | None = money_field(nullable=True, default=None)
    closing_balance: Decimal | None = money_field(nullable=True, default=None)
    ledger_closing_balance: Decimal = money_field()
    line_count: int
    matched_count: int
    # Ledger entries of the period that no line matched, as they were at import (entries never change).
    unmatched_ledger_entries: list[dict[str, Any]] = Field(sa_column=Column(JSONB, nullable=False))
    imported_by: str = Field(max_length=200)
    imported_at: dt.datetime = ts_field()


class StatementLine(SQLModel, table=True):
    """One line of a bank statement and what it matched in the ledger (if anything)."""

    __tablename__ = "bank_statement_lines"
    __table_args__ = (
        UniqueConstraint("statement_id", "no"),
        Index("bank_statement_lines_account_fingerprint_idx", "account_id", "fingerprint"),
        {"schema": SCHEMA},
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    statement_id: uuid.UUID = Field(foreign_key=f"{SCHEMA}.bank_statements.id", index=True)
    account_id: uuid.UUID = Field(foreign_key=f"{SCHEMA}.accounts.id")
    no: int
    booked_on: dt.date
    amount: Decimal = money_field()
    reference: str | None = Field(default=None, max_length=120)
    description: str = Field(max_length=500)
    balance: Decimal | None = money_field(nullable=True, default=None)
    fingerprint: str = Field(max_length=32)
    status: str = Field(max_length=20)
    matched_by: str | None = Field(default=None, max_length=20)
    ledger_entry_id: uuid.UUID | None = Field(default=None, foreign_key=f"{SCHEMA}.ledger_entries.id")
    withdrawal_id: uuid.UUID | None = Field(default=None, foreign_key=f"{SCHEMA}.withdrawals.id")


class StatementAlert(SQLModel, table=True):
    """An alert a statement raised or found again (an overlapping statement finds the same alert)."""

    __tablename__ = "bank_statement_alerts"
    __table_args__ = {"schema": SCHEMA}

    statement_id: uuid.UUID = Field(foreign_key=f"{SCHEMA}.bank_statements.id", primary_key=True)
    alert_id: uuid.UUID = Field(foreign_key=f"{SCHEMA}.alerts.id", primary_key=True)
    position: int

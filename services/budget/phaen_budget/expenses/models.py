"""Expenses with their evidence (receipt or payment voucher) and attachments."""

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, Column, Index, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field, SQLModel

from phaen_budget import SCHEMA
from phaen_budget.core.models import money_field, ts_field


class Expense(SQLModel, table=True):
    """A payment made by a project, counted in its grant line's actual until voided."""

    __tablename__ = "expenses"
    __table_args__ = (
        # The same paper receipt (seller, book, number) may back only one live expense.
        Index(
            "expenses_receipt_key",
            "receipt_key",
            unique=True,
            postgresql_where=text("receipt_key IS NOT NULL AND status = 'recorded'"),
        ),
        Index("expenses_grant_line_idx", "grant_id", "line_no"),
        {"schema": SCHEMA},
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    project_id: uuid.UUID = Field(foreign_key=f"{SCHEMA}.projects.id", index=True)
    grant_id: uuid.UUID = Field(foreign_key=f"{SCHEMA}.grants.id")
    line_no: int
    category: str = Field(max_length=5)
    amount: Decimal = money_field()
    spent_on: dt.date
    description: str = Field(max_length=2000)
    evidence_kind: str = Field(max_length=20)
    evidence: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSONB, nullable=False))
    receipt_key: str | None = Field(default=None, max_length=700)
    # Auditor flags set when recorded, e.g. "beyond_paid_out": the project's live expenses then exceeded
    # what its account had paid out.
    flags: list[str] = Field(
        default_factory=list, sa_column=Column(JSONB, nullable=False, server_default=text("'[]'::jsonb"))
    )
    status: str = Field(default="recorded", max_length=20)
    void_reason: str | None = Field(default=None, max_length=1000)
    voided_by: str | None = Field(default=None, max_length=200)
    voided_at: dt.datetime | None = ts_field(nullable=True)
    created_by: str = Field(max_length=200)
    created_at: dt.datetime = ts_field()


class Attachment(SQLModel, table=True):
    """A scan or photo of the paper evidence, stored by SHA-256."""

    __tablename__ = "attachments"
    __table_args__ = {"schema": SCHEMA}

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    expense_id: uuid.UUID = Field(foreign_key=f"{SCHEMA}.expenses.id", index=True)
    filename: str = Field(max_length=255)
    content_type: str = Field(max_length=100)
    size: int = Field(sa_column=Column(BigInteger, nullable=False))
    sha256: str = Field(max_length=64)
    storage_key: str = Field(max_length=300)
    uploaded_by: str = Field(max_length=200)
    uploaded_at: dt.datetime = ts_field()

"""Withdrawals (การเบิกถอน) and their co-signatures."""

import datetime as dt
import uuid
from decimal import Decimal

from sqlalchemy import Index, text
from sqlmodel import Field, SQLModel

from phaen_budget import SCHEMA
from phaen_budget.core.models import money_field, ts_field


class Withdrawal(SQLModel, table=True):
    """A request to take money out; immutable once requested except for its status."""

    __tablename__ = "withdrawals"
    __table_args__ = {"schema": SCHEMA}

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    account_id: uuid.UUID = Field(foreign_key=f"{SCHEMA}.accounts.id", index=True)
    project_id: uuid.UUID = Field(foreign_key=f"{SCHEMA}.projects.id", index=True)
    amount: Decimal = money_field()
    fund: str = Field(default="grant", max_length=20)
    purpose: str = Field(max_length=1000)
    resolution_number: str = Field(max_length=100)
    resolution_date: dt.date
    status: str = Field(default="pending", max_length=20)
    requested_by: str = Field(max_length=200)
    requested_at: dt.datetime = ts_field()
    approved_at: dt.datetime | None = ts_field(nullable=True)
    paid_at: dt.datetime | None = ts_field(nullable=True)
    bank_reference: str | None = Field(default=None, max_length=120)
    cancelled_at: dt.datetime | None = ts_field(nullable=True)
    cancelled_by: str | None = Field(default=None, max_length=200)
    cancel_reason: str | None = Field(default=None, max_length=1000)


class Signature(SQLModel, table=True):
    """One signatory's co-signature; revoked (not deleted) when the signatory set changes."""

    __tablename__ = "signatures"
    __table_args__ = (
        Index(
            "signatures_withdrawal_signer_key",
            "withdrawal_id",
            "signer",
            unique=True,
            postgresql_where=text("revoked_at IS NULL"),
        ),
        {"schema": SCHEMA},
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    withdrawal_id: uuid.UUID = Field(foreign_key=f"{SCHEMA}.withdrawals.id", index=True)
    signer: str = Field(max_length=200)
    signed_at: dt.datetime = ts_field()
    revoked_at: dt.datetime | None = ts_field(nullable=True)

"""Bank accounts (บัญชีเงินฝากออมทรัพย์), their signatories, and the append-only ledger."""

import datetime as dt
import uuid
from decimal import Decimal

from sqlalchemy import BigInteger, Column, Identity, Index, text
from sqlmodel import Field, SQLModel

from phaen_budget import SCHEMA
from phaen_budget.core.models import money_field, ts_field


class Account(SQLModel, table=True):
    """A project's savings account.

    The ledger is the truth for money; ``balance``/``interest_balance``/``reserved``/``reserved_interest``
    are caches kept in the same transaction as each ledger row (and the row is the lock every money
    action on the account takes first).
    """

    __tablename__ = "accounts"
    __table_args__ = {"schema": SCHEMA}

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    project_id: uuid.UUID = Field(foreign_key=f"{SCHEMA}.projects.id", unique=True)
    bank: str = Field(max_length=120)
    branch: str = Field(max_length=120)
    number: str = Field(max_length=40)
    name: str = Field(max_length=300)
    type: str = Field(default="savings", max_length=20)
    atm_card: bool = False
    threshold: int
    resolution_number: str = Field(max_length=100)
    resolution_date: dt.date
    balance: Decimal = money_field(default=Decimal("0.00"))
    interest_balance: Decimal = money_field(default=Decimal("0.00"))
    reserved: Decimal = money_field(default=Decimal("0.00"))
    reserved_interest: Decimal = money_field(default=Decimal("0.00"))
    created_by: str = Field(max_length=200)
    created_at: dt.datetime = ts_field()


class AccountSignatory(SQLModel, table=True):
    """A person allowed to co-sign (ผู้มีอำนาจร่วมลงนาม); ``removed_at`` set when a resolution replaces the set."""

    __tablename__ = "account_signatories"
    __table_args__ = (
        Index(
            "account_signatories_current_key",
            "account_id",
            "user_id",
            unique=True,
            postgresql_where=text("removed_at IS NULL"),
        ),
        # A signatory's read reach: the accounts whose current list holds it (phaen_common.access).
        Index(
            "account_signatories_current_user_idx",
            "user_id",
            "account_id",
            postgresql_where=text("removed_at IS NULL"),
        ),
        {"schema": SCHEMA},
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    account_id: uuid.UUID = Field(foreign_key=f"{SCHEMA}.accounts.id", index=True)
    user_id: str = Field(max_length=200)
    # The registry person behind the user id, as the gateway linked it when the set was checked.
    person_id: str | None = Field(default=None, max_length=200)
    position: int = 0
    resolution_number: str = Field(max_length=100)
    added_at: dt.datetime = ts_field()
    removed_at: dt.datetime | None = ts_field(nullable=True)


class LedgerEntry(SQLModel, table=True):
    """One movement of money on an account; never updated or deleted (triggers refuse it).

    ``fund`` keeps interest apart from grant money (interest belongs to the project and is spent only
    by resolution).
    """

    __tablename__ = "ledger_entries"
    __table_args__ = (
        Index("ledger_entries_reference_key", "reference", unique=True, postgresql_where=text("reference IS NOT NULL")),
        Index(
            "ledger_entries_internal_reference_key",
            "internal_reference",
            unique=True,
            postgresql_where=text("internal_reference IS NOT NULL"),
        ),
        Index("ledger_entries_payout_key", "withdrawal_id", unique=True, postgresql_where=text("kind = 'payout'")),
        {"schema": SCHEMA},
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    seq: int | None = Field(default=None, sa_column=Column(BigInteger, Identity(), nullable=False, unique=True))
    account_id: uuid.UUID = Field(foreign_key=f"{SCHEMA}.accounts.id", index=True)
    project_id: uuid.UUID = Field(foreign_key=f"{SCHEMA}.projects.id", index=True)
    kind: str = Field(max_length=20)
    fund: str = Field(max_length=20)
    amount: Decimal = money_field()
    # The bank's own reference (deposits, payouts, fees): banks write it.
    reference: str | None = Field(default=None, max_length=120)
    # A reference Phaen makes itself (``tranche:<project>:<n>``): no bank can write here.
    internal_reference: str | None = Field(default=None, max_length=120)
    withdrawal_id: uuid.UUID | None = Field(default=None, foreign_key=f"{SCHEMA}.withdrawals.id")
    actor: str = Field(max_length=200)
    booked_at: dt.datetime = ts_field()

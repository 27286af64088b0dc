"""Read-model tables (schema ``reports``): one row per entity, upserted from its latest event.

Every table is keyed by the producing service's entity id, so re-applying an event is harmless.
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, Column, DateTime, Index, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field, SQLModel

from phaen_common.money import money_column
from phaen_reports import SCHEMA
from phaen_reports.projections.rollup_models import ROLLUP_TABLES


def _money(nullable: bool = True) -> Any:
    return Field(default=None, sa_type=money_column(), nullable=nullable)


def _json() -> Any:
    return Field(default=None, sa_type=JSONB, nullable=True)


def _ts() -> Any:
    return Field(default=None, sa_type=DateTime(timezone=True), nullable=True)


class Tambon(SQLModel, table=True):
    """A network tambon (ตำบลในเครือข่าย) as the registry last described it."""

    __tablename__ = "tambon"
    __table_args__ = (Index("tambon_region_idx", "region"), {"schema": SCHEMA})
    code: str = Field(primary_key=True, max_length=6)
    name_th: str | None = None
    name_en: str | None = None
    district_code: str | None = None
    province_code: str | None = None
    region: str | None = None
    tier: str | None = None
    joined_on: dt.date | None = None
    villages_total: int | None = None
    villages_with_plan: int | None = None
    criteria: dict[str, Any] | None = _json()
    meets_model_criteria: bool | None = None
    tao_plan_integrated: bool | None = None
    tao_funded: bool | None = None


class Facilitator(SQLModel, table=True):
    """A process facilitator (วิทยากรกระบวนการ)."""

    __tablename__ = "facilitator"
    __table_args__ = {"schema": SCHEMA}
    id: str = Field(primary_key=True)
    person_id: str | None = None
    tambon: str | None = None
    district_code: str | None = None
    province_code: str | None = None
    region: str | None = None
    level: str | None = None
    trained_on: dt.date | None = None


class Committee(SQLModel, table=True):
    """A committee (คณะกรรมการ) at some level."""

    __tablename__ = "committee"
    __table_args__ = {"schema": SCHEMA}
    id: str = Field(primary_key=True)
    level: str | None = None
    region: str | None = None
    province: str | None = None
    tambon: str | None = None
    name: str | None = None


class CommitteeMember(SQLModel, table=True):
    """A committee membership (no personal data: the feed carries none)."""

    __tablename__ = "committee_member"
    __table_args__ = {"schema": SCHEMA}
    committee_id: str = Field(primary_key=True)
    member_key: str = Field(primary_key=True)
    role: str | None = None


class Person(SQLModel, table=True):
    """A person, by id and place only (beneficiaries are counted, never named)."""

    __tablename__ = "person"
    __table_args__ = (Index("person_tambon_idx", "tambon"), {"schema": SCHEMA})
    id: str = Field(primary_key=True)
    tambon: str | None = None
    region: str | None = None


class Partner(SQLModel, table=True):
    """A partner agency (ภาคีพัฒนา)."""

    __tablename__ = "partner"
    __table_args__ = {"schema": SCHEMA}
    code: str = Field(primary_key=True)
    name_th: str | None = None
    name_en: str | None = None
    kind: str | None = None


class Grant(SQLModel, table=True):
    """A grant from a funder."""

    __tablename__ = "grant"
    __table_args__ = {"schema": SCHEMA}
    id: uuid.UUID = Field(primary_key=True)
    name: str | None = None
    funder: str | None = None
    amount: Decimal | None = _money()
    fiscal_year: int | None = None


class GrantLine(SQLModel, table=True):
    """One plan line (แผนงาน) of a grant."""

    __tablename__ = "grant_line"
    __table_args__ = {"schema": SCHEMA}
    grant_id: uuid.UUID = Field(primary_key=True)
    no: int = Field(primary_key=True)
    title: str | None = None
    planned: Decimal | None = _money()
    cofunding: list[Any] | None = _json()


class Project(SQLModel, table=True):
    """A funded project under a grant line."""

    __tablename__ = "project"
    __table_args__ = (Index("project_region_idx", "region"), {"schema": SCHEMA})
    id: uuid.UUID = Field(primary_key=True)
    grant_id: uuid.UUID | None = None
    line_no: int | None = None
    name: str | None = None
    level: str | None = None
    region: str | None = None
    tambon: str | None = None
    amount: Decimal | None = _money()
    tranches: list[Any] | None = _json()
    status: str | None = None


class ProjectChange(SQLModel, table=True):
    """A change to a project after creation (update, suspension): the seed's item 3.11 documents."""

    __tablename__ = "project_change"
    __table_args__ = (Index("project_change_project_idx", "project_id"), {"schema": SCHEMA})
    event_id: uuid.UUID = Field(primary_key=True)
    project_id: uuid.UUID
    type: str
    occurred_at: dt.datetime | None = _ts()


class Proposal(SQLModel, table=True):
    """A spending proposal and its committee decision."""

    __tablename__ = "proposal"
    __table_args__ = (Index("proposal_project_idx", "project_id"), {"schema": SCHEMA})
    id: uuid.UUID = Field(primary_key=True)
    project_id: uuid.UUID | None = None
    amount: Decimal | None = _money()
    kind: str | None = None
    route: str | None = None
    route_rule: str | None = None
    status: str | None = None
    title: str | None = None
    resolution_number: str | None = None
    resolution_meeting_date: dt.date | None = None


class Tranche(SQLModel, table=True):
    """A released tranche (งวด)."""

    __tablename__ = "tranche"
    __table_args__ = {"schema": SCHEMA}
    project_id: uuid.UUID = Field(primary_key=True)
    n: int = Field(primary_key=True)
    amount: Decimal | None = _money()
    account_id: uuid.UUID | None = None
    released_at: dt.datetime | None = _ts()


class ActivityReport(SQLModel, table=True):
    """An activity summary report for a tranche."""

    __tablename__ = "activity_report"
    __table_args__ = (Index("activity_report_project_idx", "project_id"), {"schema": SCHEMA})
    id: uuid.UUID = Field(primary_key=True)
    project_id: uuid.UUID | None = None
    tranche: int | None = None
    submitted_at: dt.datetime | None = _ts()


class Account(SQLModel, table=True):
    """A project's savings account (no number in clear)."""

    __tablename__ = "account"
    __table_args__ = (Index("account_project_idx", "project_id"), {"schema": SCHEMA})
    id: uuid.UUID = Field(primary_key=True)
    project_id: uuid.UUID | None = None
    bank: str | None = None
    branch: str | None = None
    name: str | None = None
    number_last4: str | None = None
    threshold: int | None = None
    signatory_count: int | None = None


class LedgerEntry(SQLModel, table=True):
    """A booked movement on an account: + in, - out."""

    __tablename__ = "ledger_entry"
    __table_args__ = (Index("ledger_entry_account_booked_idx", "account_id", "booked_at"), {"schema": SCHEMA})
    id: uuid.UUID = Field(primary_key=True)
    account_id: uuid.UUID | None = None
    project_id: uuid.UUID | None = None
    kind: str | None = None
    amount: Decimal | None = _money()
    booked_at: dt.datetime | None = _ts()
    reference: str | None = None


class Withdrawal(SQLModel, table=True):
    """A co-signed withdrawal request and its state."""

    __tablename__ = "withdrawal"
    __table_args__ = {"schema": SCHEMA}
    id: uuid.UUID = Field(primary_key=True)
    account_id: uuid.UUID | None = None
    project_id: uuid.UUID | None = None
    amount: Decimal | None = _money()
    status: str | None = None


class Expense(SQLModel, table=True):
    """A recorded (or voided) expense; ``detail`` keeps payload fields beyond the catalogue's."""

    __tablename__ = "expense"
    __table_args__ = (
        Index("expense_grant_line_idx", "grant_id", "line_no", postgresql_where=text("status = 'recorded'")),
        Index("expense_project_idx", "project_id"),
        {"schema": SCHEMA},
    )
    id: uuid.UUID = Field(primary_key=True)
    project_id: uuid.UUID | None = None
    grant_id: uuid.UUID | None = None
    line_no: int | None = None
    category: str | None = None
    amount: Decimal | None = _money()
    spent_on: dt.date | None = None
    evidence_kind: str | None = None
    status: str | None = None
    detail: dict[str, Any] | None = _json()


class FeedCursor(SQLModel, table=True):
    """Where the consumer is in one source's feed, and when it last heard from it."""

    __tablename__ = "feed_cursor"
    __table_args__ = {"schema": SCHEMA}
    source: str = Field(primary_key=True, max_length=40)
    after: int = Field(default=0, sa_column=Column(BigInteger, nullable=False, server_default="0"))
    events_applied: int = Field(default=0, sa_column=Column(BigInteger, nullable=False, server_default="0"))
    last_success_at: dt.datetime | None = _ts()
    last_error_at: dt.datetime | None = _ts()
    last_error: str | None = None


def columns(model: type[SQLModel]) -> Any:
    """The Core column collection of a table model (typed loosely: for building queries)."""
    return model.__table__.c  # type: ignore[attr-defined]


PROJECTION_TABLES = [
    Tambon,
    Facilitator,
    Committee,
    CommitteeMember,
    Person,
    Partner,
    Grant,
    GrantLine,
    Project,
    ProjectChange,
    Proposal,
    Tranche,
    ActivityReport,
    Account,
    LedgerEntry,
    Withdrawal,
    Expense,
    # Emptied with the rows on a rebuild, and refilled as the feeds are replayed.
    *ROLLUP_TABLES,
]

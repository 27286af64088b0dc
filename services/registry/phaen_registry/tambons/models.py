"""Network tambon tables: enrolment, tier history, villages."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, CheckConstraint, Column, DateTime, Identity, UniqueConstraint, func
from sqlmodel import Field, SQLModel

from phaen_registry import SCHEMA

TIERS = ("model", "pilot", "expansion")
CRITERIA = (
    "plans_80pct",
    "facilitator_team",
    "joint_plans",
    "ongoing_activities",
    "linked_tao",
    "tao_support",
    "spread",
)


class NetworkTambon(SQLModel, table=True):
    """A tambon enrolled in the network (ตำบลต้นแบบ / นำร่อง / ขยาย); the 7 selection criteria of §1.1."""

    __tablename__ = "network_tambon"
    __table_args__ = (
        CheckConstraint("tier IN ('model', 'pilot', 'expansion')", name="tier"),
        CheckConstraint("villages_total >= 0 AND villages_with_plan >= 0", name="villages_nonneg"),
        CheckConstraint("villages_with_plan <= villages_total", name="villages_plan_le_total"),
        {"schema": SCHEMA},
    )

    code: str = Field(primary_key=True, max_length=6, foreign_key=f"{SCHEMA}.subdistrict.code")
    tier: str = Field(max_length=12, index=True)
    joined_on: dt.date | None = None
    villages_total: int = 0
    villages_with_plan: int = 0
    plans_80pct: bool = False
    facilitator_team: bool = False
    joint_plans: bool = False
    ongoing_activities: bool = False
    linked_tao: bool = False
    tao_support: bool = False
    spread: bool = False
    tao_plan_integrated: bool = False
    tao_funded: bool = False
    created_at: dt.datetime = Field(
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )
    updated_at: dt.datetime = Field(
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )
    updated_by: str = Field(max_length=200)

    def criteria(self) -> dict[str, bool]:
        """The 7 selection criteria by name."""
        return {name: bool(getattr(self, name)) for name in CRITERIA}

    def meets_model_criteria(self) -> bool:
        """All 7 criteria, with plans in at least 80 % of the villages (§1.1, criterion 1)."""
        coverage_ok = self.villages_total > 0 and self.villages_with_plan * 100 >= 80 * self.villages_total
        return coverage_ok and all(self.criteria().values())


class TierChange(SQLModel, table=True):
    """One change of a network tambon's tier, with who made it and when (append-only)."""

    __tablename__ = "tier_change"
    __table_args__ = {"schema": SCHEMA}

    id: int | None = Field(default=None, sa_column=Column(BigInteger, Identity(), primary_key=True))
    tambon_code: str = Field(max_length=6, foreign_key=f"{SCHEMA}.network_tambon.code", index=True)
    from_tier: str | None = Field(default=None, max_length=12)
    to_tier: str = Field(max_length=12)
    changed_by: str = Field(max_length=200)
    changed_at: dt.datetime = Field(
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )


class Village(SQLModel, table=True):
    """A village (หมู่ที่ N) of a tambon; its DOPA-style code is the tambon code plus the 2-digit number."""

    __tablename__ = "village"
    __table_args__ = (
        UniqueConstraint("tambon_code", "no"),
        CheckConstraint("no BETWEEN 1 AND 99", name="no_range"),
        {"schema": SCHEMA},
    )

    id: int | None = Field(default=None, sa_column=Column(BigInteger, Identity(), primary_key=True))
    tambon_code: str = Field(max_length=6, foreign_key=f"{SCHEMA}.subdistrict.code", index=True)
    no: int
    name_th: str = Field(max_length=200)
    has_plan: bool = False
    updated_at: dt.datetime = Field(
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now())
    )

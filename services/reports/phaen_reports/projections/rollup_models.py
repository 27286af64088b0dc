"""Rollups of the read model (schema ``reports``): per-group counters kept by the projector.

Each row is a running sum of signed deltas written in the transaction that applies the events: a void or a
correction adds a negative entry, nothing is deleted (a group that empties keeps its row, at zero). The
reports read these few rows instead of scanning every expense or tambon.
"""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, Column, Numeric
from sqlmodel import Field, SQLModel

from phaen_reports import SCHEMA


def _count() -> Any:
    return Field(default=0, sa_column_kwargs={"server_default": "0"}, sa_type=BigInteger, nullable=False)


def _sum() -> Any:
    # Wider than an expense's NUMERIC(14, 2): a million expenses on one line must still fit.
    return Field(default=Decimal("0.00"), sa_column=Column(Numeric(18, 2), nullable=False, server_default="0"))


class ExpenseLineRollup(SQLModel, table=True):
    """Expenses per grant line (แผนงาน): what plan vs actual reads."""

    __tablename__ = "expense_line_rollup"
    __table_args__ = {"schema": SCHEMA}
    grant_id: uuid.UUID = Field(primary_key=True)
    line_no: int = Field(primary_key=True)
    recorded_count: int = _count()
    recorded_amount: Decimal = _sum()
    void_count: int = _count()


class ExpenseCategoryRollup(SQLModel, table=True):
    """Expenses per project and category (หมวด 1.1 .. 6; '' for none): what the expense summary reads."""

    __tablename__ = "expense_category_rollup"
    __table_args__ = {"schema": SCHEMA}
    project_id: uuid.UUID = Field(primary_key=True)
    category: str = Field(primary_key=True)
    recorded_count: int = _count()
    recorded_amount: Decimal = _sum()
    void_count: int = _count()


class TambonRegionRollup(SQLModel, table=True):
    """Enrolled tambons per region: what coverage reads."""

    __tablename__ = "tambon_region_rollup"
    __table_args__ = {"schema": SCHEMA}
    region: str = Field(primary_key=True)
    model: int = _count()
    pilot: int = _count()
    expansion: int = _count()
    tambons: int = _count()
    districts: int = _count()
    provinces: int = _count()
    tao_plan_integrated: int = _count()
    tao_funded: int = _count()


class TambonPlaceRollup(SQLModel, table=True):
    """Enrolled tambons per region and district (or province): a distinct count is the number of rows above 0."""

    __tablename__ = "tambon_place_rollup"
    __table_args__ = {"schema": SCHEMA}
    region: str = Field(primary_key=True)
    level: str = Field(primary_key=True, description="district or province")
    code: str = Field(primary_key=True)
    tambons: int = _count()


ROLLUP_TABLES: list[type[SQLModel]] = [ExpenseLineRollup, ExpenseCategoryRollup, TambonRegionRollup, TambonPlaceRollup]

"""Grant and line schemas; percent, actual, variance and available are derived, never typed in."""

from __future__ import annotations

import datetime as dt
import uuid

from pydantic import BaseModel, Field

from phaen_budget.core.schemas import Input
from phaen_common.money import Money, PositiveMoney, SignedMoney


class GrantCreate(Input):
    name: str = Field(min_length=1, max_length=300)
    funder: str = Field(min_length=1, max_length=120)
    amount: PositiveMoney
    fiscal_year: int = Field(ge=2400, le=2800, description="Thai government fiscal year, Buddhist Era (Oct-Sep)")


class Cofunding(Input):
    funder: str = Field(min_length=1, max_length=120)
    amount: PositiveMoney


class LineCreate(Input):
    no: int = Field(ge=1, le=999)
    title: str = Field(min_length=1, max_length=300)
    planned: Money
    cofunding: list[Cofunding] = Field(default_factory=list, max_length=10)


class LineOut(BaseModel):
    id: uuid.UUID
    grant_id: uuid.UUID
    no: int
    title: str
    planned: Money
    percent: Money = Field(description="planned / grant amount x 100, 2 decimals")
    actual: Money = Field(description="sum of recorded (not voided) expenses under the line")
    variance: SignedMoney = Field(description="planned - actual")
    reserved: Money = Field(description="sum of approved proposals under the line")
    available: SignedMoney = Field(description="planned - reserved")
    cofunding: list[Cofunding]


class GrantTotals(BaseModel):
    planned: Money
    percent: Money
    actual: Money
    variance: SignedMoney
    reserved: Money
    unallocated: Money


class FiscalPeriod(BaseModel):
    start: dt.date
    end: dt.date


class GrantOut(BaseModel):
    id: uuid.UUID
    name: str
    funder: str
    amount: Money
    fiscal_year: int
    fiscal_period: FiscalPeriod = Field(description="the Thai government fiscal year: 1 October to 30 September")
    created_at: dt.datetime
    lines: list[LineOut]
    totals: GrantTotals

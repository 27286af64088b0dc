"""Request and response of ``POST /v1/reports/reconcile/budget-statement``."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, Field, PlainSerializer, WithJsonSchema, model_validator

from phaen_common.money import MAX_AMOUNT, Money, Percent, SignedMoney


def _percent(value: Any) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError("percent must be a number or a decimal string")
    try:
        out = Decimal(str(value))
    except InvalidOperation as exc:
        raise ValueError("percent must be a number or a decimal string") from exc
    if not out.is_finite() or not Decimal(0) <= out <= Decimal(1000):
        raise ValueError("percent must be between 0 and 1000")
    return out


StatedPercent = Annotated[
    Decimal | None,
    BeforeValidator(_percent),
    PlainSerializer(lambda v: None if v is None else f"{v:.2f}", when_used="always"),
    WithJsonSchema({"type": ["string", "number", "null"], "examples": ["10.78"]}, mode="validation"),
    WithJsonSchema({"type": ["string", "null"], "examples": ["10.78"]}, mode="serialization"),
]


class StatedLine(BaseModel):
    """One line as printed; percent and variance are the cells to check."""

    no: int = Field(ge=0, le=10000)
    title: str = Field(default="", max_length=500)
    planned: Money
    percent: StatedPercent = None
    actual: Money
    variance: SignedMoney | None = None


class StatedTotals(BaseModel):
    planned: Money | None = None
    percent: StatedPercent = None
    actual: Money | None = None
    variance: SignedMoney | None = None


class BudgetStatement(BaseModel):
    lines: list[StatedLine] = Field(min_length=1, max_length=1000)
    stated_totals: StatedTotals = Field(default_factory=StatedTotals)

    @model_validator(mode="after")
    def _totals_are_money(self) -> BudgetStatement:
        # The computed totals are money too: lines adding up past NUMERIC(14,2) were a 500 (found by schemathesis).
        for name in ("planned", "actual"):
            if sum(getattr(line, name) for line in self.lines) > MAX_AMOUNT:
                raise ValueError(f"the lines' {name} amounts add up to more than {MAX_AMOUNT}")
        return self


class ComputedLine(BaseModel):
    no: int
    title: str
    planned: SignedMoney
    percent: Percent
    actual: SignedMoney
    variance: SignedMoney


class ComputedTotals(BaseModel):
    planned: SignedMoney
    percent: Percent
    actual: SignedMoney
    variance: SignedMoney


class Computed(BaseModel):
    lines: list[ComputedLine]
    totals: ComputedTotals


class Discrepancy(BaseModel):
    """A cell whose stated value differs from the one computed from the table's own figures."""

    where: str
    stated: str
    computed: str
    note: str | None = None


class Reconciliation(BaseModel):
    computed: Computed
    discrepancies: list[Discrepancy]

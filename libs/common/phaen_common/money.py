"""Money: THB as ``Decimal`` with exactly 2 places; strings on the wire, never floats.

Input accepts a decimal string (``"45000"``, ``"45000.5"``, ``"45000.50"``) or a JSON integer; a JSON float,
more than 2 decimals, NaN/Infinity, exponents or booleans are refused. Output is always a string with
2 decimals. The OpenAPI shows a string with a pattern so generated clients never use floats.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from typing import Annotated, Any

from pydantic import BeforeValidator, PlainSerializer, WithJsonSchema

CENT = Decimal("0.01")
MAX_AMOUNT = Decimal("999999999999.99")  # NUMERIC(14, 2)
_PATTERN = r"^-?[0-9]{1,12}(\.[0-9]{1,2})?$"
_RE = re.compile(_PATTERN)
_POSITIVE_PATTERN = r"^(?!0+(\.0{1,2})?$)[0-9]{1,12}(\.[0-9]{1,2})?$"


def parse_money(value: Any, *, positive: bool = False, allow_negative: bool = False) -> Decimal:
    """Parse a money input by the contract's rules; raise ValueError with a clear message."""
    if isinstance(value, bool) or isinstance(value, float):
        raise ValueError('amount must be a decimal string like "45000.00" or an integer, not a float')
    if isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError("amount must be finite")
        amount = value
        if amount.as_tuple().exponent < -2:  # type: ignore[operator]
            raise ValueError("amount may have at most 2 decimals")
    elif isinstance(value, str):
        # fullmatch: ``re.match`` with ``$`` also took "100\n" (``$`` matches before a final newline).
        if not _RE.fullmatch(value):
            raise ValueError('amount must be a decimal string with at most 2 decimals, like "45000.00"')
        try:
            amount = Decimal(value)
        except InvalidOperation as exc:
            raise ValueError("amount is not a number") from exc
    else:
        raise ValueError("amount must be a decimal string or an integer")
    if abs(amount) > MAX_AMOUNT:
        raise ValueError("amount is too large")
    if positive and amount <= 0:
        raise ValueError("amount must be greater than zero")
    if not allow_negative and amount < 0:
        raise ValueError("amount may not be negative")
    return amount.quantize(CENT)


def check_total(total: Decimal) -> Decimal:
    """A balance or sum about to be stored: refuse one NUMERIC(14, 2) cannot hold (422, never a 500)."""
    from phaen_common.errors import AmountOutOfRange

    if not total.is_finite() or abs(total) > MAX_AMOUNT:
        raise AmountOutOfRange(f"The total may not exceed {MAX_AMOUNT}.")
    return total


def format_money(value: Decimal) -> str:
    """Render an amount as a string with exactly 2 decimals."""
    return str(Decimal(value).quantize(CENT, rounding=ROUND_HALF_EVEN))


def _serialize(value: Decimal) -> str:
    return format_money(value)


Money = Annotated[
    Decimal,
    BeforeValidator(lambda v: parse_money(v)),
    PlainSerializer(_serialize, return_type=str, when_used="always"),
    WithJsonSchema(
        {"type": "string", "pattern": r"^[0-9]{1,12}(\.[0-9]{1,2})?$", "examples": ["45000.00"]}, mode="validation"
    ),
    WithJsonSchema(
        {"type": "string", "pattern": r"^-?[0-9]+\.[0-9]{2}$", "examples": ["45000.00"]}, mode="serialization"
    ),
]
"""A non-negative amount (zero allowed)."""

PositiveMoney = Annotated[
    Decimal,
    BeforeValidator(lambda v: parse_money(v, positive=True)),
    PlainSerializer(_serialize, return_type=str, when_used="always"),
    WithJsonSchema({"type": "string", "pattern": _POSITIVE_PATTERN, "examples": ["45000.00"]}, mode="validation"),
    WithJsonSchema(
        {"type": "string", "pattern": r"^-?[0-9]+\.[0-9]{2}$", "examples": ["45000.00"]}, mode="serialization"
    ),
]
"""An amount that must be greater than zero."""

SignedMoney = Annotated[
    Decimal,
    BeforeValidator(lambda v: parse_money(v, allow_negative=True)),
    PlainSerializer(_serialize, return_type=str, when_used="always"),
    WithJsonSchema({"type": "string", "pattern": _PATTERN, "examples": ["-6000.00"]}, mode="validation"),
    WithJsonSchema(
        {"type": "string", "pattern": r"^-?[0-9]+\.[0-9]{2}$", "examples": ["-6000.00"]}, mode="serialization"
    ),
]
"""An amount that may be negative (variances, reversals)."""


Percent = Annotated[
    Decimal,
    PlainSerializer(_serialize, return_type=str, when_used="always"),
    WithJsonSchema(
        {"type": "string", "pattern": r"^[0-9]{1,3}\.[0-9]{2}$", "examples": ["50.00"]}, mode="serialization"
    ),
]
"""A percentage shown like money: a string with 2 decimals (``"33.34"``), never a float."""


def money_column() -> Any:
    """A NUMERIC(14, 2) column type for SQLModel/SQLAlchemy."""
    from sqlalchemy import Numeric

    return Numeric(14, 2, asdecimal=True)

from decimal import Decimal

import pytest
from pydantic import BaseModel, ValidationError

from phaen_common.money import Money, PositiveMoney, SignedMoney, format_money, parse_money


class M(BaseModel):
    a: PositiveMoney
    b: Money = Decimal(0)
    c: SignedMoney = Decimal(0)


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("45000", "45000.00"),
        ("45000.5", "45000.50"),
        ("0.01", "0.01"),
        (45000, "45000.00"),
        ("20455500.00", "20455500.00"),
    ],
)
def test_accepts_strings_and_integers(raw, expected):
    assert M.model_validate({"a": raw}).model_dump(mode="json")["a"] == expected


@pytest.mark.parametrize(
    "raw",
    [1.5, 45000.0, "1.234", "1e3", "NaN", "Infinity", "-5", "0", "0.00", 0, True, "", " 5", "5,000", "0x10", "1" * 13],
)
def test_rejects_floats_extra_decimals_and_non_positive(raw):
    with pytest.raises(ValidationError):
        M.model_validate({"a": raw})


def test_json_float_is_refused_from_json_text():
    with pytest.raises(ValidationError):
        M.model_validate_json('{"a": 12.5}')
    assert M.model_validate_json('{"a": "12.50"}').a == Decimal("12.50")


def test_zero_allowed_for_money_and_negative_for_signed():
    m = M.model_validate({"a": "1", "b": "0", "c": "-6000"})
    assert m.model_dump(mode="json") == {"a": "1.00", "b": "0.00", "c": "-6000.00"}
    with pytest.raises(ValidationError):
        M.model_validate({"a": "1", "b": "-1"})


def test_openapi_shows_strings_with_patterns():
    schema = M.model_json_schema()
    for field in ("a", "b", "c"):
        assert schema["properties"][field]["type"] == "string"
        assert "pattern" in schema["properties"][field]


def test_format_and_parse_helpers():
    assert format_money(Decimal("5")) == "5.00"
    assert parse_money("10.1") == Decimal("10.10")
    with pytest.raises(ValueError):
        parse_money(Decimal("1.005"))

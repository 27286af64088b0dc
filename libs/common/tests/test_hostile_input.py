"""Hostile input against the shared library, written as the attack: each case was accepted or a 500 before."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from fastapi import APIRouter, FastAPI
from pydantic import BaseModel, ConfigDict, SecretStr, TypeAdapter, ValidationError
from sqlalchemy import Column, Integer, Numeric, Table, text, update
from sqlalchemy.ext.asyncio import create_async_engine
from sqlmodel import SQLModel

from phaen_common.dates import IsoDate, Month
from phaen_common.db import SessionDep, to_async_url
from phaen_common.money import MAX_AMOUNT, Money, PositiveMoney, SignedMoney, check_total
from phaen_common.settings import CommonSettings
from phaen_common.testing import app_client
from phaen_common.text import Input
from phaen_common.web import create_service_app, require

SCHEMA = "hostiletest"
balances = Table(
    "balances",
    SQLModel.metadata,
    Column("id", Integer, primary_key=True),
    Column("amount", Numeric(14, 2), nullable=False),
    schema=SCHEMA,
)


class Report(Input):
    model_config = ConfigDict(extra="allow")
    summary: str


class Add(BaseModel):
    amount: PositiveMoney


def _app(url: str) -> FastAPI:
    router = APIRouter(prefix="/v1/hostile")

    @router.post("/reports", status_code=201)
    async def report(body: Report, _: object = require("budget:write")) -> dict[str, str]:
        return {"summary": body.summary}

    @router.post("/balances/{row}/add")
    async def add(row: int, body: Add, session: SessionDep, _: object = require("budget:write")) -> dict[str, str]:
        # A naive credit, as a ledger would do it: the database refuses the overflowing sum.
        await session.execute(
            update(balances).where(balances.c.id == row).values(amount=balances.c.amount + body.amount)
        )
        return {"ok": "yes"}

    settings = CommonSettings(database_url=SecretStr(url), max_body_bytes=10 * 1024 * 1024)
    return create_service_app(name="hostile", prefix="/v1/hostile", settings=settings, routers=[router])


@pytest.fixture(scope="module")
async def hostile_db(pg_url: str) -> str:
    engine = create_async_engine(to_async_url(pg_url))
    async with engine.begin() as conn:
        await conn.execute(text(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE"))
        await conn.execute(text(f"CREATE SCHEMA {SCHEMA}"))
        await conn.run_sync(lambda c: SQLModel.metadata.create_all(c, tables=[balances]))
        await conn.execute(balances.insert().values(id=1, amount=MAX_AMOUNT))
    await engine.dispose()
    return pg_url


# --- money ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["100\n", "100\r\n", " 100", "100 ", "1e3", "١٠٠", "๑๐๐", "0x10", "+100", "1_000"])
def test_money_is_exactly_the_contract_pattern(value: str) -> None:
    for kind in (Money, PositiveMoney, SignedMoney):
        with pytest.raises(ValidationError):
            TypeAdapter(kind).validate_python(value)


@pytest.mark.parametrize("value", [10**13, -(10**13), "9999999999999", 10**400])
def test_huge_amounts_are_refused(value: object) -> None:
    with pytest.raises(ValidationError):
        TypeAdapter(SignedMoney).validate_python(value)


def test_check_total_refuses_a_sum_numeric_cannot_hold() -> None:
    assert check_total(MAX_AMOUNT) == MAX_AMOUNT
    from phaen_common.errors import AmountOutOfRange

    with pytest.raises(AmountOutOfRange):
        check_total(MAX_AMOUNT + Decimal("0.01"))


async def test_a_sum_that_overflows_numeric_is_a_422_not_a_500(hostile_db, keys) -> None:
    async with app_client(_app(hostile_db), keys) as c:
        r = await c.post("/v1/hostile/balances/1/add", json={"amount": "1.00"}, headers=keys.auth())
        assert r.status_code == 422, r.text
        assert r.json()["code"] == "amount_out_of_range"


# --- dates ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["0001-01-01", "9999-12-31", "2569-03-01", "1989-12-31", "2101-01-01"])
def test_dates_outside_1990_2100_are_refused_and_the_error_says_so(value: str) -> None:
    with pytest.raises(ValidationError) as err:
        TypeAdapter(IsoDate).validate_python(value)
    message = str(err.value)
    assert "1990" in message and "2100" in message and "Buddhist" in message


def test_dates_inside_the_range_pass() -> None:
    assert TypeAdapter(IsoDate).validate_python("1999-06-01") == dt.date(1999, 6, 1)
    assert TypeAdapter(IsoDate).validate_python(dt.date(2100, 12, 31)) == dt.date(2100, 12, 31)
    with pytest.raises(ValidationError):
        TypeAdapter(IsoDate).validate_python(dt.date(2569, 1, 1))
    with pytest.raises(ValidationError):
        TypeAdapter(IsoDate).validate_python("2026-01-01\n")


@pytest.mark.parametrize("value", ["0000-01", "9999-12", "2569-01", "2026-13", "2026-1", "2026-01\n"])
def test_months_outside_the_range_are_refused(value: str) -> None:
    with pytest.raises(ValidationError):
        TypeAdapter(Month).validate_python(value)


# --- bodies --------------------------------------------------------------------------------------------


async def test_duplicate_json_keys_are_a_422(hostile_db, keys) -> None:
    async with app_client(_app(hostile_db), keys) as c:
        raw = b'{"summary": "small", "summary": "large"}'
        r = await c.post(
            "/v1/hostile/reports", content=raw, headers={**keys.auth(), "Content-Type": "application/json"}
        )
        assert r.status_code == 422, r.text
        assert "duplicate" in r.json()["errors"][0]["msg"]
        nested = b'{"summary": "x", "extra": {"a": 1, "a": 2}}'
        r = await c.post(
            "/v1/hostile/reports", content=nested, headers={**keys.auth(), "Content-Type": "application/json"}
        )
        assert r.status_code == 422, r.text
        # A caller without the route's scope still hears 403 first.
        r = await c.post(
            "/v1/hostile/reports",
            content=raw,
            headers={**keys.auth(roles=["auditor"]), "Content-Type": "application/json"},
        )
        assert r.status_code == 403, r.text


@pytest.mark.parametrize("depth", [33, 300, 900, 50_000])
async def test_deeply_nested_extra_fields_are_a_422(hostile_db, keys, depth: int) -> None:
    body = '{"summary": "x", "extra": ' + "[" * depth + "]" * depth + "}"
    async with app_client(_app(hostile_db), keys) as c:
        r = await c.post(
            "/v1/hostile/reports", content=body.encode(), headers={**keys.auth(), "Content-Type": "application/json"}
        )
        assert r.status_code == 422, r.text


async def test_free_form_extra_fields_are_bounded(hostile_db, keys) -> None:
    async with app_client(_app(hostile_db), keys) as c:
        r = await c.post("/v1/hostile/reports", json={"summary": "x", "notes": "ก" * 70_000}, headers=keys.auth())
        assert r.status_code == 422, r.text
        r = await c.post("/v1/hostile/reports", json={"summary": "x", "notes": "ก" * 1000}, headers=keys.auth())
        assert r.status_code == 201, r.text

"""Database trouble means "try again": 503 with Retry-After, never a 500."""

from __future__ import annotations

import asyncpg
from common_testapp import build_app
from fastapi import APIRouter
from sqlalchemy.exc import DBAPIError

from phaen_common.db import is_retryable_db_error
from phaen_common.testing import app_client


async def test_unreachable_database_gives_503_not_500(keys):
    # Nothing listens on port 1: every connection attempt is refused.
    app = build_app("postgresql://postgres@127.0.0.1:1/phaen")
    async with app_client(app, keys) as c:
        # Alive (no restart would help), but not ready: the readiness probe takes it out of rotation.
        assert (await c.get("/healthz")).status_code == 200
        r = await c.get("/readyz")
        assert r.status_code == 503 and r.json()["code"] == "service_unavailable"
        assert r.json()["checks"]["database"] == "failing"
        r = await c.post("/v1/test/things", json={"name": "x", "amount": "1"}, headers=keys.auth())
        assert r.status_code == 503, r.text
        assert r.headers["retry-after"] == "1"
        assert r.json()["code"] == "service_unavailable"
        assert "127.0.0.1" not in r.text and "Traceback" not in r.text


async def test_serialization_failure_gives_503(common_db, keys):
    app = build_app(common_db)
    router = APIRouter()

    @router.get("/v1/test/serialization")
    async def boom() -> None:
        raise DBAPIError("UPDATE x", {}, asyncpg.exceptions.SerializationError("could not serialize"))

    app.include_router(router)
    async with app_client(app, keys) as c:
        r = await c.get("/v1/test/serialization", headers=keys.auth())
        assert r.status_code == 503 and r.headers["retry-after"] == "1"
        assert "UPDATE" not in r.text


def test_classification():
    assert is_retryable_db_error(ConnectionRefusedError())
    assert is_retryable_db_error(asyncpg.exceptions.CannotConnectNowError("starting up"))
    assert not is_retryable_db_error(ValueError("bad"))
    assert not is_retryable_db_error(DBAPIError("x", {}, asyncpg.exceptions.UniqueViolationError("dup")))

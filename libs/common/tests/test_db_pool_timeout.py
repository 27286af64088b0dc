"""An exhausted connection pool means "try again": 503 with Retry-After, never a 500 (issue 10).

SQLAlchemy raises its own ``sqlalchemy.exc.TimeoutError`` when no pooled connection frees up in time; it is
neither a DBAPI error nor the built-in ``TimeoutError``, so it was answered 500 ``internal_error``.
"""

from __future__ import annotations

import asyncio
import time

from common_testapp import build_app
from sqlalchemy import exc as sa_exc
from sqlalchemy import text

from phaen_common.db import Database, is_retryable_db_error
from phaen_common.settings import CommonSettings
from phaen_common.testing import app_client


async def test_a_request_that_finds_the_pool_exhausted_is_a_503_with_retry_after(common_db, keys) -> None:
    # One connection, no overflow, a short wait: the test holds the only connection, the request waits and fails.
    app = build_app(common_db, db_pool_size=1, db_max_overflow=0, db_pool_timeout_seconds=0.5)
    async with app_client(app, keys) as c:
        db: Database = app.state.db
        async with db.engine.connect() as held:
            await held.execute(text("SELECT 1"))
            started = time.monotonic()
            r = await c.post("/v1/test/things", json={"name": "pool", "amount": "1"}, headers=keys.auth())
            waited = time.monotonic() - started
        assert r.status_code == 503, r.text
        assert r.headers["retry-after"] == "1"
        assert r.headers["content-type"].startswith("application/problem+json")
        assert r.json()["code"] == "service_unavailable"
        assert "QueuePool" not in r.text and "Traceback" not in r.text
        assert waited < 10  # the setting's wait (0.5 s), not SQLAlchemy's 30 s default
        # The connection is back: the same request now succeeds.
        r = await c.post("/v1/test/things", json={"name": "pool", "amount": "1"}, headers=keys.auth())
        assert r.status_code == 201, r.text


async def test_many_concurrent_requests_on_a_tiny_pool_get_only_201_or_503(common_db, keys) -> None:
    app = build_app(common_db, db_pool_size=1, db_max_overflow=0, db_pool_timeout_seconds=0.2)
    async with app_client(app, keys) as c:
        db: Database = app.state.db
        async with db.engine.connect() as held:
            await held.execute(text("SELECT 1"))
            waiting = [
                c.post("/v1/test/things", json={"name": f"p{i}", "amount": "1"}, headers=keys.auth()) for i in range(8)
            ]
            answers = await asyncio.gather(*waiting)
        assert {r.status_code for r in answers} == {503}, [r.text for r in answers]
        assert all(r.headers.get("retry-after") == "1" for r in answers)


def test_the_pool_timeout_is_retryable_and_a_setting() -> None:
    assert is_retryable_db_error(sa_exc.TimeoutError("QueuePool limit of size 1 overflow 0 reached"))
    assert CommonSettings(db_pool_timeout_seconds=2).db_pool_timeout_seconds == 2

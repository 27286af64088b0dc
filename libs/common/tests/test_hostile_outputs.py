"""What every answer carries (security headers, no caching) and idempotency keys that expire, as attacks."""

from __future__ import annotations

import uuid

from common_testapp import build_app, idem
from sqlalchemy import func, insert, select, update
from sqlalchemy.ext.asyncio import create_async_engine

from phaen_common.db import to_async_url
from phaen_common.idempotency import prune_expired_keys
from phaen_common.testing import app_client


def _assert_hardened(headers) -> None:
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["cache-control"] == "no-store"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "no-referrer"
    assert "default-src 'none'" in headers["content-security-policy"]


async def test_every_answer_carries_the_security_headers(common_db, keys) -> None:
    async with app_client(build_app(common_db), keys) as c:
        ok = await c.post("/v1/test/things", json={"name": "h", "amount": "1"}, headers=keys.auth())
        assert ok.status_code == 201
        unauthorized = await c.get("/v1/test/events")
        assert unauthorized.status_code == 401
        too_large = await c.post("/v1/test/things", content=b"x" * 5000, headers=keys.auth())
        assert too_large.status_code == 413
        crashed = await c.post("/v1/test/things", json={"name": "boom", "amount": "1"}, headers=keys.auth())
        assert crashed.status_code == 500
        for r in (ok, unauthorized, too_large, crashed):
            _assert_hardened(r.headers)
            assert len(r.headers.get_list("x-content-type-options")) == 1


async def _age_key(url: str, key: str, hours: int) -> None:
    engine = create_async_engine(to_async_url(url))
    async with engine.begin() as conn:
        await conn.execute(
            update(idem).where(idem.c.key == key).values(created_at=func.now() - func.make_interval(0, 0, 0, 0, hours))
        )
    await engine.dispose()


async def test_an_idempotency_key_expires_after_24_hours(common_db, keys) -> None:
    sub = str(uuid.uuid4())
    auth = keys.auth(sub=sub)
    key = f"k-{uuid.uuid4()}"
    async with app_client(build_app(common_db), keys) as c:
        first = await c.post(
            "/v1/test/things", json={"name": "a", "amount": "1"}, headers={**auth, "Idempotency-Key": key}
        )
        assert first.status_code == 201
        reused = await c.post(
            "/v1/test/things", json={"name": "b", "amount": "1"}, headers={**auth, "Idempotency-Key": key}
        )
        assert reused.status_code == 409
        await _age_key(common_db, key, 25)
        again = await c.post(
            "/v1/test/things", json={"name": "b", "amount": "1"}, headers={**auth, "Idempotency-Key": key}
        )
        assert again.status_code == 201, again.text
        assert "idempotent-replayed" not in again.headers


async def test_expired_idempotency_keys_are_pruned(common_db, keys) -> None:
    engine = create_async_engine(to_async_url(common_db))
    old, fresh = f"old-{uuid.uuid4()}", f"new-{uuid.uuid4()}"
    async with engine.begin() as conn:
        for key in (old, fresh):
            await conn.execute(
                insert(idem).values(principal="p", key=key, endpoint="POST /x", request_hash="0" * 64, status=201)
            )
    await _age_key(common_db, old, 30)
    from sqlalchemy.ext.asyncio import AsyncSession

    async with AsyncSession(engine) as session, session.begin():
        assert await prune_expired_keys(session, idem) >= 1
    async with engine.connect() as conn:
        left = set((await conn.execute(select(idem.c.key).where(idem.c.key.in_([old, fresh])))).scalars())
    await engine.dispose()
    assert left == {fresh}

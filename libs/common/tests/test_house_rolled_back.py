"""``phaen_common.testing.rolled_back``: an app behaves as usual inside it, and nothing it wrote survives."""

from __future__ import annotations

import uuid

from common_testapp import build_app, things
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import create_async_engine

from phaen_common.db import to_async_url
from phaen_common.testing import TestKeys, app_client, rolled_back


async def _count(url: str, name: str) -> int:
    engine = create_async_engine(to_async_url(url))
    try:
        async with engine.connect() as conn:
            return int((await conn.execute(select(func.count()).where(things.c.name == name))).scalar_one())
    finally:
        await engine.dispose()


async def test_requests_commit_inside_and_nothing_remains_after(common_db: str, keys: TestKeys) -> None:
    app = build_app(common_db)
    name = f"rb-{uuid.uuid4().hex[:8]}"
    headers = keys.auth(roles=["tambon_committee"])
    async with app_client(app, keys) as client:
        async with rolled_back(app):
            for _ in range(2):  # two requests, each committing (a savepoint) and seeing the other's row
                r = await client.post("/v1/test/things", json={"name": name, "amount": "1.00"}, headers=headers)
                assert r.status_code == 201, r.text
            async with app.state.db.sessionmaker() as session:
                seen = (await session.execute(select(func.count()).where(things.c.name == name))).scalar_one()
            assert seen == 2
            assert await _count(common_db, name) == 0  # another connection sees nothing: not committed
        assert await _count(common_db, name) == 0  # rolled back
        r = await client.post("/v1/test/things", json={"name": name, "amount": "1.00"}, headers=headers)
        assert r.status_code == 201
    assert await _count(common_db, name) == 1  # outside it, the app commits as usual


async def test_a_failed_request_inside_rolls_back_only_itself(common_db: str, keys: TestKeys) -> None:
    app = build_app(common_db)
    headers = keys.auth(roles=["tambon_committee"])
    name = f"ok-{uuid.uuid4().hex[:8]}"
    async with app_client(app, keys) as client, rolled_back(app):
        assert (
            await client.post("/v1/test/things", json={"name": name, "amount": "1"}, headers=headers)
        ).status_code == 201
        boom = await client.post("/v1/test/things", json={"name": "boom", "amount": "1"}, headers=headers)
        assert boom.status_code == 500
        async with app.state.db.sessionmaker() as session:
            assert (await session.execute(select(func.count()).where(things.c.name == name))).scalar_one() == 1
            assert (await session.execute(select(func.count()).where(things.c.name == "boom"))).scalar_one() == 0

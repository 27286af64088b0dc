from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from common_testapp import SCHEMA, idem, outbox, things
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine
from sqlmodel import SQLModel

from phaen_common.db import to_async_url


@pytest.fixture(scope="session")
async def common_db(pg_url: str) -> AsyncIterator[str]:
    """Test-only tables of the shared library, in their own schema."""
    engine = create_async_engine(to_async_url(pg_url))
    async with engine.begin() as conn:
        await conn.execute(text(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE"))
        await conn.execute(text(f"CREATE SCHEMA {SCHEMA}"))
        await conn.run_sync(lambda c: SQLModel.metadata.create_all(c, tables=[outbox, idem, things]))
    await engine.dispose()
    yield pg_url

"""An outbox insert NOTIFYs the feed consumers' channel when its transaction commits (budget_0011)."""

from __future__ import annotations

import asyncio
import uuid

import asyncpg

from phaen_common.db import asyncpg_dsn
from phaen_common.outbox import OUTBOX_CHANNEL, notify_trigger_sql


async def test_the_budget_outbox_has_the_notify_trigger(budget_url: str) -> None:
    conn = await asyncpg.connect(asyncpg_dsn(budget_url))
    try:
        found = await conn.fetchval(
            "SELECT count(*) FROM pg_trigger WHERE tgname = 'outbox_notify' AND tgrelid = 'budget.outbox'::regclass"
        )
    finally:
        await conn.close()
    assert found == 1


async def test_an_outbox_insert_notifies_at_commit_not_before(budget_url: str) -> None:
    # The trigger the migration installs, on an outbox of a throwaway schema: the shared budget feed stays clean.
    schema = f"notify_{uuid.uuid4().hex[:8]}"
    heard: asyncio.Queue[str] = asyncio.Queue()
    listener = await asyncpg.connect(asyncpg_dsn(budget_url))
    writer = await asyncpg.connect(asyncpg_dsn(budget_url))
    try:
        await writer.execute(f'CREATE SCHEMA "{schema}"; CREATE TABLE "{schema}".outbox (id bigserial PRIMARY KEY)')
        for statement in notify_trigger_sql(schema):
            await writer.execute(statement)

        # Only this schema's notifications: other tests' commits (the live server's expiry sweep) NOTIFY too.
        def hear(_c: object, _p: object, _ch: object, payload: str) -> None:
            if payload == schema:
                heard.put_nowait(payload)

        await listener.add_listener(OUTBOX_CHANNEL, hear)
        async with writer.transaction():
            await writer.execute(f'INSERT INTO "{schema}".outbox DEFAULT VALUES')
            await writer.execute(f'INSERT INTO "{schema}".outbox DEFAULT VALUES')
            await asyncio.sleep(0.3)
            assert heard.empty()  # nothing before the commit
        assert await asyncio.wait_for(heard.get(), timeout=10) == schema
        await asyncio.sleep(0.3)
        assert heard.empty()  # one notification for the transaction, not one per row
    finally:
        await writer.execute(f'DROP SCHEMA "{schema}" CASCADE')
        await listener.close()
        await writer.close()

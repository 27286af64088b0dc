"""The hot paths' plain connections (``Database.fetchrow``/``fetch`` and ``Database.transaction``).

They replace asyncpg's pool (and, for the co-signature, the ORM session with its pre-ping) on the busiest
requests, so each promise is shown against a real PostgreSQL: a connection is reused; one lost since its last
use (PostgreSQL restarted, or the backend killed) is replaced before the caller notices; a refused block rolls
back and leaves nothing behind; a cancelled one never hands a half-used connection to the next request; a
caller who finds them all busy gets a retryable error, not a wait without end.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator

import asyncpg
import pytest

from phaen_common.db import Database, is_retryable_db_error

TABLE = f"conn_{uuid.uuid4().hex[:8]}"


@pytest.fixture
async def db(common_db: str) -> AsyncIterator[Database]:
    database = Database(common_db, pool_size=2, pool_timeout=0.3)
    async with database.transaction() as conn:
        await conn.execute(f"CREATE TABLE IF NOT EXISTS public.{TABLE} (id int PRIMARY KEY)")
    try:
        yield database
    finally:
        await database.dispose()


async def _kill(db: Database, pid: int) -> None:
    """End one backend from outside (a connection of its own), as a PostgreSQL restart would end them all."""
    conn = await asyncpg.connect(db._dsn)
    try:
        assert await conn.fetchval("SELECT pg_terminate_backend($1)", pid)
    finally:
        await conn.close()
    await asyncio.sleep(0.2)  # the backend is gone before the next use


async def _rows(db: Database) -> int:
    return int((await db.fetchrow(f"SELECT count(*) AS n FROM public.{TABLE}"))["n"])  # type: ignore[index]


async def test_a_read_reuses_its_connection(db: Database) -> None:
    first = await db.fetchrow("SELECT pg_backend_pid() AS pid")
    second = await db.fetchrow("SELECT pg_backend_pid() AS pid")
    assert first is not None and second is not None and first["pid"] == second["pid"]


async def test_reads_are_read_only(db: Database) -> None:
    with pytest.raises(asyncpg.ReadOnlySQLTransactionError):
        await db.fetchrow(f"INSERT INTO public.{TABLE} VALUES (1) RETURNING id")
    # The refused statement left the connection usable.
    assert (await db.fetchrow("SELECT 1 AS one")) is not None


async def test_a_read_on_a_connection_lost_since_its_last_use_is_sent_again_on_a_new_one(db: Database) -> None:
    before = await db.fetchrow("SELECT pg_backend_pid() AS pid")
    assert before is not None
    await _kill(db, before["pid"])
    after = await db.fetchrow("SELECT pg_backend_pid() AS pid")
    assert after is not None and after["pid"] != before["pid"]


async def test_a_transaction_commits_when_its_block_ends(db: Database) -> None:
    n = await _rows(db)
    async with db.transaction() as conn:
        await conn.execute(f"INSERT INTO public.{TABLE} VALUES ($1)", 1000 + n)
    assert await _rows(db) == n + 1


async def test_a_refused_block_rolls_back_and_its_connection_is_reused(db: Database) -> None:
    n = await _rows(db)
    pids = []
    with pytest.raises(LookupError):
        async with db.transaction() as conn:
            pids.append(await conn.fetchval("SELECT pg_backend_pid()"))
            await conn.execute(f"INSERT INTO public.{TABLE} VALUES ($1)", 2000 + n)
            raise LookupError("refused by a rule")
    assert await _rows(db) == n
    async with db.transaction() as conn:
        pids.append(await conn.fetchval("SELECT pg_backend_pid()"))
        assert not await conn.fetchval("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")
    assert pids[0] == pids[1]


async def test_the_last_statement_and_the_commit_go_in_one_message(db: Database) -> None:
    n = await _rows(db)
    pids = []
    async with db.transaction() as conn:
        pids.append(await conn.fetchval("SELECT pg_backend_pid()"))
        await conn.execute(f"INSERT INTO public.{TABLE} VALUES ($1)", 3000 + n)
        await db.commit_with(conn, f"INSERT INTO public.{TABLE} VALUES ({3001 + n})")
        assert not conn.is_in_transaction()  # committed here: the block's end sends no second COMMIT
    assert await _rows(db) == n + 2
    async with db.transaction() as conn:
        pids.append(await conn.fetchval("SELECT pg_backend_pid()"))
    assert pids[0] == pids[1]  # the connection went back for reuse


async def test_a_failing_last_statement_skips_the_commit_and_the_block_rolls_back(db: Database) -> None:
    n = await _rows(db)
    with pytest.raises(asyncpg.UniqueViolationError):
        async with db.transaction() as conn:
            await conn.execute(f"INSERT INTO public.{TABLE} VALUES ($1)", 4000 + n)
            await db.commit_with(conn, f"INSERT INTO public.{TABLE} VALUES ({4000 + n})")  # the same key again
    assert await _rows(db) == n  # nothing of the block was committed
    async with db.transaction() as conn:
        assert await conn.fetchval("SELECT 1") == 1  # and its connection is usable


async def test_a_transaction_on_a_connection_lost_since_its_last_use_begins_on_a_new_one(db: Database) -> None:
    async with db.transaction() as conn:
        pid = await conn.fetchval("SELECT pg_backend_pid()")
    await _kill(db, pid)
    n = await _rows(db)
    async with db.transaction() as conn:
        assert await conn.fetchval("SELECT pg_backend_pid()") != pid
        await conn.execute(f"INSERT INTO public.{TABLE} VALUES ($1)", 3000 + n)
    assert await _rows(db) == n + 1


async def test_a_cancelled_transaction_leaves_no_connection_half_used(db: Database) -> None:
    n = await _rows(db)
    inside = asyncio.Event()
    pids: list[int] = []

    async def slow() -> None:
        async with db.transaction() as conn:
            pids.append(await conn.fetchval("SELECT pg_backend_pid()"))
            await conn.execute(f"INSERT INTO public.{TABLE} VALUES ($1)", 4000 + n)
            inside.set()
            await conn.execute("SELECT pg_sleep(3)")

    task = asyncio.create_task(slow())
    await inside.wait()
    await asyncio.sleep(0.1)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    for _ in range(100):  # the closed connection's backend ends (at the latest after its sleep), its transaction too
        found = await db.fetchrow("SELECT count(*) AS n FROM pg_stat_activity WHERE pid = $1", pids[0])
        if found is not None and found["n"] == 0:
            break
        await asyncio.sleep(0.1)
    else:
        raise AssertionError("the cancelled transaction's backend is still there")
    assert await _rows(db) == n  # nothing of it was committed
    async with db.transaction() as conn:
        assert await conn.fetchval("SELECT pg_backend_pid()") != pids[0]


async def test_a_caller_who_finds_every_connection_busy_gets_a_retryable_error(db: Database) -> None:
    async with db.transaction(), db.transaction():  # pool_size=2: both taken
        with pytest.raises(asyncpg.TooManyConnectionsError) as refused:
            async with db.transaction():
                raise AssertionError("a third connection was handed out")
        assert is_retryable_db_error(refused.value)
    async with db.transaction() as conn:  # freed again
        assert await conn.fetchval("SELECT 1") == 1

"""The outbox feed: rolled-back events never appear; committed ones appear once, in commit order."""

from __future__ import annotations

import asyncio
import datetime as dt
import random
from decimal import Decimal

from common_testapp import outbox
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine

from phaen_common.db import to_async_url
from phaen_common.outbox import read_feed, record_event, record_events


async def drain(sm, after: int) -> tuple[list, int]:
    seen = []
    while True:
        async with sm() as s, s.begin():
            feed = await read_feed(s, outbox, after=after, limit=50)
        seen.extend(feed.items)
        after = feed.next_after
        if not feed.has_more:
            return seen, after


async def test_rollback_never_appears_and_commit_order_is_kept(common_db):
    engine = create_async_engine(to_async_url(common_db))
    sm = async_sessionmaker(engine, expire_on_commit=False)
    _, start = await drain(sm, 0)

    # A rolled-back transaction's event.
    async with sm() as s:
        await s.begin()
        await record_event(s, outbox, type="t.rolled_back", entity="t", entity_id="rb", payload={})
        await s.rollback()

    # Two transactions: A inserts first (lower id) but commits after B.
    a, b = sm(), sm()
    await a.begin()
    await b.begin()
    await record_event(a, outbox, type="t.a", entity="t", entity_id="a", payload={})
    await record_event(b, outbox, type="t.b", entity="t", entity_id="b", payload={})
    await b.commit()
    mid, cursor = await drain(sm, start)
    assert [e.type for e in mid] == ["t.b"]  # A is not committed yet: not visible, not skipped later
    await a.commit()
    await a.close()
    await b.close()
    rest, _ = await drain(sm, cursor)
    assert [e.type for e in rest] == ["t.a"]
    everything, _ = await drain(sm, start)
    assert [e.type for e in everything] == ["t.b", "t.a"]
    assert "t.rolled_back" not in {e.type for e in everything}
    await engine.dispose()


async def test_consumer_restarting_from_its_cursor_misses_nothing(common_db):
    engine = create_async_engine(to_async_url(common_db), pool_size=20)
    sm = async_sessionmaker(engine, expire_on_commit=False)
    _, start = await drain(sm, 0)
    committed: set[str] = set()
    rng = random.Random(7)

    async def writer(w: int) -> None:
        for i in range(15):
            async with sm() as s:
                await s.begin()
                key = f"w{w}-{i}"
                await record_event(s, outbox, type="t.race", entity="t", entity_id=key, payload={})
                await asyncio.sleep(rng.random() / 200)
                if rng.random() < 0.25:
                    await s.rollback()
                else:
                    await s.commit()
                    committed.add(key)

    seen: list[str] = []
    positions: list[int] = []
    done = asyncio.Event()

    async def consumer() -> None:
        cursor = start
        while True:
            finished = done.is_set()
            # A "restart" each round: only the cursor survives.
            items, cursor = await drain(sm, cursor)
            seen.extend(e.entity_id for e in items)
            positions.extend(e.pos for e in items)
            if finished:
                return
            await asyncio.sleep(0.005)

    cons = asyncio.create_task(consumer())
    await asyncio.gather(*[writer(w) for w in range(8)])
    done.set()
    await cons
    assert len(seen) == len(set(seen)), "an event was delivered twice"
    assert set(seen) == committed, "an event was missed or a rolled-back one appeared"
    assert positions == sorted(positions)
    await engine.dispose()


async def test_record_events_writes_many_in_order(common_db):
    engine = create_async_engine(to_async_url(common_db))
    sm = async_sessionmaker(engine, expire_on_commit=False)
    _, start = await drain(sm, 0)
    async with sm() as s, s.begin():
        assert await record_events(s, outbox, []) == []
        ids = await record_events(
            s,
            outbox,
            [
                ("t.many", "t", 1, {"amount": Decimal("12.50"), "on": dt.date(2024, 5, 1)}),
                ("t.many", "t", "two", {}),
                ("t.many", "t", 3, {}),
            ],
        )
    items, _ = await drain(sm, start)
    assert [e.entity_id for e in items] == ["1", "two", "3"]
    assert [e.event_id for e in items] == ids
    assert items[0].payload == {"amount": "12.50", "on": "2024-05-01"}
    await engine.dispose()


async def test_the_endpoints_plain_transaction_reads_what_the_session_reads(common_db):
    """``read_feed_on`` (the endpoint's path, ``Database.transaction``) publishes and pages exactly as
    ``read_feed`` on a session does: same events, positions, payloads, cursor and ``has_more``."""
    from phaen_common.db import Database
    from phaen_common.outbox import read_feed_on

    engine = create_async_engine(to_async_url(common_db))
    sm = async_sessionmaker(engine, expire_on_commit=False)
    db = Database(common_db)
    try:
        _, start = await drain(sm, 0)
        async with sm() as s, s.begin():
            await record_events(
                s, outbox, [("t.plain", "t", str(i), {"n": i, "amount": str(Decimal("1.10") * i)}) for i in range(7)]
            )
        async with db.transaction() as conn:  # publishes the seven, reads a first page
            first = await read_feed_on(conn, outbox, after=start, limit=5)
        async with sm() as s, s.begin():
            same = await read_feed(s, outbox, after=start, limit=5)
        assert first.model_dump() == same.model_dump()
        assert first.has_more and len(first.items) == 5
        async with db.transaction() as conn:
            rest = await read_feed_on(conn, outbox, after=first.next_after, limit=5)
        assert [e.payload["n"] for e in [*first.items, *rest.items]] == list(range(7))
        assert not rest.has_more
    finally:
        await db.dispose()
        await engine.dispose()

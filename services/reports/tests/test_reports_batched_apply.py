"""A page of events is applied in a few statements (one per table; expenses and their rollups in one), in one
transaction with the cursor: interleaved entities, duplicates and a reversal inside one page come out as the
rows say, and a page that fails half-way is rolled back whole, retried, and counted once."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import text
from test_rollups import World, rolled_and_scratch

from phaen_common.db import Database
from phaen_common.outbox import Event
from phaen_reports.feeds import consumer as consumer_module
from phaen_reports.feeds.consumer import FeedConsumer


def _again(w: World, index: int) -> None:
    """Deliver event ``index`` once more, at a later position (at-least-once delivery)."""
    old = w.source.events[index]
    w.source.events.append(Event.model_validate({**old.model_dump(), "pos": len(w.source.events) + 1}))


async def _one(db: Database, sql: str, **params: Any) -> tuple[Any, ...]:
    async with db.sessionmaker() as session:
        return tuple((await session.execute(text(sql), params)).one())


async def _line(db: Database, grant: str) -> list[tuple[Any, ...]]:
    async with db.sessionmaker() as session:
        rows = await session.execute(
            text(
                "SELECT line_no, recorded_count, recorded_amount, void_count FROM reports.expense_line_rollup "
                "WHERE grant_id = :g ORDER BY line_no"
            ),
            {"g": uuid.UUID(grant)},
        )
        return [tuple(r) for r in rows]


async def test_one_page_of_interleaved_and_repeated_events_equals_a_group_by(reports_db):
    w = World()
    w.step(("expense", 0, 0, 0, 0, 1000))  # expense 0 on line 1
    w.step(("tambon", 0, 0, 0, 0, 2))
    w.step(("expense", 1, 1, 0, 1, 2500))  # expense 1 on line 2
    _again(w, 0)  # expense 0's event delivered twice
    w.step(("expense", 0, 2, 0, 2, 700))  # expense 0 corrected onto line 3 with another amount
    w.step(("tambon", 1, 1, 1, 1, 3))
    w.step(("tambon", 0, 2, 1, 2, 5))  # tambon 0 moved to another region, district and tier
    _again(w, 2)  # expense 1's first state again, after nothing changed it
    db = Database(reports_db)
    try:
        (result,) = await FeedConsumer(db, [w.source], page_size=1000).catch_up()
        assert result.ok and result.applied == len(w.source.events)
        for name, (rolled, scratch) in (await rolled_and_scratch(db, w)).items():
            assert rolled == scratch, name
        # Expense 0's two states merge in the page: line 1 never saw it.
        assert await _line(db, w.grants[0]) == [(2, 1, Decimal("25.00"), 0), (3, 1, Decimal("7.00"), 0)]
        assert await _one(
            db, "SELECT line_no, amount FROM reports.expense WHERE id = :x", x=uuid.UUID(w.expenses[0])
        ) == (3, Decimal("7.00"))
        before = await rolled_and_scratch(db, w)
        # The whole page delivered again (a rebuild racing the poller, a crash after commit): nothing moves.
        async with db.sessionmaker() as session, session.begin():
            await session.execute(
                text("UPDATE reports.feed_cursor SET after = 0 WHERE source = :s"), {"s": w.source.name}
            )
        (again,) = await FeedConsumer(db, [w.source], page_size=1000).catch_up()
        assert again.ok and again.applied == len(w.source.events)
        assert await rolled_and_scratch(db, w) == before
    finally:
        await db.dispose()


async def test_a_reversal_in_the_same_page_leaves_a_void_and_no_amount(reports_db):
    w = World()
    w.step(("expense", 0, 0, 0, 0, 12345))
    w.step(("expense", 1, 0, 0, 0, 500))
    w.step(("void", 0, 0, 0, 0, 0))
    db = Database(reports_db)
    try:
        (result,) = await FeedConsumer(db, [w.source], page_size=1000).catch_up()
        assert result.ok and result.applied == 3
        assert await _line(db, w.grants[0]) == [(1, 1, Decimal("5.00"), 1)]
        assert await _one(db, "SELECT status FROM reports.expense WHERE id = :x", x=uuid.UUID(w.expenses[0])) == (
            "void",
        )
        for name, (rolled, scratch) in (await rolled_and_scratch(db, w)).items():
            assert rolled == scratch, name
    finally:
        await db.dispose()


async def test_a_page_failing_half_way_is_retried_whole_and_counted_once(reports_db, monkeypatch):
    w = World()
    for i in range(5):
        w.step(("expense", i, 0, 0, 0, 100 * (i + 1)))
    w.step(("tambon", 0, 0, 0, 0, 1))
    real = consumer_module.queue_deliveries
    calls = {"n": 0}

    async def fails_once(session: Any, **kw: Any) -> int:
        # Runs after the page's rows and rollups were written, in the same transaction.
        calls["n"] += 1
        if calls["n"] == 1:
            raise RuntimeError("the process died half-way through the page")
        return await real(session, **kw)

    monkeypatch.setattr(consumer_module, "queue_deliveries", fails_once)
    db = Database(reports_db)
    try:
        consumer = FeedConsumer(db, [w.source], page_size=1000)
        (failed,) = await consumer.catch_up()
        assert not failed.ok and failed.applied == 0
        assert await _line(db, w.grants[0]) == []  # nothing of the page stayed
        assert await _one(
            db, "SELECT count(*) FROM reports.expense WHERE id = ANY(:ids)", ids=[uuid.UUID(x) for x in w.expenses]
        ) == (0,)
        assert await _one(
            db, "SELECT after, last_error IS NOT NULL FROM reports.feed_cursor WHERE source = :s", s=w.source.name
        ) == (0, True)
        (retried,) = await consumer.catch_up()
        assert retried.ok and retried.applied == 6
        assert await _line(db, w.grants[0]) == [(1, 5, Decimal("15.00"), 0)]
        for name, (rolled, scratch) in (await rolled_and_scratch(db, w)).items():
            assert rolled == scratch, name
    finally:
        await db.dispose()


@pytest.mark.parametrize("page_size", [1, 3])
async def test_smaller_pages_give_the_same_rows(reports_db, page_size):
    w = World()
    for i in range(7):
        w.step(("expense", i, i, i, i, 1000 + i))
    w.step(("void", 3, 0, 0, 0, 0))
    _again(w, 1)
    db = Database(reports_db)
    try:
        (result,) = await FeedConsumer(db, [w.source], page_size=page_size).catch_up()
        assert result.ok and result.applied == len(w.source.events)
        for name, (rolled, scratch) in (await rolled_and_scratch(db, w)).items():
            assert rolled == scratch, name
    finally:
        await db.dispose()


async def test_a_database_error_half_way_through_a_page_leaves_nothing_of_it(reports_db):
    w = World()
    w.step(("expense", 0, 0, 0, 0, 4200))  # applied first (expenses come before tambons in this page)
    bad = "X" + w.tambons[0]  # seven characters: the tambon table holds six
    w.add("tambon.enrolled", "tambon", bad, {"code": bad, "region": w.regions[0], "tier": "model"})
    db = Database(reports_db)
    try:
        (result,) = await FeedConsumer(db, [w.source], page_size=1000).catch_up()
        assert not result.ok and result.applied == 0
        assert await _line(db, w.grants[0]) == []
        assert await _one(db, "SELECT count(*) FROM reports.expense WHERE id = :x", x=uuid.UUID(w.expenses[0])) == (0,)
        after, error = await _one(
            db, "SELECT after, last_error FROM reports.feed_cursor WHERE source = :s", s=w.source.name
        )
        assert after == 0 and error.startswith("applying events failed")
    finally:
        await db.dispose()

"""The feed consumer wakes on a NOTIFY instead of polling, catches up after a missed one, and idles quietly."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

import asyncpg
import pytest

from phaen_common.db import asyncpg_dsn
from phaen_common.outbox import OUTBOX_CHANNEL


@pytest.fixture(scope="module")
def reports_db(database_of_its_own: Callable[[str], str]) -> str:
    """These tests count wake-ups: their consumers LISTEN in a database no other test commits to."""
    return database_of_its_own("wakeups")


ENROLLED = ("tambon.enrolled", "tambon", "100101", {"code": "100101", "region": "central", "tier": "pilot"})


async def _until(check: Callable[[], Any], seconds: float) -> None:
    """Wait until ``check()`` is true (a bound, not a speed assertion: speed is measured in bench/)."""
    deadline = time.monotonic() + seconds
    while not await check():
        assert time.monotonic() < deadline, "not within the bound"
        await asyncio.sleep(0.05)


def _counted(source: Any) -> list[int]:
    """Count the fetches a source answers."""
    calls: list[int] = []
    fetch = source.fetch

    async def counting(*, after: int, limit: int) -> Any:
        calls.append(after)
        return await fetch(after=after, limit=limit)

    source.fetch = counting
    return calls


async def _applied(app: Any, source: str) -> int:
    from sqlalchemy import select

    from phaen_reports.projections.models import FeedCursor

    async with app.state.db.sessionmaker() as session:
        found = (
            await session.execute(select(FeedCursor.events_applied).where(FeedCursor.source == source))  # type: ignore[arg-type]
        ).scalar_one_or_none()
    return int(found or 0)


async def _notify(url: str, payload: str, times: int = 1) -> None:
    """``times`` notifications, each in its own transaction (as ``times`` commits in a row would send)."""
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        for _ in range(times):
            await conn.execute("SELECT pg_notify($1, $2)", OUTBOX_CHANNEL, payload)
    finally:
        await conn.close()


async def test_a_notification_wakes_the_consumer_its_fallback_poll_never_would(reports_app, feeds, reports_db):
    registry, budget = feeds
    calls = _counted(registry.source)
    async with reports_app([registry.source, budget.source], feed_enabled=True, feed_fallback_seconds=3600) as (
        _client,
        app,
    ):
        consumer = app.state.consumer

        async def started() -> bool:
            return bool(consumer.rounds >= 1 and consumer._listener is not None)

        await _until(started, 30)
        registry.add(*ENROLLED)
        await asyncio.sleep(1.0)
        assert await _applied(app, registry.source.name) == 0  # no poll: the fallback is an hour away
        await _notify(reports_db, "registry")

        async def applied() -> bool:
            return await _applied(app, registry.source.name) == 1

        await _until(applied, 10)
        assert len(calls) >= 2


async def test_a_missed_notification_is_caught_up_by_the_fallback_poll(reports_app, feeds):
    registry, budget = feeds
    async with reports_app([registry.source, budget.source], feed_enabled=True, feed_fallback_seconds=1) as (
        _client,
        app,
    ):
        consumer = app.state.consumer

        async def started() -> bool:
            return bool(consumer.rounds >= 1)

        await _until(started, 30)
        registry.add(*ENROLLED)  # no NOTIFY: as if the listening connection had just been lost

        async def applied() -> bool:
            return await _applied(app, registry.source.name) == 1

        await _until(applied, 15)


async def test_an_idle_consumer_fetches_nothing(reports_app, feeds):
    registry, budget = feeds
    calls = _counted(budget.source)
    async with reports_app([registry.source, budget.source], feed_enabled=True, feed_fallback_seconds=3600) as (
        _client,
        app,
    ):
        consumer = app.state.consumer

        async def started() -> bool:
            return bool(consumer.rounds >= 1 and consumer._listener is not None)

        await _until(started, 30)
        before = len(calls)
        await asyncio.sleep(1.5)  # with the old 0.5 s poll: three more fetches
        assert len(calls) == before


async def test_a_burst_of_notifications_fetches_only_the_named_source_once(reports_app, feeds, reports_db):
    registry, budget = feeds
    registry_calls, budget_calls = _counted(registry.source), _counted(budget.source)
    async with reports_app([registry.source, budget.source], feed_enabled=True, feed_fallback_seconds=3600) as (
        _client,
        app,
    ):
        consumer = app.state.consumer

        async def started() -> bool:
            return bool(consumer.rounds >= 1 and consumer._listener is not None)

        await _until(started, 30)
        rounds, budget_before, registry_before = consumer.rounds, len(budget_calls), len(registry_calls)
        registry.add(*ENROLLED)
        await _notify(reports_db, registry.source.name, times=5)  # five commits in a row

        async def applied() -> bool:
            return await _applied(app, registry.source.name) == 1

        await _until(applied, 10)
        await asyncio.sleep(0.5)
        assert len(budget_calls) == budget_before  # the budget feed was not asked
        assert consumer.rounds - rounds <= 2 and len(registry_calls) - registry_before <= 2

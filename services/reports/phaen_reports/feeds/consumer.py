"""The feed consumer: at-least-once delivery made exactly-once.

Each page of events is applied and the source's cursor advanced in one transaction, with the cursor row
locked: a crash before commit replays the page (the upserts are idempotent), a crash after it never does,
and two consumers (a rebuild and the poller, or two processes) never apply the same page twice.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, text, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from phaen_common.db import Database, is_retryable_db_error
from phaen_common.outbox import OUTBOX_CHANNEL, EventFeed
from phaen_reports import SCHEMA
from phaen_reports.feeds.source import FeedSource, FeedUnavailable
from phaen_reports.projections.apply import apply_events, driver_connection
from phaen_reports.projections.models import PROJECTION_TABLES, FeedCursor
from phaen_reports.webhooks.queue import queue_deliveries

log = logging.getLogger("phaen.reports.feeds")

_cursor = FeedCursor.__table__  # type: ignore[attr-defined]
_CURSOR_NAME = f'"{_cursor.schema}"."{_cursor.name}"'
_CURSOR_AFTER = f"SELECT after FROM {_CURSOR_NAME} WHERE source = $1"  # noqa: S608
_LOCK_CURSOR = f"SELECT after FROM {_CURSOR_NAME} WHERE source = $1 FOR UPDATE"  # noqa: S608
_MOVE_CURSOR = (
    f"UPDATE {_CURSOR_NAME} SET after = $2, events_applied = events_applied + $3, last_success_at = $4 "  # noqa: S608
    "WHERE source = $1"
)


def _discard(task: asyncio.Task[EventFeed]) -> None:
    """Drop a prefetch nobody will use (its failure, if any, is retrieved so it is not logged as lost)."""
    if task.done():
        if not task.cancelled():
            task.exception()
    else:
        task.cancel()


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass
class PollResult:
    source: str
    applied: int = 0
    ok: bool = True


class FeedConsumer:
    """Fetches every source and projects its events into the read model.

    It wakes when a source's outbox NOTIFYs ``OUTBOX_CHANNEL`` (LISTEN on a connection of its own), and
    otherwise fetches every ``fallback_seconds`` anyway, which catches up after a missed notification (a
    source in another database, a lost listening connection). Without a listening connection, or while a
    source fails, it fetches every ``poll_seconds`` as before. An idle stack makes no request and logs nothing.
    ``on_applied`` runs after a round that applied events (the webhook dispatcher's wake-up).
    """

    def __init__(
        self,
        db: Database,
        sources: Sequence[FeedSource],
        *,
        page_size: int = 1000,
        poll_seconds: float = 0.5,
        fallback_seconds: float = 30.0,
        listen: bool = True,
        on_applied: Callable[[], None] | None = None,
    ) -> None:
        self.db = db
        self.sources = list(sources)
        self.page_size = page_size
        self.poll_seconds = poll_seconds
        self.fallback_seconds = fallback_seconds
        self.listen = listen
        self.on_applied = on_applied
        self._lock = asyncio.Lock()
        self._task: asyncio.Task[None] | None = None
        self._failing: set[str] = set()  # log a source's outage once, not at every poll
        self._wake = asyncio.Event()
        self._notified: set[str] = set()  # sources named by notifications since the last round
        self._listener: Any = None  # the LISTEN connection (asyncpg), None until made
        self._listen_failed = False
        self.rounds = 0  # catch-up rounds run by the background task (tests read it)
        self._cursors_made = False

    coalesce_seconds = 0.1  # notifications this close together make one round (a burst of commits, one fetch)

    def wake(self, payload: str = "") -> None:
        """Fetch now: the source named ``payload`` has new events (any source when it names none we know)."""
        self._notified.add(payload)
        self._wake.set()

    @property
    def source_names(self) -> list[str]:
        return [s.name for s in self.sources]

    async def _ensure_cursors(self, session: AsyncSession) -> None:
        if not self.source_names:
            # An empty VALUES list would insert one row of NULLs.
            return
        await session.execute(
            insert(_cursor)
            .values([{"source": n, "after": 0} for n in self.source_names])
            .on_conflict_do_nothing(index_elements=["source"])
        )

    async def _mark_error(self, source: str, reason: str) -> None:
        async with self.db.sessionmaker() as session, session.begin():
            await session.execute(
                update(_cursor).where(_cursor.c.source == source).values(last_error_at=_now(), last_error=reason[:200])
            )

    async def _poll_source(self, source: FeedSource) -> PollResult:
        # While a page is applied, the next one is already being fetched (the producer serves it on its own
        # CPU meanwhile). It is used only if the cursor is still where that fetch started.
        ahead: list[tuple[int, asyncio.Task[EventFeed]]] = []
        try:
            return await self._poll_pages(source, ahead)
        finally:
            for _, task in ahead:
                _discard(task)

    async def _cursor_after(self, name: str) -> int:
        """Where a source's cursor is: one read on the hot-read pool (no session), the row made if missing."""
        row = await self.db.fetchrow(_CURSOR_AFTER, name)
        if row is None:
            async with self.db.sessionmaker() as session, session.begin():
                await self._ensure_cursors(session)
            return await self._cursor_after(name) if name in self.source_names else 0
        return int(row[0])

    async def _poll_pages(self, source: FeedSource, ahead: list[tuple[int, asyncio.Task[EventFeed]]]) -> PollResult:
        result = PollResult(source=source.name)
        known: int | None = None  # the cursor as this loop last committed it (no need to read it again)
        while True:
            after = known if known is not None else await self._cursor_after(source.name)
            known = None
            try:
                prefetched = ahead.pop() if ahead else None
                if prefetched is not None and prefetched[0] == after:
                    page = await prefetched[1]
                else:
                    if prefetched is not None:
                        _discard(prefetched[1])
                    page = await source.fetch(after=after, limit=self.page_size)
            except FeedUnavailable as exc:
                if source.name not in self._failing:
                    log.warning("feed %s unavailable: %s", source.name, exc)
                    self._failing.add(source.name)
                await self._mark_error(source.name, str(exc))
                result.ok = False
                return result
            if page.has_more and page.items:
                nxt = max(page.next_after, after)
                ahead.append((nxt, asyncio.create_task(source.fetch(after=nxt, limit=self.page_size))))
            try:
                async with self.db.sessionmaker() as session, session.begin():
                    conn = await driver_connection(session)  # the cursor's two statements go as plain SQL
                    locked = await conn.fetchval(_LOCK_CURSOR, source.name)
                    if locked != after:
                        continue  # another consumer applied this page meanwhile: fetch again from its cursor
                    await apply_events(session, page.items)
                    # Webhooks are queued with the cursor: never lost, never queued twice.
                    await queue_deliveries(session, source=source.name, events=page.items)
                    moved_to = max(page.next_after, after)
                    await conn.execute(_MOVE_CURSOR, source.name, moved_to, len(page.items), _now())
            except Exception as exc:
                if is_retryable_db_error(exc):
                    raise
                # Rolled back: the cursor did not move, so the page is retried on the next poll. Until
                # then the source is reported stale (with the error's type, never its SQL).
                log.error("applying %s events after %s failed: %s", source.name, after, type(exc).__name__)
                await self._mark_error(source.name, f"applying events failed: {type(exc).__name__}")
                result.ok = False
                return result
            if source.name in self._failing:
                self._failing.discard(source.name)
                log.info("feed %s is back", source.name)
            result.applied += len(page.items)
            if not page.has_more or not page.items:
                return result
            known = moved_to

    async def catch_up(self, only: set[str] | None = None) -> list[PollResult]:
        """Poll every source (or those named in ``only``) until it has nothing more; an unreachable source is
        marked, not fatal."""
        async with self._lock:
            return await self._catch_up(only)

    async def _catch_up(self, only: set[str] | None = None) -> list[PollResult]:
        if not self._cursors_made:
            # Once per process: a cursor found missing later is made again where it is read.
            async with self.db.sessionmaker() as session, session.begin():
                await self._ensure_cursors(session)
            self._cursors_made = True
        return [await self._poll_source(source) for source in self.sources if only is None or source.name in only]

    async def rebuild(self) -> list[PollResult]:
        """Empty the read model, reset every cursor to zero, and replay every feed from the start."""
        async with self._lock:
            async with self.db.sessionmaker() as session, session.begin():
                await self._ensure_cursors(session)
                await session.execute(select(_cursor.c.source).with_for_update())
                names = ", ".join(f'"{SCHEMA}"."{t.__table__.name}"' for t in PROJECTION_TABLES)  # type: ignore[attr-defined]
                await session.execute(text(f"TRUNCATE {names}"))
                await session.execute(update(_cursor).values(after=0, events_applied=0))
            return await self._catch_up()

    async def _listening(self) -> bool:
        """Make (or remake) the LISTEN connection; True while there is one."""
        if not self.listen:
            return False
        if self._listener is not None and not self._listener.is_closed():
            return True
        try:
            self._listener = await self.db.listen(OUTBOX_CHANNEL, self.wake)
        except Exception as exc:  # the database may be restarting: poll meanwhile, try again next round
            if not self._listen_failed:
                log.warning("feed notifications unavailable, polling: %s", type(exc).__name__)
                self._listen_failed = True
            self._listener = None
            return False
        if self._listen_failed:
            log.info("feed notifications back")
            self._listen_failed = False
        self._wake.set()  # events may have come while nobody listened
        return True

    async def _run(self) -> None:
        healthy = False
        self._wake.set()  # catch up at start
        while True:
            listening = await self._listening()
            wait = self.fallback_seconds if listening and healthy else self.poll_seconds
            woken = True
            try:
                await asyncio.wait_for(self._wake.wait(), timeout=wait)
                await asyncio.sleep(self.coalesce_seconds)
            except TimeoutError:
                woken = False
            self._wake.clear()  # a notification from here on wakes the next round
            names = self.source_names
            # Woken by notifications that all name sources: fetch those. Otherwise (start, fallback, polling,
            # a payload naming no source) fetch every source.
            notified, self._notified = self._notified, set()
            only = notified if woken and notified and notified <= set(names) else None
            try:
                results = await self.catch_up(only=only)
                # A source still unreachable (even one this round did not fetch) is retried at the short poll.
                healthy = all(r.ok for r in results) and not self._failing
                self.rounds += 1
                if self.on_applied is not None and any(r.applied for r in results):
                    self.on_applied()
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # the database may be restarting: keep polling, never die
                healthy = False
                log.warning("feed poll failed: %s", type(exc).__name__)

    def start(self) -> None:
        """Poll in the background (started by the app's lifespan)."""
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="reports-feed-consumer")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except asyncio.CancelledError:
                pass
            self._task = None
        if self._listener is not None:
            try:
                await self._listener.close(timeout=2)
            except Exception as exc:  # already gone: nothing to close
                log.debug("closing the feed listener: %s", type(exc).__name__)
            self._listener = None

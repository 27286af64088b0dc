"""Dependencies shared by the report routes: a read-only session (on the replica where one is configured)
and the read model's freshness."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncSession

from phaen_common.db import Database
from phaen_reports.feeds.service import Freshness, freshness


async def read_session(request: Request) -> AsyncIterator[AsyncSession]:
    """A session for reading reports: on ``PHAEN_DATABASE_READ_URL`` (a read replica) if set, else the primary.

    Nothing is committed: report routes only read. The freshness comes from the same session, so a lagging
    replica reports its own (older) ``as_of``.
    """
    db: Database = getattr(request.app.state, "read_db", None) or request.app.state.db
    async with db.sessionmaker() as session:
        yield session


ReadSessionDep = Annotated[AsyncSession, Depends(read_session)]


class ReadPath:
    """What a hot report read needs: the database it reads (the replica where one is configured), the feeds
    whose cursors make its freshness, and how old they may get."""

    def __init__(self, db: Database, sources: list[str], stale_after: float) -> None:
        self.db, self.sources, self.stale_after = db, sources, stale_after


async def read_path(request: Request) -> ReadPath:
    """The hot-read path of a report route: one statement on ``Database.fetchrow``'s pool, no session."""
    state = request.app.state
    db: Database = getattr(state, "read_db", None) or state.db
    return ReadPath(db, state.consumer.source_names, state.settings.stale_after_seconds)


ReadPathDep = Annotated[ReadPath, Depends(read_path)]


async def current_freshness(request: Request, session: ReadSessionDep) -> Freshness:
    """``as_of`` and ``stale`` of the read model, from the consumer's cursors."""
    consumer = request.app.state.consumer
    settings = request.app.state.settings
    return await freshness(session=session, sources=consumer.source_names, stale_after=settings.stale_after_seconds)


FreshDep = Annotated[Freshness, Depends(current_freshness)]

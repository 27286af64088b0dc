"""How fresh the read model is: ``as_of`` and ``stale`` for every report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from phaen_reports.projections.models import FeedCursor


class SourceStatus(BaseModel):
    """One feed's cursor and health."""

    source: str
    after: int
    events_applied: int
    last_success_at: dt.datetime | None
    last_error_at: dt.datetime | None
    last_error: str | None
    stale: bool


class Freshness(BaseModel):
    """``as_of``: the time of the last successful poll of every source (the oldest of them)."""

    as_of: dt.datetime | None
    stale: bool
    sources: list[SourceStatus]


class CursorState(NamedTuple):
    """A feed cursor's columns, as the freshness needs them (from the ORM or from a hot-read row)."""

    source: str
    after: int
    events_applied: int
    last_success_at: dt.datetime | None
    last_error_at: dt.datetime | None
    last_error: str | None


async def freshness(
    *, session: AsyncSession, sources: Sequence[str], stale_after: float, now: dt.datetime | None = None
) -> Freshness:
    """The read model's freshness; a source never polled, failing, or silent too long is stale."""
    found = (await session.execute(select(FeedCursor).where(col(FeedCursor.source).in_(list(sources))))).scalars()
    rows = [
        CursorState(r.source, r.after, r.events_applied, r.last_success_at, r.last_error_at, r.last_error)
        for r in found
    ]
    return freshness_of(rows, sources=sources, stale_after=stale_after, now=now)


def freshness_of(
    cursors: Iterable[Sequence[Any]],
    *,
    sources: Sequence[str],
    stale_after: float,
    now: dt.datetime | None = None,
) -> Freshness:
    """The freshness from the cursors' rows (``CursorState`` column order), read by whatever path."""
    now = now or dt.datetime.now(dt.UTC)
    rows = {r[0]: CursorState(*r) for r in cursors}
    out: list[SourceStatus] = []
    for name in sources:
        row = rows.get(name)
        ok_at = row.last_success_at if row else None
        err_at = row.last_error_at if row else None
        stale = ok_at is None or (err_at is not None and err_at > ok_at) or (now - ok_at).total_seconds() > stale_after
        out.append(
            SourceStatus(
                source=name,
                after=row.after if row else 0,
                events_applied=row.events_applied if row else 0,
                last_success_at=ok_at,
                last_error_at=err_at,
                last_error=row.last_error if row else None,
                stale=stale,
            )
        )
    times = [s.last_success_at for s in out]
    as_of = min(t for t in times if t is not None) if times and all(t is not None for t in times) else None
    return Freshness(as_of=as_of, stale=any(s.stale for s in out) or not out, sources=out)

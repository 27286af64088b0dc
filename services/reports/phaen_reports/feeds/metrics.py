"""The feeds' gauges for ``/metrics``: cursor position, events applied, staleness, failing (read at scrape)."""

from __future__ import annotations

import datetime as dt

from fastapi import FastAPI

from phaen_common import metrics
from phaen_reports.feeds.service import freshness


async def feed_probe(app: FastAPI) -> None:
    """Refresh the feed gauges from the consumer's cursors."""
    now = dt.datetime.now(dt.UTC)
    async with app.state.db.sessionmaker() as session:
        fresh = await freshness(
            session=session,
            sources=app.state.consumer.source_names,
            stale_after=app.state.settings.stale_after_seconds,
            now=now,
        )
    for s in fresh.sources:
        metrics.FEED_POSITION.labels(source=s.source).set(s.after)
        metrics.FEED_APPLIED.labels(source=s.source).set(s.events_applied)
        age = (now - s.last_success_at).total_seconds() if s.last_success_at else float("inf")
        metrics.REPORT_STALENESS.labels(source=s.source).set(age)
        failing = s.last_error_at is not None and (s.last_success_at is None or s.last_error_at > s.last_success_at)
        metrics.FEED_FAILING.labels(source=s.source).set(1 if failing else 0)

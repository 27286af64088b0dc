"""Dependencies shared by the report routes: the read model's freshness."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from phaen_common.db import SessionDep
from phaen_reports.feeds.service import Freshness, freshness


async def current_freshness(request: Request, session: SessionDep) -> Freshness:
    """``as_of`` and ``stale`` of the read model, from the consumer's cursors."""
    consumer = request.app.state.consumer
    settings = request.app.state.settings
    return await freshness(session=session, sources=consumer.source_names, stale_after=settings.stale_after_seconds)


FreshDep = Annotated[Freshness, Depends(current_freshness)]

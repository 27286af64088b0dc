"""``/v1/reports/feeds`` (consumer status), ``/v1/reports/rebuild`` (replay every feed) and ``/v1/asyncapi.json``."""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated, Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from phaen_common.access import ACTS_EVERYWHERE
from phaen_common.auth import Principal
from phaen_common.db import SessionDep
from phaen_common.errors import responses
from phaen_common.events.asyncapi import asyncapi_document
from phaen_common.web import require
from phaen_reports.feeds.schemas import RebuildResult, SourceRebuilt
from phaen_reports.feeds.service import Freshness
from phaen_reports.reports.deps import FreshDep, current_freshness
from phaen_reports.reports.errors import RebuildForbidden

router = APIRouter(prefix="/v1/reports", tags=["feeds"])


@router.get("/feeds", response_model=Freshness, responses=responses(401, 403))
async def feeds(fresh: FreshDep, _: Annotated[Principal, require("reports:read")]) -> Freshness:
    """Each source's cursor, last successful poll and last error; ``stale`` if any is behind."""
    return fresh


@router.post("/rebuild", response_model=RebuildResult, responses=responses(401, 403, RebuildForbidden))
async def rebuild(
    request: Request, session: SessionDep, principal: Annotated[Principal, require("reports:read")]
) -> RebuildResult:
    """Empty the read model and replay every feed from position zero (admin, secretariat)."""
    if not principal.has_role(*ACTS_EVERYWHERE):
        raise RebuildForbidden()
    consumer = request.app.state.consumer
    results = await consumer.rebuild()
    fresh = await current_freshness(request, session)
    return RebuildResult(
        sources=[SourceRebuilt(source=r.source, applied=r.applied, ok=r.ok) for r in results], freshness=fresh
    )


asyncapi_router = APIRouter(tags=["events"])


@lru_cache(maxsize=1)
def _asyncapi() -> dict[str, Any]:
    return asyncapi_document()


@asyncapi_router.get("/v1/asyncapi.json", response_model=None)
async def asyncapi() -> JSONResponse:
    """The AsyncAPI 3 document of every event (feeds and webhooks), generated from the typed models."""
    return JSONResponse(_asyncapi())

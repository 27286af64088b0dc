"""Dependencies shared by the registry's routers."""

from __future__ import annotations

import asyncio
import gc
import logging
from typing import Annotated

from fastapi import Depends, FastAPI, Request
from sqlalchemy.ext.asyncio import AsyncSession

from phaen_common.auth import Principal
from phaen_common.web import require
from phaen_registry.geography.index import GeoIndex, load_index

log = logging.getLogger("phaen.registry")


async def _build(app: FastAPI, session: AsyncSession) -> GeoIndex:
    idx = await load_index(session)
    app.state.geo_index = idx
    if not idx.empty:
        # ~10k long-lived index objects: keep the cyclic GC from re-scanning them on every full
        # collection (it doubled resolve's p99 in bench/bench_registry.py).
        gc.freeze()
    return idx


async def warm_index(app: FastAPI) -> None:
    """Build the index in the background from start-up on (the process is ready before it is built: a request
    that needs it waits for it on the lock); if the database is not ready yet, the first request builds it."""
    app.state.geo_lock = asyncio.Lock()
    app.state.geo_warming = asyncio.create_task(_warm(app), name="registry-geo-index")


async def _warm(app: FastAPI) -> None:
    async with app.state.geo_lock:
        try:
            async with app.state.db.sessionmaker() as session:
                await _build(app, session)
        except Exception as exc:  # start-up must not fail because set-up has not run yet
            log.warning("geography index not built at start-up: %s", type(exc).__name__)


async def stop_warming(app: FastAPI) -> None:
    """Stop a build still running at shutdown."""
    task: asyncio.Task[None] | None = getattr(app.state, "geo_warming", None)
    if task is not None and not task.done():
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            pass


async def geo_index(request: Request) -> GeoIndex:
    """The in-memory geography index (rebuilt on demand while the geography is not loaded).

    A session is opened only for a rebuild, so /resolve and /search take no connection from the pool.
    """
    idx: GeoIndex | None = getattr(request.app.state, "geo_index", None)
    if idx is None or idx.empty:
        lock: asyncio.Lock = request.app.state.geo_lock
        async with lock:
            idx = getattr(request.app.state, "geo_index", None)
            if idx is None or idx.empty:
                async with request.app.state.db.sessionmaker() as session:
                    idx = await _build(request.app, session)
    return idx


IndexDep = Annotated[GeoIndex, Depends(geo_index)]
Reader = Annotated[Principal, require("registry:read")]
Writer = Annotated[Principal, require("registry:write")]

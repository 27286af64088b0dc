"""Dependencies shared by the registry's routers."""

from __future__ import annotations

import asyncio
import gc
from typing import Annotated

from fastapi import Depends, Request
from phaen_common.auth import Principal
from phaen_common.db import SessionDep
from phaen_common.web import require

from phaen_registry.geography.index import GeoIndex, load_index

_lock = asyncio.Lock()


async def geo_index(request: Request, session: SessionDep) -> GeoIndex:
    """The in-memory geography index, built from the database on first use."""
    idx: GeoIndex | None = getattr(request.app.state, "geo_index", None)
    if idx is None or idx.empty:
        async with _lock:
            idx = getattr(request.app.state, "geo_index", None)
            if idx is None or idx.empty:
                idx = await load_index(session)
                request.app.state.geo_index = idx
                # ~10k long-lived index objects: keep the cyclic GC from re-scanning them on every
                # full collection (it doubled resolve's p99 in bench/bench_registry.py).
                gc.freeze()
    return idx


IndexDep = Annotated[GeoIndex, Depends(geo_index)]
Reader = Annotated[Principal, require("registry:read")]
Writer = Annotated[Principal, require("registry:write")]

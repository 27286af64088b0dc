"""The registry service app."""

from __future__ import annotations

from fastapi import APIRouter, FastAPI

from phaen_common.errors import register_thai
from phaen_common.outbox import events_router
from phaen_common.web import create_service_app
from phaen_registry.config import Settings
from phaen_registry.tables import outbox

PREFIX = "/v1/registry"

DESCRIPTION = """The registry of the 4-Region Self-Reliant Community Master Plan Network: Thailand's geography
(DOPA codes), the network's regions, tambons, villages, committees, people, facilitators and partner agencies.

Reference geography from **GeoThai** (https://github.com/GeoThai, via the `geothai` package), licensed
CC-BY-4.0. Region membership of provinces is the network's own: North 15, Central 28, Northeast 20, South 14.
"""


def _routers() -> list[APIRouter]:
    from phaen_registry.committees.router import router as committees
    from phaen_registry.facilitators.router import router as facilitators
    from phaen_registry.geography.router import router as geography
    from phaen_registry.imports.router import router as imports
    from phaen_registry.partners.router import router as partners
    from phaen_registry.people.router import router as people
    from phaen_registry.tambons.router import router as tambons

    api = APIRouter(prefix=PREFIX)
    for r in (geography, tambons, committees, people, facilitators, partners, imports):
        api.include_router(r)
    return [api, events_router(PREFIX, outbox)]


def register_thai_titles() -> None:
    """The Thai titles of the registry's error codes (asked for by the app, not by importing a module)."""
    from phaen_registry.committees import errors as committees
    from phaen_registry.facilitators import errors as facilitators
    from phaen_registry.geography import errors as geography
    from phaen_registry.imports import errors as imports
    from phaen_registry.partners import errors as partners
    from phaen_registry.people import errors as people
    from phaen_registry.tambons import errors as tambons

    register_thai(*(m.THAI for m in (committees, facilitators, geography, imports, partners, people, tambons)))


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the registry service."""
    settings = settings or Settings()
    from phaen_registry.deps import stop_warming, warm_index
    from phaen_registry.geography.fast import SubdistrictFastPath

    register_thai_titles()

    return create_service_app(
        name="registry",
        prefix=PREFIX,
        settings=settings,
        routers=_routers(),
        description=DESCRIPTION,
        on_startup=warm_index,
        on_shutdown=stop_warming,
        # The hottest read, answered before FastAPI's routing (the route stays the documented one).
        after_auth=[(SubdistrictFastPath, {})],
    )

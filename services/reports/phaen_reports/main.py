"""The reports service app."""

from __future__ import annotations

from fastapi import FastAPI

from phaen_common.outbox import events_router
from phaen_common.web import create_service_app

from phaen_reports.config import Settings
from phaen_reports.tables import outbox

PREFIX = "/v1/reports"


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the reports service."""
    settings = settings or Settings()
    routers = [events_router(PREFIX, outbox)]
    return create_service_app(name="reports", prefix=PREFIX, settings=settings, routers=routers)

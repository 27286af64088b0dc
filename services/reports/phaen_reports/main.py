"""The reports service app: the read model's consumer runs in the app's lifespan."""

from __future__ import annotations

from datetime import timedelta

import httpx
from fastapi import FastAPI

from phaen_common.db import Database
from phaen_common.errors import register_thai
from phaen_common.web import create_service_app
from phaen_reports.config import Settings
from phaen_reports.feeds.consumer import FeedConsumer
from phaen_reports.feeds.metrics import feed_probe
from phaen_reports.feeds.router import asyncapi_router
from phaen_reports.feeds.router import router as feeds_router
from phaen_reports.feeds.source import ClientCredentialsToken, FeedSource, HttpFeedSource
from phaen_reports.reconcile.router import router as reconcile_router
from phaen_reports.reports import errors as report_errors
from phaen_reports.reports.evidence import BudgetNationalIds
from phaen_reports.reports.router import router as reports_router
from phaen_reports.webhooks import errors as webhook_errors
from phaen_reports.webhooks.dispatcher import AppRevocations, Dispatcher, Policy
from phaen_reports.webhooks.router import router as webhooks_router

PREFIX = "/v1/reports"


def http_sources(settings: Settings, client: httpx.AsyncClient) -> list[FeedSource]:
    """The registry's and budget's feeds over HTTP, authenticated as the reports client."""
    tokens = ClientCredentialsToken(
        gateway_url=settings.gateway_url,
        client_id=settings.reports_client_id,
        client_secret=settings.reports_client_secret,
        client=client,
    )
    return [
        HttpFeedSource(
            name="registry", base_url=settings.registry_url, path="/v1/registry/events", tokens=tokens, client=client
        ),
        HttpFeedSource(
            name="budget", base_url=settings.budget_url, path="/v1/budget/events", tokens=tokens, client=client
        ),
    ]


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the reports service.

    Tests may set ``app.state.feed_sources`` before start-up to feed it from in-process apps or
    recorded events; otherwise it reads the feeds over HTTP.
    """
    settings = settings or Settings()
    register_thai(report_errors.THAI, webhook_errors.THAI)

    async def on_startup(app: FastAPI) -> None:
        if settings.database_read_url is not None:
            app.state.read_db = Database(
                settings.database_read_url.get_secret_value(),
                pool_size=settings.db_pool_size,
                max_overflow=settings.db_max_overflow,
                pool_timeout=settings.db_pool_timeout_seconds,
                application_name="phaen-reports-read",
            )
        sources = getattr(app.state, "feed_sources", None)
        if sources is None:
            app.state.feed_client = httpx.AsyncClient(timeout=settings.feed_timeout_seconds)
            sources = http_sources(settings, app.state.feed_client)
        app.state.consumer = FeedConsumer(
            app.state.db,
            sources,
            page_size=settings.feed_page_size,
            poll_seconds=settings.feed_poll_seconds,
            fallback_seconds=settings.feed_fallback_seconds,
            listen=settings.feed_listen,
            on_applied=lambda: app.state.dispatcher.wake(),
        )
        app.state.dispatcher = Dispatcher(
            app.state.db,
            Policy(
                timeout=timedelta(seconds=settings.webhook_timeout_seconds),
                retry_base=timedelta(seconds=settings.webhook_retry_base_seconds),
                retry_max=timedelta(seconds=settings.webhook_retry_max_seconds),
                window=timedelta(seconds=settings.webhook_retry_window_seconds),
                poll=timedelta(seconds=settings.webhook_poll_seconds),
                fallback=timedelta(seconds=settings.webhook_fallback_seconds),
                development=not settings.is_production,
            ),
            revocations=AppRevocations(app),
        )
        if settings.feed_enabled:
            app.state.consumer.start()
        if settings.webhooks_enabled:
            app.state.dispatcher.start()
        app.state.metrics_probes.append(feed_probe)
        if not hasattr(app.state, "national_ids"):
            app.state.national_ids = BudgetNationalIds(settings.budget_url)

    async def on_shutdown(app: FastAPI) -> None:
        await app.state.consumer.stop()
        await app.state.dispatcher.stop()
        read_db = getattr(app.state, "read_db", None)
        if read_db is not None:
            await read_db.dispose()
        client = getattr(app.state, "feed_client", None)
        if client is not None:
            await client.aclose()
        ids = getattr(app.state, "national_ids", None)
        if isinstance(ids, BudgetNationalIds):
            await ids.aclose()

    routers = [reports_router, reconcile_router, feeds_router, asyncapi_router, webhooks_router]
    return create_service_app(
        name="reports",
        prefix=PREFIX,
        settings=settings,
        routers=routers,
        on_startup=on_startup,
        on_shutdown=on_shutdown,
        description="Reports built from the registry's and budget's event feeds.",
        public_paths={"/v1/asyncapi.json"},
    )

"""Fixtures of the reports service: its schema migrated once, apps fed from recorded event lists."""

from __future__ import annotations

import datetime as dt
import inspect
import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from pydantic import SecretStr

from phaen_common.migrations import upgrade
from phaen_common.testing import TestKeys, app_client, rolled_back
from phaen_reports import MIGRATIONS_DIR, SCHEMA
from phaen_reports.config import Settings
from phaen_reports.feeds.source import FeedSource, ListFeedSource
from phaen_reports.main import create_app


@pytest.fixture(scope="session")
def reports_db(pg_url: str) -> str:
    """The reports schema migrated (twice: the migrations are idempotent)."""
    upgrade(MIGRATIONS_DIR, pg_url, SCHEMA)
    upgrade(MIGRATIONS_DIR, pg_url, SCHEMA)
    return pg_url


@pytest.fixture(scope="session")
def database_of_its_own(pg_url: str) -> Callable[[str], str]:
    """``database_of_its_own(prefix)``: a new database beside the run's, in the same cluster,
    with the reports schema migrated.

    For tests that must not share the run's database: a replica that holds other rows, or a LISTEN that other
    tests' commits would wake (NOTIFY reaches every listener of the database, and the budget service's live server
    sweeps expiries in the run's database the whole session)."""
    import psycopg
    from sqlalchemy.engine import make_url

    def make(prefix: str) -> str:
        name = f"{prefix}_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(pg_url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')  # a generated name, never input
        own = make_url(pg_url).set(database=name).render_as_string(hide_password=False)
        upgrade(MIGRATIONS_DIR, own, SCHEMA)
        return own

    return make


class Feed:
    """A recorded feed shaped exactly as docs/EVENTS.md describes (pos, event_id, type, entity, ...)."""

    def __init__(self, service: str) -> None:
        # Unique names: every test keeps its own cursors in the shared database.
        self.source = ListFeedSource(name=f"{service}-{uuid.uuid4().hex[:8]}", events=[])

    def add(
        self,
        type: str,
        entity: str,
        entity_id: Any,
        payload: dict[str, Any],
        occurred_at: dt.datetime | None = None,
        *,
        raw: bool = False,
    ) -> dict[str, Any]:
        """Append an event; its payload is completed and encoded through the contract unless ``raw``."""
        from phaen_common.events.samples import complete
        from phaen_common.outbox import Event

        if not raw:
            payload = complete(type, payload)
        event = {
            "pos": len(self.source.events) + 1,
            "event_id": str(uuid.uuid4()),
            "type": type,
            "entity": entity,
            "entity_id": str(entity_id),
            "occurred_at": (occurred_at or dt.datetime.now(dt.UTC)).isoformat(),
            "payload": payload,
        }
        self.source.events.append(Event.model_validate(event))
        return event


@pytest.fixture
def feeds() -> tuple[Feed, Feed]:
    return Feed("registry"), Feed("budget")


ReportsApp = Callable[..., Any]


class NoNationalIds:
    """A budget service that shows no national ID in clear (unreachable, or the caller may not see it)."""

    async def national_id(self, *, expense_id: uuid.UUID, authorization: str) -> str | None:
        return None


# A test that asks for one of these itself reaches the database through another connection (a second
# Database, psycopg, NOTIFY): that connection must see committed data, and would wait on the locks (the
# rollups' advisory lock, row locks) an open test transaction holds.
OTHER_CONNECTIONS = {"reports_db", "pg_url"}


@pytest.fixture
def reports_app(reports_db: str, keys: TestKeys, request: pytest.FixtureRequest) -> ReportsApp:
    """``async with reports_app(sources) as (client, app)``: the service fed from ``sources``, no poller
    and no webhook sender (tests drive ``app.state.consumer`` and ``app.state.dispatcher`` themselves).

    Everything the app writes is rolled back when the block ends (one transaction, a savepoint per commit), so
    no test sees another's read model. Kept committed: tests marked ``committed`` (each says why), tests that
    use another connection (OTHER_CONNECTIONS) and apps with a poller or webhook sender running."""
    asked = set(inspect.signature(request.function).parameters)
    roll_back = not (asked & OTHER_CONNECTIONS or request.node.get_closest_marker("committed"))

    @asynccontextmanager
    async def make(sources: list[FeedSource], **settings: Any) -> AsyncIterator[tuple[httpx.AsyncClient, FastAPI]]:
        options: dict[str, Any] = {
            "feed_enabled": False,
            "webhooks_enabled": False,
            "stale_after_seconds": 3600,
            **settings,
        }
        app = create_app(Settings(database_url=SecretStr(reports_db), **options))
        app.state.feed_sources = sources
        # No budget service here: a voucher's ID in clear is never found (it prints masked); tests that need
        # the budget's answer put their own in ``app.state.national_ids``.
        app.state.national_ids = NoNationalIds()
        # A running poller or webhook sender would use the test's one connection while the test does: committed.
        background = options["feed_enabled"] or options["webhooks_enabled"]
        async with app_client(app, keys) as client:
            if not roll_back or background:
                yield client, app
                return
            async with rolled_back(app):
                yield client, app

    return make

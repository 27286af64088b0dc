"""Transactional outbox and the event feed ``GET /v1/<service>/events?after=&limit=``.

Events are written in the same transaction as the change they describe, each payload validated by its
type's model in ``phaen_common.events`` (the typed contract). They get their feed position
(``pos``) only once committed, by a single publisher at a time (advisory lock), so feed order is commit
order and a consumer that restarts from its cursor misses nothing. Rolled-back events never exist.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from collections.abc import Sequence
from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field, computed_field
from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    Index,
    String,
    Table,
    func,
    insert,
    select,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import SQLModel

from phaen_common.db import DatabaseDep, jsonb_value
from phaen_common.errors import responses
from phaen_common.events import encode
from phaen_common.events.envelope import dataschema_of, source_of, subject_of
from phaen_common.web import require


def make_outbox_table(schema: str) -> Table:
    """The ``outbox`` table in a service's schema."""
    return Table(
        "outbox",
        SQLModel.metadata,
        Column("id", BigInteger, primary_key=True, autoincrement=True),
        Column("event_id", UUID(as_uuid=True), nullable=False, unique=True),
        Column("pos", BigInteger, nullable=True, unique=True),
        Column("type", String(80), nullable=False),
        Column("entity", String(60), nullable=False),
        Column("entity_id", String(80), nullable=False),
        Column("payload", JSONB, nullable=False),
        Column("occurred_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
        Column("published_at", DateTime(timezone=True), nullable=True),
        Index(None, "id", postgresql_where=text("pos IS NULL")),
        schema=schema,
    )


# Every outbox insert notifies this channel (payload: the schema) when its transaction commits; feed consumers
# LISTEN on it and fetch at once instead of polling. See ``notify_trigger_sql``.
OUTBOX_CHANNEL = "phaen_outbox"


def notify_trigger_sql(schema: str) -> list[str]:
    """Statements that make every insert into ``<schema>.outbox`` NOTIFY ``OUTBOX_CHANNEL`` (once per statement;
    PostgreSQL delivers it at commit, and folds equal notifications of one transaction into one)."""
    return [
        f"""CREATE OR REPLACE FUNCTION "{schema}".outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('{OUTBOX_CHANNEL}', '{schema}');
            RETURN NULL;
        END $$""",
        f'DROP TRIGGER IF EXISTS outbox_notify ON "{schema}".outbox',
        f'CREATE TRIGGER outbox_notify AFTER INSERT ON "{schema}".outbox '
        f'FOR EACH STATEMENT EXECUTE FUNCTION "{schema}".outbox_notify()',
    ]


def drop_notify_trigger_sql(schema: str) -> list[str]:
    """The reverse of ``notify_trigger_sql``."""
    return [
        f'DROP TRIGGER IF EXISTS outbox_notify ON "{schema}".outbox',
        f'DROP FUNCTION IF EXISTS "{schema}".outbox_notify()',
    ]


def _lock_key(schema: str) -> int:
    return int.from_bytes(hashlib.sha256(f"outbox:{schema}".encode()).digest()[:8], "big", signed=True)


async def record_event(
    session: AsyncSession, table: Table, *, type: str, entity: str, entity_id: Any, payload: dict[str, Any]
) -> uuid.UUID:
    """Write one event in the caller's transaction."""
    event_id = uuid.uuid4()
    await session.execute(
        insert(table).values(
            event_id=event_id, type=type, entity=entity, entity_id=str(entity_id), payload=encode(type, payload)
        )
    )
    return event_id


async def record_events(
    session: AsyncSession, table: Table, events: Sequence[tuple[str, str, Any, dict[str, Any]]]
) -> list[uuid.UUID]:
    """Write many events, each ``(type, entity, entity_id, payload)``, in one insert in the caller's transaction."""
    if not events:
        return []
    ids = [uuid.uuid4() for _ in events]
    rows = [
        {
            "event_id": event_id,
            "type": type,
            "entity": entity,
            "entity_id": str(entity_id),
            "payload": encode(type, payload),
        }
        for event_id, (type, entity, entity_id, payload) in zip(ids, events, strict=True)
    ]
    await session.execute(insert(table), rows)
    return ids


def _publish_sql(table: Table) -> str:
    """Give committed, unpublished events their positions after the highest, in id order (the lock held)."""
    fq = f'"{table.schema}"."{table.name}"'
    # Identifiers come from our own table definition, never from input.
    return f"""
        WITH base AS (SELECT coalesce(max(pos), 0) AS m FROM {fq}),
             pending AS (SELECT id, row_number() OVER (ORDER BY id) AS rn FROM {fq} WHERE pos IS NULL)
        UPDATE {fq} o SET pos = base.m + pending.rn, published_at = now()
        FROM pending, base WHERE o.id = pending.id
    """  # noqa: S608


async def publish_pending(session: AsyncSession, table: Table) -> int:
    """Give committed, unpublished events their feed positions, in id order. Returns how many."""
    await session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _lock_key(table.schema or "")})
    result = await session.execute(text(_publish_sql(table)))
    return int(getattr(result, "rowcount", 0) or 0)


class Event(BaseModel):
    """One event of a service's feed, with the CloudEvents 1.0 attributes (``payload`` is the ``data``)."""

    pos: int
    event_id: uuid.UUID
    type: str
    entity: str
    entity_id: str
    occurred_at: dt.datetime
    payload: dict[str, Any]
    source: str = Field("", description="CloudEvents source: the producing service, e.g. /v1/budget")

    @computed_field  # type: ignore[prop-decorator]
    @property
    def id(self) -> str:
        """CloudEvents id (the event id)."""
        return str(self.event_id)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def specversion(self) -> str:
        return "1.0"

    @computed_field  # type: ignore[prop-decorator]
    @property
    def time(self) -> dt.datetime:
        return self.occurred_at

    @computed_field  # type: ignore[prop-decorator]
    @property
    def subject(self) -> str:
        """``entity/entity_id``: events of one subject are delivered in order."""
        return subject_of(self.entity, self.entity_id)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def datacontenttype(self) -> str:
        return "application/json"

    @computed_field  # type: ignore[prop-decorator]
    @property
    def dataschema(self) -> str | None:
        """The payload's model and version (``urn:phaen:event:<type>:v<n>``); none for an untyped event."""
        return dataschema_of(self.type)


class EventFeed(BaseModel):
    items: list[Event]
    next_after: int
    has_more: bool


async def read_feed(session: AsyncSession, table: Table, *, after: int, limit: int) -> EventFeed:
    """Publish what is pending, then read events with ``pos > after`` (in the session's transaction)."""
    await publish_pending(session, table)
    rows = (
        (await session.execute(select(table).where(table.c.pos > after).order_by(table.c.pos).limit(limit + 1)))
        .mappings()
        .all()
    )
    return _feed_of(rows, table, after=after, limit=limit)


async def read_feed_on(conn: Any, table: Table, *, after: int, limit: int) -> EventFeed:
    """``read_feed`` on a plain asyncpg transaction (``Database.transaction``): the feed endpoint's path.

    The lock and the publishing step go in one round trip (the simple protocol takes both statements; the lock
    key is our own integer), then the page: ``BEGIN``, two statements, ``COMMIT``, where the ORM session took
    eight round trips with its pre-ping."""
    fq = f'"{table.schema}"."{table.name}"'
    await conn.execute(f"SELECT pg_advisory_xact_lock({_lock_key(table.schema or '')}); {_publish_sql(table)}")
    rows = await conn.fetch(
        f"SELECT pos, event_id, type, entity, entity_id, occurred_at, payload FROM {fq} "  # noqa: S608 (ours)
        "WHERE pos > $1 ORDER BY pos LIMIT $2",
        after,
        limit + 1,
    )
    return _feed_of([{**row, "payload": jsonb_value(row["payload"])} for row in rows], table, after=after, limit=limit)


def _feed_of(rows: Sequence[Any], table: Table, *, after: int, limit: int) -> EventFeed:
    has_more = len(rows) > limit
    rows = rows[:limit]
    source = source_of(table.schema or "")
    items = [
        Event(
            pos=r["pos"],
            event_id=r["event_id"],
            type=r["type"],
            entity=r["entity"],
            entity_id=r["entity_id"],
            occurred_at=r["occurred_at"],
            payload=r["payload"],
            source=source,
        )
        for r in rows
    ]
    return EventFeed(items=items, next_after=items[-1].pos if items else after, has_more=has_more)


def events_router(prefix: str, table: Table) -> APIRouter:
    """``GET {prefix}/events``: the service's event feed (scope ``events:read``)."""
    router = APIRouter(prefix=prefix, tags=["events"])

    @router.get(
        "/events",
        response_model=EventFeed,
        responses=responses(401, 403, 422),
        dependencies=[require("events:read", "audit:read")],
    )
    async def feed(
        db: DatabaseDep,
        after: Annotated[int, Query(ge=0, le=2**63 - 1, description="Last position already consumed")] = 0,
        limit: Annotated[int, Query(ge=1, le=1000)] = 500,
    ) -> EventFeed:
        """Events in commit order after the cursor ``after``."""
        async with db.transaction() as conn:
            return await read_feed_on(conn, table, after=after, limit=limit)

    return router

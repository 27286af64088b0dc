"""Write registry events to the outbox, in the caller's transaction (payloads as in docs/EVENTS.md)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from phaen_common.outbox import record_event, record_events
from phaen_registry.tables import outbox


async def emit(session: AsyncSession, *, type: str, entity: str, entity_id: Any, payload: dict[str, Any]) -> None:
    """Record one event. Payloads never carry names, national IDs or phone numbers of people."""
    await record_event(session, outbox, type=type, entity=entity, entity_id=entity_id, payload=payload)


async def emit_many(session: AsyncSession, events: list[tuple[str, str, Any, dict[str, Any]]]) -> None:
    """Record many events in one round trip (bulk import): (type, entity, entity_id, payload) each."""
    await record_events(session, outbox, events)

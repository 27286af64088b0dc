"""Queueing deliveries, in the feed consumer's transaction: one row per (subscription, event), once."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from phaen_common.events import EventData, decode
from phaen_common.events.envelope import cloud_event
from phaen_common.outbox import Event
from phaen_reports.projections import models as m
from phaen_reports.webhooks.models import WebhookDelivery, WebhookSubscription
from phaen_reports.webhooks.scope import Places, Subscriber, account_of, may_receive, project_of

_delivery = WebhookDelivery.__table__  # type: ignore[attr-defined]
_subscription = WebhookSubscription.__table__  # type: ignore[attr-defined]


async def _places(session: AsyncSession, typed: Sequence[tuple[Event, EventData]]) -> Places:
    """The banks of the accounts, and the places of the projects, these events name."""
    places = Places()
    accounts = {a for _, d in typed if (a := account_of(d)) is not None}
    if accounts:
        rows = await session.execute(
            select(col(m.Account.id), col(m.Account.bank), col(m.Account.project_id)).where(
                col(m.Account.id).in_(accounts)
            )
        )
        for aid, bank, pid in rows.all():
            places.account_bank[aid] = bank
            places.account_project[aid] = pid
    projects = {p for _, d in typed if (p := project_of(d)) is not None} | {
        p for p in places.account_project.values() if p is not None
    }
    if projects:
        rows = await session.execute(
            select(col(m.Project.id), col(m.Project.region), col(m.Project.tambon)).where(
                col(m.Project.id).in_(projects)
            )
        )
        for pid, region, tambon in rows.all():
            places.project_place[pid] = (region, str(tambon) if tambon is not None else None)
    return places


async def queue_deliveries(session: AsyncSession, *, source: str, events: Sequence[Event]) -> int:
    """Queue each event for every active subscriber that asked for it and may read it. Returns how many."""
    # Plain rows (no ORM objects): this runs with every page the consumer applies.
    subs = (await session.execute(select(_subscription).where(_subscription.c.status == "active"))).all()
    if not subs or not events:
        return 0
    wanted = {t for s in subs for t in s.events}
    typed: list[tuple[Event, EventData]] = []
    for e in events:
        if e.type in wanted and (data := decode(e.type, e.payload)) is not None:
            typed.append((e, data))
    if not typed:
        return 0
    places = await _places(session, typed)
    now = dt.datetime.now(dt.UTC)
    rows: list[dict[str, Any]] = []
    for s in subs:
        sub = Subscriber(roles=frozenset(s.roles), bank=s.bank, region=s.region, tambon=s.tambon)
        start = s.start_after.get(source)
        for e, data in typed:
            # After subscribing: by feed position where the source's cursor was known, else by time.
            before = e.pos <= int(start) if start is not None else e.occurred_at < s.created_at
            if e.type not in s.events or before or not may_receive(sub, e.type, data, places):
                continue
            body = cloud_event(
                event_id=e.event_id,
                source=e.source or f"/v1/{source}",
                type=e.type,
                subject=e.subject,
                time=e.occurred_at,
                data=e.payload,
            )
            rows.append(
                {
                    "id": uuid.uuid4(),
                    "subscription_id": s.id,
                    "event_id": e.event_id,
                    "type": e.type,
                    "subject": e.subject[:200],
                    "body": body,
                    "status": "pending",
                    "attempts": 0,
                    "next_attempt_at": now,
                    "window_from": now,
                    "created_at": now,
                }
            )
    if rows:
        await session.execute(insert(_delivery).on_conflict_do_nothing(constraint="webhook_delivery_once_key"), rows)
    return len(rows)

"""Webhook subscriptions: subscribe, read, the delivery log, redelivery, secret rotation, re-enabling."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from phaen_common.auth import Principal
from phaen_common.events import load_catalogue
from phaen_reports.projections.models import FeedCursor
from phaen_reports.webhooks import errors
from phaen_reports.webhooks.dispatcher import new_secret
from phaen_reports.webhooks.models import WebhookAttempt, WebhookDelivery, WebhookSubscription
from phaen_reports.webhooks.schemas import AttemptOut, DeliveryOut, SubscriptionIn
from phaen_reports.webhooks.scope import Subscriber
from phaen_reports.webhooks.ssrf import Refused, check_target


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


async def subscribe(
    *, session: AsyncSession, principal: Principal, data: SubscriptionIn, development: bool
) -> WebhookSubscription:
    """Subscribe to event types the caller's role may read; only events after now are delivered."""
    catalogue = load_catalogue()
    sub = Subscriber.of(principal)
    for i, type in enumerate(data.events):
        if type not in catalogue:
            raise errors.UnknownEventType(f"{type!r} is not an event type.", loc=["body", "events", i])
        if not sub.may_subscribe(type):
            raise errors.EventNotPermitted(f"Your role may not receive {type!r}.")
    try:
        await check_target(data.url, development=development)
    except Refused as exc:
        raise errors.TargetRefused(str(exc), loc=["body", "url"]) from exc
    # Wait for a page being applied (its cursor row is locked): its events are then before this subscription.
    cursors = await session.execute(select(col(FeedCursor.source), col(FeedCursor.after)).with_for_update())
    row = WebhookSubscription(
        owner=principal.sub,
        roles=sorted(principal.roles),
        bank=principal.bank,
        region=principal.region,
        province=principal.province,
        tambon=principal.tambon,
        url=data.url,
        events=list(dict.fromkeys(data.events)),
        secret=new_secret(),
        start_after={source: int(after) for source, after in cursors.all()},
        created_at=_now(),
    )
    session.add(row)
    await session.flush()
    return row


async def get_own(
    *, session: AsyncSession, principal: Principal, subscription_id: uuid.UUID, lock: bool = False
) -> WebhookSubscription:
    """The caller's subscription (admin: anyone's), or 404."""
    row = await session.get(WebhookSubscription, subscription_id, with_for_update=lock)
    if row is None or (row.owner != principal.sub and not principal.is_admin):
        raise errors.SubscriptionNotFound()
    return row


async def list_own(*, session: AsyncSession, principal: Principal) -> list[WebhookSubscription]:
    """The caller's subscriptions, oldest first (admin: all)."""
    stmt = select(WebhookSubscription).order_by(col(WebhookSubscription.created_at))
    if not principal.is_admin:
        stmt = stmt.where(col(WebhookSubscription.owner) == principal.sub)
    return list((await session.execute(stmt)).scalars())


async def deliveries(
    *, session: AsyncSession, principal: Principal, subscription_id: uuid.UUID, limit: int
) -> list[DeliveryOut]:
    """The delivery log, newest first, each with its attempts."""
    await get_own(session=session, principal=principal, subscription_id=subscription_id)
    rows = (
        (
            await session.execute(
                select(WebhookDelivery)
                .where(col(WebhookDelivery.subscription_id) == subscription_id)
                .order_by(col(WebhookDelivery.seq).desc())
                .limit(limit)
            )
        )
        .scalars()
        .all()
    )
    history: dict[uuid.UUID, list[AttemptOut]] = defaultdict(list)
    if rows:
        attempts = await session.execute(
            select(WebhookAttempt)
            .where(col(WebhookAttempt.delivery_id).in_([r.id for r in rows]))
            .order_by(col(WebhookAttempt.id))
        )
        for a in attempts.scalars():
            history[a.delivery_id].append(AttemptOut.model_validate(a, from_attributes=True))
    return [
        DeliveryOut.model_validate(
            {
                **r.model_dump(),
                "next_attempt_at": r.next_attempt_at if r.status == "pending" else None,
                "history": history[r.id],
            }
        )
        for r in rows
    ]


async def redeliver(
    *, session: AsyncSession, principal: Principal, subscription_id: uuid.UUID, delivery_id: uuid.UUID
) -> WebhookDelivery:
    """Send a delivery again now (same webhook-id: a receiver that has it already may ignore it)."""
    await get_own(session=session, principal=principal, subscription_id=subscription_id)
    row = await session.get(WebhookDelivery, delivery_id, with_for_update=True)
    if row is None or row.subscription_id != subscription_id:
        raise errors.DeliveryNotFound()
    now = _now()
    row.status, row.next_attempt_at, row.window_from, row.delivered_at = "pending", now, now, None
    session.add(row)
    await session.flush()
    return row


async def rotate_secret(
    *, session: AsyncSession, principal: Principal, subscription_id: uuid.UUID, grace_seconds: float
) -> WebhookSubscription:
    """A new secret; deliveries are signed with both until the grace period ends."""
    row = await get_own(session=session, principal=principal, subscription_id=subscription_id, lock=True)
    row.previous_secret, row.previous_secret_until = row.secret, _now() + dt.timedelta(seconds=grace_seconds)
    row.secret = new_secret()
    session.add(row)
    await session.flush()
    return row


async def enable(*, session: AsyncSession, principal: Principal, subscription_id: uuid.UUID) -> WebhookSubscription:
    """Resume a disabled subscription: its pending deliveries get a fresh retry window."""
    row = await get_own(session=session, principal=principal, subscription_id=subscription_id, lock=True)
    now = _now()
    if row.status == "disabled":
        row.status, row.disabled_at, row.disabled_reason = "active", None, None
        session.add(row)
        await session.execute(
            update(WebhookDelivery)
            .where(col(WebhookDelivery.subscription_id) == row.id, col(WebhookDelivery.status) == "pending")
            .values(window_from=now, next_attempt_at=now)
        )
        await session.flush()
    return row


async def cancel(*, session: AsyncSession, principal: Principal, subscription_id: uuid.UUID) -> WebhookSubscription:
    """Stop a subscription for good (kept, with its log: nothing is deleted)."""
    row = await get_own(session=session, principal=principal, subscription_id=subscription_id, lock=True)
    row.status, row.disabled_at, row.disabled_reason = "cancelled", _now(), "cancelled by the subscriber"
    session.add(row)
    await session.flush()
    return row

"""``/v1/webhooks``: subscribe to events, read the delivery log, redeliver, rotate the secret, re-enable."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request

from phaen_common.auth import Principal
from phaen_common.db import SessionDep
from phaen_common.errors import responses
from phaen_common.web import require
from phaen_reports.webhooks import errors
from phaen_reports.webhooks import service as svc
from phaen_reports.webhooks.models import WebhookSubscription
from phaen_reports.webhooks.schemas import (
    DeliveryLog,
    DeliveryOut,
    SecretRotated,
    SubscriptionCreated,
    SubscriptionIn,
    SubscriptionOut,
)

router = APIRouter(prefix="/v1/webhooks", tags=["webhooks"])
Subscriber = Annotated[Principal, require("budget:read", "registry:read")]
NOT_FOUND = responses(401, 403, errors.SubscriptionNotFound, 422)


def _out(row: WebhookSubscription) -> SubscriptionOut:
    return SubscriptionOut.model_validate(row, from_attributes=True)


@router.post(
    "/subscriptions",
    status_code=201,
    response_model=SubscriptionCreated,
    responses=responses(401, 403, errors.EventNotPermitted, errors.TargetRefused, errors.UnknownEventType, 422),
)
async def subscribe(
    body: SubscriptionIn, request: Request, session: SessionDep, principal: Subscriber
) -> SubscriptionCreated:
    """Subscribe a URL to event types; the answer carries the signing secret, shown this once."""
    development = not request.app.state.settings.is_production
    row = await svc.subscribe(session=session, principal=principal, data=body, development=development)
    return SubscriptionCreated.model_validate({**_out(row).model_dump(), "secret": row.secret})


@router.get("/subscriptions", response_model=list[SubscriptionOut], responses=responses(401, 403))
async def list_subscriptions(session: SessionDep, principal: Subscriber) -> list[SubscriptionOut]:
    """Your subscriptions (never their secrets)."""
    return [_out(r) for r in await svc.list_own(session=session, principal=principal)]


@router.get("/subscriptions/{subscription_id}", response_model=SubscriptionOut, responses=NOT_FOUND)
async def get_subscription(subscription_id: uuid.UUID, session: SessionDep, principal: Subscriber) -> SubscriptionOut:
    """One subscription: whether it is active, and why not."""
    return _out(await svc.get_own(session=session, principal=principal, subscription_id=subscription_id))


@router.get("/subscriptions/{subscription_id}/deliveries", response_model=DeliveryLog, responses=NOT_FOUND)
async def deliveries(
    subscription_id: uuid.UUID,
    session: SessionDep,
    principal: Subscriber,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> DeliveryLog:
    """The delivery log, newest first: each event sent, its attempts and what the receiver answered."""
    items = await svc.deliveries(session=session, principal=principal, subscription_id=subscription_id, limit=limit)
    return DeliveryLog(items=items)


@router.post(
    "/subscriptions/{subscription_id}/deliveries/{delivery_id}/redeliver",
    status_code=202,
    response_model=DeliveryOut,
    responses=responses(401, 403, errors.SubscriptionNotFound, errors.DeliveryNotFound, 422),
)
async def redeliver(
    subscription_id: uuid.UUID, delivery_id: uuid.UUID, session: SessionDep, principal: Subscriber
) -> DeliveryOut:
    """Send one delivery again, now (with the same webhook-id)."""
    row = await svc.redeliver(
        session=session, principal=principal, subscription_id=subscription_id, delivery_id=delivery_id
    )
    return DeliveryOut.model_validate({**row.model_dump(), "history": []})


@router.post("/subscriptions/{subscription_id}/secret", response_model=SecretRotated, responses=NOT_FOUND)
async def rotate_secret(
    subscription_id: uuid.UUID, request: Request, session: SessionDep, principal: Subscriber
) -> SecretRotated:
    """A new signing secret (shown once); the old one keeps signing alongside it for a grace period."""
    grace = request.app.state.settings.webhook_secret_grace_seconds
    row = await svc.rotate_secret(
        session=session, principal=principal, subscription_id=subscription_id, grace_seconds=grace
    )
    assert row.previous_secret_until is not None
    return SecretRotated(id=row.id, secret=row.secret, previous_valid_until=row.previous_secret_until)


@router.post("/subscriptions/{subscription_id}/enable", response_model=SubscriptionOut, responses=NOT_FOUND)
async def enable(subscription_id: uuid.UUID, session: SessionDep, principal: Subscriber) -> SubscriptionOut:
    """Resume a subscription disabled after failed deliveries (pending ones get a fresh 24 h)."""
    return _out(await svc.enable(session=session, principal=principal, subscription_id=subscription_id))


@router.delete("/subscriptions/{subscription_id}", response_model=SubscriptionOut, responses=NOT_FOUND)
async def cancel(subscription_id: uuid.UUID, session: SessionDep, principal: Subscriber) -> SubscriptionOut:
    """Cancel a subscription: nothing more is queued or sent (its log stays readable)."""
    return _out(await svc.cancel(session=session, principal=principal, subscription_id=subscription_id))

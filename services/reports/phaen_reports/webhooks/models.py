"""Webhook tables (schema ``reports``): subscriptions, one delivery per (subscription, event), attempts.

Deliveries are written in the feed consumer's transaction, with the cursor: an event is queued for every
subscriber exactly once (UNIQUE), and never lost between the feed and the queue. Nothing is deleted.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import BigInteger, Column, DateTime, Identity, Index, UniqueConstraint, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field, SQLModel

from phaen_reports import SCHEMA


def _ts(nullable: bool = True) -> Any:
    return Field(default=None, sa_type=DateTime(timezone=True), nullable=nullable)


def _json() -> Any:
    return Field(sa_column=Column(JSONB, nullable=False))


class WebhookSubscription(SQLModel, table=True):
    """A partner's endpoint and the events it wants; the subscriber's scope is kept with it."""

    __tablename__ = "webhook_subscription"
    __table_args__ = (Index("webhook_subscription_owner_idx", "owner"), {"schema": SCHEMA})

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    owner: str = Field(max_length=200, description="the subscriber's token subject")
    roles: list[str] = _json()
    bank: str | None = Field(default=None, max_length=100)
    region: str | None = Field(default=None, max_length=40)
    province: str | None = Field(default=None, max_length=10)
    tambon: str | None = Field(default=None, max_length=10)
    url: str = Field(max_length=2000)
    events: list[str] = _json()
    secret: str = Field(max_length=200)
    previous_secret: str | None = Field(default=None, max_length=200)
    previous_secret_until: dt.datetime | None = _ts()
    # Feed positions when subscribing (source -> pos): only later events are delivered, even on a rebuild.
    start_after: dict[str, int] = _json()
    status: str = Field(default="active", max_length=20)
    disabled_at: dt.datetime | None = _ts()
    disabled_reason: str | None = Field(default=None, max_length=500)
    created_at: dt.datetime = _ts(nullable=False)


class WebhookDelivery(SQLModel, table=True):
    """One event for one subscriber: pending until delivered, or failed after the retry window."""

    __tablename__ = "webhook_delivery"
    __table_args__ = (
        UniqueConstraint("subscription_id", "event_id", name="webhook_delivery_once_key"),
        Index("webhook_delivery_due_idx", "next_attempt_at", postgresql_where=text("status = 'pending'")),
        Index(
            "webhook_delivery_subject_idx",
            "subscription_id",
            "subject",
            "seq",
            postgresql_where=text("status = 'pending'"),
        ),
        Index("webhook_delivery_log_idx", "subscription_id", "seq"),
        {"schema": SCHEMA},
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    seq: int = Field(sa_column=Column(BigInteger, Identity(always=False), nullable=False, unique=True))
    subscription_id: uuid.UUID = Field(foreign_key=f"{SCHEMA}.webhook_subscription.id")
    event_id: uuid.UUID
    type: str = Field(max_length=80)
    subject: str = Field(max_length=200)
    body: dict[str, Any] = _json()
    status: str = Field(default="pending", max_length=20)
    attempts: int = 0
    next_attempt_at: dt.datetime = _ts(nullable=False)
    window_from: dt.datetime = _ts(nullable=False)
    last_attempt_at: dt.datetime | None = _ts()
    last_status: int | None = None
    last_error: str | None = Field(default=None, max_length=300)
    delivered_at: dt.datetime | None = _ts()
    created_at: dt.datetime = _ts(nullable=False)


class WebhookAttempt(SQLModel, table=True):
    """One try at a delivery: what the receiver answered, or why it could not."""

    __tablename__ = "webhook_attempt"
    __table_args__ = (Index("webhook_attempt_delivery_idx", "delivery_id", "id"), {"schema": SCHEMA})

    id: int | None = Field(default=None, sa_column=Column(BigInteger, Identity(always=False), primary_key=True))
    delivery_id: uuid.UUID = Field(foreign_key=f"{SCHEMA}.webhook_delivery.id")
    attempted_at: dt.datetime = _ts(nullable=False)
    status: int | None = None
    error: str | None = Field(default=None, max_length=300)
    duration_ms: int = 0

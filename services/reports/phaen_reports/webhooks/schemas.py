"""Requests and answers of ``/v1/webhooks``."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class SubscriptionIn(BaseModel):
    """Subscribe an HTTPS endpoint to event types (see ``/v1/asyncapi.json`` for them)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"url": "https://hooks.baac.example/phaen", "events": ["withdrawal.approved", "alert.raised"]}]
        },
    )

    url: str = Field(min_length=8, max_length=2000)
    events: list[str] = Field(min_length=1, max_length=100)


class SubscriptionOut(BaseModel):
    id: uuid.UUID
    url: str
    events: list[str]
    status: str = Field(description="active, or disabled after a delivery failed for the whole retry window")
    disabled_at: dt.datetime | None
    disabled_reason: str | None
    created_at: dt.datetime


class SubscriptionCreated(SubscriptionOut):
    """The new subscription and its signing secret: shown this once, keep it."""

    secret: str = Field(description="Standard Webhooks secret (whsec_...): verify webhook-signature with it")


class SecretRotated(BaseModel):
    """The new secret (shown once); the old one still signs too until ``previous_valid_until``."""

    id: uuid.UUID
    secret: str
    previous_valid_until: dt.datetime


class AttemptOut(BaseModel):
    attempted_at: dt.datetime
    status: int | None = Field(description="the receiver's HTTP status, none if it could not be reached")
    error: str | None
    duration_ms: int


class DeliveryOut(BaseModel):
    id: uuid.UUID
    event_id: uuid.UUID
    type: str
    subject: str
    status: str = Field(description="pending, delivered, or failed (after the retry window)")
    attempts: int
    next_attempt_at: dt.datetime | None
    last_status: int | None
    last_error: str | None
    delivered_at: dt.datetime | None
    created_at: dt.datetime
    history: list[AttemptOut]
    body: dict[str, Any] = Field(description="the CloudEvent as sent")


class DeliveryLog(BaseModel):
    items: list[DeliveryOut]

"""The CloudEvents 1.0 envelope, the same on the feeds and on webhooks.

``id`` is the outbox event id, ``source`` the producing service's path (``/v1/budget``), ``subject`` the
entity (``withdrawal/<uuid>``), ``time`` when it happened, ``dataschema`` the model and its version.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from phaen_common.events.base import DATACONTENTTYPE, SPECVERSION, spec_for

STRUCTURED_CONTENT_TYPE = "application/cloudevents+json"


def source_of(service: str) -> str:
    """The CloudEvents ``source`` of a service's events."""
    return f"/v1/{service}"


def subject_of(entity: str, entity_id: str) -> str:
    """The CloudEvents ``subject``: deliveries are ordered per subject."""
    return f"{entity}/{entity_id}"


def dataschema_of(type: str) -> str | None:
    spec = spec_for(type)
    return spec.dataschema if spec else None


def cloud_event(
    *, event_id: uuid.UUID | str, source: str, type: str, subject: str, time: dt.datetime, data: Any
) -> dict[str, Any]:
    """A structured-mode CloudEvent (JSON), as a webhook body carries it."""
    out: dict[str, Any] = {
        "specversion": SPECVERSION,
        "id": str(event_id),
        "source": source,
        "type": type,
        "subject": subject,
        "time": time.isoformat(),
        "datacontenttype": DATACONTENTTYPE,
    }
    schema = dataschema_of(type)
    if schema:
        out["dataschema"] = schema
    out["data"] = data
    return out

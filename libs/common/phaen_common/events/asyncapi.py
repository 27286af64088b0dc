"""The AsyncAPI 3.0 document of Phaen's events, generated from the models in this package.

Two ways to receive the same events: the feeds (``GET /v1/<service>/events``, polled) and signed webhooks
(``POST`` to the subscriber's URL). Each event type is a channel with one message whose payload is the
CloudEvents envelope around that type's model.
"""

from __future__ import annotations

from typing import Any

from pydantic.json_schema import models_json_schema

from phaen_common.events import load_catalogue
from phaen_common.events.base import SPECVERSION
from phaen_common.events.envelope import STRUCTURED_CONTENT_TYPE
from phaen_common.events.samples import example

_REF = "#/components/schemas/{model}"


def _key(type: str) -> str:
    return type.replace(".", "_")


def _envelope(type: str, source: str, data_ref: str, dataschema: str) -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["specversion", "id", "source", "type", "subject", "time", "datacontenttype", "data"],
        "properties": {
            "specversion": {"type": "string", "const": SPECVERSION},
            "id": {"type": "string", "format": "uuid", "description": "the event id (the same on every retry)"},
            "source": {"type": "string", "const": f"/v1/{source}"},
            "type": {"type": "string", "const": type},
            "subject": {"type": "string", "description": "entity/entity_id; deliveries are ordered per subject"},
            "time": {"type": "string", "format": "date-time"},
            "datacontenttype": {"type": "string", "const": "application/json"},
            "dataschema": {"type": "string", "const": dataschema},
            "data": {"$ref": data_ref},
        },
    }


WEBHOOK_HEADERS: dict[str, Any] = {
    "type": "object",
    "required": ["webhook-id", "webhook-timestamp", "webhook-signature"],
    "properties": {
        "webhook-id": {"type": "string", "description": "the event id; the same on every retry (deduplicate on it)"},
        "webhook-timestamp": {"type": "string", "description": "Unix seconds when this attempt was signed"},
        "webhook-signature": {
            "type": "string",
            "description": "Standard Webhooks: space-separated v1,<base64 HMAC-SHA256 of id.timestamp.body>",
        },
    },
}


def asyncapi_document(*, version: str = "1.0.0") -> dict[str, Any]:
    """The AsyncAPI 3.0 document for every event type in the catalogue."""
    catalogue = load_catalogue()
    specs = sorted(catalogue.values(), key=lambda s: s.type)
    _, top = models_json_schema([(s.model, "serialization") for s in specs], ref_template=_REF, title="Phaen events")
    schemas: dict[str, Any] = dict(top.get("$defs", {}))
    channels: dict[str, Any] = {}
    operations: dict[str, Any] = {}
    messages: dict[str, Any] = {}
    for spec in specs:
        key, name = _key(spec.type), spec.model.__name__
        schemas[f"{name}Event"] = _envelope(spec.type, spec.source, _REF.format(model=name), spec.dataschema)
        messages[name] = {
            "name": spec.type,
            "title": name,
            "summary": spec.summary,
            "contentType": STRUCTURED_CONTENT_TYPE,
            "headers": WEBHOOK_HEADERS,
            "payload": {"$ref": _REF.format(model=f"{name}Event")},
            "examples": [{"name": "example", "payload": _example(spec.type, spec.source, spec.model, spec.dataschema)}],
            "x-phaen-entity": spec.entity,
            "x-phaen-version": spec.version,
        }
        channels[key] = {
            "address": spec.type,
            "title": spec.type,
            "description": f"{spec.summary} Feed: GET /v1/{spec.source}/events; webhook: subscribe to {spec.type!r}.",
            "messages": {name: {"$ref": f"#/components/messages/{name}"}},
        }
        operations[f"send_{key}"] = {
            "action": "send",
            "title": f"Phaen sends {spec.type}",
            "channel": {"$ref": f"#/channels/{key}"},
            "messages": [{"$ref": f"#/channels/{key}/messages/{name}"}],
        }
    return {
        "asyncapi": "3.0.0",
        "info": {
            "title": "Phaen events",
            "version": version,
            "description": (
                "Every change in Phaen as a CloudEvents 1.0 event. Poll the feeds (GET /v1/registry/events, "
                "GET /v1/budget/events; scope events:read) or subscribe to signed webhooks (POST "
                "/v1/webhooks/subscriptions). Webhooks follow the Standard Webhooks specification: verify "
                "webhook-signature with your secret, reject old timestamps, deduplicate on webhook-id. "
                "Payloads carry the entity's full current state; fields may be added, never removed or renamed."
            ),
        },
        "defaultContentType": STRUCTURED_CONTENT_TYPE,
        "servers": {
            "webhooks": {
                "host": "your-endpoint.example",
                "protocol": "https",
                "description": "Your endpoint: Phaen POSTs each event to the URL you subscribed.",
            },
        },
        "channels": channels,
        "operations": operations,
        "components": {"schemas": schemas, "messages": messages},
    }


def _example(type: str, source: str, model: Any, dataschema: str) -> dict[str, Any]:
    return {
        "specversion": SPECVERSION,
        "id": "6f1c2b7e-0d4a-4f7b-9a55-3b1e2f9c8d10",
        "source": f"/v1/{source}",
        "type": type,
        "subject": f"{type.split('.')[0]}/6f1c2b7e-0d4a-4f7b-9a55-3b1e2f9c8d10",
        "time": "2004-01-15T10:00:00Z",
        "datacontenttype": "application/json",
        "dataschema": dataschema,
        "data": example(model),
    }

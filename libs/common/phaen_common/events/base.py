"""The event contract's machinery: a base model, the catalogue, and encoding/decoding by event type.

Each event type has one pydantic model (its CloudEvents ``data``), registered with ``@event``. Producers
encode through it when they write to the outbox (a payload that does not fit is a bug and is refused);
consumers decode through it (unknown fields from a newer producer are ignored, a payload that does not fit
is skipped and logged). Adding an event is one new class in one module of this package.
"""

from __future__ import annotations

import builtins
import datetime as dt
import logging
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, PlainSerializer, ValidationError, WithJsonSchema

from phaen_common.money import format_money, parse_money

log = logging.getLogger("phaen.events")

SPECVERSION = "1.0"
DATACONTENTTYPE = "application/json"


def _amount(value: Any) -> Decimal:
    return parse_money(value, allow_negative=True)


Amount = Annotated[
    Decimal,
    BeforeValidator(_amount),
    PlainSerializer(format_money, return_type=str, when_used="always"),
    WithJsonSchema({"type": "string", "pattern": r"^-?[0-9]{1,12}\.[0-9]{2}$", "examples": ["45000.00"]}),
]
"""Money in an event: a decimal string with exactly 2 places (signed where the model says so)."""


def _date(value: Any) -> Any:
    # Producers hand over dates and datetimes alike; a date field keeps the calendar day.
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str) and len(value) > 10 and value[4:5] == "-":
        return value[:10]
    return value


Day = Annotated[dt.date, BeforeValidator(_date)]
"""A calendar date, ISO 8601 (``2004-03-01``)."""


class EventError(ValueError):
    """A producer tried to emit a payload that does not fit its event type's model."""


class EventData(BaseModel):
    """The payload (CloudEvents ``data``) of one event type: the entity's full current state."""

    model_config = ConfigDict(extra="forbid")


@dataclass(frozen=True)
class EventSpec:
    """One event type in the catalogue."""

    type: str
    source: str  # the producing service: "registry", "budget"
    entity: str
    model: builtins.type[EventData]
    version: int
    summary: str

    @property
    def dataschema(self) -> str:
        """The CloudEvents ``dataschema``: names the model and its version."""
        return f"urn:phaen:event:{self.type}:v{self.version}"


CATALOGUE: dict[str, EventSpec] = {}

M = TypeVar("M", bound=type[EventData])


def event(type: str, *, source: str, entity: str, version: int = 1) -> Callable[[M], M]:
    """Register ``cls`` as the model of event ``type`` (its docstring's first line is the summary)."""

    def register(cls: M) -> M:
        if type in CATALOGUE and CATALOGUE[type].model is not cls:
            raise RuntimeError(f"event type {type!r} is registered twice")
        summary = (cls.__doc__ or type).strip().splitlines()[0]
        CATALOGUE[type] = EventSpec(
            type=type, source=source, entity=entity, model=cls, version=version, summary=summary
        )
        return cls

    return register


def spec_for(type: str) -> EventSpec | None:
    """The catalogue entry of ``type`` (None for a type nobody has modelled yet)."""
    from phaen_common.events import load_catalogue

    load_catalogue()
    return CATALOGUE.get(type)


_untyped_warned: set[str] = set()


def encode(type: str, payload: Mapping[str, Any] | EventData) -> dict[str, Any]:
    """The JSON payload of an event, validated by its type's model (``EventError`` if it does not fit)."""
    spec = spec_for(type)
    if spec is None:
        if type not in _untyped_warned:
            _untyped_warned.add(type)
            log.warning("event type %s has no model in phaen_common.events: add one", type)
        return _plain(payload)
    if isinstance(payload, EventData):
        if not isinstance(payload, spec.model):
            raise EventError(f"{type} takes {spec.model.__name__}, not {payload.__class__.__name__}")
        return payload.model_dump(mode="json")
    try:
        return spec.model.model_validate(dict(payload)).model_dump(mode="json")
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()[:5])
        raise EventError(
            f"{type} payload does not fit {spec.model.__name__} (phaen_common/events): {problems}"
        ) from exc


def decode(type: str, payload: Mapping[str, Any]) -> EventData | None:
    """The typed payload of an event, or None if its type is unknown or the payload does not fit.

    Fields the model does not know (a newer producer's additions) are ignored, so consumers keep working
    while producers add fields.
    """
    spec = spec_for(type)
    if spec is None:
        return None
    known = spec.model.model_fields
    try:
        return spec.model.model_validate({k: v for k, v in payload.items() if k in known})
    except ValidationError as exc:
        log.warning("skipping a %s event whose payload does not fit: %s", type, exc.error_count())
        return None


def _plain(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_plain(v) for v in value]
    if isinstance(value, Decimal):
        return format_money(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    return value

"""Complete payloads from partial ones: examples for the AsyncAPI document and test data builders.

Missing fields get neutral values by their type (None where allowed, ``false``, ``0``, ``"0.00"``, empty
lists and objects, a fresh UUID), nested models are completed the same way. Fields that are present are
kept as given, so a misspelt field still fails the model.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
import uuid
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from phaen_common.events.base import EventData, encode, spec_for

_EPOCH = dt.datetime(2004, 1, 15, 10, 0, tzinfo=dt.UTC)


def _neutral(annotation: Any, name: str = "") -> Any:
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        return None if type(None) in args else _neutral(args[0], name)
    if origin is typing.Annotated:
        return _neutral(args[0], name)
    if origin in (list, tuple, set, frozenset):
        return []
    if origin in (dict, Mapping):
        return {}
    if isinstance(annotation, type):
        if issubclass(annotation, BaseModel):
            return fill(annotation, {}, stable=bool(name))
        for kind, value in (
            (bool, False),
            (int, 0),
            (Decimal, "0.00"),
            (str, ""),
            (uuid.UUID, lambda: str(uuid.uuid5(uuid.NAMESPACE_URL, f"phaen:{name}")) if name else str(uuid.uuid4())),
            (dt.datetime, _EPOCH.isoformat()),
            (dt.date, _EPOCH.date().isoformat()),
        ):
            if issubclass(annotation, kind):
                return value() if callable(value) else value
    return None


def fill(model: type[BaseModel], partial: Mapping[str, Any], *, stable: bool = False) -> dict[str, Any]:
    """``partial`` with every missing field of ``model`` given a neutral value (nested models too).

    ``stable``: ids derived from the field names (the same document every time) instead of fresh ones.
    """
    out = dict(partial)
    for name, field in model.model_fields.items():
        annotation = field.annotation
        if name not in out:
            if field.examples:
                out[name] = field.examples[0]
            elif not field.is_required():
                continue
            else:
                out[name] = _neutral(annotation, f"{model.__name__}.{name}" if stable else "")
        elif isinstance(out[name], Mapping):
            nested = _model_in(annotation)
            if nested is not None:
                out[name] = fill(nested, out[name], stable=stable)
    return out


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def complete(type: str, partial: Mapping[str, Any]) -> dict[str, Any]:
    """The JSON payload of event ``type`` from ``partial`` (encoded through its model); untyped: as given."""
    spec = spec_for(type)
    if spec is None:
        return encode(type, partial)
    return encode(type, fill(spec.model, partial))


def example(model: type[EventData]) -> dict[str, Any]:
    """An example payload of ``model`` (field examples where declared)."""
    return model.model_validate(fill(model, {}, stable=True)).model_dump(mode="json")

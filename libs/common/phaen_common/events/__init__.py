"""The typed, versioned event contract shared by producers (registry, budget) and consumers (reports, webhooks).

One pydantic model per event type, registered in ``CATALOGUE`` by ``@event``. Every module of this package
is loaded, so adding an event type is one class in one file (a new module for a new area is fine too).
"""

from __future__ import annotations

import importlib
import pkgutil

from phaen_common.events.base import (
    CATALOGUE,
    DATACONTENTTYPE,
    SPECVERSION,
    Amount,
    Day,
    EventData,
    EventError,
    EventSpec,
    decode,
    encode,
    event,
    spec_for,
)

_MACHINERY = {"base", "envelope", "asyncapi", "samples", "contract"}
_loaded = False


def load_catalogue() -> dict[str, EventSpec]:
    """Import every event module of this package once; returns the catalogue."""
    global _loaded
    if not _loaded:
        _loaded = True
        for info in pkgutil.iter_modules(__path__):
            if info.name not in _MACHINERY:
                importlib.import_module(f"{__name__}.{info.name}")
    return CATALOGUE


__all__ = [
    "CATALOGUE",
    "DATACONTENTTYPE",
    "SPECVERSION",
    "Amount",
    "Day",
    "EventData",
    "EventError",
    "EventSpec",
    "decode",
    "encode",
    "event",
    "load_catalogue",
    "spec_for",
]

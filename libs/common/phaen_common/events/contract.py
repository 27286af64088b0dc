"""Checks for a producer's feed against the contract (used by each producer's contract test)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from pydantic import ValidationError

from phaen_common.events import load_catalogue


def contract_problems(events: Iterable[Mapping[str, Any]]) -> list[str]:
    """Every way the feed items ``events`` break the contract: untyped types, payloads that do not fit."""
    catalogue = load_catalogue()
    problems: list[str] = []
    for e in events:
        spec = catalogue.get(e["type"])
        if spec is None:
            problems.append(f"{e['type']}: no model in phaen_common.events")
            continue
        if spec.entity != e["entity"]:
            problems.append(f"{e['type']}: entity {e['entity']!r}, the contract says {spec.entity!r}")
        try:
            spec.model.model_validate(e["payload"])
        except ValidationError as exc:
            problems.append(f"{e['type']}: {exc.errors()[0]['loc']} {exc.errors()[0]['msg']}")
    return sorted(set(problems))


def types_of(source: str) -> set[str]:
    """The event types the contract attributes to the producer ``source``."""
    return {t for t, spec in load_catalogue().items() if spec.source == source}

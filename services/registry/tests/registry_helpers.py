"""Helpers for registry tests: fresh tambon codes, valid national IDs, the event feed."""

from __future__ import annotations

import random
from typing import Any

import geothai
import httpx

from phaen_registry.geography.loader import read_csv
from phaen_registry.people.ids import national_id_check_digit

R = "/v1/registry"
_SEED_CODES = {r["expected_code"] for r in read_csv("seed_tambons.csv")}
_ALL = sorted(
    s.code
    for p in geothai.provinces()
    for d in geothai.districts(p.code)
    for s in geothai.subdistricts(d.code)
    if s.code not in _SEED_CODES
)
_used: set[str] = set()


def fresh_code(prefix: str = "") -> str:
    """A subdistrict code no other test in this run has used (optionally within a province)."""
    pool = [c for c in _ALL if c.startswith(prefix) and c not in _used]
    code = random.choice(pool)
    _used.add(code)
    return code


def national_id() -> str:
    """A random 13-digit national ID with a valid check digit."""
    first12 = str(random.randint(1, 8)) + "".join(str(random.randint(0, 9)) for _ in range(11))
    return first12 + str(national_id_check_digit(first12))


async def events_for(client: httpx.AsyncClient, headers: dict[str, str], entity_id: str) -> list[dict[str, Any]]:
    """Every event in the feed about ``entity_id``, in feed order."""
    out: list[dict[str, Any]] = []
    after = 0
    while True:
        body = (await client.get(f"{R}/events", params={"after": after, "limit": 1000}, headers=headers)).json()
        out += [e for e in body["items"] if e["entity_id"] == entity_id]
        after = body["next_after"]
        if not body["has_more"]:
            return out

"""Text PostgreSQL cannot store is a 422, not a 500 (found by schemathesis: a NUL in a name or a filter)."""

from __future__ import annotations

import httpx
import pytest
from registry_helpers import R

from phaen_common.testing import TestKeys

# JSON text as a client sends it: a NUL escape, and an unpaired surrogate escape.
BAD = ['"ab\\u0000c"', '"ab\\ud800c"']


@pytest.mark.parametrize("bad", BAD)
@pytest.mark.parametrize(
    ("method", "path", "template"),
    [
        ("POST", "/zones", '{"region": "north", "name": %s}'),
        ("POST", "/people", '{"full_name": %s}'),
        ("POST", "/partners", '{"code": "NUL1", "name_th": %s, "name_en": "x", "kind": "x"}'),
        ("POST", "/committees", '{"level": "national", "name": %s}'),
    ],
)
async def test_unstorable_text_is_a_422(
    client: httpx.AsyncClient, keys: TestKeys, bad: str, method: str, path: str, template: str
) -> None:
    r = await client.request(
        method,
        R + path,
        content=(template % bad).encode(),
        headers={**keys.auth(roles=["admin"]), "Content-Type": "application/json"},
    )
    assert r.status_code == 422, r.text
    assert r.headers["content-type"] == "application/problem+json"


async def test_thai_and_emoji_text_is_still_fine(client: httpx.AsyncClient, keys: TestKeys) -> None:
    r = await client.post(
        f"{R}/zones", json={"region": "north", "name": "โซนทดสอบ 🌾"}, headers=keys.auth(roles=["admin"])
    )
    assert r.status_code == 201, r.text
    assert r.json()["name"] == "โซนทดสอบ 🌾"


async def test_a_nul_in_a_query_filter_is_a_422(client: httpx.AsyncClient, keys: TestKeys) -> None:
    r = await client.get(f"{R}/partners", params={"kind": "gov\x00ernment"}, headers=keys.auth(roles=["admin"]))
    assert r.status_code == 422, r.text
    assert r.json()["errors"][0]["loc"] == ["query", "kind"]
    r = await client.get(f"{R}/partners", params={"kind": "government"}, headers=keys.auth(roles=["admin"]))
    assert r.status_code == 200

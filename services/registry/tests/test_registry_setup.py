"""Set-up: idempotent geography loading that keeps network data; the demo seed; the OpenAPI document."""

from __future__ import annotations

import httpx
import psycopg
import pytest
from registry_helpers import R, fresh_code

from phaen_common.testing import TestKeys
from phaen_registry.geography.loader import load_geography_url
from phaen_registry.setup import load_demo_seed


async def test_reloading_geography_updates_names_and_keeps_network_data(
    client: httpx.AsyncClient, keys: TestKeys, registry_db: str
) -> None:
    code = fresh_code("65")
    sec = keys.auth(roles=["secretariat"])
    r = await client.put(
        f"{R}/tambons/{code}", json={"tier": "pilot", "villages_total": 4, "villages_with_plan": 4}, headers=sec
    )
    assert r.status_code == 201
    original = r.json()["name_th"]
    assert load_geography_url(registry_db) is False  # up to date: nothing to do
    # Simulate an older data release: a stale name; a newer geothai must restore it.
    with psycopg.connect(registry_db, autocommit=True) as conn:
        conn.execute("UPDATE registry.subdistrict SET name_th = 'ชื่อเก่า' WHERE code = %s", (code,))
    assert load_geography_url(registry_db, force=True) is True
    with psycopg.connect(registry_db) as conn:
        row = conn.execute("SELECT name_th FROM registry.subdistrict WHERE code = %s", (code,)).fetchone()
        assert row == (original,)
        assert conn.execute("SELECT count(*) FROM registry.subdistrict WHERE in_use").fetchone() == (7436,)
    r = await client.get(f"{R}/tambons/{code}", headers=sec)
    assert r.status_code == 200 and r.json()["villages_with_plan"] == 4


async def test_demo_seed_loads_once(client: httpx.AsyncClient, keys: TestKeys, registry_db: str) -> None:
    await load_demo_seed(registry_db)  # loads, or finds this seed version already loaded
    assert await load_demo_seed(registry_db) is None  # the second run skips
    h = keys.auth(roles=["partner_registry"])
    partners = (await client.get(f"{R}/partners?limit=500", headers=h)).json()
    codes = {p["code"] for p in partners["items"]}
    assert {"CODI", "DLA", "BAAC", "NESDB", "CDD", "THAIHEALTH"} <= codes
    for code in ("800405", "551404", "860412", "550403", "800708"):
        r = await client.get(f"{R}/tambons/{code}", headers=h)
        assert r.status_code == 200, code
    r = await client.get(f"{R}/partners/DLA/mous", headers=h)
    assert r.json()["total"] >= 1


def test_openapi_declares_problems_and_credits_geothai(client: httpx.AsyncClient) -> None:
    from pydantic import SecretStr

    from phaen_registry.config import Settings
    from phaen_registry.main import create_app

    spec = create_app(Settings(database_url=SecretStr("postgresql://x@/y"))).openapi()
    assert "GeoThai" in spec["info"]["description"] and "CC-BY-4.0" in spec["info"]["description"]
    for path, ops in spec["paths"].items():
        if path == "/healthz":
            continue
        for method, op in ops.items():
            assert {"401", "403"} <= set(op["responses"]), (method, path)
            for status, resp in op["responses"].items():
                if status >= "400":
                    assert "application/problem+json" in resp["content"], (method, path, status)
            if "{" in path and method == "get" and not path.endswith("/events"):
                assert "404" in op["responses"], (method, path)


@pytest.mark.parametrize(
    "path",
    [
        "/tambons/999999",
        "/committees/00000000-0000-0000-0000-000000000000",
        "/people/00000000-0000-0000-0000-000000000000",
        "/partners/NOPE",
        "/facilitators/00000000-0000-0000-0000-000000000000",
        "/zones/00000000-0000-0000-0000-000000000000",
    ],
)
async def test_unknown_ids_are_404(client: httpx.AsyncClient, keys: TestKeys, path: str) -> None:
    r = await client.get(R + path, headers=keys.auth(roles=["admin"]))
    assert r.status_code == 404 and r.headers["content-type"] == "application/problem+json"

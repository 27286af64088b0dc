"""Dates on input are YYYY-MM-DD only: no Unix times, no datetimes (found by schemathesis: 0 was 1970-01-01)."""

from __future__ import annotations

import uuid

import httpx
import pytest
from registry_helpers import R, fresh_code

from phaen_common.testing import TestKeys

NOT_DATES = [0, 1654646400, "0", "1654646400", "2004-03-11T00:00:00", 2004.5, True, "11/03/2004"]


@pytest.mark.parametrize("value", NOT_DATES)
async def test_mou_and_tambon_dates_refuse_what_is_not_a_calendar_date(
    client: httpx.AsyncClient, keys: TestKeys, value: object
) -> None:
    sec = keys.auth(roles=["secretariat"])
    code = f"D{uuid.uuid4().hex[:10]}"
    r = await client.post(
        f"{R}/partners", json={"code": code, "name_th": "x", "name_en": "x", "kind": "x"}, headers=sec
    )
    assert r.status_code == 201, r.text
    r = await client.post(
        f"{R}/partners/{code}/mous", json={"title": "MOU", "scope": "x", "starts_on": value}, headers=sec
    )
    assert r.status_code == 422, r.text
    assert r.json()["errors"][0]["loc"] == ["body", "starts_on"]
    tambon = fresh_code("55")
    r = await client.put(
        f"{R}/tambons/{tambon}",
        json={"tier": "pilot", "joined_on": value, "villages_total": 10, "villages_with_plan": 8},
        headers=sec,
    )
    assert r.status_code == 422, r.text
    assert r.json()["errors"][0]["loc"] == ["body", "joined_on"]
    assert (await client.get(f"{R}/partners/{code}/mous", headers=sec)).json()["total"] == 0


async def test_an_iso_date_is_still_taken(client: httpx.AsyncClient, keys: TestKeys) -> None:
    sec = keys.auth(roles=["secretariat"])
    code = f"D{uuid.uuid4().hex[:10]}"
    await client.post(f"{R}/partners", json={"code": code, "name_th": "x", "name_en": "x", "kind": "x"}, headers=sec)
    r = await client.post(
        f"{R}/partners/{code}/mous", json={"title": "MOU", "scope": "x", "starts_on": "2004-03-11"}, headers=sec
    )
    assert r.status_code == 201 and r.json()["starts_on"] == "2004-03-11"

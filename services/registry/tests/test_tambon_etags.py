"""Tambon enrolment is protected against lost updates: ETag on GET and PUT, If-Match on update (428, 412)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import httpx
import pytest
from pydantic import SecretStr
from registry_helpers import R, fresh_code

from phaen_common.testing import TestKeys, app_client


@pytest.fixture(scope="module")
async def committing(registry_db: str, keys: TestKeys) -> AsyncIterator[httpx.AsyncClient]:
    """A registry app of its own whose requests really commit (the shared ``client`` runs each test inside one
    rolled-back transaction, where concurrent requests cannot wait on each other's row locks)."""
    from phaen_registry.config import Settings
    from phaen_registry.main import create_app

    async with app_client(create_app(Settings(database_url=SecretStr(registry_db))), keys) as c:
        yield c


def body(**kw: object) -> dict[str, object]:
    return {"tier": "pilot", "joined_on": "2003-10-01", "villages_total": 10, "villages_with_plan": 8, **kw}


async def enrol(client: httpx.AsyncClient, keys: TestKeys) -> tuple[str, str]:
    code = fresh_code("57")
    r = await client.put(f"{R}/tambons/{code}", json=body(), headers=keys.auth(roles=["secretariat"]))
    assert r.status_code == 201, r.text
    return code, r.headers["etag"]


async def test_get_answers_the_etag_of_the_last_write_and_304_while_current(
    client: httpx.AsyncClient, keys: TestKeys
) -> None:
    code, etag = await enrol(client, keys)
    reader = keys.auth(roles=["auditor"])
    r = await client.get(f"{R}/tambons/{code}", headers=reader)
    assert r.status_code == 200 and r.headers["etag"] == etag
    assert r.headers["cache-control"] == "no-store"  # personal data: no cache keeps it
    r = await client.get(f"{R}/tambons/{code}", headers={**reader, "If-None-Match": etag})
    assert r.status_code == 304 and r.content == b"" and r.headers["etag"] == etag
    r = await client.get(f"{R}/tambons/{code}", headers={**reader, "If-None-Match": '"something-else"'})
    assert r.status_code == 200 and r.json()["code"] == code


async def test_update_without_if_match_is_428_and_changes_nothing(client: httpx.AsyncClient, keys: TestKeys) -> None:
    code, etag = await enrol(client, keys)
    sec = keys.auth(roles=["secretariat"])
    r = await client.put(f"{R}/tambons/{code}", json=body(tier="model"), headers={**sec, "Accept-Language": "th"})
    assert r.status_code == 428 and r.json()["code"] == "precondition_required"
    assert r.json()["title"] == "ต้องส่ง If-Match พร้อม ETag ล่าสุด"
    got = await client.get(f"{R}/tambons/{code}", headers=sec)
    assert got.json()["tier"] == "pilot" and got.headers["etag"] == etag


async def test_update_from_a_stale_copy_is_412(client: httpx.AsyncClient, keys: TestKeys) -> None:
    code, first = await enrol(client, keys)
    sec = keys.auth(roles=["secretariat"])
    r = await client.put(f"{R}/tambons/{code}", json=body(villages_with_plan=9), headers={**sec, "If-Match": first})
    assert r.status_code == 200, r.text
    second = r.headers["etag"]
    assert second != first
    r = await client.put(f"{R}/tambons/{code}", json=body(tier="model"), headers={**sec, "If-Match": first})
    assert r.status_code == 412 and r.json()["code"] == "precondition_failed"
    r = await client.put(f"{R}/tambons/{code}", json=body(tier="model"), headers={**sec, "If-Match": f"W/{second}"})
    assert r.status_code == 412  # If-Match compares strongly
    r = await client.put(f"{R}/tambons/{code}", json=body(tier="model"), headers={**sec, "If-Match": second})
    assert r.status_code == 200 and r.json()["tier"] == "model"


async def test_two_editors_with_the_same_copy_one_wins(committing: httpx.AsyncClient, keys: TestKeys) -> None:
    client = committing
    code, etag = await enrol(client, keys)
    sec = keys.auth(roles=["secretariat"])
    answers = await asyncio.gather(
        *(
            client.put(f"{R}/tambons/{code}", json=body(villages_total=20 + i), headers={**sec, "If-Match": etag})
            for i in range(6)
        )
    )
    statuses = sorted(a.status_code for a in answers)
    assert statuses == [200, 412, 412, 412, 412, 412], [a.text for a in answers]
    winner = next(a for a in answers if a.status_code == 200).json()
    assert (await client.get(f"{R}/tambons/{code}", headers=sec)).json()["villages_total"] == winner["villages_total"]
    hist = (await client.get(f"{R}/tambons/{code}/history", headers=sec)).json()
    assert len(hist["items"]) == 1  # the enrolment; no tier change was written twice


async def test_first_enrolment_needs_no_if_match_but_refuses_a_tag(client: httpx.AsyncClient, keys: TestKeys) -> None:
    sec = keys.auth(roles=["secretariat"])
    r = await client.put(f"{R}/tambons/{fresh_code('57')}", json=body(), headers={**sec, "If-Match": '"abc"'})
    assert r.status_code == 412
    r = await client.put(f"{R}/tambons/{fresh_code('57')}", json=body(), headers={**sec, "If-Match": "*"})
    assert r.status_code == 201

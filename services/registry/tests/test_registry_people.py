"""People: national ID check digit, masking by role, regional scope, no personal data in events or logs."""

from __future__ import annotations

import logging

import httpx
import pytest
from registry_helpers import R, events_for, fresh_code, national_id

from phaen_common.testing import TestKeys


async def _person(client: httpx.AsyncClient, keys: TestKeys, tambon: str | None, **kw: str) -> dict:
    r = await client.post(
        f"{R}/people",
        json={
            "full_name": "นางสาวทดสอบ ใจดี",
            "national_id": national_id(),
            "phone": "081-234-5678",
            "tambon": tambon,
            **kw,
        },
        headers=keys.auth(roles=["secretariat"]),
    )
    assert r.status_code == 201, r.text
    return r.json()


def test_check_digit_formula() -> None:
    from phaen_registry.people.ids import clean_national_id, national_id_check_digit

    # By hand: 3*13 + 1*12 + 6*9 = 105; 105 mod 11 = 6; (11 - 6) mod 10 = 5.
    assert national_id_check_digit("310060000000") == 5
    # 1*13 + 1*12 + 1*10 + 7*9 + 2*6 + 3*4 + 5*2 = 132; 132 mod 11 = 0; (11 - 0) mod 10 = 1.
    assert national_id_check_digit("110170020305") == 1
    assert clean_national_id("1-1017-00203-05-1") == "1101700203051"
    with pytest.raises(ValueError):
        clean_national_id("1101700203056")


@pytest.mark.parametrize("bad", ["1101700203056", "110170020305", "11017002030566", "abcdefghijklm"])
async def test_bad_national_id_is_422_and_not_echoed(client: httpx.AsyncClient, keys: TestKeys, bad: str) -> None:
    r = await client.post(
        f"{R}/people", json={"full_name": "x", "national_id": bad}, headers=keys.auth(roles=["secretariat"])
    )
    assert r.status_code == 422
    assert r.json()["errors"][0]["loc"][-1] == "national_id"
    assert bad not in r.text


async def test_masking_by_role(client: httpx.AsyncClient, keys: TestKeys) -> None:
    nid = national_id()
    p = await _person(client, keys, fresh_code("50"), national_id=nid)
    assert p["national_id"] == nid and p["phone"] == "0812345678" and p["masked"] is False
    for roles in (["admin"], ["secretariat"], ["auditor"]):
        r = await client.get(f"{R}/people/{p['id']}", headers=keys.auth(roles=roles))
        assert r.json()["national_id"] == nid, roles
    for roles, claims in (
        (["partner_registry"], {}),
        (["national_committee"], {}),
        (["regional_committee"], {"region": "north"}),
    ):
        r = await client.get(f"{R}/people/{p['id']}", headers=keys.auth(roles=roles, **claims))
        assert r.status_code == 200, roles
        body = r.json()
        assert body["national_id"] == "*********" + nid[-4:] and body["phone"] == "******5678", roles
        assert body["masked"] is True and nid not in r.text
    r = await client.get(f"{R}/people", params={"tambon": p["tambon"]}, headers=keys.auth(roles=["partner_registry"]))
    assert r.json()["items"][0]["national_id"].endswith(nid[-4:]) and nid not in r.text


async def test_regional_committee_sees_only_its_region(client: httpx.AsyncClient, keys: TestKeys) -> None:
    north = await _person(client, keys, fresh_code("55"))
    south = await _person(client, keys, fresh_code("80"))
    nowhere = await _person(client, keys, None)
    reg_north = keys.auth(roles=["regional_committee"], region="north")
    assert (await client.get(f"{R}/people/{north['id']}", headers=reg_north)).status_code == 200
    for other in (south, nowhere):
        r = await client.get(f"{R}/people/{other['id']}", headers=reg_north)
        assert r.status_code == 404 and r.json()["code"] == "person_not_found"
    listed = (await client.get(f"{R}/people?limit=500", headers=reg_north)).json()
    assert all(p["region"] == "north" for p in listed["items"]) and listed["total"] >= 1
    # Without its region claim a regional committee token sees nothing (fail closed).
    r = await client.get(f"{R}/people/{north['id']}", headers=keys.auth(roles=["regional_committee"]))
    assert r.status_code == 404
    tambon = keys.auth(roles=["tambon_committee"], tambon=south["tambon"])
    assert (await client.get(f"{R}/people/{south['id']}", headers=tambon)).status_code == 200
    assert (await client.get(f"{R}/people/{north['id']}", headers=tambon)).status_code == 404


async def test_duplicate_id_update_and_events_without_personal_data(
    client: httpx.AsyncClient, keys: TestKeys, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    nid = national_id()
    p = await _person(client, keys, fresh_code("80"), national_id=nid, phone="+66 89 999 1234")
    assert p["phone"] == "0899991234" and p["region"] == "south"
    r = await client.post(
        f"{R}/people", json={"full_name": "อีกคน", "national_id": nid}, headers=keys.auth(roles=["secretariat"])
    )
    assert r.status_code == 409 and r.json()["code"] == "duplicate_national_id" and nid not in r.text
    new_tambon = fresh_code("55")
    r = await client.patch(
        f"{R}/people/{p['id']}", json={"tambon": new_tambon, "phone": None}, headers=keys.auth(roles=["admin"])
    )
    assert r.status_code == 200 and r.json()["region"] == "north" and r.json()["phone"] is None
    assert r.json()["national_id"] == nid
    r = await client.patch(f"{R}/people/{p['id']}", json={"tambon": "999999"}, headers=keys.auth(roles=["admin"]))
    assert r.status_code == 422 and r.json()["code"] == "unknown_tambon"
    events = await events_for(client, keys.auth(roles=["admin"]), p["id"])
    assert [e["type"] for e in events] == ["person.created", "person.updated"]
    for e in events:
        assert set(e["payload"]) == {"id", "tambon", "region"}
    assert events[1]["payload"] == {"id": p["id"], "tambon": new_tambon, "region": "north"}
    for record in caplog.records:
        line = record.getMessage() + str(record.__dict__)
        assert nid not in line and "0899991234" not in line and "999 1234" not in line


async def test_people_writes_and_reads_need_scopes(client: httpx.AsyncClient, keys: TestKeys) -> None:
    r = await client.post(f"{R}/people", json={"full_name": "x"}, headers=keys.auth(roles=["auditor"]))
    assert r.status_code == 403
    r = await client.get(f"{R}/people", headers=keys.auth(roles=["signatory"]))
    assert r.status_code == 403

"""Committees, members, zones; regional scope; facilitators; partners and MOUs."""

from __future__ import annotations

import httpx
from registry_helpers import R, events_for, fresh_code

from phaen_common.testing import TestKeys


async def _committee(client: httpx.AsyncClient, keys: TestKeys, **body: object) -> dict:
    r = await client.post(f"{R}/committees", json=body, headers=keys.auth(roles=["secretariat"], sub="sec-1"))
    assert r.status_code == 201, r.text
    return r.json()


async def test_levels_place_committees(client: httpx.AsyncClient, keys: TestKeys) -> None:
    tambon = fresh_code("48")
    c = await _committee(client, keys, level="tambon", tambon=tambon, name="คณะทำงานแผนแม่บทชุมชนตำบล")
    assert (c["region"], c["province"], c["tambon"]) == ("northeast", "48", tambon)
    c = await _committee(client, keys, level="provincial", province="93", name="คณะประสานงานจังหวัดพัทลุง")
    assert (c["region"], c["province"]) == ("south", "93")
    c = await _committee(client, keys, level="national", name="คณะประสานงานระดับชาติ")
    assert c["region"] is None
    sec = keys.auth(roles=["secretariat"])
    for bad in (
        {"level": "regional", "name": "x"},
        {"level": "national", "region": "north", "name": "x"},
        {"level": "provincial", "province": "93", "region": "north", "name": "x"},
        {"level": "tambon", "tambon": "999999", "name": "x"},
    ):
        r = await client.post(f"{R}/committees", json=bad, headers=sec)
        assert r.status_code == 422, bad


async def test_members_roles_terms(client: httpx.AsyncClient, keys: TestKeys) -> None:
    c = await _committee(client, keys, level="regional", region="central", name="คณะประสานงานภาคกลาง")
    p = (
        await client.post(f"{R}/people", json={"full_name": "นายสำรวจ มีสมชัย"}, headers=keys.auth(roles=["secretariat"]))
    ).json()
    sec = keys.auth(roles=["secretariat"])
    r = await client.post(
        f"{R}/committees/{c['id']}/members",
        json={"person_id": p["id"], "role": "chair", "term_start": "2003-10-01"},
        headers=sec,
    )
    assert r.status_code == 201, r.text
    assert r.json()["role"] == "chair" and r.json()["current"] is True
    r = await client.post(
        f"{R}/committees/{c['id']}/members", json={"person_id": p["id"], "role": "member"}, headers=sec
    )
    assert r.status_code == 409 and r.json()["code"] == "already_member"
    # A past term is history, not a clash.
    r = await client.post(
        f"{R}/committees/{c['id']}/members",
        json={"person_id": p["id"], "role": "finance", "term_start": "2001-01-01", "term_end": "2002-12-31"},
        headers=sec,
    )
    assert r.status_code == 201 and r.json()["current"] is False
    r = await client.post(
        f"{R}/committees/{c['id']}/members", json={"user_id": "user-42", "role": "secretary"}, headers=sec
    )
    assert r.status_code == 201
    for bad in (
        {"role": "member"},
        {"user_id": "u", "role": "king"},
        {"user_id": "u", "role": "member", "term_start": "2005-01-01", "term_end": "2004-01-01"},
        {"person_id": "00000000-0000-0000-0000-000000000000", "role": "member"},
    ):
        r = await client.post(f"{R}/committees/{c['id']}/members", json=bad, headers=sec)
        assert r.status_code == 422, bad
    r = await client.get(f"{R}/committees/{c['id']}", headers=keys.auth(roles=["auditor"]))
    assert [m["role"] for m in r.json()["members"]] == ["chair", "finance", "secretary"]
    member_id = r.json()["members"][0]["id"]
    r = await client.get(f"{R}/committees/{c['id']}/members/{member_id}", headers=keys.auth(roles=["auditor"]))
    assert r.status_code == 200 and r.json()["role"] == "chair"
    events = await events_for(client, keys.auth(roles=["admin"]), c["id"])
    assert [e["type"] for e in events] == ["committee.created"] + ["committee.member_added"] * 3
    member = events[1]["payload"]["member"]
    assert member["person_id"] == p["id"] and "full_name" not in str(events)
    assert "นายสำรวจ" not in str(events)


async def test_regional_committee_reads_only_its_region(client: httpx.AsyncClient, keys: TestKeys) -> None:
    north = await _committee(client, keys, level="regional", region="north", name="คณะประสานงานภาคเหนือ")
    south = await _committee(client, keys, level="provincial", province="80", name="คณะประสานงานจังหวัด")
    reg = keys.auth(roles=["regional_committee"], region="north")
    assert (await client.get(f"{R}/committees/{north['id']}", headers=reg)).status_code == 200
    r = await client.get(f"{R}/committees/{south['id']}", headers=reg)
    assert r.status_code == 404 and r.json()["code"] == "committee_not_found"
    assert (await client.get(f"{R}/committees/{south['id']}/members", headers=reg)).status_code == 404
    listed = (await client.get(f"{R}/committees?limit=500", headers=reg)).json()
    assert {c["region"] for c in listed["items"]} == {"north"}
    assert (
        await client.get(f"{R}/committees/{south['id']}", headers=keys.auth(roles=["partner_registry"]))
    ).status_code == 200
    r = await client.post(f"{R}/committees", json={"level": "national", "name": "x"}, headers=reg)
    assert r.status_code == 403


async def test_zones(client: httpx.AsyncClient, keys: TestKeys) -> None:
    sec = keys.auth(roles=["secretariat"])
    r = await client.post(
        f"{R}/zones", json={"region": "south", "name": "โซนอ่าวไทย", "provinces": ["80", "86"]}, headers=sec
    )
    assert r.status_code == 201
    zone = r.json()
    r = await client.post(f"{R}/zones", json={"region": "south", "name": "x", "provinces": ["55"]}, headers=sec)
    assert r.status_code == 422
    c = await _committee(client, keys, level="regional", region="south", name="ผู้ประสานงานโซน", zone_id=zone["id"])
    assert c["zone_id"] == zone["id"]
    r = await client.post(
        f"{R}/committees",
        json={"level": "regional", "region": "north", "name": "x", "zone_id": zone["id"]},
        headers=sec,
    )
    assert r.status_code == 422
    r = await client.get(f"{R}/zones?region=south", headers=keys.auth(roles=["auditor"]))
    assert zone["id"] in {z["id"] for z in r.json()["items"]}
    assert (await client.get(f"{R}/zones/{zone['id']}", headers=sec)).json()["provinces"] == ["80", "86"]


async def test_facilitators(client: httpx.AsyncClient, keys: TestKeys) -> None:
    sec = keys.auth(roles=["secretariat"])
    p = (await client.post(f"{R}/people", json={"full_name": "วิทยากร"}, headers=sec)).json()
    tambon = fresh_code("57")
    r = await client.post(
        f"{R}/facilitators",
        json={"person_id": p["id"], "tambon": tambon, "level": "community", "trained_on": "2004-02-01"},
        headers=sec,
    )
    assert r.status_code == 201, r.text
    f = r.json()
    assert (f["region"], f["province_code"], f["district_code"]) == ("north", "57", tambon[:4])
    r = await client.post(
        f"{R}/facilitators", json={"person_id": p["id"], "tambon": tambon, "level": "community"}, headers=sec
    )
    assert r.status_code == 409 and r.json()["code"] == "already_facilitator"
    r = await client.post(
        f"{R}/facilitators", json={"person_id": p["id"], "tambon": tambon, "level": "expert"}, headers=sec
    )
    assert r.status_code == 422
    r = await client.patch(f"{R}/facilitators/{f['id']}", json={"level": "intensive"}, headers=sec)
    assert r.status_code == 200 and r.json()["level"] == "intensive"
    r = await client.get(
        f"{R}/facilitators",
        params={"region": "north", "level": "intensive", "limit": 500},
        headers=keys.auth(roles=["partner_registry"]),
    )
    assert f["id"] in {x["id"] for x in r.json()["items"]}
    assert (await client.get(f"{R}/facilitators/{f['id']}", headers=sec)).json()["level"] == "intensive"
    events = await events_for(client, keys.auth(roles=["admin"]), f["id"])
    assert [e["type"] for e in events] == ["facilitator.created", "facilitator.updated"]
    assert set(events[1]["payload"]) == {
        "id",
        "person_id",
        "tambon",
        "district_code",
        "province_code",
        "region",
        "level",
        "trained_on",
    }


async def test_partners_and_mous(client: httpx.AsyncClient, keys: TestKeys) -> None:
    sec = keys.auth(roles=["secretariat"])
    code = f"P{fresh_code()}"
    r = await client.post(
        f"{R}/partners",
        json={"code": code, "name_th": "กรมทดสอบ", "name_en": "Dept of Tests", "kind": "government"},
        headers=sec,
    )
    assert r.status_code == 201 and r.json()["mou_count"] == 0
    r = await client.post(
        f"{R}/partners", json={"code": code, "name_th": "x", "name_en": "x", "kind": "x"}, headers=sec
    )
    assert r.status_code == 409 and r.json()["code"] == "partner_exists"
    r = await client.post(
        f"{R}/partners/{code}/mous",
        json={"title": "MOU", "scope": "ขยายผลแผนชุมชน", "starts_on": "2004-01-01", "ends_on": "2003-01-01"},
        headers=sec,
    )
    assert r.status_code == 422
    r = await client.post(
        f"{R}/partners/{code}/mous",
        json={"title": "MOU", "scope": "ขยายผลแผนชุมชน", "signed_on": "2004-03-11", "starts_on": "2004-03-11"},
        headers=sec,
    )
    assert r.status_code == 201 and r.json()["in_force"] is True
    mou = r.json()
    assert (await client.get(f"{R}/partners/{code}/mous/{mou['id']}", headers=sec)).json()["scope"] == "ขยายผลแผนชุมชน"
    r = await client.patch(f"{R}/partners/{code}", json={"name_en": "Department of Tests"}, headers=sec)
    assert r.json()["name_en"] == "Department of Tests" and r.json()["mou_count"] == 1
    h = keys.auth(roles=["partner_registry"])
    assert (await client.get(f"{R}/partners/{code}", headers=h)).status_code == 200
    assert (await client.get(f"{R}/partners/NOPE", headers=h)).status_code == 404
    r = await client.post(f"{R}/partners", json={"code": "X1", "name_th": "x", "name_en": "x", "kind": "x"}, headers=h)
    assert r.status_code == 403
    events = await events_for(client, keys.auth(roles=["admin"]), code)
    assert [e["type"] for e in events] == ["partner.created", "partner.updated"]
    assert events[1]["payload"] == {
        "code": code,
        "name_th": "กรมทดสอบ",
        "name_en": "Department of Tests",
        "kind": "government",
    }


async def test_terms_end_and_committees_change(client: httpx.AsyncClient, keys: TestKeys) -> None:
    sec = keys.auth(roles=["secretariat"])
    c = await _committee(client, keys, level="regional", region="northeast", name="คณะประสานงานภาคอีสาน")
    seat = (
        await client.post(
            f"{R}/committees/{c['id']}/members", json={"user_id": "u-77", "role": "coordinator"}, headers=sec
        )
    ).json()
    r = await client.post(f"{R}/committees/{c['id']}/members", json={"user_id": "u-77", "role": "chair"}, headers=sec)
    assert r.status_code == 409
    r = await client.patch(
        f"{R}/committees/{c['id']}/members/{seat['id']}", json={"term_end": "2004-09-30"}, headers=sec
    )
    assert r.status_code == 200 and r.json()["current"] is False and r.json()["role"] == "coordinator"
    r = await client.post(f"{R}/committees/{c['id']}/members", json={"user_id": "u-77", "role": "chair"}, headers=sec)
    assert r.status_code == 201  # the old term has ended
    r = await client.patch(
        f"{R}/committees/{c['id']}/members/{seat['id']}", json={"term_start": "2005-01-01"}, headers=sec
    )
    assert r.status_code == 422
    r = await client.patch(f"{R}/committees/{c['id']}", json={"name": "คณะประสานงานภาคตะวันออกเฉียงเหนือ"}, headers=sec)
    assert r.status_code == 200 and r.json()["name"] == "คณะประสานงานภาคตะวันออกเฉียงเหนือ"
    r = await client.patch(
        f"{R}/committees/{c['id']}",
        json={"name": "x"},
        headers=keys.auth(roles=["regional_committee"], region="northeast"),
    )
    assert r.status_code == 403
    events = await events_for(client, keys.auth(roles=["admin"]), c["id"])
    assert [e["type"] for e in events] == [
        "committee.created",
        "committee.member_added",
        "committee.member_updated",
        "committee.member_added",
        "committee.updated",
    ]
    assert events[2]["payload"]["member"]["term_end"] == "2004-09-30"

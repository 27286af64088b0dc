"""Network tambons: enrol, update, tier history, coverage rule, derived criteria, villages, events."""

from __future__ import annotations

import httpx
from registry_helpers import R, events_for, fresh_code

from phaen_common.testing import TestKeys

ALL = {
    "plans_80pct": True,
    "facilitator_team": True,
    "joint_plans": True,
    "ongoing_activities": True,
    "linked_tao": True,
    "tao_support": True,
    "spread": True,
}


def body(**kw: object) -> dict[str, object]:
    return {
        "tier": "pilot",
        "joined_on": "2003-10-01",
        "villages_total": 10,
        "villages_with_plan": 8,
        "criteria": ALL,
        "tao_plan_integrated": True,
        "tao_funded": False,
        **kw,
    }


async def test_enrol_update_history_and_events(client: httpx.AsyncClient, keys: TestKeys) -> None:
    code = fresh_code("55")
    sec = keys.auth(roles=["secretariat"], sub="sec-alice")
    r = await client.put(f"{R}/tambons/{code}", json=body(), headers=sec)
    assert r.status_code == 201, r.text
    t = r.json()
    assert t["code"] == code and t["province_code"] == "55" and t["region"] == "north"
    assert t["district_code"] == code[:4] and t["name_th"]
    assert t["meets_model_criteria"] is True  # 8 of 10 villages = 80 % and all 7 criteria

    r = await client.put(
        f"{R}/tambons/{code}",
        json=body(tier="model", villages_with_plan=7),
        headers={**keys.auth(roles=["admin"], sub="admin-bob"), "If-Match": r.headers["etag"]},
    )
    assert r.status_code == 200
    assert r.json()["tier"] == "model" and r.json()["meets_model_criteria"] is False  # 70 %

    r = await client.put(
        f"{R}/tambons/{code}",
        json=body(tier="model", villages_with_plan=7),
        headers={**sec, "If-Match": r.headers["etag"]},
    )
    assert r.status_code == 200

    r = await client.get(f"{R}/tambons/{code}/history", headers=keys.auth(roles=["auditor"]))
    hist = r.json()["items"]
    assert [(h["from_tier"], h["to_tier"], h["changed_by"]) for h in hist] == [
        (None, "pilot", "sec-alice"),
        ("pilot", "model", "admin-bob"),
    ]
    assert all(h["changed_at"] for h in hist)

    r = await client.get(f"{R}/subdistricts/{code}", headers=keys.auth(roles=["partner_registry"]))
    assert r.json()["network"]["tier"] == "model"

    events = await events_for(client, keys.auth(roles=["admin"]), code)
    assert [e["type"] for e in events] == ["tambon.enrolled", "tambon.updated", "tambon.updated"]
    payload = events[1]["payload"]
    assert set(payload) == {
        "code",
        "name_th",
        "name_en",
        "district_code",
        "province_code",
        "region",
        "tier",
        "joined_on",
        "villages_total",
        "villages_with_plan",
        "criteria",
        "meets_model_criteria",
        "tao_plan_integrated",
        "tao_funded",
    }
    assert payload["tier"] == "model" and payload["criteria"] == ALL and payload["joined_on"] == "2003-10-01"


async def test_criteria_rule(client: httpx.AsyncClient, keys: TestKeys) -> None:
    sec = keys.auth(roles=["secretariat"])
    one_missing = dict(ALL, spread=False)
    cases = [
        (body(criteria=one_missing), False),
        (body(villages_total=0, villages_with_plan=0), False),
        (body(villages_total=5, villages_with_plan=4), True),
        (body(villages_total=5, villages_with_plan=3), False),
    ]
    for payload, expected in cases:
        r = await client.put(f"{R}/tambons/{fresh_code()}", json=payload, headers=sec)
        assert r.status_code == 201 and r.json()["meets_model_criteria"] is expected, payload


async def test_more_villages_with_plan_than_villages_is_422(client: httpx.AsyncClient, keys: TestKeys) -> None:
    code = fresh_code()
    r = await client.put(
        f"{R}/tambons/{code}",
        json=body(villages_total=5, villages_with_plan=6),
        headers=keys.auth(roles=["secretariat"]),
    )
    assert r.status_code == 422 and r.json()["errors"]
    r = await client.put(f"{R}/tambons/{code}", json=body(tier="capital"), headers=keys.auth(roles=["secretariat"]))
    assert r.status_code == 422
    r = await client.get(f"{R}/tambons/{code}", headers=keys.auth(roles=["auditor"]))
    assert r.status_code == 404 and r.json()["code"] == "tambon_not_in_network"


async def test_writes_need_registry_write_before_validation(client: httpx.AsyncClient, keys: TestKeys) -> None:
    code = fresh_code()
    for role in ("partner_registry", "regional_committee", "tambon_committee", "national_committee", "auditor"):
        r = await client.put(f"{R}/tambons/{code}", json=body(), headers=keys.auth(roles=[role], region="north"))
        assert r.status_code == 403, role
        r = await client.put(f"{R}/tambons/{code}", json={"tier": 5}, headers=keys.auth(roles=[role]))
        assert r.status_code == 403, role
    r = await client.put(f"{R}/tambons/{code}", json=body())
    assert r.status_code == 401


async def test_unknown_tambon_codes(client: httpx.AsyncClient, keys: TestKeys) -> None:
    sec = keys.auth(roles=["secretariat"])
    r = await client.put(f"{R}/tambons/999999", json=body(), headers=sec)
    assert r.status_code == 404 and r.json()["code"] == "tambon_not_found"
    r = await client.put(f"{R}/tambons/100205", json=body(), headers=sec)  # abolished in 2006
    assert r.status_code == 404 and r.json()["successors"] == ["102901"]
    r = await client.get(f"{R}/tambons/12345", headers=sec)
    assert r.status_code == 422


async def test_list_filters(client: httpx.AsyncClient, keys: TestKeys) -> None:
    sec = keys.auth(roles=["secretariat"])
    south, northeast = fresh_code("93"), fresh_code("35")
    await client.put(f"{R}/tambons/{south}", json=body(tier="expansion"), headers=sec)
    await client.put(f"{R}/tambons/{northeast}", json=body(tier="expansion"), headers=sec)
    h = keys.auth(roles=["partner_registry"])
    r = await client.get(f"{R}/tambons", params={"region": "south", "tier": "expansion", "limit": 500}, headers=h)
    codes = {t["code"] for t in r.json()["items"]}
    assert south in codes and northeast not in codes
    assert all(t["region"] == "south" and t["tier"] == "expansion" for t in r.json()["items"])
    r = await client.get(f"{R}/tambons", params={"province": "35"}, headers=h)
    assert northeast in {t["code"] for t in r.json()["items"]}
    assert r.json()["total"] == len(r.json()["items"])


async def test_villages(client: httpx.AsyncClient, keys: TestKeys) -> None:
    code = fresh_code()
    sec = keys.auth(roles=["secretariat"])
    r = await client.put(f"{R}/tambons/{code}/villages/3", json={"name_th": "บ้านหนองบัว", "has_plan": True}, headers=sec)
    assert r.status_code == 201
    assert r.json() == {"code": f"{code}03", "tambon": code, "no": 3, "name_th": "บ้านหนองบัว", "has_plan": True}
    r = await client.put(
        f"{R}/tambons/{code}/villages/3", json={"name_th": "บ้านหนองบัว", "has_plan": False}, headers=sec
    )
    assert r.status_code == 200 and r.json()["has_plan"] is False
    await client.put(f"{R}/tambons/{code}/villages/1", json={"name_th": "บ้านใหม่"}, headers=sec)
    r = await client.get(f"{R}/tambons/{code}/villages", headers=keys.auth(roles=["partner_registry"]))
    assert [v["no"] for v in r.json()["items"]] == [1, 3]
    r = await client.get(f"{R}/tambons/{code}/villages/2", headers=sec)
    assert r.status_code == 404 and r.json()["code"] == "village_not_found"
    r = await client.put(f"{R}/tambons/{code}/villages/100", json={"name_th": "x"}, headers=sec)
    assert r.status_code == 422
    events = await events_for(client, keys.auth(roles=["admin"]), f"{code}03")
    assert [e["type"] for e in events] == ["village.created", "village.updated"]

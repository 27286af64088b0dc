"""The event contract, registry side: every event the registry emits is typed and fits its model.

The test makes the registry emit every event type itself (each test runs in its own rolled-back transaction,
and none depends on another having run). tests/test_event_contract.py replays a feed through the reports
consumer."""

from __future__ import annotations

from registry_helpers import R, fresh_code

from phaen_common.events.contract import contract_problems, types_of


async def _feed(client, keys) -> list[dict]:
    items, after = [], 0
    headers = keys.auth(roles=["service_events"], sub="reports")
    while True:
        page = (await client.get(f"{R}/events", params={"after": after, "limit": 1000}, headers=headers)).json()
        items += page["items"]
        after = page["next_after"]
        if not page["has_more"]:
            return items


async def _emit_every_registry_event(client, sec) -> None:
    """One call per registry event type (tambon, village, zone, committee and seat, person, facilitator,
    partner and MOU; each created and, where it can change, updated)."""

    async def ok(method: str, path: str, body: dict, status: int) -> dict:
        r = await client.request(method, f"{R}{path}", json=body, headers=sec)
        assert r.status_code == status, (path, r.status_code, r.text)
        return r.json()

    code = fresh_code("57")
    tambon = {
        "tier": "pilot",
        "joined_on": "2003-10-01",
        "villages_total": 10,
        "villages_with_plan": 8,
        "criteria": dict.fromkeys(
            ("plans_80pct", "facilitator_team", "joint_plans", "ongoing_activities", "linked_tao", "tao_support"),
            True,
        )
        | {"spread": True},
        "tao_plan_integrated": True,
        "tao_funded": False,
    }
    await ok("PUT", f"/tambons/{code}", tambon, 201)  # tambon.enrolled
    updated = await client.put(  # tambon.updated; an update needs If-Match (issue 11)
        f"{R}/tambons/{code}", json={**tambon, "tier": "model"}, headers={**sec, "If-Match": "*"}
    )
    assert updated.status_code == 200, updated.text
    await ok("PUT", f"/tambons/{code}/villages/1", {"name_th": "บ้านสัญญา"}, 201)  # village.created
    await ok("PUT", f"/tambons/{code}/villages/1", {"name_th": "บ้านสัญญา", "has_plan": True}, 200)  # village.updated
    await ok("POST", "/zones", {"region": "south", "name": "โซนสัญญา", "provinces": ["80"]}, 201)  # zone.created
    committee = await ok("POST", "/committees", {"level": "tambon", "tambon": code, "name": "คณะสัญญา"}, 201)
    await ok("PATCH", f"/committees/{committee['id']}", {"name": "คณะสัญญาใหม่"}, 200)  # committee.updated
    seat = await ok("POST", f"/committees/{committee['id']}/members", {"user_id": "u-contract", "role": "chair"}, 201)
    await ok("PATCH", f"/committees/{committee['id']}/members/{seat['id']}", {"term_end": "2004-09-30"}, 200)
    person = await ok("POST", "/people", {"full_name": "นายสัญญา ตรงกัน"}, 201)  # person.created
    await ok("PATCH", f"/people/{person['id']}", {"full_name": "นายสัญญา ตรงกันดี"}, 200)  # person.updated
    facilitator = await ok(
        "POST", "/facilitators", {"person_id": person["id"], "tambon": code, "level": "community"}, 201
    )  # facilitator.created
    await ok("PATCH", f"/facilitators/{facilitator['id']}", {"level": "intensive"}, 200)  # facilitator.updated
    partner = f"P{fresh_code()}"
    await ok("POST", "/partners", {"code": partner, "name_th": "ภาคีสัญญา", "name_en": "Contract", "kind": "x"}, 201)
    await ok("PATCH", f"/partners/{partner}", {"name_en": "Contract Partner"}, 200)  # partner.updated
    await ok("POST", f"/partners/{partner}/mous", {"title": "MOU", "scope": "x", "starts_on": "2004-03-11"}, 201)


async def test_every_registry_event_is_typed(client, keys):
    await _emit_every_registry_event(client, keys.auth(roles=["secretariat"], sub="contract"))
    events = await _feed(client, keys)

    assert contract_problems(events) == []
    missing = types_of("registry") - {e["type"] for e in events}
    assert not missing, f"registry event types never emitted by the registry suite: {sorted(missing)}"
    assert all(e["source"] == "/v1/registry" and e["subject"] == f"{e['entity']}/{e['entity_id']}" for e in events)

"""The event contract, registry side: every event the registry emits is typed and fits its model.

Named to run last: it checks the feed the whole registry suite produced (which emits every registry event
type; run it with the suite). tests/test_event_contract.py replays a feed through the reports consumer."""

from __future__ import annotations

from registry_helpers import R

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


async def test_every_registry_event_is_typed(client, keys):
    sec = keys.auth(roles=["secretariat"], sub="contract")
    person = await client.post(f"{R}/people", json={"full_name": "นายสัญญา ตรงกัน"}, headers=sec)
    assert person.status_code == 201
    events = await _feed(client, keys)

    assert contract_problems(events) == []
    missing = types_of("registry") - {e["type"] for e in events}
    assert not missing, f"registry event types never emitted by the registry suite: {sorted(missing)}"
    assert all(e["source"] == "/v1/registry" and e["subject"] == f"{e['entity']}/{e['entity_id']}" for e in events)

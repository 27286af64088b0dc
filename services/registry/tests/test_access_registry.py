"""Who sees which registry rows (phaen_common.access): facilitators are scoped by the tambon they work in,
roles combine without widening each other, personal data is masked with one character for most roles."""

from __future__ import annotations

import httpx
import pytest
from registry_helpers import R, fresh_code, national_id

from phaen_common.testing import TestKeys


async def _facilitator(client: httpx.AsyncClient, keys: TestKeys, tambon: str) -> dict:
    sec = keys.auth(roles=["secretariat"])
    person = await client.post(
        f"{R}/people",
        json={"full_name": "วิทยากร ทดสอบ", "national_id": national_id(), "phone": "0812345678", "tambon": tambon},
        headers=sec,
    )
    assert person.status_code == 201, person.text
    r = await client.post(
        f"{R}/facilitators",
        json={"person_id": person.json()["id"], "tambon": tambon, "level": "community"},
        headers=sec,
    )
    assert r.status_code == 201, r.text
    return r.json()


@pytest.fixture
async def three(client: httpx.AsyncClient, keys: TestKeys) -> dict[str, dict]:
    """Facilitators in a Chiang Mai tambon (home), another Chiang Mai tambon and a Songkhla tambon (south)."""
    return {
        "home": await _facilitator(client, keys, fresh_code("50")),
        "other": await _facilitator(client, keys, fresh_code("50")),
        "south": await _facilitator(client, keys, fresh_code("90")),
    }


async def _seen(client: httpx.AsyncClient, headers: dict[str, str], three: dict[str, dict]) -> set[str]:
    """Which of the three the caller reads, by id (GET one) and in the list (both must agree)."""
    by_get = set()
    for name, f in three.items():
        r = await client.get(f"{R}/facilitators/{f['id']}", headers=headers)
        assert r.status_code in (200, 404), r.text
        if r.status_code == 200:
            by_get.add(name)
        else:
            assert r.json()["code"] == "facilitator_not_found"
    by_list = set()
    for name, f in three.items():
        r = await client.get(f"{R}/facilitators", params={"person_id": f["person_id"]}, headers=headers)
        assert r.status_code == 200, r.text
        if r.json()["total"]:
            by_list.add(name)
    assert by_get == by_list, (by_get, by_list)
    return by_get


async def test_a_regional_committee_reads_the_facilitators_of_its_region_only(
    client: httpx.AsyncClient, keys: TestKeys, three: dict[str, dict]
) -> None:
    north = keys.auth(roles=["regional_committee"], region="north")
    assert await _seen(client, north, three) == {"home", "other"}
    south = keys.auth(roles=["regional_committee"], region="south")
    assert await _seen(client, south, three) == {"south"}


async def test_a_tambon_committee_reads_the_facilitators_of_its_tambon_only(
    client: httpx.AsyncClient, keys: TestKeys, three: dict[str, dict]
) -> None:
    home = three["home"]["tambon"]
    tc = keys.auth(roles=["tambon_committee"], region="north", province=home[:2], tambon=home)
    assert await _seen(client, tc, three) == {"home"}
    # Without its tambon claim it reads none (fail closed).
    assert await _seen(client, keys.auth(roles=["tambon_committee"]), three) == set()


async def test_a_committee_member_who_is_also_a_signatory_stays_in_the_tambon(
    client: httpx.AsyncClient, keys: TestKeys, three: dict[str, dict]
) -> None:
    home = three["home"]["tambon"]
    both = keys.auth(roles=["tambon_committee", "signatory"], region="north", province=home[:2], tambon=home)
    assert await _seen(client, both, three) == {"home"}
    r = await client.get(f"{R}/people/{three['south']['person_id']}", headers=both)
    assert r.status_code == 404


async def test_regional_and_tambon_roles_add_up_without_more(
    client: httpx.AsyncClient, keys: TestKeys, three: dict[str, dict]
) -> None:
    home = three["home"]["tambon"]
    both = keys.auth(roles=["regional_committee", "tambon_committee"], region="south", tambon=home)
    assert await _seen(client, both, three) == {"home", "south"}


@pytest.mark.parametrize("role", ["admin", "secretariat", "auditor", "national_committee", "partner_registry"])
async def test_national_readers_read_every_facilitator(
    client: httpx.AsyncClient, keys: TestKeys, three: dict[str, dict], role: str
) -> None:
    assert await _seen(client, keys.auth(roles=[role]), three) == {"home", "other", "south"}


async def test_personal_data_is_masked_with_one_character_unless_a_role_sees_it(
    client: httpx.AsyncClient, keys: TestKeys, three: dict[str, dict]
) -> None:
    home = three["home"]["tambon"]
    pid = three["home"]["person_id"]
    clear = (await client.get(f"{R}/people/{pid}", headers=keys.auth(roles=["secretariat"]))).json()
    cases = {
        ("tambon_committee",): True,
        ("tambon_committee", "signatory"): True,
        ("tambon_committee", "auditor"): False,  # the union: the auditor role sees personal data in clear
        ("partner_registry",): True,
        ("regional_committee",): True,
        ("national_committee",): True,
        ("admin",): False,
    }
    for roles, masked in cases.items():
        headers = keys.auth(roles=list(roles), region="north", tambon=home)
        body = (await client.get(f"{R}/people/{pid}", headers=headers)).json()
        if masked:
            assert body["national_id"] == "*" * 9 + clear["national_id"][-4:], roles
            assert body["phone"] == "*" * 6 + clear["phone"][-4:], roles
            assert body["masked"] is True
        else:
            assert body["national_id"] == clear["national_id"] and body["phone"] == clear["phone"], roles

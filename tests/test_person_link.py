"""A gateway user linked to a registry person: validated against the real registry app, shown in /me and
in the access token (claim ``person_id``), and offered to the services by the directory."""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from jose import jwt
from pydantic import SecretStr

from phaen_common.auth import RemoteKeySource, RemoteRevocations, TokenVerifier
from phaen_common.migrations import upgrade
from phaen_common.testing import app_client
from phaen_gateway.auth.people import RegistryPeople
from phaen_gateway.main import create_app as create_gateway
from phaen_gateway.testing import add_user, gateway_client, gateway_settings, login

GW, REG = "http://gateway", "http://registry"


@pytest.fixture(scope="module")
def gateway_db(pg_url: str) -> str:
    """The gateway schema migrated (this test spans two services, so it lives in the repository's tests/)."""
    from phaen_gateway import MIGRATIONS_DIR, SCHEMA

    upgrade(MIGRATIONS_DIR, pg_url, SCHEMA)
    return pg_url


def national_id(seed: int) -> str:
    from phaen_common.thai_id import national_id_check_digit

    first12 = f"1{seed:011d}"[-12:]
    return first12 + str(national_id_check_digit(first12))


@dataclass
class World:
    gw_app: Any
    gw: httpx.AsyncClient
    registry: httpx.AsyncClient
    admin: dict[str, str]


@pytest.fixture(scope="module")
async def world(gateway_db: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[World]:
    from phaen_registry import MIGRATIONS_DIR, SCHEMA
    from phaen_registry.config import Settings as RegistrySettings
    from phaen_registry.main import create_app as create_registry

    upgrade(MIGRATIONS_DIR, gateway_db, SCHEMA)
    gw_app = create_gateway(gateway_settings(gateway_db, data_dir=tmp_path_factory.mktemp("gw-person")))
    registry_app = create_registry(RegistrySettings(database_url=SecretStr(gateway_db)))
    to_gateway = httpx.AsyncClient(transport=httpx.ASGITransport(app=gw_app), base_url=GW)
    to_registry = httpx.AsyncClient(transport=httpx.ASGITransport(app=registry_app), base_url=REG)
    # The registry verifies gateway tokens through the gateway's JWKS, as in production.
    registry_app.state.verifier = TokenVerifier(
        RemoteKeySource(f"{GW}/v1/auth/jwks.json", client=to_gateway),
        issuer="phaen-gateway",
        audience="phaen",
        leeway=30,
        revocations=RemoteRevocations(f"{GW}/v1/auth/revocations", client=to_gateway, cache_seconds=1),
    )
    gw_app.state.people = RegistryPeople(base_url=REG, client=to_registry)
    async with (
        gateway_client(gw_app.state.settings, gw_app) as (_, gw),
        app_client(registry_app, base_url=REG) as registry,
        to_gateway,
        to_registry,
    ):
        admin_user = await add_user(gw_app, roles=["admin"])
        token = (await login(gw, admin_user["username"], admin_user["password"]))["access_token"]
        yield World(gw_app, gw, registry, {"Authorization": f"Bearer {token}"})


async def _person(w: World, nid: str | None) -> str:
    body: dict[str, Any] = {"full_name": f"นาย ทดสอบ {uuid.uuid4().hex[:6]}"}
    if nid:
        body["national_id"] = nid
    r = await w.registry.post("/v1/registry/people", json=body, headers=w.admin)
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


async def _create(w: World, **extra: Any) -> httpx.Response:
    username = f"u-{uuid.uuid4().hex[:10]}"
    body = {"username": username, "password": "pw-" + uuid.uuid4().hex, "display_name": "ผู้ลงนาม", **extra}
    body.setdefault("roles", ["signatory"])
    return await w.gw.post("/v1/auth/users", json=body, headers=w.admin)


async def test_linked_user_shows_person_in_me_and_token(world: World) -> None:
    person = await _person(world, national_id(1001))
    r = await _create(world, person_id=person)
    assert r.status_code == 201, r.text
    assert r.json()["person_id"] == person
    body = r.json()
    password = json.loads(r.request.content)["password"]
    tokens = await login(world.gw, body["username"], password)
    assert jwt.get_unverified_claims(tokens["access_token"])["person_id"] == person
    me = await world.gw.get("/v1/auth/me", headers={"Authorization": f"Bearer {tokens['access_token']}"})
    assert me.status_code == 200 and me.json()["person_id"] == person


async def test_unlinked_user_has_no_person_claim(world: World) -> None:
    r = await _create(world)
    assert r.status_code == 201 and r.json()["person_id"] is None


async def test_link_to_a_made_up_person_is_refused(world: World) -> None:
    r = await _create(world, person_id=str(uuid.uuid4()))
    assert r.status_code == 422 and r.json()["code"] == "unknown_person", r.text


async def test_link_to_a_person_without_national_id_is_refused(world: World) -> None:
    person = await _person(world, None)
    r = await _create(world, person_id=person)
    assert r.status_code == 422 and r.json()["code"] == "person_without_national_id", r.text


async def test_registry_down_is_503_not_a_silent_link(
    gateway_db: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    from phaen_gateway.testing import closed_port_url

    settings = gateway_settings(gateway_db, data_dir=tmp_path_factory.mktemp("gw-down"), registry_url=closed_port_url())
    async with gateway_client(settings) as (app, gw):
        admin_user = await add_user(app, roles=["admin"])
        token = (await login(gw, admin_user["username"], admin_user["password"]))["access_token"]
        r = await gw.post(
            "/v1/auth/users",
            json={
                "username": f"u-{uuid.uuid4().hex[:10]}",
                "password": "pw-" + uuid.uuid4().hex,
                "display_name": "x",
                "roles": ["signatory"],
                "person_id": str(uuid.uuid4()),
            },
            headers={"Authorization": f"Bearer {token}"},
        )
    assert r.status_code == 503 and r.headers.get("retry-after"), r.text


async def test_two_user_ids_may_be_one_person(world: World) -> None:
    """Linking is not exclusive (a person may hold two roles): the budget counts signatures by person."""
    person = await _person(world, national_id(1002))
    a, b = await _create(world, person_id=person), await _create(world, person_id=person)
    assert a.status_code == b.status_code == 201
    assert a.json()["person_id"] == b.json()["person_id"] == person


async def test_directory_answers_users_only_and_needs_its_scope(world: World) -> None:
    person = await _person(world, national_id(1003))
    user = (await _create(world, person_id=person)).json()
    ids = [user["id"], "c-0123456789abcdef", str(uuid.uuid4()), "not-a-uuid"]
    r = await world.gw.get("/v1/auth/directory/users", params={"id": ids}, headers=world.admin)
    assert r.status_code == 200, r.text
    assert r.json()["users"] == [{"id": user["id"], "enabled": True, "roles": ["signatory"], "person_id": person}]
    signer = await add_user(world.gw_app, roles=["signatory"])
    token = (await login(world.gw, signer["username"], signer["password"]))["access_token"]
    r = await world.gw.get("/v1/auth/directory/users", params={"id": ids}, headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 403


async def test_an_existing_user_is_linked_later_and_checked_the_same_way(world: World) -> None:
    user = (await _create(world)).json()
    r = await world.gw.put(
        f"/v1/auth/users/{user['id']}/person", json={"person_id": str(uuid.uuid4())}, headers=world.admin
    )
    assert r.status_code == 422 and r.json()["code"] == "unknown_person"
    person = await _person(world, national_id(1004))
    r = await world.gw.put(f"/v1/auth/users/{user['id']}/person", json={"person_id": person}, headers=world.admin)
    assert r.status_code == 200 and r.json()["person_id"] == person
    r = await world.gw.put(f"/v1/auth/users/{user['id']}/person", json={"person_id": None}, headers=world.admin)
    assert r.status_code == 200 and r.json()["person_id"] is None

"""User and client management: admin only, validated, and never showing a hash or a password."""

from __future__ import annotations

import uuid

import pytest

from phaen_common.auth import KNOWN_ROLES
from phaen_gateway.testing import add_user, login, user_headers


def _new_user_body(**over):
    body = {
        "username": f"n-{uuid.uuid4().hex[:10]}",
        "password": "correct horse battery",
        "display_name": "สมชาย ใจดี",
        "roles": ["auditor"],
    }
    body.update(over)
    return body


def _no_secrets(text: str, *secrets: str) -> None:
    lowered = text.lower()
    assert "argon2" not in lowered and "password" not in lowered and "hash" not in lowered, text
    for s in secrets:
        assert s not in text


async def test_create_read_list_disable_enable_user(client, admin_headers):
    body = _new_user_body(roles=["regional_committee", "signatory"], region="northeast")
    r = await client.post("/v1/auth/users", json=body, headers=admin_headers)
    assert r.status_code == 201, r.text
    user = r.json()
    _no_secrets(r.text, body["password"])
    assert user["username"] == body["username"] and user["display_name"] == "สมชาย ใจดี"
    assert user["roles"] == ["regional_committee", "signatory"] and user["region"] == "northeast"
    assert user["disabled"] is False and uuid.UUID(user["id"])

    r = await client.get(f"/v1/auth/users/{user['id']}", headers=admin_headers)
    assert r.status_code == 200 and r.json() == user
    _no_secrets(r.text)

    r = await client.get(
        "/v1/auth/users",
        params={"role": "regional_committee", "region": "northeast", "limit": 500},
        headers=admin_headers,
    )
    assert r.status_code == 200, r.text
    assert user["id"] in [u["id"] for u in r.json()["items"]]
    assert all("regional_committee" in u["roles"] for u in r.json()["items"])
    _no_secrets(r.text)

    r = await client.post(f"/v1/auth/users/{user['id']}/disable", headers=admin_headers)
    assert r.status_code == 200 and r.json()["disabled"] is True and r.json()["disabled_at"]
    _no_secrets(r.text)
    r = await client.get("/v1/auth/users", params={"disabled": "true", "limit": 500}, headers=admin_headers)
    assert user["id"] in [u["id"] for u in r.json()["items"]]
    r = await client.post(f"/v1/auth/users/{user['id']}/enable", headers=admin_headers)
    assert r.status_code == 200 and r.json()["disabled"] is False and r.json()["disabled_at"] is None
    await login(client, body["username"], body["password"])


async def test_user_list_paginates(app, client, admin_headers):
    role_tag = "partner_registry"
    for _ in range(3):
        await add_user(app, roles=[role_tag])
    seen: list[str] = []
    cursor = None
    while True:
        params = {"role": role_tag, "limit": 2, **({"cursor": cursor} if cursor else {})}
        r = await client.get("/v1/auth/users", params=params, headers=admin_headers)
        assert r.status_code == 200, r.text
        page = r.json()
        assert len(page["items"]) <= 2
        seen += [u["username"] for u in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == page["total"] >= 3 and seen == sorted(seen) and len(set(seen)) == len(seen)


@pytest.mark.parametrize(
    ("over", "status", "code"),
    [
        ({"roles": ["wizard"]}, 422, "unknown_role"),
        ({"roles": []}, 422, "validation_error"),
        ({"roles": ["regional_committee"]}, 422, "scope_claim_required"),
        ({"roles": ["tambon_committee"], "region": "north"}, 422, "scope_claim_required"),
        ({"region": "west"}, 422, "validation_error"),
        ({"tambon": "12"}, 422, "validation_error"),
        ({"province": "50", "tambon": "100101", "roles": ["tambon_committee"]}, 422, "scope_claim_required"),
        ({"password": "short"}, 422, "validation_error"),
        ({"username": "has space"}, 422, "validation_error"),
        ({"is_admin": True}, 422, "validation_error"),
    ],
)
async def test_user_validation(client, admin_headers, over, status, code):
    r = await client.post("/v1/auth/users", json=_new_user_body(**over), headers=admin_headers)
    assert r.status_code == status, r.text
    assert r.json()["code"] == code
    assert "correct horse" not in r.text  # the input is never echoed


async def test_a_tambon_implies_its_province(client, admin_headers):
    body = _new_user_body(roles=["tambon_committee"], region="north", tambon="500101")
    r = await client.post("/v1/auth/users", json=body, headers=admin_headers)
    assert r.status_code == 201, r.text
    assert (r.json()["province"], r.json()["tambon"]) == ("50", "500101")


async def test_username_unique_regardless_of_case(client, admin_headers):
    body = _new_user_body()
    assert (await client.post("/v1/auth/users", json=body, headers=admin_headers)).status_code == 201
    r = await client.post("/v1/auth/users", json={**body, "username": body["username"].upper()}, headers=admin_headers)
    assert r.status_code == 409 and r.json()["code"] == "username_taken"


async def test_unknown_user_and_client_are_404(client, admin_headers):
    r = await client.get(f"/v1/auth/users/{uuid.uuid4()}", headers=admin_headers)
    assert r.status_code == 404 and r.json()["code"] == "user_not_found"
    r = await client.post(f"/v1/auth/users/{uuid.uuid4()}/disable", headers=admin_headers)
    assert r.status_code == 404
    r = await client.get("/v1/auth/clients/c-nope", headers=admin_headers)
    assert r.status_code == 404 and r.json()["code"] == "client_not_found"


async def test_last_enabled_admin_cannot_be_disabled(app, client, admin_headers):
    # Disable every other enabled admin except ours, then try ours; restore afterwards.
    r = await client.get(
        "/v1/auth/users", params={"role": "admin", "disabled": "false", "limit": 500}, headers=admin_headers
    )
    me = (await client.get("/v1/auth/me", headers=admin_headers)).json()["sub"]
    others = [u["id"] for u in r.json()["items"] if u["id"] != me]
    try:
        for uid in others:
            assert (await client.post(f"/v1/auth/users/{uid}/disable", headers=admin_headers)).status_code == 200
        r = await client.post(f"/v1/auth/users/{me}/disable", headers=admin_headers)
        assert r.status_code == 409 and r.json()["code"] == "last_admin"
    finally:
        for uid in others:
            await client.post(f"/v1/auth/users/{uid}/enable", headers=admin_headers)


async def test_clients_create_list_read_disable(client, admin_headers):
    r = await client.post(
        "/v1/auth/clients", json={"name": "DLA", "roles": ["partner_registry"]}, headers=admin_headers
    )
    assert r.status_code == 201, r.text
    created = r.json()
    secret = created["client_secret"]
    assert len(secret) >= 32 and created["roles"] == ["partner_registry"]
    r = await client.get(f"/v1/auth/clients/{created['client_id']}", headers=admin_headers)
    assert r.status_code == 200 and "client_secret" not in r.json()
    _no_secrets(r.text, secret)
    r = await client.get("/v1/auth/clients", params={"limit": 500}, headers=admin_headers)
    assert created["client_id"] in [c["client_id"] for c in r.json()["items"]]
    _no_secrets(r.text, secret)
    r = await client.post(f"/v1/auth/clients/{created['client_id']}/disable", headers=admin_headers)
    assert r.status_code == 200 and r.json()["disabled"] is True
    _no_secrets(r.text, secret)
    r = await client.post("/v1/auth/clients", json={"name": "x", "roles": ["tambon_committee"]}, headers=admin_headers)
    assert r.status_code == 422 and r.json()["code"] == "scope_claim_required"


ADMIN_ROUTES = [
    ("POST", "/v1/auth/users", _new_user_body()),
    ("GET", "/v1/auth/users", None),
    ("GET", f"/v1/auth/users/{uuid.uuid4()}", None),
    ("POST", f"/v1/auth/users/{uuid.uuid4()}/disable", None),
    ("POST", f"/v1/auth/users/{uuid.uuid4()}/enable", None),
    ("POST", "/v1/auth/clients", {"name": "x", "roles": ["bank"]}),
    ("GET", "/v1/auth/clients", None),
    ("GET", "/v1/auth/clients/c-x", None),
    ("POST", "/v1/auth/clients/c-x/disable", None),
    ("POST", "/v1/auth/clients/c-x/enable", None),
    ("POST", "/v1/auth/keys/rotate", None),
    # Authorization comes before validation: a broken body is still a 403.
    ("POST", "/v1/auth/users", {"nonsense": 1}),
]
NON_ADMIN_ROLES = sorted(KNOWN_ROLES - {"admin"})


@pytest.fixture(scope="module")
async def role_headers(gw):
    app, client = gw
    claims = {"regional_committee": {"region": "south"}, "tambon_committee": {"tambon": "900101"}}
    return {role: await user_headers(app, client, roles=[role], **claims.get(role, {})) for role in NON_ADMIN_ROLES}


@pytest.mark.parametrize("role", NON_ADMIN_ROLES)
async def test_admin_routes_are_403_for_every_other_role(client, role_headers, role):
    for method, path, body in ADMIN_ROUTES:
        r = await client.request(method, path, json=body, headers=role_headers[role])
        assert r.status_code == 403, (method, path, role, r.text)
        assert r.headers["content-type"].startswith("application/problem+json")
        assert r.json()["code"] == "forbidden"


async def test_admin_routes_are_401_without_a_token(client):
    for method, path, body in ADMIN_ROUTES:
        r = await client.request(method, path, json=body)
        assert r.status_code == 401, (method, path, r.text)


async def test_a_nul_in_the_role_filter_is_a_422_not_a_500(client, admin_headers):
    # Found by the gateway fuzz test: PostgreSQL text cannot hold NUL, so the filter must refuse it first.
    r = await client.get("/v1/auth/users", params={"role": "signatory\x00"}, headers=admin_headers)
    assert r.status_code == 422, r.text
    assert r.json()["code"] == "validation_error"

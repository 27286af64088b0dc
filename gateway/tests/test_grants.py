"""POST /v1/auth/token: every grant, good and bad; the claims of the tokens; /me."""

from __future__ import annotations

import asyncio
import base64

from jose import jwt

from phaen_gateway.testing import add_user, login

TOKEN = "/v1/auth/token"


def _problem(r, status: int, code: str) -> None:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["code"] == code


async def test_password_grant_issues_a_well_formed_token(app, client):
    user = await add_user(app, roles=["tambon_committee", "signatory"], region="north", province="50", tambon="500101")
    body = await login(client, user["username"].upper(), user["password"])  # usernames ignore case
    assert body["token_type"] == "bearer" and body["refresh_token"]
    assert body["expires_in"] == app.state.settings.access_token_ttl <= 3600
    claims = jwt.get_unverified_claims(body["access_token"])
    header = jwt.get_unverified_header(body["access_token"])
    assert header["alg"] == "RS256" and header["kid"]
    assert claims["iss"] == "phaen-gateway" and claims["aud"] == "phaen"
    assert claims["sub"] == user["id"] and claims["kind"] == "user"
    assert claims["exp"] - claims["iat"] == body["expires_in"]
    assert len(claims["jti"]) >= 16
    assert claims["roles"] == ["signatory", "tambon_committee"]
    assert set(claims["scope"].split()) == {
        "registry:read",
        "budget:read",
        "budget:write",
        "budget:sign",
        "reports:read",
    }
    assert claims["scope"] == body["scope"]
    assert (claims["region"], claims["province"], claims["tambon"]) == ("north", "50", "500101")
    me = await client.get("/v1/auth/me", headers={"Authorization": f"Bearer {body['access_token']}"})
    assert me.status_code == 200, me.text
    assert me.json() == {
        "sub": user["id"],
        "kind": "user",
        "roles": ["signatory", "tambon_committee"],
        "scope": " ".join(sorted(claims["scope"].split())),
        "region": "north",
        "province": "50",
        "tambon": "500101",
        "username": user["username"],
        "display_name": f"Test {user['username']}",
    }
    assert r_no_store(
        await client.post(
            TOKEN, data={"grant_type": "password", "username": user["username"], "password": user["password"]}
        )
    )


def r_no_store(r) -> bool:
    return r.status_code == 200 and r.headers["cache-control"] == "no-store"


async def test_password_grant_refuses_bad_credentials(app, client, admin_headers):
    user = await add_user(app, roles=["auditor"])
    for form in (
        {"username": user["username"], "password": "wrong-password"},
        {"username": "nobody-" + user["username"], "password": user["password"]},
        {"username": user["username"], "password": user["password"] + "x"},
    ):
        r = await client.post(TOKEN, data={"grant_type": "password", **form})
        _problem(r, 401, "invalid_grant")
    r = await client.post(f"/v1/auth/users/{user['id']}/disable", headers=admin_headers)
    assert r.status_code == 200
    r = await client.post(TOKEN, data={"grant_type": "password", **user})
    _problem(r, 401, "invalid_grant")
    r = await client.post(f"/v1/auth/users/{user['id']}/enable", headers=admin_headers)
    assert r.status_code == 200
    await login(client, user["username"], user["password"])


async def test_bad_grant_requests(client):
    _problem(
        await client.post(TOKEN, data={"grant_type": "authorization_code", "code": "x"}), 400, "unsupported_grant_type"
    )
    _problem(await client.post(TOKEN, data={"username": "a", "password": "b"}), 422, "validation_error")
    _problem(await client.post(TOKEN, data={"grant_type": "password", "username": "a"}), 400, "invalid_request")
    _problem(
        await client.post(TOKEN, data={"grant_type": "client_credentials", "client_id": "a"}), 400, "invalid_request"
    )
    _problem(await client.post(TOKEN, data={"grant_type": "refresh_token"}), 400, "invalid_request")


async def _new_client(client, admin_headers, roles=("bank",)) -> dict:
    body = {"name": "BAAC test", "roles": list(roles), **({"bank": "BAAC"} if "bank" in roles else {})}
    r = await client.post("/v1/auth/clients", json=body, headers=admin_headers)
    assert r.status_code == 201, r.text
    return r.json()


async def test_client_credentials_grant(client, admin_headers):
    created = await _new_client(client, admin_headers)
    form = {
        "grant_type": "client_credentials",
        "client_id": created["client_id"],
        "client_secret": created["client_secret"],
    }
    r = await client.post(TOKEN, data=form)
    assert r.status_code == 200, r.text
    body = r.json()
    assert "refresh_token" not in body
    claims = jwt.get_unverified_claims(body["access_token"])
    assert claims["sub"] == created["client_id"] and claims["kind"] == "client"
    assert claims["roles"] == ["bank"] and set(claims["scope"].split()) == {"budget:read", "bank:execute"}
    # HTTP Basic works too (RFC 6749 2.3.1).
    basic = base64.b64encode(f"{created['client_id']}:{created['client_secret']}".encode()).decode()
    r = await client.post(TOKEN, data={"grant_type": "client_credentials"}, headers={"Authorization": f"Basic {basic}"})
    assert r.status_code == 200, r.text
    me = await client.get("/v1/auth/me", headers={"Authorization": f"Bearer {body['access_token']}"})
    assert me.json()["sub"] == created["client_id"] and me.json()["kind"] == "client"

    _problem(await client.post(TOKEN, data={**form, "client_secret": "wrong"}), 401, "invalid_client")
    _problem(await client.post(TOKEN, data={**form, "client_id": "c-unknown"}), 401, "invalid_client")
    bad_basic = base64.b64encode(f"{created['client_id']}:nope".encode()).decode()
    _problem(
        await client.post(
            TOKEN, data={"grant_type": "client_credentials"}, headers={"Authorization": f"Basic {bad_basic}"}
        ),
        401,
        "invalid_client",
    )
    r = await client.post(f"/v1/auth/clients/{created['client_id']}/disable", headers=admin_headers)
    assert r.status_code == 200 and r.json()["disabled"] is True
    _problem(await client.post(TOKEN, data=form), 401, "invalid_client")


async def test_refresh_grant_rotates_and_detects_reuse(app, client):
    user = await add_user(app, roles=["auditor"])
    first = await login(client, user["username"], user["password"])
    r = await client.post(TOKEN, data={"grant_type": "refresh_token", "refresh_token": first["refresh_token"]})
    assert r.status_code == 200, r.text
    second = r.json()
    assert second["refresh_token"] != first["refresh_token"]
    assert jwt.get_unverified_claims(second["access_token"])["sub"] == user["id"]
    # The first one again: theft suspected, the whole family dies (the second one too).
    r = await client.post(TOKEN, data={"grant_type": "refresh_token", "refresh_token": first["refresh_token"]})
    _problem(r, 401, "invalid_grant")
    r = await client.post(TOKEN, data={"grant_type": "refresh_token", "refresh_token": second["refresh_token"]})
    _problem(r, 401, "invalid_grant")
    # Another login starts a new, healthy family.
    third = await login(client, user["username"], user["password"])
    r = await client.post(TOKEN, data={"grant_type": "refresh_token", "refresh_token": third["refresh_token"]})
    assert r.status_code == 200
    _problem(
        await client.post(TOKEN, data={"grant_type": "refresh_token", "refresh_token": "made-up"}), 401, "invalid_grant"
    )


async def test_refresh_refused_for_a_disabled_user(app, client, admin_headers):
    user = await add_user(app, roles=["auditor"])
    tokens = await login(client, user["username"], user["password"])
    assert (await client.post(f"/v1/auth/users/{user['id']}/disable", headers=admin_headers)).status_code == 200
    r = await client.post(TOKEN, data={"grant_type": "refresh_token", "refresh_token": tokens["refresh_token"]})
    _problem(r, 401, "invalid_grant")
    # Re-enabling does not revive refresh tokens revoked by the disabling.
    assert (await client.post(f"/v1/auth/users/{user['id']}/enable", headers=admin_headers)).status_code == 200
    r = await client.post(TOKEN, data={"grant_type": "refresh_token", "refresh_token": tokens["refresh_token"]})
    _problem(r, 401, "invalid_grant")


async def test_me_needs_a_token(client):
    r = await client.get("/v1/auth/me")
    _problem(r, 401, "unauthorized")
    assert r.headers["www-authenticate"].startswith("Bearer")


async def test_concurrent_uses_of_one_refresh_token_rotate_it_once(app, client):
    user = await add_user(app, roles=["auditor"])
    tokens = await login(client, user["username"], user["password"])
    form = {"grant_type": "refresh_token", "refresh_token": tokens["refresh_token"]}
    results = await asyncio.gather(*(client.post(TOKEN, data=form) for _ in range(5)))
    assert sorted(r.status_code for r in results) == [200, 401, 401, 401, 401]
    # The losers were reuses: the family is revoked, so the winner's new refresh token is dead too.
    winner = next(r for r in results if r.status_code == 200).json()
    r = await client.post(TOKEN, data={"grant_type": "refresh_token", "refresh_token": winner["refresh_token"]})
    _problem(r, 401, "invalid_grant")

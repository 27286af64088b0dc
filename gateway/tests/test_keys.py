"""JWKS and key rotation without downtime."""

from __future__ import annotations

import json
import time

from jose import jwt
from sqlalchemy import text

from phaen_gateway.auth.keys import _generate_pair
from phaen_gateway.testing import add_user, login


async def test_jwks_publishes_public_keys_only(client):
    r = await client.get("/v1/auth/jwks.json")
    assert r.status_code == 200
    keys = r.json()["keys"]
    assert keys and all(k["kty"] == "RSA" and k["alg"] == "RS256" and k["use"] == "sig" and k["kid"] for k in keys)
    assert all(not {"d", "p", "q", "dp", "dq", "qi"} & set(k) for k in keys)


async def test_rotation_keeps_old_tokens_valid(app, client, admin_headers):
    app.state.ring.invalidate()  # another instance (the fuzz test's) may have rotated since the last reload
    user = await add_user(app, roles=["auditor"])
    before = (await login(client, user["username"], user["password"]))["access_token"]
    old_kid = jwt.get_unverified_header(before)["kid"]

    r = await client.post("/v1/auth/keys/rotate", headers=admin_headers)
    assert r.status_code == 200, r.text
    rotated = r.json()
    assert rotated["alg"] == "RS256" and rotated["kid"] != old_kid and old_kid in rotated["retired"]

    kids = [k["kid"] for k in (await client.get("/v1/auth/jwks.json")).json()["keys"]]
    assert rotated["kid"] in kids and old_kid in kids

    r = await client.get("/v1/auth/me", headers={"Authorization": f"Bearer {before}"})
    assert r.status_code == 200, r.text
    after = (await login(client, user["username"], user["password"]))["access_token"]
    assert jwt.get_unverified_header(after)["kid"] == rotated["kid"]
    r = await client.get("/v1/auth/me", headers={"Authorization": f"Bearer {after}"})
    assert r.status_code == 200, r.text


async def test_retired_keys_leave_the_jwks_after_the_longest_token_life(app, client):
    kid, private_pem, public = _generate_pair()
    async with app.state.db.sessionmaker() as session, session.begin():
        await session.execute(
            text(
                "INSERT INTO gateway.signing_keys (kid, alg, private_pem, public_jwk, retired_at) "
                "VALUES (:kid, 'RS256', :pem, CAST(:jwk AS jsonb), now() - interval '2 hours')"
            ),
            {"kid": kid, "pem": private_pem, "jwk": json.dumps(public)},
        )
    app.state.ring.invalidate()
    token = jwt.encode(
        {
            "iss": "phaen-gateway",
            "aud": "phaen",
            "sub": "someone",
            "jti": "j1" * 8,
            "iat": _now(),
            "exp": _now() + 600,
            "roles": ["auditor"],
            "scope": "audit:read",
        },
        private_pem,
        algorithm="RS256",
        headers={"kid": kid},
    )
    kids = [k["kid"] for k in (await client.get("/v1/auth/jwks.json")).json()["keys"]]
    assert kid not in kids
    assert (await client.get("/v1/auth/me", headers={"Authorization": f"Bearer {token}"})).status_code == 401
    # Retired ten minutes ago: still within the longest token life, so still published and trusted.
    async with app.state.db.sessionmaker() as session, session.begin():
        await session.execute(
            text("UPDATE gateway.signing_keys SET retired_at = now() - interval '10 minutes' WHERE kid = :kid"),
            {"kid": kid},
        )
    app.state.ring.invalidate()
    kids = [k["kid"] for k in (await client.get("/v1/auth/jwks.json")).json()["keys"]]
    assert kid in kids
    assert (await client.get("/v1/auth/me", headers={"Authorization": f"Bearer {token}"})).status_code == 200


def _now() -> int:
    return int(time.time())

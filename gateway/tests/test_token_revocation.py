"""Token revocation, written as the attack: a disabled user's old token must stay dead."""

from __future__ import annotations

import asyncio
import time

import httpx
import pytest
from pydantic import SecretStr, ValidationError

from phaen_common import auth as common_auth
from phaen_common.auth import RemoteRevocations, TokenVerifier
from phaen_common.errors import Unauthorized
from phaen_common.settings import CommonSettings
from phaen_gateway.testing import add_user, login


async def _disable(client, admin_headers, kind: str, ident: str) -> None:
    r = await client.post(f"/v1/auth/{kind}/{ident}/disable", headers=admin_headers)
    assert r.status_code == 200, r.text


async def _enable(client, admin_headers, kind: str, ident: str) -> None:
    r = await client.post(f"/v1/auth/{kind}/{ident}/enable", headers=admin_headers)
    assert r.status_code == 200, r.text


async def test_a_token_from_before_disabling_stays_dead_after_re_enabling(app, client, admin_headers) -> None:
    user = await add_user(app, roles=["auditor"])
    old = (await login(client, user["username"], user["password"]))["access_token"]
    assert (await client.get("/v1/auth/me", headers={"Authorization": f"Bearer {old}"})).status_code == 200
    await _disable(client, admin_headers, "users", user["id"])
    await _enable(client, admin_headers, "users", user["id"])
    await asyncio.sleep(1.1)  # a new token is issued in a later second than the revocation
    r = await client.get("/v1/auth/me", headers={"Authorization": f"Bearer {old}"})
    assert r.status_code == 401, r.text
    fresh = (await login(client, user["username"], user["password"]))["access_token"]
    assert (await client.get("/v1/auth/me", headers={"Authorization": f"Bearer {fresh}"})).status_code == 200
    doc = (await client.get("/v1/auth/revocations")).json()
    digest = common_auth.sub_digest(user["id"])
    assert digest in doc["revoked"] and doc["not_before"][digest] <= time.time() + 1


async def test_a_client_token_from_before_disabling_stays_dead(app, client, admin_headers) -> None:
    r = await client.post(
        "/v1/auth/clients", json={"name": "partner", "roles": ["partner_registry"]}, headers=admin_headers
    )
    assert r.status_code == 201, r.text
    cid, secret = r.json()["client_id"], r.json()["client_secret"]
    data = {"grant_type": "client_credentials", "client_id": cid, "client_secret": secret}
    old = (await client.post("/v1/auth/token", data=data)).json()["access_token"]
    await _disable(client, admin_headers, "clients", cid)
    await _enable(client, admin_headers, "clients", cid)
    await asyncio.sleep(1.1)
    assert (await client.get("/v1/auth/me", headers={"Authorization": f"Bearer {old}"})).status_code == 401
    fresh = (await client.post("/v1/auth/token", data=data)).json()["access_token"]
    assert (await client.get("/v1/auth/me", headers={"Authorization": f"Bearer {fresh}"})).status_code == 200


async def test_the_published_window_matches_the_token_life(client, app) -> None:
    settings = app.state.settings
    doc = (await client.get("/v1/auth/revocations")).json()
    assert doc["window_seconds"] == settings.access_token_ttl + settings.jwt_leeway_seconds == 930


async def test_services_honour_a_revocation_within_30_seconds(app, client, admin_headers) -> None:
    # A service's verifier, with the default settings, reading the gateway's published list.
    defaults = CommonSettings(database_url=SecretStr("postgresql://x@/y"))
    to_gateway = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://gateway")
    revocations = RemoteRevocations(
        "http://gateway/v1/auth/revocations", client=to_gateway, cache_seconds=defaults.revocation_cache_seconds
    )
    verifier = TokenVerifier(
        app.state.ring, issuer=defaults.jwt_issuer, audience=defaults.jwt_audience, revocations=revocations
    )
    user = await add_user(app, roles=["auditor"])
    token = (await login(client, user["username"], user["password"]))["access_token"]
    assert (await verifier.verify(token)).sub == user["id"]
    await _disable(client, admin_headers, "users", user["id"])
    # 29 seconds pass (the service's copy of the list ages; no clock is patched).
    revocations.fetched_at -= 29
    revocations.attempted_at -= 29
    with pytest.raises(Unauthorized):
        await verifier.verify(token)
    await to_gateway.aclose()


def test_no_setting_lets_a_service_wait_longer_than_30_seconds() -> None:
    with pytest.raises(ValidationError):
        CommonSettings(revocation_cache_seconds=31)
    assert CommonSettings().revocation_cache_seconds <= 30

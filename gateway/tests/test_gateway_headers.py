"""Security headers at the gateway and the CORS allowlist (empty by default), written as the attack."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from phaen_gateway.config import Settings
from phaen_gateway.testing import gateway_client, gateway_settings

PREFLIGHT = {
    "Origin": "https://evil.example",
    "Access-Control-Request-Method": "POST",
    "Access-Control-Request-Headers": "authorization",
}


async def test_personal_data_is_never_cached_and_never_sniffed(client, admin_headers) -> None:
    r = await client.get("/v1/auth/me", headers=admin_headers)
    assert r.status_code == 200
    assert r.headers["cache-control"] == "no-store" and r.headers["x-content-type-options"] == "nosniff"
    token = await client.post("/v1/auth/token", data={"grant_type": "password", "username": "x", "password": "y"})
    assert token.headers["cache-control"] == "no-store"
    # The public key set may be cached (it is public); it keeps its own policy.
    jwks = await client.get("/v1/auth/jwks.json")
    assert jwks.headers["cache-control"].startswith("public") and jwks.headers["x-content-type-options"] == "nosniff"


async def test_no_cross_origin_access_by_default(client) -> None:
    r = await client.options("/v1/auth/me", headers=PREFLIGHT)
    assert "access-control-allow-origin" not in r.headers
    r = await client.get("/v1/auth/jwks.json", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in r.headers


async def test_the_cors_allowlist_admits_only_its_origins(gateway_db, tmp_path) -> None:
    settings = gateway_settings(gateway_db, data_dir=tmp_path, cors_allow_origins=("https://app.phaen.example",))
    async with gateway_client(settings) as (_, c):
        ok = await c.options("/v1/auth/me", headers={**PREFLIGHT, "Origin": "https://app.phaen.example"})
        assert ok.headers["access-control-allow-origin"] == "https://app.phaen.example"
        evil = await c.options("/v1/auth/me", headers=PREFLIGHT)
        assert evil.headers.get("access-control-allow-origin") != "https://evil.example"


@pytest.mark.parametrize("origin", ["*", "app.example", "https://app.example/"])
def test_a_wildcard_or_malformed_origin_is_refused_at_start(origin: str) -> None:
    with pytest.raises(ValidationError):
        Settings(cors_allow_origins=(origin,))

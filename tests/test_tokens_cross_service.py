"""Every forged or stale token is a 401 problem+json at the gateway AND straight at a service.

The budget service here is the real one, served over HTTP, verifying tokens the way it does in
production: the gateway's JWKS and revocation list fetched over HTTP (to the in-process gateway).
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from cryptography.hazmat.primitives import serialization
from jose import jwt
from pydantic import SecretStr
from sqlalchemy import text

from phaen_common.auth import RemoteKeySource, RemoteRevocations, TokenVerifier
from phaen_common.migrations import upgrade
from phaen_common.testing import TestKeys
from phaen_gateway.main import create_app as create_gateway
from phaen_gateway.testing import LoopbackServer, add_user, gateway_client, gateway_settings, login

GW = "http://gateway"
ISS, AUD = "phaen-gateway", "phaen"


@dataclass
class World:
    gw_app: Any
    gw: httpx.AsyncClient
    budget: httpx.AsyncClient
    admin: dict[str, str]
    revocations: RemoteRevocations
    key_source: RemoteKeySource


@pytest.fixture(scope="module")
async def world(pg_url, tmp_path_factory):
    import phaen_budget
    import phaen_gateway
    from phaen_budget.config import Settings as BudgetSettings
    from phaen_budget.main import create_app as create_budget

    upgrade(phaen_gateway.MIGRATIONS_DIR, pg_url, phaen_gateway.SCHEMA)
    upgrade(phaen_budget.MIGRATIONS_DIR, pg_url, phaen_budget.SCHEMA)
    budget_app = create_budget(BudgetSettings(database_url=SecretStr(pg_url)))
    budget_server = LoopbackServer(budget_app)
    settings = gateway_settings(
        pg_url, budget_url=budget_server.url, revocation_cache_seconds=1, data_dir=tmp_path_factory.mktemp("gw-cross")
    )
    gw_app = create_gateway(settings)
    # The service reaches the gateway over HTTP (ASGI in-process), exactly as it would over the network.
    to_gateway = httpx.AsyncClient(transport=httpx.ASGITransport(app=gw_app), base_url=GW)
    revocations = RemoteRevocations(f"{GW}/v1/auth/revocations", client=to_gateway, cache_seconds=1)
    key_source = RemoteKeySource(f"{GW}/v1/auth/jwks.json", client=to_gateway)
    budget_app.state.verifier = TokenVerifier(key_source, issuer=ISS, audience=AUD, leeway=30, revocations=revocations)
    async with (
        gateway_client(settings, gw_app) as (_, gw),
        budget_server as budget_url,
        httpx.AsyncClient(base_url=budget_url) as budget,
        to_gateway,
    ):
        admin = await add_user(gw_app, roles=["admin"])
        yield World(gw_app, gw, budget, admin, revocations, key_source)


TARGETS = {
    "gateway": lambda w: (w.gw, "/v1/auth/me"),
    "gateway-proxy": lambda w: (w.gw, "/v1/budget/events"),
    "service": lambda w: (w.budget, "/v1/budget/events"),
}


async def _call(world: World, target: str, token: str) -> httpx.Response:
    client, path = TARGETS[target](world)
    return await client.get(path, headers={"Authorization": f"Bearer {token}"})


def _assert_401(r: httpx.Response, where: str) -> None:
    assert r.status_code == 401, (where, r.status_code, r.text)
    assert r.headers["content-type"].startswith("application/problem+json"), where
    assert r.json()["code"] == "unauthorized" and r.json()["status"] == 401, where


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _segment(obj: dict[str, Any]) -> str:
    return _b64(json.dumps(obj, separators=(",", ":")).encode())


@dataclass
class Material:
    """What a forger could have (public keys, a real token) and what only tests have (the private key)."""

    token: str
    kid: str
    private_pem: str
    public_pem: bytes
    public_der: bytes
    sub: str

    def claims(self, **over: Any) -> dict[str, Any]:
        now = int(time.time())
        c: dict[str, Any] = {
            "iss": ISS,
            "aud": AUD,
            "iat": now,
            "exp": now + 600,
            "jti": uuid.uuid4().hex,
            "sub": self.sub,
            "roles": ["admin"],
            "scope": "events:read auth:admin",
            "kind": "user",
        }
        c.update(over)
        return {k: v for k, v in c.items() if v is not None}

    def sign(self, claims: dict[str, Any], **headers: Any) -> str:
        return jwt.encode(claims, self.private_pem, algorithm="RS256", headers={"kid": self.kid, **headers})

    def hmac(self, key: bytes) -> str:
        signing_input = f"{_segment({'alg': 'HS256', 'typ': 'JWT', 'kid': self.kid})}.{_segment(self.claims())}"
        sig = hmac.new(key, signing_input.encode(), hashlib.sha256).digest()
        return f"{signing_input}.{_b64(sig)}"


async def _material(world: World) -> Material:
    tokens = await login(world.gw, world.admin["username"], world.admin["password"])
    token = tokens["access_token"]
    kid = jwt.get_unverified_header(token)["kid"]
    async with world.gw_app.state.db.sessionmaker() as session:
        pem = (
            await session.execute(text("SELECT private_pem FROM gateway.signing_keys WHERE kid = :k"), {"k": kid})
        ).scalar_one()
    public = serialization.load_pem_private_key(pem.encode(), password=None).public_key()
    return Material(
        token=token,
        kid=kid,
        private_pem=pem,
        sub=world.admin["id"],
        public_pem=public.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo),
        public_der=public.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo),
    )


def _swapped(m: Material) -> str:
    header, _, signature = m.token.split(".")
    return f"{header}.{_segment(m.claims(roles=['admin'], sub=str(uuid.uuid4())))}.{signature}"


FORGERIES: dict[str, Callable[[Material], str]] = {
    "alg none": lambda m: f"{_segment({'alg': 'none', 'typ': 'JWT', 'kid': m.kid})}.{_segment(m.claims())}.",
    "alg none without kid": lambda m: f"{_segment({'alg': 'none'})}.{_segment(m.claims())}.",
    "HS256 keyed with the public key (PEM)": lambda m: m.hmac(m.public_pem),
    "HS256 keyed with the public key (DER)": lambda m: m.hmac(m.public_der),
    "another key under the real kid": lambda m: TestKeys().sign(m.claims(), headers={"kid": m.kid}),
    "unknown kid": lambda m: m.sign(m.claims(), kid="no-such-key"),
    "no kid": lambda m: jwt.encode(m.claims(), m.private_pem, algorithm="RS256"),
    "missing exp": lambda m: m.sign(m.claims(exp=None)),
    "missing aud": lambda m: m.sign(m.claims(aud=None)),
    "wrong aud": lambda m: m.sign(m.claims(aud="someone-else")),
    "missing iss": lambda m: m.sign(m.claims(iss=None)),
    "wrong iss": lambda m: m.sign(m.claims(iss="https://evil.example")),
    "missing sub": lambda m: m.sign(m.claims(sub=None)),
    "missing jti": lambda m: m.sign(m.claims(jti=None)),
    "missing iat": lambda m: m.sign(m.claims(iat=None)),
    "expired beyond the leeway": lambda m: m.sign(m.claims(iat=int(time.time()) - 900, exp=int(time.time()) - 31 - 5)),
    "issued in the future": lambda m: m.sign(m.claims(iat=int(time.time()) + 300, exp=int(time.time()) + 900)),
    "lives longer than an hour": lambda m: m.sign(m.claims(exp=int(time.time()) + 7200)),
    "unknown crit header": lambda m: m.sign(m.claims(), crit=["x-phaen-magic"], **{"x-phaen-magic": True}),
    "payload swapped under a real signature": _swapped,
    "signature stripped": lambda m: m.token.rsplit(".", 1)[0] + ".",
    "garbage": lambda m: "not-a-jwt",
    "header is a JSON list": lambda m: f"{_b64(b'[1]')}.{m.token.split('.', 1)[1]}",
    "kid is a list": lambda m: f"{_segment({'alg': 'RS256', 'kid': [m.kid]})}.{m.token.split('.', 1)[1]}",
    "payload is a JSON list": lambda m: f"{m.token.split('.')[0]}.{_b64(b'[1]')}.{m.token.split('.')[2]}",
}


async def test_a_real_token_passes_everywhere(world):
    m = await _material(world)
    for target in TARGETS:
        r = await _call(world, target, m.token)
        assert r.status_code == 200, (target, r.text)
    # Our own forging kit works: a token it signs with the real key and sane claims is accepted.
    r = await _call(world, "service", m.sign(m.claims()))
    assert r.status_code == 200, r.text


@pytest.mark.parametrize("forgery", list(FORGERIES))
async def test_forged_or_stale_tokens_are_401_everywhere(world, forgery, figures):
    m = await _material(world)
    token = FORGERIES[forgery](m)
    for target in TARGETS:
        _assert_401(await _call(world, target, token), f"{forgery} at {target}")
        figures.add("forged tokens tried and rejected (x processes)")


async def test_a_disabled_users_tokens_fail_everywhere_after_the_revocation_window(world):
    victim = await add_user(world.gw_app, roles=["admin"])
    token = (await login(world.gw, victim["username"], victim["password"]))["access_token"]
    for target in TARGETS:
        assert (await _call(world, target, token)).status_code == 200, target
    admin = (await login(world.gw, world.admin["username"], world.admin["password"]))["access_token"]
    r = await world.gw.post(f"/v1/auth/users/{victim['id']}/disable", headers={"Authorization": f"Bearer {admin}"})
    assert r.status_code == 200, r.text
    r = await world.gw.get("/v1/auth/revocations")
    assert hashlib.sha256(victim["id"].encode()).hexdigest() in r.json()["revoked"]
    await asyncio.sleep(world.revocations.cache_seconds + 0.2)  # the service's revocation window
    for target in TARGETS:
        _assert_401(await _call(world, target, token), f"disabled user at {target}")


async def test_a_token_signed_before_a_key_rotation_still_verifies_everywhere(world):
    m = await _material(world)
    r = await world.gw.post("/v1/auth/keys/rotate", headers={"Authorization": f"Bearer {m.token}"})
    assert r.status_code == 200, r.text
    assert m.kid in r.json()["retired"]
    for target in TARGETS:
        r = await _call(world, target, m.token)
        assert r.status_code == 200, (target, r.text)


async def test_a_rotated_in_key_signs_only_once_services_may_refetch_the_jwks(world):
    """Services refetch the JWKS on an unknown kid at most every 5 s: the new key waits longer than that."""
    ring = world.gw_app.state.ring
    ring.activation_delay = 10
    try:
        m = await _material(world)
        assert (await _call(world, "service", m.token)).status_code == 200  # the service knows this key
        r = await world.gw.post("/v1/auth/keys/rotate", headers={"Authorization": f"Bearer {m.token}"})
        new_kid = r.json()["kid"]
        assert new_kid in [k["kid"] for k in (await world.gw.get("/v1/auth/jwks.json")).json()["keys"]]
        young = await _material(world)
        assert young.kid != new_kid  # still signed by the previous key
        assert (await _call(world, "service", young.token)).status_code == 200
        # Ten seconds later, for the gateway's clock and for the service's last JWKS fetch:
        ring.clock_skew += 11
        world.key_source.fetched_at -= 11
        world.key_source.attempted_at -= 11
        mature = await _material(world)
        assert mature.kid == new_kid
        for target in TARGETS:
            r = await _call(world, target, mature.token)
            assert r.status_code == 200, (target, r.text)
    finally:
        ring.activation_delay = 0
        ring.invalidate()

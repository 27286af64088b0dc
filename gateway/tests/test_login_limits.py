"""Brute force and flooding, written as the attack: login limits, hashing cap, per-client rate, two replicas."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
from fastapi import FastAPI

from phaen_common.errors import TooManyRequests
from phaen_gateway.auth.limits import HashingGate
from phaen_gateway.main import create_app
from phaen_gateway.testing import add_user, gateway_settings


def _settings(gateway_db: str, tmp_path: Any, **limits: Any) -> Any:
    values = {
        "login_limit_account_address": "5/5 minutes",
        "login_limit_address": "30/5 minutes",
        "login_limit_account": "50/10 minutes",
        "client_rate_limit": "1200/minute",
        **limits,
    }
    return gateway_settings(gateway_db, data_dir=tmp_path, **values)


@asynccontextmanager
async def _gateway(settings: Any) -> AsyncIterator[FastAPI]:
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        yield app


def _client(app: FastAPI, address: str) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, client=(address, 40000))
    return httpx.AsyncClient(transport=transport, base_url="http://gateway")


async def _login(client: httpx.AsyncClient, username: str, password: str) -> httpx.Response:
    return await client.post(
        "/v1/auth/token", data={"grant_type": "password", "username": username, "password": password}
    )


async def test_142_wrong_passwords_then_the_right_one_is_refused(gateway_db, tmp_path) -> None:
    async with _gateway(_settings(gateway_db, tmp_path)) as app, _client(app, "203.0.113.7") as attacker:
        user = await add_user(app, roles=["auditor"])
        statuses = [(await _login(attacker, user["username"], f"guess-{i}")).status_code for i in range(142)]
        assert statuses[:5] == [401] * 5 and set(statuses[5:]) == {429}
        r = await _login(attacker, user["username"], user["password"])
        assert r.status_code == 429, r.text
        assert r.headers["content-type"].startswith("application/problem+json")
        assert r.json()["code"] == "too_many_requests"
        assert 1 <= int(r.headers["Retry-After"]) <= 300


async def test_the_real_user_elsewhere_is_not_locked_out(gateway_db, tmp_path) -> None:
    async with (
        _gateway(_settings(gateway_db, tmp_path)) as app,
        _client(app, "203.0.113.8") as attacker,
        _client(app, "198.51.100.20") as owner,
    ):
        user = await add_user(app, roles=["auditor"])
        for i in range(40):
            await _login(attacker, user["username"], f"guess-{i}")
        r = await _login(owner, user["username"], user["password"])
        assert r.status_code == 200, r.text


async def test_many_accounts_from_one_address_are_limited(gateway_db, tmp_path) -> None:
    async with _gateway(_settings(gateway_db, tmp_path)) as app, _client(app, "203.0.113.9") as attacker:
        statuses = [(await _login(attacker, f"nobody-{i}", "x")).status_code for i in range(35)]
        assert statuses[:30] == [401] * 30 and set(statuses[30:]) == {429}


async def test_a_lock_lasts_minutes_not_forever(gateway_db, tmp_path) -> None:
    # The same rules with a 2-second window stand in for the 5-minute one.
    settings = _settings(gateway_db, tmp_path, login_limit_account_address="3/2 seconds")
    async with _gateway(settings) as app, _client(app, "203.0.113.10") as c:
        user = await add_user(app, roles=["auditor"])
        for i in range(3):
            assert (await _login(c, user["username"], f"guess-{i}")).status_code == 401
        r = await _login(c, user["username"], user["password"])
        assert r.status_code == 429 and int(r.headers["Retry-After"]) <= 2
        deadline = time.monotonic() + 10
        while (r := await _login(c, user["username"], user["password"])).status_code == 429:
            assert time.monotonic() < deadline, "the lock did not end"
            await asyncio.sleep(0.5)
        assert r.status_code == 200, r.text


async def test_limits_hold_across_two_gateway_replicas(gateway_db, tmp_path) -> None:
    settings = _settings(gateway_db, tmp_path)
    async with _gateway(settings) as one, _gateway(settings) as two:
        user = await add_user(one, roles=["auditor"])
        async with _client(one, "203.0.113.11") as a, _client(two, "203.0.113.11") as b:
            for i in range(5):
                replica = a if i % 2 else b
                assert (await _login(replica, user["username"], f"guess-{i}")).status_code == 401
            assert (await _login(a, user["username"], user["password"])).status_code == 429
            assert (await _login(b, user["username"], user["password"])).status_code == 429


async def test_client_credentials_are_limited_too(gateway_db, tmp_path) -> None:
    async with _gateway(_settings(gateway_db, tmp_path)) as app, _client(app, "203.0.113.12") as c:
        data = {"grant_type": "client_credentials", "client_id": "c-guess", "client_secret": "x"}
        statuses = [(await c.post("/v1/auth/token", data=data)).status_code for _ in range(7)]
        assert statuses[:5] == [401] * 5 and set(statuses[5:]) == {429}


async def test_every_client_has_a_rate_limit_at_the_gateway(gateway_db, tmp_path) -> None:
    settings = _settings(gateway_db, tmp_path, client_rate_limit="10/minute")
    async with _gateway(settings) as app, _client(app, "203.0.113.13") as c, _client(app, "203.0.113.14") as other:
        user = await add_user(app, roles=["auditor"])
        token = (await _login(c, user["username"], user["password"])).json()["access_token"]
        auth = {"Authorization": f"Bearer {token}"}
        statuses = [(await c.get("/v1/auth/me", headers=auth)).status_code for _ in range(12)]
        assert 200 in statuses and statuses[-1] == 429
        r = await c.get("/v1/auth/me", headers=auth)
        assert r.status_code == 429 and r.json()["code"] == "too_many_requests" and int(r.headers["Retry-After"]) >= 1
        # Anonymous callers are counted by address: another address is untouched.
        assert (await other.get("/v1/auth/jwks.json")).status_code == 200
        # Health checks are never limited.
        assert (await c.get("/healthz")).status_code == 200


async def test_concurrent_password_hashing_is_capped() -> None:
    gate = HashingGate(concurrency=2, queue=3)
    inside = peak = 0

    async def work() -> None:
        nonlocal inside, peak
        inside += 1
        peak = max(peak, inside)
        await asyncio.sleep(0.05)
        inside -= 1

    results = await asyncio.gather(*(gate.run(work) for _ in range(20)), return_exceptions=True)
    refused = [r for r in results if isinstance(r, TooManyRequests)]
    assert peak == 2
    assert len(refused) == 15 and all(r.headers["Retry-After"] == "1" for r in refused)


async def test_a_login_flood_gets_429_not_a_pile_of_hashes(gateway_db, tmp_path) -> None:
    settings = _settings(
        gateway_db,
        tmp_path,
        password_hash_concurrency=1,
        password_hash_queue=2,
        login_limit_address="1000/minute",
        login_limit_account="1000/minute",
        login_limit_account_address="1000/minute",
    )
    async with _gateway(settings) as app, _client(app, "203.0.113.15") as c:
        results = await asyncio.gather(*(_login(c, f"flood-{i}", "x") for i in range(30)))
        statuses = [r.status_code for r in results]
        assert set(statuses) <= {401, 429} and statuses.count(429) > 0

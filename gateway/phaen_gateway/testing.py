"""Test helpers for anyone who needs a real gateway in-process: settings, a client, users, logins, servers."""

from __future__ import annotations

import asyncio
import contextlib
import socket
import uuid
from collections.abc import AsyncIterator, Iterator, Sequence
from typing import Any

import httpx
from fastapi import FastAPI
from pydantic import SecretStr

from phaen_common.testing import app_client
from phaen_gateway.auth import service
from phaen_gateway.auth.schemas import UserCreate
from phaen_gateway.config import Settings
from phaen_gateway.main import create_app

# Cheap argon2 for tests only (production refuses these values).
FAST_HASHING: dict[str, Any] = {
    "password_hash_time_cost": 1,
    "password_hash_memory_kib": 8192,
    "password_hash_parallelism": 1,
}

# Tests share one client address and log in thousands of times: the abuse limits are opened wide unless a
# test sets its own (gateway/tests/test_login_limits.py does).
OPEN_LIMITS: dict[str, Any] = {
    "login_limit_account_address": "10000/minute",
    "login_limit_address": "10000/minute",
    "login_limit_account": "10000/minute",
    "client_rate_limit": "100000/minute",
    "password_hash_queue": 1024,
}


def closed_port_url() -> str:
    """A loopback URL nobody listens on (the port was free a moment ago)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def gateway_settings(pg_url: str, **overrides: Any) -> Settings:
    """Gateway settings for tests: fast hashing, upstreams on closed ports unless given."""
    values: dict[str, Any] = {
        "database_url": SecretStr(pg_url),
        **FAST_HASHING,
        **OPEN_LIMITS,
        "revocation_cache_seconds": 1,
        "key_activation_delay_seconds": 0,
        "registry_url": closed_port_url(),
        "budget_url": closed_port_url(),
        "reports_url": closed_port_url(),
    }
    values.update(overrides)
    return Settings(**values)


@contextlib.asynccontextmanager
async def gateway_client(
    settings: Settings, app: FastAPI | None = None, base_url: str = "http://gateway"
) -> AsyncIterator[tuple[FastAPI, httpx.AsyncClient]]:
    """The gateway app with its lifespan running, and an httpx client over ASGI."""
    app = app or create_app(settings)
    async with app_client(app, base_url=base_url) as client:
        yield app, client


async def add_user(app: FastAPI, *, roles: Sequence[str], password: str | None = None, **claims: Any) -> dict[str, str]:
    """Create a user straight in the gateway database; returns id, username and password."""
    username = f"u-{uuid.uuid4().hex[:12]}"
    password = password or f"pw-{uuid.uuid4().hex}"
    data = UserCreate(
        username=username, password=password, display_name=f"Test {username}", roles=list(roles), **claims
    )
    async with app.state.db.sessionmaker() as session, session.begin():
        user = await service.create_user(session=session, hasher=app.state.hasher, data=data)
    return {"id": str(user.id), "username": username, "password": password}


async def login(client: httpx.AsyncClient, username: str, password: str) -> dict[str, Any]:
    """The password grant; asserts success and returns the token response."""
    r = await client.post("/v1/auth/token", data={"grant_type": "password", "username": username, "password": password})
    assert r.status_code == 200, r.text
    return dict(r.json())


async def user_headers(
    app: FastAPI, client: httpx.AsyncClient, *, roles: Sequence[str], **claims: Any
) -> dict[str, str]:
    """A new user with ``roles``, logged in: its Authorization header."""
    user = await add_user(app, roles=roles, **claims)
    token = await login(client, user["username"], user["password"])
    return {"Authorization": f"Bearer {token['access_token']}"}


class LoopbackServer:
    """uvicorn in the current event loop, on a socket bound at construction (the URL is known before start).

    ``async with LoopbackServer(app) as url: ...`` serves ``app`` (lifespan included) until the block ends.
    """

    def __init__(self, app: Any) -> None:
        import uvicorn

        class Quiet(uvicorn.Server):
            @contextlib.contextmanager
            def capture_signals(self) -> Iterator[None]:  # leave pytest's signal handlers alone
                yield

        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.server = Quiet(uvicorn.Config(app, log_level="warning", lifespan="auto"))
        self.task: asyncio.Task[None] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def start(self) -> None:
        self.task = asyncio.create_task(self.server.serve(sockets=[self.sock]))
        while not self.server.started:
            if self.task.done():
                self.task.result()
            await asyncio.sleep(0.01)

    async def stop(self) -> None:
        self.server.should_exit = True
        if self.task is not None:
            await self.task
        self.sock.close()

    async def __aenter__(self) -> str:
        await self.start()
        return self.url

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()


@contextlib.asynccontextmanager
async def serve(app: Any) -> AsyncIterator[str]:
    """Serve an ASGI app over real HTTP on a free loopback port; yields its base URL."""
    async with LoopbackServer(app) as url:
        yield url

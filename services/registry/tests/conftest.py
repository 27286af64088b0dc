"""Registry test fixtures: the schema migrated and the geography loaded once per session."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI
from pydantic import SecretStr

from phaen_common.migrations import upgrade
from phaen_common.testing import TestKeys, app_client, rolled_back


@pytest.fixture(scope="session")
def registry_db(pg_url: str) -> str:
    """The registry schema at head with the reference geography loaded."""
    from phaen_registry import MIGRATIONS_DIR, SCHEMA
    from phaen_registry.setup import load_reference_data

    upgrade(MIGRATIONS_DIR, pg_url, SCHEMA)
    load_reference_data(pg_url)
    return pg_url


@pytest.fixture(scope="session")
def registry_app(registry_db: str) -> FastAPI:
    """One registry app for the session (its geography index is built once)."""
    from phaen_registry.config import Settings
    from phaen_registry.main import create_app

    return create_app(Settings(database_url=SecretStr(registry_db)))


@pytest.fixture(scope="session")
async def client(registry_app: FastAPI, keys: TestKeys) -> AsyncIterator[httpx.AsyncClient]:
    """An in-process client of the session's registry app."""
    async with app_client(registry_app, keys) as c:
        yield c


@pytest.fixture(autouse=True)
async def _each_test_rolled_back(request: pytest.FixtureRequest) -> AsyncIterator[None]:
    """A test that talks to the session's app runs in one transaction, rolled back after it: nothing it writes
    is seen by the next test."""
    if "client" not in request.fixturenames:
        yield
        return
    request.getfixturevalue("client")
    async with rolled_back(request.getfixturevalue("registry_app")):
        yield


@pytest.fixture
def admin(keys: TestKeys) -> dict[str, str]:
    return keys.auth(roles=["admin"], sub="admin-test")


@pytest.fixture
def secretariat(keys: TestKeys) -> dict[str, str]:
    return keys.auth(roles=["secretariat"], sub="secretariat-test")

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from phaen_common.migrations import upgrade
from phaen_gateway.testing import gateway_client, gateway_settings, user_headers


@pytest.fixture(scope="session")
def gateway_db(pg_url: str) -> str:
    """The gateway schema migrated once per run."""
    from phaen_gateway import MIGRATIONS_DIR, SCHEMA

    upgrade(MIGRATIONS_DIR, pg_url, SCHEMA)
    return pg_url


@pytest.fixture(scope="session")
async def gw(
    gateway_db: str, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[tuple[FastAPI, httpx.AsyncClient]]:
    """One gateway app (lifespan running) shared by the tests that need no special settings."""
    data_dir: Path = tmp_path_factory.mktemp("gw-data")
    async with gateway_client(gateway_settings(gateway_db, data_dir=data_dir)) as pair:
        yield pair


@pytest.fixture
def app(gw: tuple[FastAPI, httpx.AsyncClient]) -> FastAPI:
    return gw[0]


@pytest.fixture
def client(gw: tuple[FastAPI, httpx.AsyncClient]) -> httpx.AsyncClient:
    return gw[1]


@pytest.fixture(scope="session")
async def admin_headers(gw: tuple[FastAPI, httpx.AsyncClient]) -> dict[str, str]:
    """A fresh admin of this run (independent of the bootstrap admin)."""
    return await user_headers(gw[0], gw[1], roles=["admin"])

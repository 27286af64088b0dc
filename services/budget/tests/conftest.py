"""Budget test fixtures: the schema migrated once, one app per session with a fixed tier table."""

from __future__ import annotations

import tempfile
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from pydantic import SecretStr

from phaen_common.migrations import upgrade
from phaen_common.testing import TestKeys, app_client

from phaen_budget import MIGRATIONS_DIR, SCHEMA
from phaen_budget.config import Settings
from phaen_budget.core.tiers import FixedTierLookup, TambonInfo
from phaen_budget.main import create_app

# Tambons the fixed registry knows: code -> (tier, region).
TAMBONS = {
    "100101": TambonInfo(tier="pilot", region="central"),
    "500101": TambonInfo(tier="model", region="north"),
    "300101": TambonInfo(tier="expansion", region="northeast"),
    "900101": TambonInfo(tier="pilot", region="south"),
}


@pytest.fixture(scope="session")
def budget_url(pg_url: str) -> str:
    upgrade(MIGRATIONS_DIR, pg_url, SCHEMA)
    return pg_url


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return Path(tempfile.mkdtemp(prefix="phaen-budget-data-"))


@pytest.fixture(scope="session")
def settings(budget_url: str, data_dir: Path) -> Settings:
    return Settings(database_url=SecretStr(budget_url), data_dir=data_dir, db_pool_size=20, db_max_overflow=10)


@pytest.fixture(scope="session")
def tiers() -> FixedTierLookup:
    return FixedTierLookup(dict(TAMBONS))


@pytest.fixture(scope="session")
async def client(settings: Settings, keys: TestKeys, tiers: FixedTierLookup) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(settings)
    app.state.tiers = tiers
    async with app_client(app, keys) as c:
        yield c

"""Budget test fixtures: the schema migrated once, one app per session with a fixed tier table."""

from __future__ import annotations

import inspect
import tempfile
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from pydantic import SecretStr

from phaen_budget import MIGRATIONS_DIR, SCHEMA
from phaen_budget.config import Settings
from phaen_budget.core.tiers import FixedTierLookup, TambonInfo
from phaen_budget.main import create_app
from phaen_budget.signatories.directory import FixedDirectory
from phaen_common.migrations import upgrade
from phaen_common.testing import TestKeys, app_client, rolled_back

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
    # No background expiry sweep here: tests that travel in time (statements) would race a sweep reading the real
    # clock. The sweep is tested on its own app (tests/test_signatories.py).
    return Settings(
        database_url=SecretStr(budget_url),
        data_dir=data_dir,
        db_pool_size=10,
        db_max_overflow=5,
        expiry_sweep_seconds=0,
        # No periodic head signing either: it would write through a test's rolled-back connection while the test
        # uses it. Heads are signed on request (GET /audit/head) and the periodic task has its own test.
        audit_head_interval_seconds=0,
    )


@pytest.fixture(scope="session")
def tiers() -> FixedTierLookup:
    return FixedTierLookup(dict(TAMBONS))


@pytest.fixture(scope="session")
def budget_app(settings: Settings, tiers: FixedTierLookup) -> FastAPI:
    """The session's budget app (started by ``client``)."""
    app = create_app(settings)
    app.state.tiers = tiers
    # Any signatory id signs as its own person here; test_signatories runs the real gateway and registry.
    app.state.directory = FixedDirectory(everyone=True)
    return app


@pytest.fixture(scope="session")
async def client(budget_app: FastAPI, keys: TestKeys) -> AsyncIterator[httpx.AsyncClient]:
    async with app_client(budget_app, keys) as c:
        yield c


# A test that asks for one of these itself reaches the database through another connection (psycopg, a second
# app built from the settings, the live server in its own process): that connection must see what the test's
# requests committed, and would wait on the locks an open test transaction holds (the audit chain's advisory
# lock, row locks).
OTHER_CONNECTIONS = {"budget_url", "live_url", "pg_url", "settings"}


@pytest.fixture(autouse=True)
async def _each_test_rolled_back(request: pytest.FixtureRequest) -> AsyncIterator[None]:
    """A test that talks to the session's app runs in one transaction, rolled back after it: nothing it writes
    is seen by the next test. Kept committed: tests marked ``committed`` (each says why: concurrent requests
    through the app would share the one connection) and tests that use another connection (OTHER_CONNECTIONS)."""
    names = set(request.fixturenames)
    asked = set(inspect.signature(request.function).parameters)  # the test's own arguments, not the closure
    if "client" not in names or asked & OTHER_CONNECTIONS or request.node.get_closest_marker("committed"):
        yield
        return
    request.getfixturevalue("client")
    async with rolled_back(request.getfixturevalue("budget_app")):
        yield


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def live_url(budget_url: str, data_dir: Path, keys: TestKeys) -> Iterator[str]:
    """The budget service in a subprocess on a free loopback port (real HTTP, its own process)."""
    import json
    import os
    import subprocess
    import sys
    import time

    port = _free_port()
    env = {
        **os.environ,
        "PHAEN_DATABASE_URL": budget_url,
        "PHAEN_DATA_DIR": str(data_dir),
        "BUDGET_TEST_JWKS": json.dumps(keys.jwks),
    }
    proc = subprocess.Popen([sys.executable, str(Path(__file__).with_name("live_server.py")), str(port)], env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 240  # two workers import everything; slow on a loaded 2-core machine
        while True:
            try:
                if httpx.get(url + "/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the budget live server did not start")
            time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()

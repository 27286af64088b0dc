"""First start: signing key, admin user, the reports client; idempotent; the password never logged."""

from __future__ import annotations

import asyncio
import os
import stat
import subprocess
import sys
import uuid
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
from pydantic import SecretStr

from phaen_common.db import to_sync_url
from phaen_common.migrations import upgrade
from phaen_gateway import MIGRATIONS_DIR, SCHEMA
from phaen_gateway.bootstrap import REPORTS_CLIENT_ID, bootstrap
from phaen_gateway.testing import FAST_HASHING, gateway_client, gateway_settings, login


def _fresh_database(pg_url: str) -> str:
    """A new empty database on the test server (the bootstrap needs an empty users table)."""
    name = f"gw_boot_{uuid.uuid4().hex[:10]}"
    try:
        with psycopg.connect(
            to_sync_url(pg_url).replace("postgresql+psycopg://", "postgresql://"), autocommit=True
        ) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.Error as exc:  # only with a PHAEN_TEST_DATABASE_URL lacking CREATEDB
        pytest.skip(f"cannot create a database here: {type(exc).__name__}")
    parts = urlsplit(pg_url)
    return urlunsplit(parts._replace(path=f"/{name}"))


async def _counts(app) -> tuple[int, int, int]:
    from sqlalchemy import text

    async with app.state.db.sessionmaker() as session:
        row = (
            await session.execute(
                text(
                    "SELECT (SELECT count(*) FROM gateway.users), (SELECT count(*) FROM gateway.signing_keys "
                    "WHERE retired_at IS NULL), (SELECT count(*) FROM gateway.clients)"
                )
            )
        ).one()
    return int(row[0]), int(row[1]), int(row[2])


async def test_bootstrap_generates_the_admin_password_into_a_private_file(pg_url, tmp_path):
    url = _fresh_database(pg_url)
    upgrade(MIGRATIONS_DIR, url, SCHEMA)
    settings = gateway_settings(url, data_dir=tmp_path)
    await bootstrap(settings)
    password_file = tmp_path / "admin-password"
    secret_file = tmp_path / "reports-client-secret"
    assert stat.S_IMODE(password_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(secret_file.stat().st_mode) == 0o600
    password, secret = password_file.read_text().strip(), secret_file.read_text().strip()
    assert len(password) >= 16 and len(secret) >= 32

    await bootstrap(settings)  # again: nothing changes
    assert password_file.read_text().strip() == password and secret_file.read_text().strip() == secret
    async with gateway_client(settings) as (app, client):
        assert await _counts(app) == (1, 1, 2)  # the reports and budget clients
        tokens = await login(client, "admin", password)
        me = await client.get("/v1/auth/me", headers={"Authorization": f"Bearer {tokens['access_token']}"})
        assert me.json()["roles"] == ["admin"] and me.json()["username"] == "admin"
        r = await client.post(
            "/v1/auth/token",
            data={"grant_type": "client_credentials", "client_id": REPORTS_CLIENT_ID, "client_secret": secret},
        )
        assert r.status_code == 200, r.text
        assert r.json()["scope"] == "events:read"

    # A configured secret replaces the generated one.
    new_secret = f"configured-{uuid.uuid4().hex}"
    settings = gateway_settings(url, data_dir=tmp_path, reports_client_secret=SecretStr(new_secret))
    await bootstrap(settings)
    async with gateway_client(settings) as (app, client):
        form = {"grant_type": "client_credentials", "client_id": REPORTS_CLIENT_ID}
        assert (await client.post("/v1/auth/token", data={**form, "client_secret": new_secret})).status_code == 200
        assert (await client.post("/v1/auth/token", data={**form, "client_secret": secret})).status_code == 401


async def test_bootstrap_cli_migrates_uses_the_env_password_and_never_logs_it(pg_url, tmp_path):
    url = _fresh_database(pg_url)
    password = f"env-admin-{uuid.uuid4().hex}"
    secret = f"reports-{uuid.uuid4().hex}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PHAEN_")}
    env.update(
        {
            "PHAEN_DATABASE_URL": url,
            "PHAEN_DATA_DIR": str(tmp_path),
            "PHAEN_ADMIN_PASSWORD": password,
            "PHAEN_REPORTS_CLIENT_SECRET": secret,
            **{f"PHAEN_{k.upper()}": str(v) for k, v in FAST_HASHING.items()},
        }
    )
    outputs = []
    for _ in range(2):
        done = await asyncio.to_thread(
            subprocess.run,
            [sys.executable, "-m", "phaen_gateway.bootstrap"],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr[-2000:]
        outputs.append(done.stdout + done.stderr)
        assert password not in outputs[-1] and secret not in outputs[-1]
    assert "created user admin; its password is in PHAEN_ADMIN_PASSWORD" in outputs[0]
    assert "created user admin" not in outputs[1]
    assert not (tmp_path / "admin-password").exists()
    settings = gateway_settings(url, data_dir=tmp_path, reports_client_secret=SecretStr(secret))
    async with gateway_client(settings) as (app, client):
        assert await _counts(app) == (1, 1, 2)  # the reports and budget clients
        await login(client, "admin", password)
        r = await client.post(
            "/v1/auth/token",
            data={"grant_type": "client_credentials", "client_id": REPORTS_CLIENT_ID, "client_secret": secret},
        )
        assert r.status_code == 200, r.text

"""`make run` starts the processes while PostgreSQL is still coming up: the gateway (the one process whose start-up
reads the database: its signing keys) answers 503 on ``/readyz`` until the database answers, then becomes ready
without a restart, and ``/healthz`` answers throughout."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from urllib.parse import parse_qs, urlparse

from phaen_gateway.testing import gateway_client, gateway_settings


def _socket_dir_url(url: str, socket_dir: Path) -> tuple[str, Path]:
    """``url`` pointed at another socket folder, and the real server's socket file."""
    parsed = urlparse(url)
    real = Path(parse_qs(parsed.query)["host"][0]) / ".s.PGSQL.5432"
    return f"postgresql://postgres@/{parsed.path.lstrip('/')}?host={socket_dir}", real


async def test_the_gateway_started_before_its_database_answers_503_then_becomes_ready(
    gateway_db: str, tmp_path: Path
) -> None:
    socket_dir = tmp_path / "socket"
    socket_dir.mkdir()
    url, real_socket = _socket_dir_url(gateway_db, socket_dir)  # no server there yet
    async with gateway_client(gateway_settings(url, data_dir=tmp_path / "data")) as (_app, client):
        assert (await client.get("/healthz")).status_code == 200
        r = await client.get("/readyz")
        assert r.status_code == 503, r.text
        assert r.headers["content-type"].startswith("application/problem+json")
        assert r.json()["checks"]["database"] == "failing"

        (socket_dir / ".s.PGSQL.5432").symlink_to(real_socket)  # the database "comes up"
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            r = await client.get("/readyz")
            if r.status_code == 200:
                break
            await asyncio.sleep(0.1)
        assert r.status_code == 200, r.text
        assert r.json()["checks"]["keys"] == "ok"
        jwks = await client.get("/v1/auth/jwks.json")
        assert jwks.status_code == 200 and jwks.json()["keys"]

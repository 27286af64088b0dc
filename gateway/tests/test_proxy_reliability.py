"""The gateway under faults: a stale pooled connection is retried only when that is safe, timeouts fit the route.

The upstream here is a raw TCP server that answers with ``Connection: keep-alive`` and then closes the socket,
as a service does when its keep-alive timer fires just as the gateway reuses the connection.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest

from phaen_gateway.testing import gateway_client, gateway_settings, user_headers


class FlakyUpstream:
    """Answers the first request on each connection and keeps it open; a second request on the same connection
    makes it close the socket without answering (its keep-alive timer fired just as the gateway reused it)."""

    def __init__(self) -> None:
        self.answered: list[bytes] = []
        self.dropped = 0
        self.server: asyncio.Server | None = None

    async def _read_request(self, reader: asyncio.StreamReader) -> bytes:
        head = await reader.readuntil(b"\r\n\r\n")
        length = 0
        for line in head.split(b"\r\n"):
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":", 1)[1])
        if length:
            await reader.readexactly(length)
        return head.split(b"\r\n", 1)[0]

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            self.answered.append(await self._read_request(reader))
            body = b'{"ok": true}'
            writer.write(
                b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nconnection: keep-alive\r\n"
                b"content-length: " + str(len(body)).encode() + b"\r\n\r\n" + body
            )
            await writer.drain()
            await self._read_request(reader)
            self.dropped += 1
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    @asynccontextmanager
    async def running(self) -> AsyncIterator[str]:
        self.server = await asyncio.start_server(self.handle, "127.0.0.1", 0)
        port = self.server.sockets[0].getsockname()[1]
        try:
            yield f"http://127.0.0.1:{port}"
        finally:
            self.server.close()


@pytest.fixture
async def flaky(gateway_db, tmp_path_factory):
    upstream = FlakyUpstream()
    async with upstream.running() as url:
        settings = gateway_settings(
            gateway_db,
            budget_url=url,
            upstream_keepalive_seconds=30,  # keep the dead connections in the pool: the race, made certain
            data_dir=tmp_path_factory.mktemp("gw-flaky"),
        )
        async with gateway_client(settings) as (app, client):
            headers = await user_headers(app, client, roles=["auditor"])
            yield upstream, client, headers


async def test_a_read_on_a_connection_the_service_closed_is_sent_again_and_answered(flaky):
    upstream, client, auth = flaky
    for _ in range(5):
        r = await client.get("/v1/budget/anything", headers=auth)
        assert r.status_code == 200, r.text
    assert len(upstream.answered) == 5 and upstream.dropped >= 4


async def test_a_post_with_an_idempotency_key_is_sent_again_on_a_stale_connection(flaky):
    _upstream, client, auth = flaky
    await client.get("/v1/budget/warm", headers=auth)
    for i in range(4):
        r = await client.post("/v1/budget/withdrawals", json={"n": i}, headers={**auth, "Idempotency-Key": f"k-{i}"})
        assert r.status_code == 200, r.text


async def test_a_post_without_an_idempotency_key_is_never_sent_twice(flaky):
    upstream, client, auth = flaky
    await client.get("/v1/budget/warm", headers=auth)
    seen_before = len(upstream.answered) + upstream.dropped
    r = await client.post("/v1/budget/withdrawals", json={"n": 1}, headers=auth)
    # The pooled connection was dead: the POST reached the service once (unanswered) and was not sent again.
    assert r.status_code == 503, r.text
    assert len(upstream.answered) + upstream.dropped - seen_before == 1


def test_routes_get_short_timeouts_and_documents_the_long_one(gateway_db, tmp_path) -> None:
    s = gateway_settings(gateway_db, data_dir=tmp_path)
    assert s.upstream("registry")[1] <= 5 and s.upstream("budget")[1] <= 10 and s.upstream("reports")[1] <= 10
    assert s.upstream("reports", document=True)[1] == s.document_timeout >= 60

"""One socket write per response (``phaen_common.serving``), and every response still whole and in order."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator
from typing import Any, ClassVar

import httpx
import pytest
import uvicorn

from phaen_common.serving import OneWriteHttpToolsProtocol, OneWriteTransport


class _Recorder:
    """A stand-in for the socket's transport that records the writes it is given."""

    def __init__(self) -> None:
        self.writes: list[bytes] = []
        self.closed = False

    def write(self, data: bytes) -> None:
        self.writes.append(bytes(data))

    def is_closing(self) -> bool:
        return self.closed

    def close(self) -> None:
        self.closed = True

    def get_extra_info(self, name: str, default: Any = None) -> Any:
        return ("127.0.0.1", 1) if name in ("peername", "sockname") else default


async def test_the_writes_of_one_step_leave_as_one() -> None:
    real = _Recorder()
    transport = OneWriteTransport(real, asyncio.get_running_loop())  # type: ignore[arg-type]
    transport.write(b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n")
    transport.write(b"")
    transport.write(b"ok")
    assert real.writes == []  # kept until the end of the step
    await asyncio.sleep(0)
    assert real.writes == [b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok"]
    transport.write(b"next")
    await asyncio.sleep(0)
    assert real.writes[-1] == b"next"  # a later step is a later write


async def test_a_close_sends_what_is_kept_first_and_a_closed_transport_gets_nothing() -> None:
    real = _Recorder()
    transport = OneWriteTransport(real, asyncio.get_running_loop())  # type: ignore[arg-type]
    transport.write(b"last words")
    transport.close()
    assert real.writes == [b"last words"] and real.closed
    transport.write(b"too late")
    await asyncio.sleep(0)
    assert real.writes == [b"last words"]
    assert transport.get_extra_info("peername") == ("127.0.0.1", 1)  # the rest is the real transport's


async def _app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    if scope["type"] == "lifespan":
        while True:
            kind = (await receive())["type"]
            await send({"type": kind + ".complete"})  # lifespan.startup.complete, lifespan.shutdown.complete
            if kind == "lifespan.shutdown":
                return
    path = scope["path"]
    if path == "/stream":
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/plain")]})
        for i in range(3):
            await send({"type": "http.response.body", "body": f"part{i};".encode(), "more_body": True})
            await asyncio.sleep(0.01)
        await send({"type": "http.response.body", "body": b"end"})
        return
    if path == "/echo":
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        await send({"type": "http.response.start", "status": 201, "headers": [(b"content-length", b"%d" % len(body))]})
        await send({"type": "http.response.body", "body": body})
        return
    body = b"small " + path.encode()
    headers = [(b"content-type", b"text/plain"), (b"content-length", b"%d" % len(body))]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class _Counting(OneWriteHttpToolsProtocol):
    """Counts the writes that reach the socket's transport."""

    writes: ClassVar[list[bytes]] = []

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        original = transport.write

        class Counted:
            def __getattr__(self, name: str) -> Any:
                return getattr(transport, name)

            def write(self, data: bytes) -> None:
                _Counting.writes.append(bytes(data))
                original(data)

        super().connection_made(Counted())  # type: ignore[arg-type]


@pytest.fixture
async def served() -> AsyncIterator[str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(_app, host="127.0.0.1", port=port, http=_Counting, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    for _ in range(1000):  # uvicorn offers no event for it
        if server.started or task.done():
            break
        await asyncio.sleep(0.01)
    if task.done():
        task.result()  # the server's own error
    assert server.started
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await task


async def test_a_small_response_is_one_write_and_every_response_is_whole(served: str) -> None:
    _Counting.writes.clear()
    async with httpx.AsyncClient(base_url=served) as client:
        r = await client.get("/a")
        assert (r.status_code, r.text) == (200, "small /a")
        assert len(_Counting.writes) == 1 and _Counting.writes[0].endswith(b"\r\n\r\nsmall /a")
        answers = await asyncio.gather(*(client.get(f"/n{i}") for i in range(20)))
        assert [a.text for a in answers] == [f"small /n{i}" for i in range(20)]
        r = await client.get("/stream")  # chunked, with pauses: every part arrives, in order
        assert r.text == "part0;part1;part2;end"
        r = await client.post("/echo", content=b"x" * 200_000)
        assert (r.status_code, len(r.content)) == (201, 200_000)
        r = await client.head("/h")
        assert r.status_code == 200 and r.content == b""
        r = await client.get("/bye", headers={"connection": "close"})
        assert r.text == "small /bye"

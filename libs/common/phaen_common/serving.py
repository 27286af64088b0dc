"""uvicorn's httptools protocol with one socket write per response instead of two.

uvicorn writes a response's status line and headers when the app sends ``http.response.start`` and the body when
it sends ``http.response.body``: two ``write`` system calls, two TCP segments on the wire, two wake-ups of the
reader. Profiled in the gateway (bench/PROFILE.md, "One write per response"), those writes were the largest
single item of a proxied request's CPU. This protocol hands uvicorn a transport that keeps the writes made in one
step of the event loop and sends them as one at the end of the step (``loop.call_soon``): the headers and a
body sent right after them leave together; a streamed body still leaves chunk by chunk, each at the end of the
step that made it. Closing the connection sends what is kept first.

Used by ``make run`` and the Dockerfile (``--http phaen_common.serving:OneWriteHttpToolsProtocol``).
"""

from __future__ import annotations

import asyncio
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol


class OneWriteTransport:
    """A transport whose writes within one event-loop step leave as one write (everything else is the real one's)."""

    __slots__ = ("_kept", "_loop", "_transport")

    def __init__(self, transport: asyncio.Transport, loop: asyncio.AbstractEventLoop) -> None:
        self._transport = transport
        self._loop = loop
        self._kept: list[bytes] | None = None

    def write(self, data: bytes | bytearray | memoryview) -> None:
        if not data:
            return
        if self._kept is None:
            self._kept = [bytes(data)]
            self._loop.call_soon(self.flush)
        else:
            self._kept.append(bytes(data))

    def writelines(self, lines: Any) -> None:
        for data in lines:
            self.write(data)

    def flush(self) -> None:
        """Send what is kept (at the end of the step; at once before a close)."""
        kept, self._kept = self._kept, None
        if kept and not self._transport.is_closing():
            self._transport.write(kept[0] if len(kept) == 1 else b"".join(kept))

    def close(self) -> None:
        self.flush()
        self._transport.close()

    def write_eof(self) -> None:
        self.flush()
        self._transport.write_eof()

    def __getattr__(self, name: str) -> Any:  # get_extra_info, is_closing, pause_reading, abort, ...
        return getattr(self._transport, name)


class OneWriteHttpToolsProtocol(HttpToolsProtocol):
    """``HttpToolsProtocol`` on a ``OneWriteTransport``."""

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(OneWriteTransport(transport, self.loop))  # type: ignore[arg-type]

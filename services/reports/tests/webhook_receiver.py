"""A real webhook receiver on loopback for tests: verifies Standard Webhooks signatures, refuses replays.

``mode`` makes it misbehave: ``"500"`` answers 500, ``"slow"`` answers after ``slow_seconds``; ``stop()``
and ``start()`` take it down and bring it back on the same port.
"""

from __future__ import annotations

import asyncio
import json
import socket
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web
from standardwebhooks import Webhook, WebhookVerificationError


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class ReplayingVerifier:
    """The Standard Webhooks check a receiver should run: signature, timestamp tolerance, and each
    webhook-id accepted once (the library checks the first two; a replay within 5 minutes needs the third)."""

    def __init__(self, secret: str) -> None:
        self.webhook = Webhook(secret)
        self.seen: set[str] = set()

    def verify(self, body: bytes, headers: dict[str, str]) -> Any:
        payload = self.webhook.verify(body, headers)  # raises WebhookVerificationError
        msg_id = {k.lower(): v for k, v in headers.items()}["webhook-id"]
        if msg_id in self.seen:
            raise WebhookVerificationError("replayed webhook-id")
        self.seen.add(msg_id)
        return payload


@dataclass
class Receiver:
    secret: str = ""
    mode: str = "ok"
    slow_seconds: float = 2.0
    port: int = field(default_factory=free_port)
    accepted: list[dict[str, Any]] = field(default_factory=list)
    requests: list[tuple[bytes, dict[str, str]]] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)
    hits: int = 0
    _runner: web.AppRunner | None = None
    _verifier: ReplayingVerifier | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hooks"

    def use_secret(self, secret: str) -> None:
        seen = self._verifier.seen if self._verifier else set()
        self.secret, self._verifier = secret, ReplayingVerifier(secret)
        self._verifier.seen = seen

    async def _handle(self, request: web.Request) -> web.Response:
        self.hits += 1
        body = await request.read()
        headers = dict(request.headers)
        self.requests.append((body, headers))
        if self.mode == "500":
            return web.Response(status=500)
        if self.mode == "slow":
            await asyncio.sleep(self.slow_seconds)
        assert self._verifier is not None
        try:
            event = self._verifier.verify(body, headers)
        except WebhookVerificationError as exc:
            self.rejected.append(str(exc))
            # A duplicate is acknowledged (the sender may stop), a bad signature is not.
            return web.Response(status=200 if "replayed" in str(exc) else 401)
        self.accepted.append(event)
        return web.Response(status=204)

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/hooks", self._handle)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", self.port).start()

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    def verify_again(self, body: bytes, headers: dict[str, str]) -> Any:
        """Run the receiver's verifier on a captured request (a replay)."""
        assert self._verifier is not None
        return self._verifier.verify(body, headers)


def loads(body: bytes) -> dict[str, Any]:
    return json.loads(body)

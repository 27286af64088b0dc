"""Where events come from: a small ``FeedSource`` interface, its HTTP form, and a recorded-list form."""

from __future__ import annotations

import bisect
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import httpx
from pydantic import SecretStr

from phaen_common.outbox import Event, EventFeed


class FeedUnavailable(Exception):
    """The source could not be reached or answered with an error (the consumer marks it stale)."""


class FeedSource(Protocol):
    """A source of events in commit order."""

    name: str

    async def fetch(self, *, after: int, limit: int) -> EventFeed: ...


class TokenProvider(Protocol):
    async def token(self) -> str: ...

    def invalidate(self) -> None: ...


class StaticToken:
    """A fixed bearer token (tests)."""

    def __init__(self, token: str) -> None:
        self._token = token

    async def token(self) -> str:
        return self._token

    def invalidate(self) -> None:
        return None


class ClientCredentialsToken:
    """A client-credentials token from the gateway, cached until shortly before it expires."""

    def __init__(
        self, *, gateway_url: str, client_id: str, client_secret: SecretStr | None, client: httpx.AsyncClient
    ) -> None:
        self.url = gateway_url.rstrip("/") + "/v1/auth/token"
        self.client_id = client_id
        self.client_secret = client_secret
        self.client = client
        self._token: str | None = None
        self._expires = 0.0

    async def token(self) -> str:
        if self._token and time.monotonic() < self._expires:
            return self._token
        if self.client_secret is None:
            raise FeedUnavailable("no client secret configured for the reports service")
        try:
            resp = await self.client.post(
                self.url,
                data={
                    "grant_type": "client_credentials",
                    "client_id": self.client_id,
                    "client_secret": self.client_secret.get_secret_value(),
                },
            )
        except httpx.HTTPError as exc:
            raise FeedUnavailable(f"gateway unreachable: {type(exc).__name__}") from exc
        if resp.status_code != 200:
            raise FeedUnavailable(f"token request refused with status {resp.status_code}")
        body = resp.json()
        self._token = str(body["access_token"])
        # Renew a minute early so a poll never carries an expiring token.
        self._expires = time.monotonic() + max(int(body.get("expires_in", 300)) - 60, 10)
        return self._token

    def invalidate(self) -> None:
        self._token = None


class HttpFeedSource:
    """``GET {base_url}{path}?after=&limit=`` with a bearer token (one retry after a 401)."""

    def __init__(
        self, *, name: str, base_url: str, path: str, tokens: TokenProvider, client: httpx.AsyncClient
    ) -> None:
        self.name = name
        self.url = base_url.rstrip("/") + path
        self.tokens = tokens
        self.client = client

    async def fetch(self, *, after: int, limit: int) -> EventFeed:
        for attempt in range(2):
            token = await self.tokens.token()
            try:
                resp = await self.client.get(
                    self.url, params={"after": after, "limit": limit}, headers={"Authorization": f"Bearer {token}"}
                )
            except httpx.HTTPError as exc:
                raise FeedUnavailable(f"{self.name} unreachable: {type(exc).__name__}") from exc
            if resp.status_code == 401 and attempt == 0:
                self.tokens.invalidate()
                continue
            if resp.status_code != 200:
                raise FeedUnavailable(f"{self.name} answered {resp.status_code}")
            try:
                return EventFeed.model_validate_json(resp.content)
            except ValueError as exc:
                raise FeedUnavailable(f"{self.name} sent a malformed page") from exc
        raise FeedUnavailable(f"{self.name} refused the token")


@dataclass
class ListFeedSource:
    """Recorded events served like a feed (tests, benchmarks); ``down`` simulates an outage."""

    name: str
    events: list[Event]
    down: bool = False
    _positions: list[int] = field(default_factory=list, repr=False)

    @classmethod
    def from_dicts(cls, name: str, events: Sequence[dict[str, Any]]) -> ListFeedSource:
        return cls(name=name, events=[Event.model_validate({"source": f"/v1/{name}", **e}) for e in events])

    async def fetch(self, *, after: int, limit: int) -> EventFeed:
        if self.down:
            raise FeedUnavailable(f"{self.name} is down")
        if len(self._positions) != len(self.events):
            self._positions = [e.pos for e in self.events]
        start = bisect.bisect_right(self._positions, after)
        items = self.events[start : start + limit + 1]
        has_more = len(items) > limit
        items = items[:limit]
        return EventFeed(items=items, next_after=items[-1].pos if items else after, has_more=has_more)

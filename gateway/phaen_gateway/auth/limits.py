"""Abuse limits at the gateway: login attempts, password hashing, and every client's request rate.

Counts live in ``gateway.rate_counters`` (PostgreSQL), so two gateway replicas share them. Keys are digests
of the account name and the client address, never the text itself.

Login failures are counted three ways (each a fixed window, so a lock ends on its own within minutes):
- per account *and* address: one attacker guessing one account is stopped after a few tries;
- per address: one attacker guessing many accounts;
- per account, from any address: a distributed guess; set high, so a real user elsewhere is rarely caught,
  and never for longer than its window.
A limited attempt is answered 429 before any password hashing, so it costs no argon2.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TypeVar

from fastapi import Request
from limits import RateLimitItem
from limits.aio.storage import Storage
from starlette.types import Scope

from phaen_common.db import Database
from phaen_common.errors import TooManyRequests
from phaen_common.ratelimit import Limit, Limiter, PostgresStorage, limit_key, make_rate_counter_table
from phaen_gateway import SCHEMA
from phaen_gateway.config import Settings

log = logging.getLogger("phaen.gateway.limits")

rate_counters = make_rate_counter_table(SCHEMA)

T = TypeVar("T")


def client_address(request: Request) -> str:
    """The peer that connected to us. X-Forwarded-For is the caller's own text: never trusted for limits."""
    return request.client.host if request.client else "-"


@dataclass
class _Window:
    started: int  # time.monotonic_ns()
    shared: int = 0  # the count in PostgreSQL after our last flush (every replica's hits)
    pending: int = 0  # our hits not yet added to it


class BatchedRate:
    """A per-client request rate counted in memory and added to the shared PostgreSQL count in batches.

    Counting every request with an upsert on the client's one row made the gateway's requests of one client
    wait on each other's row lock (32 concurrent requests of one token: ~30 req/s) and cost a database round
    trip each. Here a request costs a dictionary update; every ``flush_seconds`` the hits of each client are
    added with one upsert per client, which also brings back the other replicas' hits. Within one replica the
    count is exact; across replicas a client may pass its limit by what the others let through in one flush
    interval.
    """

    max_clients = 100_000

    def __init__(self, storage: Storage, item: RateLimitItem, *, flush_seconds: float = 1.0) -> None:
        self.storage = storage
        self.item = item
        self.expiry = item.get_expiry()
        self._expiry_ns = self.expiry * 1_000_000_000
        self.flush_seconds = flush_seconds
        self.windows: dict[str, _Window] = {}
        self._flusher: asyncio.Task[None] | None = None

    def hit(self, key: str) -> int | None:
        """Count one hit; None if within the limit, else the seconds until the window resets."""
        now = time.monotonic_ns()
        window = self.windows.get(key)
        if window is None or now - window.started >= self._expiry_ns:
            if len(self.windows) >= self.max_clients:
                self._forget_expired(now)
            window = self.windows[key] = _Window(started=now)
        if window.shared + window.pending >= self.item.amount:
            return max(1, -((now - window.started - self._expiry_ns) // 1_000_000_000))  # whole seconds, up
        window.pending += 1
        if self._flusher is None or self._flusher.done():
            self._flusher = asyncio.get_running_loop().create_task(self._flush_later())
        return None

    def _forget_expired(self, now: int) -> None:
        for key in [k for k, w in self.windows.items() if now - w.started >= self._expiry_ns and not w.pending]:
            del self.windows[key]
        while len(self.windows) >= self.max_clients:
            self.windows.pop(next(iter(self.windows)))

    async def _flush_later(self) -> None:
        await asyncio.sleep(self.flush_seconds)
        await self.flush()

    async def flush(self) -> None:
        """Add every client's pending hits to the shared count (one upsert per client)."""
        for key, window in list(self.windows.items()):
            sent = window.pending
            if not sent:
                continue
            try:
                count = await self.storage.incr(self.item.key_for(key), self.expiry, amount=sent)
            except Exception as exc:  # the database is away: keep counting here, add them later
                log.warning("client rate counts not stored: %s", type(exc).__name__)
                return
            window.pending -= sent
            window.shared = max(window.shared, count)
        self._forget_expired(time.monotonic_ns())


class LoginLimits:
    """The three login-failure limits and the per-client request limit, over one PostgreSQL-backed limiter."""

    def __init__(self, limiter: Limiter, settings: Settings, *, db: Database | None = None) -> None:
        self.limiter = limiter
        self.db = db
        self.account_address = Limit("login-account-address", settings.login_limit_account_address)
        self.address = Limit("login-address", settings.login_limit_address)
        self.account = Limit("login-account", settings.login_limit_account)
        self.client_rate = Limit("client-rate", settings.client_rate_limit)
        self.client_rate_counts = BatchedRate(limiter.storage, self.client_rate.item)

    async def close(self) -> None:
        await self.client_rate_counts.flush()
        if self.db is not None:
            await self.db.dispose()

    def _keys(self, account: str, address: str) -> list[tuple[Limit, tuple[str, ...]]]:
        name = account.strip().lower()
        return [
            (self.account_address, (name, address)),
            (self.address, (address,)),
            (self.account, (name,)),
        ]

    async def check(self, *, account: str, address: str) -> None:
        """429 (with Retry-After) if any login limit is spent; nothing is counted here."""
        waits = [await self.limiter.blocked(limit, *ident) for limit, ident in self._keys(account, address)]
        spent = [w for w in waits if w is not None]
        if spent:
            raise TooManyRequests(
                "Too many failed sign-ins for this account or from this address; try again later.",
                retry_after=max(spent),
            )

    async def failed(self, *, account: str, address: str) -> None:
        """Count one failed sign-in against every limit."""
        for limit, ident in self._keys(account, address):
            await self.limiter.hit(limit, *ident)

    async def succeeded(self, *, account: str, address: str) -> None:
        """The right password from this address: its own failures are forgotten (the others stand)."""
        await self.limiter.clear(self.account_address, account.strip().lower(), address)

    @functools.lru_cache(maxsize=4096)  # noqa: B019 (one LoginLimits per process, for its whole life)
    def _client_key(self, subject: str) -> str:
        """The counter's key of one client (a digest: remembered, every request of a client asks for it)."""
        return limit_key(self.client_rate.name, subject)

    async def request(self, subject: str) -> None:
        """Count one request of a client (a token's subject, or an address); 429 once its rate is spent."""
        wait = self.client_rate_counts.hit(self._client_key(subject))
        if wait is not None:
            raise TooManyRequests("This client sends too many requests; slow down.", retry_after=wait)


def make_limits(settings: Settings) -> LoginLimits:
    """The gateway's limits over a small pool of their own.

    A sign-in holds its request's connection while it waits for a hashing slot and then counts its failure:
    from the same pool, 30 concurrent sign-ins took every connection and waited on each other (a 500 after
    the pool's timeout).
    """
    db = Database(settings.require_database_url(), pool_size=4, max_overflow=4, application_name="phaen-gateway-limits")
    return LoginLimits(Limiter(PostgresStorage(db, rate_counters)), settings, db=db)


async def client_rate_limit(request: Request) -> None:
    """Every route of the gateway: one hit for the caller (its token's subject, else its address).

    If the counts cannot be read (the database is away) the request goes on: the services answer for
    themselves, and the gateway must not turn a database hiccup into an outage of every route.
    """
    await count_client_request(request.app.state.limits, request.scope)


async def count_client_request(limits: LoginLimits, scope: Scope) -> None:
    """``client_rate_limit`` on the ASGI scope (the proxy's fast path builds no Request)."""
    if scope["path"] in ("/healthz", "/readyz", "/metrics"):  # probes and scrapes are not callers
        return
    principal = scope.get("state", {}).get("principal")
    if principal is not None:
        subject = f"sub:{principal.sub}"
    else:
        client = scope.get("client")
        subject = f"addr:{client[0] if client else '-'}"
    try:
        await limits.request(subject)
    except TooManyRequests:
        raise
    except Exception as exc:
        log.warning("client rate limit not counted: %s", type(exc).__name__)


class HashingGate:
    """At most ``concurrency`` password hashes at once; at most ``queue`` more waiting, the rest get 429.

    One argon2id hash at 64 MiB costs ~175 ms of a core: unbounded, the login route is a CPU and memory
    denial of service for everything else on the machine.
    """

    def __init__(self, *, concurrency: int, queue: int) -> None:
        self._slots = asyncio.Semaphore(concurrency)
        self._capacity = concurrency + queue
        self._inside = 0

    async def run(self, work: Callable[[], Awaitable[T]]) -> T:
        if self._inside >= self._capacity:
            raise TooManyRequests("The sign-in service is busy; try again in a moment.", retry_after=1)
        self._inside += 1
        try:
            async with self._slots:
                return await work()
        finally:
            self._inside -= 1

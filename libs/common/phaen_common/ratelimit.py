"""Rate limits whose counts live in PostgreSQL, so every replica of a process sees the same counts.

The limiter is the ``limits`` library (rate strings like ``"5/5 minutes"``, the fixed-window strategy);
its storages are memory, Redis, Memcached, MongoDB and etcd, none of which Phaen runs. ``PostgresStorage``
is the one piece written here: one row per key, incremented by an atomic upsert.

Keys are digests: a limit keyed by a username or an address stores no caller text and no unbounded string.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import random
import time
from dataclasses import dataclass

from limits import RateLimitItem, parse
from limits.aio.storage import Storage
from limits.aio.strategies import FixedWindowRateLimiter
from sqlalchemy import Column, DateTime, Index, Integer, String, Table, case, delete, func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.exc import DBAPIError
from sqlmodel import SQLModel

from phaen_common.db import Database


def make_rate_counter_table(schema: str) -> Table:
    """The ``rate_counters`` table in a service's schema (one row per limited key and window)."""
    return Table(
        "rate_counters",
        SQLModel.metadata,
        Column("key", String(120), primary_key=True),
        Column("count", Integer, nullable=False),
        Column("expires_at", DateTime(timezone=True), nullable=False),
        Index(f"{schema}_rate_counters_expires_idx", "expires_at"),
        schema=schema,
    )


def limit_key(*parts: str) -> str:
    """A bounded key naming no caller text: ``kind:`` and a digest of the rest."""
    kind, *rest = parts
    raw = "\x1f".join(rest).encode("utf-8", "surrogatepass")
    return f"{kind}:{hashlib.sha256(raw).hexdigest()[:40]}"


class PostgresStorage(Storage):
    """A ``limits`` async storage on one PostgreSQL table (fixed windows: a count and when it resets)."""

    STORAGE_SCHEME: list[str] | None = ["phaen+postgresql"]  # noqa: RUF012 (the base class declares it so)

    # Expired rows are deleted now and then, by the caller that happens to draw this chance.
    prune_chance = 0.01

    def __init__(self, db: Database, table: Table) -> None:
        super().__init__()
        self.db = db
        self.table = table

    @property
    def base_exceptions(self) -> type[Exception] | tuple[type[Exception], ...]:
        return (DBAPIError, OSError)

    async def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        t = self.table
        now = func.now()
        fresh_expiry = now + dt.timedelta(seconds=expiry)
        expired = t.c.expires_at <= now
        stmt = (
            insert(t)
            .values(key=key, count=amount, expires_at=fresh_expiry)
            .on_conflict_do_update(
                index_elements=[t.c.key],
                set_={
                    "count": case((expired, amount), else_=t.c.count + amount),
                    "expires_at": case((expired, fresh_expiry), else_=t.c.expires_at),
                },
            )
            .returning(t.c.count)
        )
        async with self.db.engine.begin() as conn:
            count = int((await conn.execute(stmt)).scalar_one())
            if random.random() < self.prune_chance:  # noqa: S311 (not a secret: when to tidy up)
                await conn.execute(delete(t).where(t.c.expires_at < now - dt.timedelta(minutes=5)))
        return count

    async def get(self, key: str) -> int:
        t = self.table
        async with self.db.engine.connect() as conn:
            found = (
                await conn.execute(select(t.c.count).where(t.c.key == key, t.c.expires_at > func.now()))
            ).scalar_one_or_none()
        return int(found or 0)

    async def get_expiry(self, key: str) -> float:
        t = self.table
        async with self.db.engine.connect() as conn:
            found = (await conn.execute(select(t.c.expires_at).where(t.c.key == key))).scalar_one_or_none()
        return found.timestamp() if found is not None else time.time()

    async def check(self) -> bool:
        return await self.db.ping()

    async def reset(self) -> int | None:
        async with self.db.engine.begin() as conn:
            return (await conn.execute(delete(self.table))).rowcount

    async def clear(self, key: str) -> None:
        async with self.db.engine.begin() as conn:
            await conn.execute(delete(self.table).where(self.table.c.key == key))


@dataclass(frozen=True)
class Limit:
    """One named limit: ``Limit("login-account", "5/5 minutes")``."""

    name: str
    rate: str

    @property
    def item(self) -> RateLimitItem:
        return parse(self.rate)


class Limiter:
    """Fixed-window limits over a ``limits`` storage: ``hit`` counts, ``blocked`` asks without counting."""

    def __init__(self, storage: Storage) -> None:
        self.storage = storage
        self.strategy = FixedWindowRateLimiter(storage)

    async def hit(self, limit: Limit, *identity: str) -> int | None:
        """Count one hit; None if within the limit, else the seconds until it resets (``Retry-After``)."""
        key = limit_key(limit.name, *identity)
        if await self.strategy.hit(limit.item, key):
            return None
        return await self.retry_after(limit, *identity)

    async def blocked(self, limit: Limit, *identity: str) -> int | None:
        """None if one more hit would be allowed, else the seconds until the limit resets."""
        key = limit_key(limit.name, *identity)
        if await self.strategy.test(limit.item, key):
            return None
        return await self.retry_after(limit, *identity)

    async def retry_after(self, limit: Limit, *identity: str) -> int:
        stats = await self.strategy.get_window_stats(limit.item, limit_key(limit.name, *identity))
        return max(1, math.ceil(stats.reset_time - time.time()))

    async def clear(self, limit: Limit, *identity: str) -> None:
        await self.storage.clear(limit.item.key_for(limit_key(limit.name, *identity)))

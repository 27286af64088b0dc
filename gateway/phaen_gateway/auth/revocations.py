"""Disabled subjects, as the gateway itself sees them (database, cached a few seconds) and publishes them."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import time

from sqlalchemy import String, cast, func, select, union_all
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from phaen_common.auth import sub_digest
from phaen_common.db import Database
from phaen_gateway.auth.keys import published_window_seconds
from phaen_gateway.auth.models import PartnerClient, User

log = logging.getLogger("phaen.gateway.revocations")


async def revoked_subjects(*, session: AsyncSession, leeway: int) -> list[str]:
    """Digests of users and clients disabled recently enough that their tokens may still be unexpired.

    A subject disabled longer ago than the longest token life holds no live token (it cannot log in
    again), so the list stays short.
    """
    cutoff = func.now() - dt.timedelta(seconds=published_window_seconds(leeway))
    stmt = union_all(
        select(cast(col(User.id), String)).where(col(User.disabled_at) > cutoff),
        select(col(PartnerClient.client_id)).where(col(PartnerClient.disabled_at) > cutoff),
    )
    subs = (await session.execute(stmt)).scalars().all()
    return sorted(sub_digest(str(s)) for s in subs)


class DbRevocations:
    """The gateway's RevocationSource: the database list, cached ``cache_seconds``, dropped on a change."""

    def __init__(self, db: Database, *, leeway: int, cache_seconds: float) -> None:
        self.db = db
        self.leeway = leeway
        self.cache_seconds = cache_seconds
        self.digests: set[str] = set()
        self.fetched_at = -1e9
        self.attempted_at = -1e9
        self._lock = asyncio.Lock()

    def invalidate(self) -> None:
        self.fetched_at = self.attempted_at = -1e9

    async def _refresh(self) -> None:
        try:
            async with self.db.sessionmaker() as session:
                self.digests = set(await revoked_subjects(session=session, leeway=self.leeway))
            self.fetched_at = time.monotonic()
        except Exception as exc:
            # Keep the last list, as the services do; the database being down is reported by /healthz.
            log.warning("could not read the revocation list: %s", type(exc).__name__)
        finally:
            self.attempted_at = time.monotonic()

    def _due(self) -> bool:
        # After a failure, try again in a second rather than on every request.
        now = time.monotonic()
        return now - self.fetched_at >= self.cache_seconds and now - self.attempted_at >= min(self.cache_seconds, 1)

    async def is_revoked(self, sub: str) -> bool:
        if self._due():
            async with self._lock:
                if self._due():
                    await self._refresh()
        return sub_digest(sub) in self.digests

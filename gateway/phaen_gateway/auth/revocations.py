"""Disabled subjects, as the gateway itself sees them (database, cached a few seconds) and publishes them."""

from __future__ import annotations

import datetime as dt
import logging

from sqlalchemy import String, cast, func, select, union_all
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from phaen_common.auth import CachedRevocations, SourceUnavailable, sub_digest
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


class DbRevocations(CachedRevocations):
    """The gateway's RevocationSource: the database list, cached ``cache_seconds``, dropped on a change."""

    retry_floor = 1  # after a failure, try again in a second rather than on every request

    def __init__(self, db: Database, *, leeway: int, cache_seconds: float) -> None:
        super().__init__(cache_seconds=cache_seconds)
        self.db = db
        self.leeway = leeway

    async def _load(self) -> set[str]:
        try:
            async with self.db.sessionmaker() as session:
                return set(await revoked_subjects(session=session, leeway=self.leeway))
        except Exception as exc:
            # Keep the last list, as the services do; the database being down is reported by /healthz.
            log.warning("could not read the revocation list: %s", type(exc).__name__)
            raise SourceUnavailable("revocation list") from exc

"""Disabled subjects, as the gateway itself sees them (database, cached a few seconds) and publishes them."""

from __future__ import annotations

import datetime as dt
import logging
import math

from sqlalchemy import String, cast, func, select, union_all
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from phaen_common.auth import CachedRevocations, SourceUnavailable, sub_digest
from phaen_common.db import Database
from phaen_gateway.auth.models import PartnerClient, User

log = logging.getLogger("phaen.gateway.revocations")


def revocation_window_seconds(*, access_ttl: int, leeway: int) -> int:
    """How long a revoked subject stays listed: the access-token life plus the verifiers' leeway.

    After that, every token issued before the revocation has expired everywhere. (It was the longest life a
    verifier accepts, 3,630 s, four times the 900 s tokens actually live.)
    """
    return access_ttl + leeway


async def revoked_subjects(*, session: AsyncSession, window: int) -> dict[str, int]:
    """Digest -> epoch second before which the subject's tokens are refused, for every user and client
    revoked (disabled) within ``window`` seconds. Re-enabling keeps the moment: old tokens stay dead.

    The moment is rounded up to a whole second, because ``iat`` is whole seconds: a token issued in the
    same second as the revocation is refused too (the subject can sign in again a second later).
    """
    cutoff = func.now() - dt.timedelta(seconds=window)
    stmt = union_all(
        select(cast(col(User.id), String), col(User.revoked_before)).where(col(User.revoked_before) > cutoff),
        select(col(PartnerClient.client_id), col(PartnerClient.revoked_before)).where(
            col(PartnerClient.revoked_before) > cutoff
        ),
    )
    rows = (await session.execute(stmt)).all()
    return {sub_digest(str(sub)): math.ceil(moment.timestamp()) for sub, moment in rows if moment is not None}


class DbRevocations(CachedRevocations):
    """The gateway's RevocationSource: the database list, cached ``cache_seconds``, dropped on a change."""

    retry_floor = 1  # after a failure, try again in a second rather than on every request

    def __init__(self, db: Database, *, window: int, cache_seconds: float) -> None:
        super().__init__(cache_seconds=cache_seconds)
        self.db = db
        self.window = window

    async def _load(self) -> dict[str, float]:
        try:
            async with self.db.sessionmaker() as session:
                return dict(await revoked_subjects(session=session, window=self.window))
        except Exception as exc:
            # Keep the last list, as the services do; the database being down is reported by /healthz.
            log.warning("could not read the revocation list: %s", type(exc).__name__)
            raise SourceUnavailable("revocation list") from exc

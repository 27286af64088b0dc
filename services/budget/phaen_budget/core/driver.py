"""The asyncpg connection under a session, for the few hot paths written as plain SQL (no ORM unit of work).

Statements sent on it run in the session's own transaction: the same commit (the session dependency's), the
same rollback (a refusal, ``core.denials``), and the same Idempotency-Key claim when there is one.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import asyncpg
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession


async def connection(session: AsyncSession) -> Any:
    """The session's asyncpg connection, its transaction begun (SQLAlchemy's adapter begins it lazily)."""
    sa_connection = await session.connection()
    raw = await sa_connection.get_raw_connection()
    adapted: Any = raw.dbapi_connection
    if getattr(adapted, "_transaction", None) is None:
        # The adapter's own BEGIN, so the session's commit and rollback end this very transaction.
        await adapted._start_transaction()
    return adapted.driver_connection


@contextmanager
def sqlalchemy_errors(statement: str) -> Iterator[None]:
    """Raise a database error met on the raw connection as the ORM path would have met it (``DBAPIError``), so
    the app answers it the same way: a data exception (SQLSTATE 22) a 4xx, a retryable one a 503.

    Constraint violations stay asyncpg's: the caller maps them by constraint name (``core.constraints``)."""
    try:
        yield
    except asyncpg.IntegrityConstraintViolationError:
        raise
    except asyncpg.PostgresError as exc:
        raise DBAPIError(statement, None, exc) from exc

"""The asyncpg connection under a session, for the few hot paths written as plain SQL (no ORM unit of work).

Statements sent on it run in the session's own transaction: the same commit (the session dependency's), the
same rollback (a refusal, ``core.denials``), and the same Idempotency-Key claim when there is one.
"""

from __future__ import annotations

from typing import Any

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

"""Async engine, the session dependency (the only place that commits), and retryable DB errors."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Annotated, Any

import asyncpg
from fastapi import Depends, Request
from sqlalchemy import MetaData
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from sqlmodel import SQLModel

log = logging.getLogger("phaen.db")

# Postgres naming convention: migrations get stable, readable constraint names.
NAMING_CONVENTION = {
    "ix": "%(column_0_label)s_idx",
    "uq": "%(table_name)s_%(column_0_name)s_key",
    "ck": "%(table_name)s_%(constraint_name)s_check",
    "fk": "%(table_name)s_%(column_0_name)s_fkey",
    "pk": "%(table_name)s_pkey",
}


def use_naming_convention(metadata: MetaData | None = None) -> None:
    """Give the metadata (SQLModel's shared one by default) the naming convention; a service calls this once,
    before it defines its tables (its package ``__init__``), so importing the library changes nothing."""
    (SQLModel.metadata if metadata is None else metadata).naming_convention = NAMING_CONVENTION


RETRYABLE_DB_ERRORS: tuple[type[BaseException], ...] = (
    asyncpg.exceptions.CannotConnectNowError,
    asyncpg.exceptions.SerializationError,
    asyncpg.exceptions.DeadlockDetectedError,
    asyncpg.exceptions.TooManyConnectionsError,
    asyncpg.exceptions.AdminShutdownError,
    asyncpg.exceptions.ConnectionDoesNotExistError,
    asyncpg.exceptions.InterfaceError,
    asyncpg.exceptions.InternalClientError,
    ConnectionRefusedError,
    ConnectionResetError,
    OSError,
    TimeoutError,
    # No pooled connection freed up within the pool's wait (SQLAlchemy's own class, not the built-in one):
    # the process is busy, not broken. It was a 500.
    PoolTimeoutError,
)

_RETRYABLE_SQLSTATES = {"40001", "40P01", "57P01", "57P02", "57P03", "53300", "08000", "08003", "08006"}


def is_retryable_db_error(exc: BaseException) -> bool:
    """True when a database error means "try again", never a 500."""
    if isinstance(exc, OperationalError | InterfaceError):
        return True
    if isinstance(exc, DBAPIError):
        if exc.connection_invalidated:
            return True
        orig = exc.orig
        sqlstate = getattr(orig, "sqlstate", None) or getattr(getattr(orig, "__cause__", None), "sqlstate", None)
        if sqlstate in _RETRYABLE_SQLSTATES:
            return True
        cause = getattr(orig, "__cause__", None)
        return isinstance(orig, RETRYABLE_DB_ERRORS) or isinstance(cause, RETRYABLE_DB_ERRORS)
    return isinstance(exc, RETRYABLE_DB_ERRORS)


def to_async_url(url: str) -> str:
    """Accept postgres:// or postgresql:// URLs and use the asyncpg driver."""
    for prefix in ("postgresql+asyncpg://", "postgresql+psycopg://", "postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+asyncpg://" + url[len(prefix) :]
    raise ValueError("PHAEN_DATABASE_URL must be a PostgreSQL URL")


def to_sync_url(url: str) -> str:
    """The same database through psycopg (used by Alembic and scripts)."""
    return to_async_url(url).replace("postgresql+asyncpg://", "postgresql+psycopg://", 1)


class Database:
    """One engine and session factory per process."""

    def __init__(
        self,
        url: str,
        *,
        pool_size: int = 10,
        max_overflow: int = 10,
        pool_timeout: float = 30.0,
        application_name: str = "phaen",
    ) -> None:
        self.engine: AsyncEngine = create_async_engine(
            to_async_url(url),
            pool_size=pool_size,
            max_overflow=max_overflow,
            # How long a request waits for a free connection before its 503 with Retry-After.
            pool_timeout=pool_timeout,
            pool_pre_ping=True,
            connect_args={"server_settings": {"application_name": application_name}},
        )
        self.sessionmaker = async_sessionmaker(self.engine, expire_on_commit=False, autoflush=False)
        self._dsn = "postgresql://" + to_async_url(url).split("://", 1)[1]
        self._reads_size = max(1, pool_size)
        self._application_name = application_name
        self._reads: asyncpg.Pool | None = None
        self._reads_lock = asyncio.Lock()
        # Tests that roll back (``phaen_common.testing.rolled_back``) read on their one connection.
        self.pinned_reads: asyncpg.Connection | None = None

    async def _read_pool(self) -> asyncpg.Pool:
        if self._reads is None:
            async with self._reads_lock:
                if self._reads is None:
                    self._reads = await asyncpg.create_pool(
                        self._dsn,
                        min_size=1,
                        max_size=self._reads_size,
                        reset=_no_reset,
                        server_settings={
                            "application_name": f"{self._application_name}-reads",
                            "default_transaction_read_only": "on",
                        },
                    )
        return self._reads

    async def fetchrow(self, sql: str, *args: Any) -> asyncpg.Record | None:
        """One row of a read-only query on the hot-read pool: one round trip, no ORM, no transaction.

        For the few reads that are most of the traffic (a registry look-up, a report). The connections are
        read-only (``default_transaction_read_only``) and are not reset between uses (nothing changes their
        state). A lost connection raises a retryable error: the request is a 503 with Retry-After.
        """
        if self.pinned_reads is not None:
            return await self.pinned_reads.fetchrow(sql, *args)
        pool = await self._read_pool()
        return await pool.fetchrow(sql, *args)

    async def fetch(self, sql: str, *args: Any) -> list[asyncpg.Record]:
        """All rows of a read-only query on the hot-read pool (see ``fetchrow``)."""
        if self.pinned_reads is not None:
            return list(await self.pinned_reads.fetch(sql, *args))
        pool = await self._read_pool()
        return list(await pool.fetch(sql, *args))

    async def listen(self, channel: str, on_notify: Callable[[str], None]) -> asyncpg.Connection:
        """A dedicated connection LISTENing on ``channel``; ``on_notify(payload)`` runs for each notification.

        The caller closes it (``await conn.close()``) and checks ``conn.is_closed()`` to notice a lost one.
        """
        conn = await asyncpg.connect(
            self._dsn, server_settings={"application_name": f"{self._application_name}-listen"}
        )
        await conn.add_listener(channel, lambda _conn, _pid, _channel, payload: on_notify(payload))
        return conn

    async def dispose(self) -> None:
        if self._reads is not None:
            await self._reads.close()
            self._reads = None
        await self.engine.dispose()

    async def ping(self) -> bool:
        """True when the database answers a trivial query."""
        from sqlalchemy import text

        try:
            async with self.engine.connect() as conn:
                await conn.execute(text("SELECT 1"))
            return True
        except Exception as exc:  # any failure means "not ready"
            log.warning("database ping failed: %s", type(exc).__name__)
            return False


async def _no_reset(conn: asyncpg.Connection) -> None:
    """Hot-read connections keep no session state, so they skip asyncpg's reset query (a round trip)."""


AfterCommit = Callable[[], Awaitable[None]]


def after_commit(session: AsyncSession, hook: AfterCommit) -> None:
    """Run ``hook`` once the session dependency has committed (e.g. wake the outbox publisher)."""
    session.info.setdefault("after_commit", []).append(hook)


@asynccontextmanager
async def committed_session(db: Database) -> AsyncIterator[AsyncSession]:
    """A session committed when the block ends (rolled back if it raises), then its ``after_commit`` hooks run."""
    async with db.sessionmaker() as session:
        try:
            yield session
            await session.commit()
        except BaseException:
            await session.rollback()
            raise
    for hook in session.info.get("after_commit", []):
        try:
            await hook()
        except Exception as exc:
            log.warning("after-commit hook failed: %s", type(exc).__name__)


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    """The session dependency: the only place in a service that commits.

    Declared with ``scope="function"`` (see ``SessionDep``) so the commit happens before the
    response is sent: a failed commit becomes an error response, never a silent 200.
    """
    db: Database = request.app.state.db
    async with committed_session(db) as session:
        yield session


SessionDep = Annotated[AsyncSession, Depends(get_session, scope="function")]


async def run_in_transaction(db: Database, fn: Callable[[AsyncSession], Awaitable[Any]]) -> Any:
    """Run ``fn`` in its own committed transaction (scripts, background jobs)."""
    async with db.sessionmaker() as session, session.begin():
        return await fn(session)


async def _database(request: Request) -> Database:
    db: Database = request.app.state.db
    return db


# The process's Database, for routes on the hot-read path (``Database.fetchrow``): no session, no commit.
DatabaseDep = Annotated[Database, Depends(_database)]

"""Async engine, the session dependency (the only place that commits), and retryable DB errors."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Annotated, Any

import asyncpg
import orjson
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


def asyncpg_dsn(url: str) -> str:
    """The same database as a plain ``postgresql://`` DSN, for ``asyncpg.connect`` itself."""
    return "postgresql://" + to_async_url(url).split("://", 1)[1]


def jsonb_value(value: Any) -> Any:
    """A jsonb value as asyncpg gives it: text on a plain connection (no codec), already decoded on SQLAlchemy's."""
    return orjson.loads(value) if isinstance(value, str | bytes) else value


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
        dsn = asyncpg_dsn(url)
        self._dsn = dsn
        self._application_name = application_name
        size = max(1, pool_size)
        self._reads = Connections(
            dsn,
            size=size,
            wait=pool_timeout,
            settings={"application_name": f"{application_name}-reads", "default_transaction_read_only": "on"},
        )
        self._writes = Connections(
            dsn, size=size, wait=pool_timeout, settings={"application_name": f"{application_name}-writes"}
        )
        # Tests that roll back (``phaen_common.testing.rolled_back``) read and write on their one connection.
        self.pinned_reads: asyncpg.Connection | None = None

    async def fetchrow(self, sql: str, *args: Any) -> asyncpg.Record | None:
        """One row of a read-only query on the hot-read connections: one round trip, no ORM, no transaction.

        For the few reads that are most of the traffic (a registry look-up, a report). The connections are
        read-only (``default_transaction_read_only``) and keep no state between uses. A connection lost since its
        last use (a PostgreSQL restart) is replaced and the read sent again once; a read that fails on a new
        connection raises a retryable error: the request is a 503 with Retry-After.
        """
        if self.pinned_reads is not None:
            return await self.pinned_reads.fetchrow(sql, *args)
        return await self._reads.run(lambda conn: conn.fetchrow(sql, *args))

    async def fetch(self, sql: str, *args: Any) -> list[asyncpg.Record]:
        """All rows of a read-only query on the hot-read connections (see ``fetchrow``)."""
        if self.pinned_reads is not None:
            return list(await self.pinned_reads.fetch(sql, *args))
        return list(await self._reads.run(lambda conn: conn.fetch(sql, *args)))

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[asyncpg.Connection]:
        """A transaction on a plain asyncpg connection, committed when the block ends (rolled back if it raises).

        For the one hot write written as SQL functions (the budget's co-signature): no ORM session, no pre-ping
        (``BEGIN`` is the check: a connection lost since its last use is replaced before anything is sent on
        it). Nothing a block does may outlive its transaction on the connection (no ``SET``, no session-level
        advisory lock, no LISTEN): the connections are not reset between uses.
        """
        if self.pinned_reads is not None:  # a rolled-back test: a savepoint on its one connection
            async with self.pinned_reads.transaction():
                yield self.pinned_reads
            return
        conn = await self._writes.begun()
        try:
            yield conn
        except BaseException as exc:
            # A connection in an unknown state (lost, or a statement cancelled mid-way) is closed, not rolled
            # back: PostgreSQL rolls back a transaction whose connection is gone.
            await self._writes.abandon(conn, rollback=not isinstance(exc, (asyncio.CancelledError, *_LOST)))
            raise
        await self._writes.commit(conn)

    async def commit_with(self, conn: asyncpg.Connection, statement: str) -> None:
        """Send ``statement`` and the ``COMMIT`` of ``transaction()``'s block as one message (one round trip); the
        block then sends nothing more, and its end commits nothing more. If ``statement`` fails, PostgreSQL skips
        the ``COMMIT`` and the error propagates: the block's end rolls back as usual.

        That message is a simple query, which takes no parameters: ``statement`` is sent as written, so it must
        carry no value the caller has not checked (the co-signature's: one hash of 64 hex digits)."""
        if self.pinned_reads is not None:  # a rolled-back test: the savepoint is released at the block's end
            await conn.execute(statement)
            return
        await conn.execute(f"{statement}; COMMIT")

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
        await self._reads.close()
        await self._writes.close()
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


_LOST = (
    asyncpg.exceptions.ConnectionDoesNotExistError,
    asyncpg.exceptions.InterfaceError,
    asyncpg.exceptions.AdminShutdownError,
    asyncpg.exceptions.CannotConnectNowError,
    ConnectionError,
    OSError,
)


class Connections:
    """A few plain asyncpg connections, reused last-in first-out, at most ``size`` in use at once.

    Lighter than ``asyncpg.Pool`` for the hot paths: taking and giving back a connection is a list pop and
    append, with no task, no reset query and no loop turn (asyncpg's pool release runs under ``asyncio.shield``;
    measured, 80 µs of CPU per call on these machines, half of a one-row read). A connection that met anything
    but an error PostgreSQL reported in an orderly way (a lost connection, a cancelled request) is closed, never
    reused. A caller waits at most ``wait`` seconds for a free one, then gets a retryable error (503).
    """

    def __init__(self, dsn: str, *, size: int, wait: float, settings: dict[str, str]) -> None:
        self._dsn = dsn
        self._settings = settings
        self._wait = wait
        self._free = asyncio.Semaphore(size)
        self._idle: list[asyncpg.Connection] = []
        self._closed = False

    async def _take(self) -> tuple[asyncpg.Connection, bool]:
        """A connection and whether it was used before (then it may have been lost since)."""
        if self._free.locked():
            try:
                async with asyncio.timeout(self._wait):
                    await self._free.acquire()
            except TimeoutError:
                raise asyncpg.exceptions.TooManyConnectionsError("no free database connection") from None
        else:
            await self._free.acquire()  # free: returns at once
        try:
            if self._idle:
                return self._idle.pop(), True
            return await asyncpg.connect(self._dsn, server_settings=self._settings), False
        except BaseException:
            self._free.release()
            raise

    def _give(self, conn: asyncpg.Connection, *, reuse: bool) -> None:
        if reuse and not self._closed and not conn.is_closed() and not conn.is_in_transaction():
            self._idle.append(conn)
        else:
            conn.terminate()
        self._free.release()

    def _forget_idle(self) -> None:
        """After a lost connection: the idle ones are from before too (a restart), so none is trusted."""
        idle, self._idle = self._idle, []
        for conn in idle:
            conn.terminate()

    async def _taken(self, call: Callable[[asyncpg.Connection], Awaitable[Any]]) -> tuple[asyncpg.Connection, Any]:
        """A connection and ``call(conn)``'s result, sent again once on a new connection if a used one was lost.
        The caller gives the connection back."""
        for attempt in (1, 2):
            conn, used = await self._take()
            try:
                return conn, await call(conn)
            except _LOST:
                self._give(conn, reuse=False)
                if not (used and attempt == 1):
                    raise
                self._forget_idle()
            except asyncpg.PostgresError:
                self._give(conn, reuse=True)  # reported in an orderly way: the connection is fine
                raise
            except BaseException:
                self._give(conn, reuse=False)
                raise
        raise AssertionError("unreachable")  # pragma: no cover

    async def run(self, call: Callable[[asyncpg.Connection], Awaitable[Any]]) -> Any:
        """``call(conn)`` on a connection; sent again once on a new connection if a used one was lost."""
        conn, result = await self._taken(call)
        self._give(conn, reuse=True)
        return result

    async def begun(self) -> asyncpg.Connection:
        """A connection with a transaction begun (a lost one found by the ``BEGIN`` is replaced once)."""
        conn, _ = await self._taken(lambda c: c.execute("BEGIN"))
        return conn

    async def commit(self, conn: asyncpg.Connection) -> None:
        """``COMMIT`` the transaction ``begun`` gave (unless it ended already: ``Database.commit_with``), then give
        the connection back."""
        try:
            if conn.is_in_transaction():
                await conn.execute("COMMIT")
        except asyncpg.PostgresError as exc:
            self._give(conn, reuse=not isinstance(exc, _LOST))
            raise
        except BaseException:
            self._give(conn, reuse=False)
            raise
        self._give(conn, reuse=True)

    async def abandon(self, conn: asyncpg.Connection, *, rollback: bool) -> None:
        """``ROLLBACK`` (or, when ``rollback`` is false, close the connection) and give it back. A failed rollback
        closes the connection and raises nothing, so the caller's own error is the one that propagates."""
        if not rollback:
            self._give(conn, reuse=False)
            return
        try:
            await conn.execute("ROLLBACK")
        except Exception:
            self._give(conn, reuse=False)
            return
        except BaseException:
            self._give(conn, reuse=False)
            raise
        self._give(conn, reuse=True)

    async def close(self) -> None:
        self._closed = True
        idle, self._idle = self._idle, []
        for conn in idle:
            try:
                await asyncio.wait_for(conn.close(), timeout=2)
            except Exception:
                conn.terminate()


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

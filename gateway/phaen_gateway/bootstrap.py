"""First-start set-up, idempotent: a signing key, the ``admin`` user, the reports and budget services' clients.

``python -m phaen_gateway.bootstrap`` migrates the gateway schema, then runs ``bootstrap``. The admin
password comes from ``PHAEN_ADMIN_PASSWORD``; if unset, one is generated and written to
``$PHAEN_DATA_DIR/admin-password`` (mode 0600). It is never logged.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import os
import secrets
from pathlib import Path

from pydantic import SecretStr
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from phaen_common.db import Database, run_in_transaction
from phaen_gateway.auth.keys import ensure_signing_key
from phaen_gateway.auth.models import PartnerClient, User
from phaen_gateway.auth.passwords import Hasher, make_hasher
from phaen_gateway.auth.schemas import ClientCreate
from phaen_gateway.auth.service import create_client
from phaen_gateway.config import Settings

log = logging.getLogger("phaen.gateway.bootstrap")

REPORTS_CLIENT_ID = "phaen-reports"
REPORTS_CLIENT_ROLES = ["service_events"]
ADMIN_PASSWORD_FILE = "admin-password"
REPORTS_SECRET_FILE = "reports-client-secret"
BUDGET_CLIENT_ID = "phaen-budget"
BUDGET_CLIENT_ROLES = ["service_directory"]
BUDGET_SECRET_FILE = "budget-client-secret"
_LOCK_KEY = int.from_bytes(hashlib.sha256(b"gateway:bootstrap").digest()[:8], "big", signed=True)


def write_secret(path: Path, value: str) -> None:
    """Write a secret readable by its owner only (0600, also when the file already existed)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.fchmod(fd, 0o600)
        os.write(fd, (value + "\n").encode())
    finally:
        os.close(fd)


def read_secret(path: Path) -> str | None:
    try:
        value = path.read_text().strip()
    except FileNotFoundError:
        return None
    return value or None


async def ensure_admin(*, session: AsyncSession, hasher: Hasher, settings: Settings) -> bool:
    """Create user ``admin`` when there are no users at all; returns whether it did."""
    if (await session.execute(select(col(User.id)).limit(1))).first() is not None:
        return False
    if settings.admin_password is not None:
        password, source = settings.admin_password.get_secret_value(), "PHAEN_ADMIN_PASSWORD"
    else:
        password = secrets.token_urlsafe(18)
        path = settings.data_dir / ADMIN_PASSWORD_FILE
        write_secret(path, password)
        source = str(path.resolve())
    session.add(
        User(username="admin", display_name="Administrator", password_hash=await hasher.hash(password), roles=["admin"])
    )
    await session.flush()
    log.info("created user admin; its password is in %s", source)
    return True


async def ensure_service_client(
    *,
    session: AsyncSession,
    hasher: Hasher,
    client_id: str,
    name: str,
    roles: list[str],
    configured: SecretStr | None,
    path: Path,
) -> None:
    """An internal client with a fixed id: its secret is ``configured``, else the one in ``path``
    (generated on first start). The stored hash follows the configured secret."""
    if configured is not None:
        secret = configured.get_secret_value()
    else:
        secret = read_secret(path) or secrets.token_urlsafe(32)
        write_secret(path, secret)
    stmt = select(PartnerClient).where(col(PartnerClient.client_id) == client_id).with_for_update()
    client = (await session.execute(stmt)).scalar_one_or_none()
    if client is None:
        await create_client(
            session=session,
            hasher=hasher,
            client_id=client_id,
            secret=secret,
            data=ClientCreate(name=name, roles=roles),
        )
        log.info("created internal client %s", client_id)
    elif not await hasher.verify(client.secret_hash, secret):
        client.secret_hash = await hasher.hash(secret)
        log.info("updated the secret of internal client %s", client_id)


async def ensure_reports_client(*, session: AsyncSession, hasher: Hasher, settings: Settings) -> None:
    """The reports service reads the event feeds as client ``phaen-reports`` (role service_events).

    Its secret is ``PHAEN_REPORTS_CLIENT_SECRET``, else the one in ``$PHAEN_DATA_DIR/reports-client-secret``.
    """
    await ensure_service_client(
        session=session,
        hasher=hasher,
        client_id=REPORTS_CLIENT_ID,
        name="Phaen reports service",
        roles=REPORTS_CLIENT_ROLES,
        configured=settings.reports_client_secret,
        path=settings.data_dir / REPORTS_SECRET_FILE,
    )


async def ensure_budget_client(*, session: AsyncSession, hasher: Hasher, settings: Settings) -> None:
    """The budget service checks signatories as client ``phaen-budget`` (role service_directory).

    Its secret is ``PHAEN_BUDGET_CLIENT_SECRET``, else the one in ``$PHAEN_DATA_DIR/budget-client-secret``.
    """
    await ensure_service_client(
        session=session,
        hasher=hasher,
        client_id=BUDGET_CLIENT_ID,
        name="Phaen budget service",
        roles=BUDGET_CLIENT_ROLES,
        configured=settings.budget_client_secret,
        path=settings.data_dir / BUDGET_SECRET_FILE,
    )


async def bootstrap(settings: Settings) -> None:
    """Idempotent first-start set-up (safe to run at every start, and concurrently)."""
    url = settings.require_database_url()
    hasher = make_hasher(settings)
    db = Database(url, pool_size=1, max_overflow=0, application_name="phaen-gateway-bootstrap")

    async def run(session: AsyncSession) -> None:
        await session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _LOCK_KEY})
        await ensure_signing_key(session=session)
        await ensure_admin(session=session, hasher=hasher, settings=settings)
        await ensure_reports_client(session=session, hasher=hasher, settings=settings)
        await ensure_budget_client(session=session, hasher=hasher, settings=settings)

    try:
        await run_in_transaction(db, run)
    finally:
        await db.dispose()


def main() -> None:
    """Migrate the gateway schema, then bootstrap."""
    from phaen_common.logs import configure_logging
    from phaen_common.migrations import upgrade
    from phaen_gateway import MIGRATIONS_DIR, SCHEMA

    settings = Settings()
    configure_logging("gateway", settings.log_level)
    logging.getLogger("alembic").setLevel("WARNING")
    if settings.database_url is None:
        raise SystemExit("PHAEN_DATABASE_URL is not set")
    upgrade(MIGRATIONS_DIR, settings.database_url.get_secret_value(), SCHEMA)
    asyncio.run(bootstrap(settings))


if __name__ == "__main__":
    main()

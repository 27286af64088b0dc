"""``Idempotency-Key`` for POSTs that move money or record signatures.

The key is claimed (INSERT) at the start of the request's transaction: a concurrent retry waits on the
unique index and then replays the stored response. The same key with another body is a 409
``idempotency_key_reused``. A request that fails rolls back its claim, so a retry runs again.

A key lives 24 hours (as Stripe's do): after that the same key is a new request, and the expired rows
are pruned now and then by the request that draws the chance, so the table holds about a day of keys.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from collections.abc import Awaitable, Callable
from typing import Any

import orjson
from fastapi import Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy import Column, DateTime, Integer, String, Table, delete, func, select, update
from sqlalchemy.dialects.postgresql import JSONB, insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import SQLModel

from phaen_common.auth import Principal
from phaen_common.errors import IdempotencyKeyReused, Unprocessable

KEY_LIFETIME = dt.timedelta(hours=24)
PRUNE_CHANCE = 0.01


async def prune_expired_keys(session: AsyncSession, table: Table) -> int:
    """Delete every key older than ``KEY_LIFETIME``; returns how many."""
    result = await session.execute(delete(table).where(table.c.created_at < func.now() - KEY_LIFETIME))
    return int(getattr(result, "rowcount", 0) or 0)


def make_idempotency_table(schema: str) -> Table:
    """The ``idempotency_keys`` table in a service's schema."""
    return Table(
        "idempotency_keys",
        SQLModel.metadata,
        Column("principal", String(200), primary_key=True),
        Column("key", String(200), primary_key=True),
        Column("endpoint", String(300), nullable=False),
        Column("request_hash", String(64), nullable=False),
        Column("status", Integer, nullable=True),
        Column("response", JSONB, nullable=True),
        Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
        schema=schema,
    )


async def idempotent(
    *,
    request: Request,
    session: AsyncSession,
    table: Table,
    principal: Principal,
    body: Any,
    status_code: int,
    handler: Callable[[], Awaitable[BaseModel | dict[str, Any]]],
) -> JSONResponse | Any:
    """Run ``handler`` once per (caller, Idempotency-Key); replay its response on a retry."""
    key = request.headers.get("idempotency-key")
    if key is None:
        return await handler()
    if not 1 <= len(key) <= 200:
        raise Unprocessable("Idempotency-Key must be 1-200 characters", loc=["header", "Idempotency-Key"])
    endpoint = f"{request.method} {request.url.path}"
    body_json = jsonable_encoder(body)
    fingerprint = hashlib.sha256(orjson.dumps([endpoint, body_json], option=orjson.OPT_SORT_KEYS)).hexdigest()

    # An expired key is a new request: its old row goes before the claim.
    await session.execute(
        delete(table).where(
            table.c.principal == principal.sub, table.c.key == key, table.c.created_at < func.now() - KEY_LIFETIME
        )
    )
    if random.random() < PRUNE_CHANCE:  # noqa: S311 (not a secret: when to tidy up)
        await prune_expired_keys(session, table)
    claimed = await session.execute(
        insert(table)
        .values(principal=principal.sub, key=key, endpoint=endpoint, request_hash=fingerprint)
        .on_conflict_do_nothing(index_elements=["principal", "key"])
        .returning(table.c.key)
    )
    if claimed.first() is None:
        row = (
            (await session.execute(select(table).where(table.c.principal == principal.sub, table.c.key == key)))
            .mappings()
            .one()
        )
        if row["request_hash"] != fingerprint:
            raise IdempotencyKeyReused("This Idempotency-Key was used with a different request.")
        return JSONResponse(row["response"], status_code=row["status"], headers={"Idempotent-Replayed": "true"})

    result = await handler()
    payload = jsonable_encoder(result.model_dump(mode="json") if isinstance(result, BaseModel) else result)
    await session.execute(
        update(table)
        .where(table.c.principal == principal.sub, table.c.key == key)
        .values(status=status_code, response=payload)
    )
    return JSONResponse(payload, status_code=status_code)

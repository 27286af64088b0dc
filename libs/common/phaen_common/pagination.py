"""Cursor pagination: ``{"items", "total", "next_cursor"}`` with ``?limit=`` (default 50, max 500)."""

from __future__ import annotations

import base64
import json
from collections.abc import Sequence
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Depends, Query
from pydantic import BaseModel
from sqlalchemy import Select, func, select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

from phaen_common.errors import Unprocessable
from phaen_common.text import refuse_unstorable_text

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """One page of a list."""

    items: list[T]
    total: int
    next_cursor: str | None = None


class PageParams(BaseModel):
    limit: int = 50
    cursor: str | None = None


async def page_params(
    limit: Annotated[int, Query(ge=1, le=500, description="Page size (max 500)")] = 50,
    cursor: Annotated[str | None, Query(max_length=512, description="Opaque cursor from next_cursor")] = None,
) -> PageParams:
    """The ``limit``/``cursor`` query parameters (async: a plain ``def`` dependency runs in a worker thread)."""
    return PageParams(limit=limit, cursor=cursor)


PageDep = Annotated[PageParams, Depends(page_params)]


def encode_cursor(values: Sequence[Any]) -> str:
    raw = json.dumps([str(v) if not isinstance(v, int | str) else v for v in values], ensure_ascii=False)
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, n: int) -> list[Any]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded.encode()).decode())
    except (ValueError, UnicodeDecodeError) as exc:
        raise Unprocessable("invalid cursor", loc=["query", "cursor"]) from exc
    if not isinstance(values, list) or len(values) != n:
        raise Unprocessable("invalid cursor", loc=["query", "cursor"])
    return values


async def paginate(
    session: AsyncSession, stmt: Select[Any], *, keys: Sequence[Any], params: PageParams, scalars: bool = True
) -> tuple[list[Any], int, str | None]:
    """Keyset-paginate ``stmt`` ordered by ``keys`` (unique together, ascending).

    Returns (rows, total, next_cursor). ``total`` counts every row matching the filters.
    """
    total = (await session.execute(select(func.count()).select_from(stmt.order_by(None).subquery()))).scalar_one()
    page_stmt = stmt.order_by(*keys)
    if params.cursor:
        values = decode_cursor(params.cursor, len(keys))
        cols = [_coerce(k, v) for k, v in zip(keys, values, strict=True)]
        if len(keys) == 1:
            page_stmt = page_stmt.where(keys[0] > cols[0])
        else:
            page_stmt = page_stmt.where(tuple_(*keys) > tuple_(*cols))
    page_stmt = page_stmt.limit(params.limit + 1)
    result = await session.execute(page_stmt)
    rows = list(result.scalars().all() if scalars else result.all())
    next_cursor = None
    if len(rows) > params.limit:
        rows = rows[: params.limit]
        last = rows[-1]
        next_cursor = encode_cursor([_key_value(last, k) for k in keys])
    return rows, total, next_cursor


def _key_value(row: Any, key: Any) -> Any:
    name = key.key if hasattr(key, "key") else str(key)
    if hasattr(row, name):
        return getattr(row, name)
    return row._mapping[name]


_INT64 = 2**63


def _coerce(key: Any, value: Any) -> Any:
    """Turn a cursor value back into the key column's Python type; anything else is a 422, never a 500.

    A cursor is caller input like any other: ``[null]``, a nested list, an integer past BIGINT, a NUL or a
    surrogate reached the database (or ``int(None)``) and were 500s.
    """
    import datetime as dt
    import uuid
    from decimal import Decimal

    if isinstance(value, bool) or not isinstance(value, int | str):
        raise Unprocessable("invalid cursor", loc=["query", "cursor"])
    if isinstance(value, str):
        try:
            refuse_unstorable_text(value)
        except ValueError as exc:
            raise Unprocessable("invalid cursor", loc=["query", "cursor"]) from exc
    try:
        ptype = key.type.python_type
    except (AttributeError, NotImplementedError):
        return value
    try:
        if ptype is uuid.UUID:
            return uuid.UUID(str(value))
        if ptype is dt.datetime:
            return dt.datetime.fromisoformat(str(value))
        if ptype is dt.date:
            return dt.date.fromisoformat(str(value))
        if ptype is int:
            number = int(value)
            if not -_INT64 <= number < _INT64:
                raise ValueError("out of range")
            return number
        if ptype is Decimal:
            amount = Decimal(value)
            if not amount.is_finite() or abs(amount) >= Decimal(10) ** 18:
                raise ValueError("out of range")
            return amount
        if ptype is str:
            return str(value)
    except (ValueError, ArithmeticError, TypeError) as exc:
        raise Unprocessable("invalid cursor", loc=["query", "cursor"]) from exc
    return value

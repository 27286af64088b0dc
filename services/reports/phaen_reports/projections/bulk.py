"""Many rows in one statement: ``INSERT ... SELECT FROM unnest($1::type[], $2::type[], ...)`` on asyncpg.

One array per column (asyncpg encodes them in binary), so a page of a thousand rows is one statement with a
dozen parameters: no per-row SQL text and no per-row parameter processing in Python.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any

import orjson
from sqlalchemy import Table
from sqlalchemy.dialects import postgresql
from sqlalchemy.dialects.postgresql import JSONB

_DIALECT = postgresql.dialect()


@cache
def column_types(table: Table) -> tuple[str, ...]:
    """Each column's PostgreSQL type without its modifiers (``VARCHAR(6)`` -> ``VARCHAR``: the insert checks the
    length, where a cast of the array would cut it)."""
    return tuple(re.sub(r"\(.*?\)", "", c.type.compile(dialect=_DIALECT)) for c in table.columns)


@cache
def _json_columns(table: Table) -> tuple[int, ...]:
    return tuple(i for i, c in enumerate(table.columns) if isinstance(c.type, JSONB))


def _json(value: Any) -> str | None:
    return None if value is None else orjson.dumps(value).decode()


def arrays(table: Table, columns: Sequence[list[Any]]) -> list[list[Any]]:
    """The per-column value lists as asyncpg parameters (JSON columns as their text)."""
    out = list(columns)
    for i in _json_columns(table):
        out[i] = [_json(v) for v in out[i]]
    return out


def unnest(table: Table) -> str:
    """``SELECT * FROM unnest($1::t1[], ...)``: the rows of the column arrays, in the table's column order."""
    casts = ", ".join(f"${i}::{t}[]" for i, t in enumerate(column_types(table), start=1))
    return f"SELECT * FROM unnest({casts})"  # noqa: S608


@cache
def upsert_sql(table: Table) -> str:
    """Insert the rows, or on a key already there set the fields the rows carry (an empty field keeps the
    stored value, as a later event that leaves it out means "unchanged")."""
    pk = [c.name for c in table.primary_key.columns]
    cols = [c.name for c in table.columns]
    updates = ", ".join(f'"{c}" = coalesce(EXCLUDED."{c}", t."{c}")' for c in cols if c not in pk)
    conflict = f"DO UPDATE SET {updates}" if updates else "DO NOTHING"
    names = ", ".join(f'"{c}"' for c in cols)
    keys = ", ".join(f'"{c}"' for c in pk)
    # Identifiers come from our own table definitions; every value is a bind parameter.
    return f'INSERT INTO "{table.schema}"."{table.name}" AS t ({names}) {unnest(table)} ON CONFLICT ({keys}) {conflict}'

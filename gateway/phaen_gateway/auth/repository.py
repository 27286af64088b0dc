"""Hot reads of the gateway's own tables: one SQL statement on the read pool (``Database.fetch``), no ORM.

The budget service looks up the signers of every co-signature at ``GET /v1/auth/directory/users``; through
an ORM session that was four round trips on the gateway (pool pre-ping, BEGIN, the SELECT, COMMIT).
"""

from __future__ import annotations

import uuid
from typing import Any

from phaen_common.db import Database
from phaen_gateway.auth.models import User

_USERS = User.__table__.fullname  # type: ignore[attr-defined]

# The identifier comes from our own table definition, never from input; the ids are a bind parameter.
USERS_BY_ID = f"""
    SELECT id, disabled_at IS NULL AS enabled, roles, person_id
    FROM {_USERS}
    WHERE id = ANY($1::uuid[])
"""  # noqa: S608


async def directory_rows(*, db: Database, ids: list[uuid.UUID]) -> list[dict[str, Any]]:
    """id, enabled, roles and person_id of each user among ``ids``."""
    return [dict(row) for row in await db.fetch(USERS_BY_ID, ids)]

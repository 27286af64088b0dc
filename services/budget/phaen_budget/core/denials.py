"""Denied money actions are audited even though the request's transaction rolls back."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import Request
from phaen_common.auth import Principal
from phaen_common.errors import ProblemError
from sqlalchemy.ext.asyncio import AsyncSession

from phaen_budget.audit.service import record_denial

DENIED_STATUSES = frozenset({403, 404, 409})


@asynccontextmanager
async def audited_denials(request: Request, session: AsyncSession, principal: Principal, *, action: str,
                          entity: str, entity_id: Any) -> AsyncIterator[None]:
    """Run a money action; if it is refused, roll back (freeing locks) and audit the refusal."""
    try:
        yield
    except ProblemError as exc:
        if exc.status in DENIED_STATUSES:
            # Roll back first: the denial's own transaction must never wait on this one's locks.
            await session.rollback()
            await record_denial(request.app.state.db, actor=principal.sub, action=action, entity=entity,
                                entity_id=entity_id, code=exc.code)
        raise

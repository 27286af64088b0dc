"""Denied money actions are audited even though the request's transaction rolls back."""

from __future__ import annotations

import hashlib
import logging
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncSession

from phaen_budget.audit.service import record_denial
from phaen_budget.tables import rate_counters
from phaen_common import metrics
from phaen_common.auth import Principal
from phaen_common.errors import Forbidden, ProblemError
from phaen_common.ratelimit import Limit, Limiter, PostgresStorage
from phaen_common.web import ScopeGuard, current_principal

DENIED_STATUSES = frozenset({403, 404, 409})

# Denied actions audited per caller; past this a caller's further denials are still refused, not written.
DENIAL_LIMIT = Limit("denials", "30/10 minutes")

log = logging.getLogger("phaen.budget.denials")


async def record_bounded_denial(
    request: Request, *, actor: str, action: str, entity: str, entity_id: Any, code: str
) -> None:
    """Audit a refusal unless ``actor`` has spent its bound: any caller could fill the chain with them.

    The count lives in PostgreSQL (``budget.rate_counters``), so every replica shares it.
    """
    metrics.count_denied(action, code)
    db = request.app.state.db
    limiter = getattr(request.app.state, "denial_limiter", None)
    if limiter is None:
        limiter = request.app.state.denial_limiter = Limiter(PostgresStorage(db, rate_counters))
    if await limiter.hit(DENIAL_LIMIT, actor) is not None:
        log.warning("denied %s not audited: the caller has spent its bound of audited denials", action)
        return
    await record_denial(db=db, actor=actor, action=action, entity=entity, entity_id=entity_id, code=code)


def denied_entity_id(path_params: dict[str, Any]) -> str:
    """The entity a refused request aimed at, as text of ours: a UUID, or a digest of whatever the caller sent.

    The raw path parameter is the caller's text (it may be 5,000 characters, Thai, a NUL or a spreadsheet
    formula): written as is, it overflowed the 80-character column (a 500) and put caller text in the chain.
    """
    if not path_params:
        return "-"
    raw = str(next(iter(path_params.values())))
    try:
        return str(uuid.UUID(raw))
    except ValueError:
        return "unparsed:" + hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()[:32]


@asynccontextmanager
async def audited_denials(
    request: Request, session: AsyncSession, principal: Principal, *, action: str, entity: str, entity_id: Any
) -> AsyncIterator[None]:
    """Run a money action; if it is refused, roll back (freeing locks) and audit the refusal."""
    try:
        yield
    except ProblemError as exc:
        if exc.status in DENIED_STATUSES:
            # Roll back first: the denial's own transaction must never wait on this one's locks.
            await session.rollback()
            await audit_refusal(request, principal, exc, action=action, entity=entity, entity_id=entity_id)
        raise


async def audit_refusal(
    request: Request, principal: Principal, exc: ProblemError, *, action: str, entity: str, entity_id: Any
) -> None:
    """Audit a refused money action (a 403, 404 or 409), once the refused transaction has rolled back."""
    if exc.status in DENIED_STATUSES:
        await record_bounded_denial(
            request, actor=principal.sub, action=action, entity=entity, entity_id=entity_id, code=exc.code
        )


class AuditedScopeGuard(ScopeGuard):
    """A scope guard for money routes: a caller whose role lacks the scope is refused (403) and audited."""

    def __init__(self, *scopes: str, action: str) -> None:
        super().__init__(*scopes)
        self.action = action

    async def __call__(self, request: Request) -> Principal:
        principal = current_principal(request)
        if not self.allows(principal):
            await record_bounded_denial(
                request,
                actor=principal.sub,
                action=self.action,
                entity="route",
                entity_id=denied_entity_id(request.path_params),
                code="forbidden",
            )
            raise Forbidden("Your role does not allow this action.")
        return principal


def require_money(*scopes: str, action: str) -> Any:
    """``Annotated[Principal, require_money("bank:execute", action="withdrawal.payout")]``."""
    return Depends(AuditedScopeGuard(*scopes, action=action))

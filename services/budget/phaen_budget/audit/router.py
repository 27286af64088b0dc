"""Routes: /v1/budget/audit (list, verify, signed head)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Request
from sqlalchemy import select
from sqlmodel import col

from phaen_budget.audit import service
from phaen_budget.audit.models import AuditEntry
from phaen_budget.audit.schemas import AuditEntryOut, HeadOut, VerifyOut
from phaen_budget.core.schemas import SafeStr
from phaen_common.auth import Principal
from phaen_common.db import SessionDep
from phaen_common.errors import responses
from phaen_common.pagination import Page, PageDep, paginate
from phaen_common.web import require

router = APIRouter(prefix="/v1/budget/audit", tags=["audit"])


@router.get("", response_model=Page[AuditEntryOut], responses=responses(401, 403, 422))
async def list_audit(
    session: SessionDep,
    _: Annotated[Principal, require("audit:read")],
    params: PageDep,
    entity: SafeStr | None = None,
    id: SafeStr | None = None,
    action: SafeStr | None = None,
    outcome: SafeStr | None = None,
) -> Page[AuditEntryOut]:
    """The append-only, hash-chained audit trail in order (`?entity=&id=` to follow one object)."""
    stmt = select(AuditEntry)
    for column, value in (
        (col(AuditEntry.entity), entity),
        (col(AuditEntry.entity_id), id),
        (col(AuditEntry.action), action),
        (col(AuditEntry.outcome), outcome),
    ):
        if value is not None:
            stmt = stmt.where(column == value)
    rows, total, cursor = await paginate(session, stmt, keys=[col(AuditEntry.seq)], params=params)
    return Page[AuditEntryOut](
        items=[AuditEntryOut.model_validate(r, from_attributes=True) for r in rows], total=total, next_cursor=cursor
    )


@router.get("/verify", response_model=VerifyOut, response_model_exclude_none=True, responses=responses(401, 403))
async def verify(session: SessionDep, _: Annotated[Principal, require("audit:read")]) -> VerifyOut:
    """Recompute the chain: `ok` false with `first_bad_seq` if any row was altered."""
    return VerifyOut.model_validate(await service.verify_chain(session))


@router.get("/head", response_model=HeadOut, responses=responses(401, 403))
async def head(request: Request, session: SessionDep, _: Annotated[Principal, require("audit:read")]) -> HeadOut:
    """The latest hash, signed with the service's Ed25519 key: partners keep it as an outside anchor."""
    row = (await session.execute(select(AuditEntry).order_by(col(AuditEntry.seq).desc()).limit(1))).scalar()
    seq, digest, at = (row.seq, row.hash, row.at) if row else (0, service.GENESIS, None)
    message = f"phaen-budget-audit:{seq}:{digest}"
    signer = request.app.state.audit_signer
    return HeadOut(
        seq=seq,
        hash=digest,
        at=at,
        signed_message=message,
        signature=signer.sign(message.encode()),
        key_id=signer.key_id,
        public_key=signer.public_key_b64,
    )

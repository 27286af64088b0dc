"""Routes: /v1/budget/audit (list, verify, signed head)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request

from phaen_budget.audit import service, verification
from phaen_budget.audit.heads import SignedHead
from phaen_budget.audit.schemas import AuditEntryOut, HeadOut, VerifyOut
from phaen_budget.core.schemas import SafeStr
from phaen_common.auth import Principal
from phaen_common.db import SessionDep
from phaen_common.errors import Unprocessable, responses
from phaen_common.pagination import Page, PageDep
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
    rows, total, cursor = await service.list_entries(
        session=session, params=params, entity=entity, entity_id=id, action=action, outcome=outcome
    )
    return Page[AuditEntryOut](
        items=[AuditEntryOut.model_validate(r, from_attributes=True) for r in rows], total=total, next_cursor=cursor
    )


def supplied_head(
    head_seq: Annotated[int | None, Query(ge=0, le=2**63 - 1, description="seq of a signed head you kept")] = None,
    head_hash: Annotated[str | None, Query(pattern="^[0-9a-f]{64}$", description="its hash")] = None,
    head_signature: Annotated[
        str | None, Query(max_length=120, pattern="^[A-Za-z0-9+/=]+$", description="its signature, base64")
    ] = None,
) -> SignedHead | None:
    """A signed head the caller kept (all three parameters, or none)."""
    given = (head_seq, head_hash, head_signature)
    if all(v is None for v in given):
        return None
    if head_seq is None or head_hash is None or head_signature is None:
        raise Unprocessable("head_seq, head_hash and head_signature go together.", loc=["query", "head_seq"])
    return SignedHead(
        seq=head_seq, hash=head_hash, signature=head_signature, key_id="", signed_at=None, source="caller"
    )


@router.get("/verify", response_model=VerifyOut, response_model_exclude_none=True, responses=responses(401, 403, 422))
async def verify(
    request: Request,
    session: SessionDep,
    _: Annotated[Principal, require("audit:read")],
    supplied: Annotated[SignedHead | None, Depends(supplied_head)],
) -> VerifyOut:
    """Check the chain is intact and complete up to the latest signed head, and reconcile the ledger with the
    chain and every account's cached balance with its ledger: `ok` false with `findings` naming what failed."""
    result = await verification.verify(
        session=session,
        signer=request.app.state.audit_signer,
        data_dir=request.app.state.settings.data_dir,
        supplied=supplied,
    )
    return VerifyOut.model_validate(result)


@router.get("/head", response_model=HeadOut, responses=responses(401, 403))
async def head(
    request: Request, session: SessionDep, _: Annotated[Principal, require("audit:read", "bank:execute")]
) -> HeadOut:
    """The latest hash, signed with the service's Ed25519 key: the bank and auditors keep it as an outside
    anchor. Signing it also keeps it (table, `audit.head_signed` event, anchor file) the first time."""
    signer = request.app.state.audit_signer
    signed = await service.signed_head(session=session, signer=signer, data_dir=request.app.state.settings.data_dir)
    return HeadOut(
        seq=signed.seq,
        hash=signed.hash,
        at=signed.at,
        signed_at=signed.signed_at,
        signed_message=signed.message,
        signature=signed.signature,
        key_id=signed.key_id,
        public_key=signer.public_key_b64,
    )

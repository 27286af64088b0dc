"""Routes: /v1/budget/accounts/{id}/statements (import a bank statement, read statements back)."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from phaen_budget.config import Settings
from phaen_budget.core.denials import audited_denials, require_money
from phaen_budget.core.errors import AccountNotFound
from phaen_budget.statements import service
from phaen_budget.statements.errors import (
    StatementAccountMismatch,
    StatementNotFound,
    StatementTooLarge,
    StatementUnbalanced,
    StatementUnreadable,
    StatementUnsafeXml,
    UnsupportedStatementType,
)
from phaen_budget.statements.schemas import StatementDetail, StatementOut, StatementSummary
from phaen_common.auth import Principal
from phaen_common.db import SessionDep
from phaen_common.errors import responses
from phaen_common.pagination import Page, PageDep
from phaen_common.web import require

Importer = Annotated[Principal, require_money("bank:execute", "budget:admin", action="statement.import")]

router = APIRouter(prefix="/v1/budget/accounts", tags=["statements"])

_MEDIA = {"application/xml": "xml", "text/xml": "xml", "text/csv": "csv"}
_BODY_DOC = {
    "required": True,
    "description": "The bank's statement as it was downloaded, sent as the raw body.",
    "content": {
        "application/xml": {
            "schema": {"type": "string", "description": "ISO 20022 camt.053 (BkToCstmrStmt), one THB statement"}
        },
        "text/csv": {
            "schema": {
                "type": "string",
                "description": "UTF-8 (BOM allowed); header date,description,reference,withdrawal,deposit,balance; "
                "dates YYYY-MM-DD or DD/MM/YYYY in the Buddhist Era; amounts with 2 decimals, one of "
                "withdrawal/deposit per line",
            },
            "example": "date,description,reference,withdrawal,deposit,balance\n"
            "01/10/2569,โอนเงินงวดที่ 1,BAAC001,,100000.00,100000.00\n",
        },
    },
}


async def _read_body(request: Request, limit: int) -> tuple[bytes, str]:
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    kind = _MEDIA.get(media)
    if kind is None:
        raise UnsupportedStatementType(f"Content-Type {media[:80]!r} is not application/xml or text/csv.")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise StatementTooLarge(f"A statement may be at most {limit} bytes.")
        chunks.append(chunk)
    return b"".join(chunks), kind


@router.post(
    "/{account_id}/statements",
    status_code=201,
    response_model=StatementOut,
    openapi_extra={"requestBody": _BODY_DOC},
    responses=responses(
        401,
        403,
        AccountNotFound,
        StatementTooLarge,
        UnsupportedStatementType,
        StatementUnreadable,
        StatementUnsafeXml,
        StatementAccountMismatch,
        StatementUnbalanced,
    ),
)
async def import_statement(account_id: uuid.UUID, request: Request, session: SessionDep, principal: Importer) -> Any:
    """Import the bank's statement and reconcile it with the ledger (the account's own bank, secretariat, admin).

    Debits match payouts and fees, credits match deposits, tranches and interest: by bank reference, then by
    amount within the match window. Findings become alerts (`unauthorised_debit`, `unbooked_payout`,
    `missing_on_statement`, `balance_mismatch`). The same statement again returns the first answer
    (header `Idempotent-Replayed: true`) and changes nothing.
    """
    settings: Settings = request.app.state.settings
    async with audited_denials(
        request, session, principal, action="statement.import", entity="account", entity_id=account_id
    ):
        body, kind = await _read_body(request, settings.statement_max_bytes)
        answer, replayed = await service.import_statement(
            session=session,
            principal=principal,
            account_id=account_id,
            body=body,
            media_type=kind,
            window_days=settings.statement_match_window_days,
        )
    headers = {"Idempotent-Replayed": "true"} if replayed else None
    return JSONResponse(answer.model_dump(mode="json", exclude={"items"}), status_code=201, headers=headers)


@router.get(
    "/{account_id}/statements",
    response_model=Page[StatementSummary],
    responses=responses(401, 403, AccountNotFound, 422),
)
async def list_statements(
    account_id: uuid.UUID,
    session: SessionDep,
    principal: Annotated[Principal, require("budget:read")],
    params: PageDep,
) -> Page[StatementSummary]:
    """The account's imported statements (kept forever)."""
    return await service.list_statements(session=session, principal=principal, account_id=account_id, params=params)


@router.get(
    "/{account_id}/statements/{statement_id}",
    response_model=StatementDetail,
    responses=responses(401, 403, AccountNotFound, StatementNotFound, 422),
)
async def get_statement(
    account_id: uuid.UUID,
    statement_id: uuid.UUID,
    session: SessionDep,
    principal: Annotated[Principal, require("budget:read")],
) -> StatementDetail:
    """One statement: every line with what it matched, and what its reconciliation found."""
    return await service.get_statement(
        session=session, principal=principal, account_id=account_id, statement_id=statement_id
    )

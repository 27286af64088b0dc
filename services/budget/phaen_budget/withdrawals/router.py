"""Routes: /v1/budget/withdrawals (request, sign, pay out, cancel)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Request

from phaen_budget.core.denials import AuditedScopeGuard, audited_denials, require_money
from phaen_budget.core.errors import (
    AccountNotFound,
    AlreadyPaid,
    BankReferenceUsed,
    InsufficientFunds,
    ProjectClosed,
    ProjectNotFound,
    ProjectSuspended,
)
from phaen_budget.devicekeys.errors import BadSignature, KeyRevoked, UnknownKey
from phaen_budget.devicekeys.keys import OfflineSignature
from phaen_budget.tables import idempotency_keys
from phaen_budget.withdrawals import service
from phaen_budget.withdrawals.errors import (
    AlreadySigned,
    NotApproved,
    NotASignatory,
    NotPending,
    RequesterCannotSign,
    StaleSignature,
    WithdrawalExpired,
    WithdrawalNotFound,
)
from phaen_budget.withdrawals.models import Withdrawal
from phaen_budget.withdrawals.schemas import (
    CancelBody,
    PayoutCreate,
    SignBody,
    SigningPayloadOut,
    WithdrawalCreate,
    WithdrawalOut,
)
from phaen_common.auth import Principal
from phaen_common.db import SessionDep
from phaen_common.errors import IdempotencyKeyReused, responses
from phaen_common.idempotency import idempotent
from phaen_common.pagination import Page, PageDep
from phaen_common.web import require

# Money routes: a caller whose role lacks the scope is refused and the refusal audited.
MoneyWithdrawalRequest = Annotated[Principal, require_money("budget:write", action="withdrawal.request")]
SIGN_GUARD = AuditedScopeGuard("budget:sign", action="withdrawal.sign")
MoneyWithdrawalPayout = Annotated[Principal, require_money("bank:execute", action="withdrawal.payout")]
MoneyWithdrawalCancel = Annotated[Principal, require_money("budget:write", action="withdrawal.cancel")]

Reader = Annotated[Principal, require("budget:read")]

router = APIRouter(prefix="/v1/budget/withdrawals", tags=["withdrawals"])


async def visible_withdrawal(withdrawal_id: uuid.UUID, session: SessionDep, principal: Reader) -> Withdrawal:
    """The withdrawal in the path, loaded once, if the caller's scope covers it (404 otherwise)."""
    return await service.get_visible(session=session, principal=principal, withdrawal_id=withdrawal_id)


VisibleWithdrawal = Annotated[Withdrawal, Depends(visible_withdrawal)]


def _expiry(request: Request) -> dt.timedelta:
    return request.app.state.settings.withdrawal_expiry


async def _money(
    request: Request,
    session: Any,
    principal: Principal,
    *,
    action: str,
    entity: str,
    entity_id: Any,
    body: Any,
    status_code: int,
    handler: Any,
) -> Any:
    async with audited_denials(request, session, principal, action=action, entity=entity, entity_id=entity_id):

        async def run() -> WithdrawalOut:
            result = await handler()
            if isinstance(result, WithdrawalOut):
                return result  # the signing path answers its own view (it has every figure already)
            return await service.withdrawal_out(session=session, w=result)

        return await idempotent(
            request=request,
            session=session,
            table=idempotency_keys,
            principal=principal,
            body=body,
            status_code=status_code,
            handler=run,
        )


@router.post(
    "",
    status_code=201,
    response_model=WithdrawalOut,
    responses=responses(
        401,
        403,
        AccountNotFound,
        ProjectNotFound,
        InsufficientFunds,
        ProjectSuspended,
        ProjectClosed,
        IdempotencyKeyReused,
        422,
    ),
)
async def request_withdrawal(
    body: WithdrawalCreate, request: Request, session: SessionDep, principal: MoneyWithdrawalRequest
) -> Any:
    """Request a withdrawal (pending, no signatures yet, expiring after the budget's `withdrawal_expiry`).
    Idempotency-Key honoured."""
    return await _money(
        request,
        session,
        principal,
        action="withdrawal.request",
        entity="account",
        entity_id=body.account_id,
        body=body,
        status_code=201,
        handler=lambda: service.request(session=session, principal=principal, data=body, expiry=_expiry(request)),
    )


@router.get("", response_model=Page[WithdrawalOut], responses=responses(401, 403, 422))
async def list_withdrawals(
    session: SessionDep,
    principal: Reader,
    params: PageDep,
    account_id: uuid.UUID | None = None,
    project_id: uuid.UUID | None = None,
    status: Literal["pending", "approved", "paid", "cancelled", "expired"] | None = None,
) -> Page[WithdrawalOut]:
    """Withdrawals within the caller's scope."""
    return await service.page(
        session=session, principal=principal, params=params, account_id=account_id, project_id=project_id, status=status
    )


@router.get(
    "/{withdrawal_id}/signatures",
    response_model=WithdrawalOut,
    responses=responses(401, 403, WithdrawalNotFound, 422),
    summary="List signatures (the withdrawal with its current signatures)",
)
@router.get("/{withdrawal_id}", response_model=WithdrawalOut, responses=responses(401, 403, WithdrawalNotFound, 422))
async def get_withdrawal(w: VisibleWithdrawal, session: SessionDep) -> WithdrawalOut:
    """One withdrawal with its current signatures, version, digest and expiry."""
    return await service.withdrawal_out(session=session, w=w)


@router.get(
    "/{withdrawal_id}/signing-payload",
    response_model=SigningPayloadOut,
    responses=responses(401, 403, WithdrawalNotFound, 422),
)
async def signing_payload(w: VisibleWithdrawal) -> SigningPayloadOut:
    """What a signatory signs: the RFC 8785 canonical JSON of the withdrawal's current version and its SHA-256."""
    return service.signing_payload(w)


@router.post(
    "/{withdrawal_id}/signatures",
    status_code=201,
    response_model=WithdrawalOut,
    responses=responses(
        401,
        403,
        NotASignatory,
        RequesterCannotSign,
        WithdrawalNotFound,
        AlreadySigned,
        NotPending,
        StaleSignature,
        WithdrawalExpired,
        KeyRevoked,
        BadSignature,
        UnknownKey,
        InsufficientFunds,
        ProjectSuspended,
        ProjectClosed,
        IdempotencyKeyReused,
        422,
    ),
)
async def sign(
    withdrawal_id: uuid.UUID,
    request: Request,
    session: SessionDep,
    principal: Reader,
    body: SignBody | None = None,
) -> Any:
    """Co-sign as the caller's person; the signature that reaches `threshold` distinct persons approves it.

    The requester may not sign (403); a second user id of a person who signed is refused (409 `already_signed`).
    With `digest`, the signature binds to that version: another than the current one is 409 `stale_signature`.

    Offline (`key_id`, `digest`, `signature`): a device key's Ed25519 signature over the signing payload, sent by
    anyone who sees the withdrawal; it counts as the key owner's signature. 422 `bad_signature`, 403
    `key_revoked`; the same signature again is answered like the first. Answers the withdrawal."""
    digest = body.digest if body else None
    offline = None
    if body is not None and body.key_id is not None and body.signature is not None:
        offline = OfflineSignature.of(key_id=body.key_id, signature=body.signature)
    else:
        await SIGN_GUARD(request)  # an online signature is the caller's own: budget:sign, refusals audited
    return await _money(
        request,
        session,
        principal,
        action="withdrawal.sign",
        entity="withdrawal",
        entity_id=withdrawal_id,
        body={
            "withdrawal_id": str(withdrawal_id),
            "digest": digest,
            **({"key_id": str(offline.key_id), "signature": offline.signature} if offline else {}),
        },
        status_code=201,
        handler=lambda: service.sign(
            session=session, principal=principal, withdrawal_id=withdrawal_id, digest=digest, offline=offline
        ),
    )


@router.post(
    "/{withdrawal_id}/payout",
    response_model=WithdrawalOut,
    responses=responses(
        401,
        403,
        WithdrawalNotFound,
        NotApproved,
        WithdrawalExpired,
        AlreadyPaid,
        BankReferenceUsed,
        ProjectSuspended,
        ProjectClosed,
        IdempotencyKeyReused,
        422,
    ),
)
async def payout(
    withdrawal_id: uuid.UUID,
    body: PayoutCreate,
    request: Request,
    session: SessionDep,
    principal: MoneyWithdrawalPayout,
) -> Any:
    """The bank records the payout of an approved withdrawal, once per `bank_reference`."""
    return await _money(
        request,
        session,
        principal,
        action="withdrawal.payout",
        entity="withdrawal",
        entity_id=withdrawal_id,
        body=body,
        status_code=200,
        handler=lambda: service.payout(
            session=session, principal=principal, withdrawal_id=withdrawal_id, bank_reference=body.bank_reference
        ),
    )


@router.post(
    "/{withdrawal_id}/cancel",
    response_model=WithdrawalOut,
    responses=responses(401, 403, WithdrawalNotFound, AlreadyPaid, NotPending, 422),
)
async def cancel(
    withdrawal_id: uuid.UUID,
    request: Request,
    session: SessionDep,
    principal: MoneyWithdrawalCancel,
    body: CancelBody | None = None,
) -> Any:
    """Cancel before payout (request again to change anything: a withdrawal is immutable)."""
    async with audited_denials(
        request, session, principal, action="withdrawal.cancel", entity="withdrawal", entity_id=withdrawal_id
    ):
        w = await service.cancel(
            session=session, principal=principal, withdrawal_id=withdrawal_id, reason=body.reason if body else None
        )
        return await service.withdrawal_out(session=session, w=w)

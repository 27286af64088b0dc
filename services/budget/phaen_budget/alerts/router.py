"""Routes: /v1/budget/alerts (list, read, resolve)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query

from phaen_budget.alerts import service
from phaen_budget.alerts.errors import AlertAlreadyResolved, AlertNotFound
from phaen_budget.alerts.schemas import AlertCode, AlertOut, AlertResolve
from phaen_common.auth import Principal
from phaen_common.db import SessionDep
from phaen_common.errors import responses
from phaen_common.pagination import Page, PageDep
from phaen_common.web import require

router = APIRouter(prefix="/v1/budget/alerts", tags=["alerts"])


@router.get("", response_model=Page[AlertOut], responses=responses(401, 403, 422))
async def list_alerts(
    session: SessionDep,
    principal: Annotated[Principal, require("budget:read")],
    params: PageDep,
    account: uuid.UUID | None = None,
    code: AlertCode | None = None,
    open: Annotated[bool | None, Query(description="true: open only; false: resolved only")] = None,
) -> Page[AlertOut]:
    """Alerts from statement reconciliation: secretariat, auditors, admin; a regional committee in its region."""
    return await service.list_alerts(
        session=session, principal=principal, params=params, account_id=account, code=code, open_only=open
    )


@router.get("/{alert_id}", response_model=AlertOut, responses=responses(401, 403, AlertNotFound, 422))
async def get_alert(
    alert_id: uuid.UUID, session: SessionDep, principal: Annotated[Principal, require("budget:read")]
) -> AlertOut:
    """One alert."""
    return service.alert_out(await service.get_alert(session=session, principal=principal, alert_id=alert_id))


@router.post(
    "/{alert_id}/resolve",
    response_model=AlertOut,
    responses=responses(401, 403, AlertNotFound, AlertAlreadyResolved, 422),
)
async def resolve_alert(
    alert_id: uuid.UUID,
    body: AlertResolve,
    session: SessionDep,
    principal: Annotated[Principal, require("budget:admin")],
) -> AlertOut:
    """Close an alert with a note (secretariat or admin); it stays listed, with who closed it and why."""
    alert = await service.resolve(session=session, principal=principal, alert_id=alert_id, note=body.note)
    return service.alert_out(alert)

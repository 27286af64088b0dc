"""Routes: /v1/budget/projects/{id}/tranches and /activity-reports."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Path, Request
from sqlalchemy import select
from sqlmodel import col

from phaen_budget.core.denials import audited_denials, require_money
from phaen_budget.core.errors import ProjectClosed, ProjectNotFound, ProjectSuspended
from phaen_budget.projects import service as projects
from phaen_budget.tables import idempotency_keys
from phaen_budget.tranches import service
from phaen_budget.tranches.errors import (
    AccountRequired,
    ActivityReportRequired,
    AlreadyReleased,
    AmountRequired,
    PreviousNotReleased,
    ReportNotFound,
    TrancheNotFound,
    TrancheNotReleased,
)
from phaen_budget.tranches.models import ActivityReport
from phaen_budget.tranches.schemas import ActivityReportCreate, ActivityReportOut, ReleaseBody, TrancheOut
from phaen_common.auth import Principal
from phaen_common.db import SessionDep
from phaen_common.errors import IdempotencyKeyReused, responses
from phaen_common.idempotency import idempotent
from phaen_common.pagination import Page, PageDep, paginate
from phaen_common.web import require

# Money routes: a caller whose role lacks the scope is refused and the refusal audited.
MoneyTrancheRelease = Annotated[Principal, require_money("budget:admin", action="tranche.release")]

router = APIRouter(prefix="/v1/budget/projects/{project_id}", tags=["tranches"])


@router.get("/tranches", response_model=list[TrancheOut], responses=responses(401, 403, ProjectNotFound, 422))
async def list_tranches(
    project_id: uuid.UUID, session: SessionDep, principal: Annotated[Principal, require("budget:read")]
) -> list[TrancheOut]:
    """The project's tranches: released or not, and what blocks the next."""
    project = await projects.get_visible(session=session, principal=principal, project_id=project_id)
    return await service.tranche_view(session=session, project=project)


@router.post(
    "/tranches/{n}/release",
    response_model=TrancheOut,
    responses=responses(
        401,
        403,
        ProjectNotFound,
        TrancheNotFound,
        AccountRequired,
        AlreadyReleased,
        PreviousNotReleased,
        ActivityReportRequired,
        ProjectSuspended,
        ProjectClosed,
        AmountRequired,
        IdempotencyKeyReused,
    ),
)
async def release(
    project_id: uuid.UUID,
    n: Annotated[int, Path(ge=1, le=12)],
    request: Request,
    session: SessionDep,
    principal: MoneyTrancheRelease,
    body: ReleaseBody | None = None,
) -> Any:
    """Release tranche n into the project's account (the project's amount x its share unless `amount` is given)."""

    async def run() -> TrancheOut:
        await service.release(
            session=session, principal=principal, project_id=project_id, n=n, amount=body.amount if body else None
        )
        project = await projects.get_visible(session=session, principal=principal, project_id=project_id)
        return (await service.tranche_view(session=session, project=project))[n - 1]

    async with audited_denials(
        request, session, principal, action="tranche.release", entity="project", entity_id=project_id
    ):
        return await idempotent(
            request=request,
            session=session,
            table=idempotency_keys,
            principal=principal,
            body={"n": n, "body": body},
            status_code=200,
            handler=run,
        )


def _report_out(r: ActivityReport) -> ActivityReportOut:
    return ActivityReportOut.model_validate(r, from_attributes=True)


@router.post(
    "/activity-reports",
    status_code=201,
    response_model=ActivityReportOut,
    responses=responses(401, 403, ProjectNotFound, TrancheNotFound, TrancheNotReleased, 422),
)
async def submit_report(
    project_id: uuid.UUID,
    body: ActivityReportCreate,
    session: SessionDep,
    principal: Annotated[Principal, require("budget:write")],
) -> ActivityReportOut:
    """Submit the activity summary for a released tranche (needed before the next tranche)."""
    report = await service.submit_report(session=session, principal=principal, project_id=project_id, data=body)
    return _report_out(report)


@router.get(
    "/activity-reports", response_model=Page[ActivityReportOut], responses=responses(401, 403, ProjectNotFound, 422)
)
async def list_reports(
    project_id: uuid.UUID, session: SessionDep, principal: Annotated[Principal, require("budget:read")], params: PageDep
) -> Page[ActivityReportOut]:
    """The project's activity reports."""
    await projects.get_visible(session=session, principal=principal, project_id=project_id)
    stmt = select(ActivityReport).where(col(ActivityReport.project_id) == project_id)
    rows, total, cursor = await paginate(session, stmt, keys=[col(ActivityReport.id)], params=params)
    return Page[ActivityReportOut](items=[_report_out(r) for r in rows], total=total, next_cursor=cursor)


@router.get(
    "/activity-reports/{report_id}",
    response_model=ActivityReportOut,
    responses=responses(401, 403, ProjectNotFound, ReportNotFound, 422),
)
async def get_report(
    project_id: uuid.UUID,
    report_id: uuid.UUID,
    session: SessionDep,
    principal: Annotated[Principal, require("budget:read")],
) -> ActivityReportOut:
    """One activity report."""
    await projects.get_visible(session=session, principal=principal, project_id=project_id)
    report = await session.get(ActivityReport, report_id)
    if report is None or report.project_id != project_id:
        raise ReportNotFound()
    return _report_out(report)

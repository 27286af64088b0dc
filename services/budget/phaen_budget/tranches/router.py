"""Routes: /v1/budget/projects/{id}/tranches and /activity-reports."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request

from phaen_budget.core.denials import audited_denials, require_money
from phaen_budget.core.errors import BalanceLimitExceeded, ProjectClosed, ProjectNotFound, ProjectSuspended
from phaen_budget.projects import service as projects
from phaen_budget.projects.models import Project
from phaen_budget.tables import idempotency_keys
from phaen_budget.tranches import service
from phaen_budget.tranches.errors import (
    AccountRequired,
    ActivityReportRequired,
    AlreadyReleased,
    AmountRequired,
    PreviousNotReleased,
    ReportNotFound,
    TrancheAmountExceeded,
    TrancheNotFound,
    TrancheNotReleased,
)
from phaen_budget.tranches.schemas import ActivityReportCreate, ActivityReportOut, ReleaseBody, TrancheOut
from phaen_common.auth import Principal
from phaen_common.db import SessionDep
from phaen_common.errors import IdempotencyKeyReused, responses
from phaen_common.idempotency import idempotent
from phaen_common.pagination import Page, PageDep
from phaen_common.web import require

# Money routes: a caller whose role lacks the scope is refused and the refusal audited.
MoneyTrancheRelease = Annotated[Principal, require_money("budget:admin", action="tranche.release")]

router = APIRouter(prefix="/v1/budget/projects/{project_id}", tags=["tranches"])


Reader = Annotated[Principal, require("budget:read")]


async def visible_project(project_id: uuid.UUID, session: SessionDep, principal: Reader) -> Project:
    """The project of the path, loaded once, if the caller sees its record (404 otherwise)."""
    return await projects.get_visible(session=session, principal=principal, project_id=project_id)


async def scoped_project(project_id: uuid.UUID, session: SessionDep, principal: Reader) -> Project:
    """The project of the path, loaded once, if its content is in the caller's scope (404 otherwise)."""
    return await projects.project_seen_by(
        session=session, principal=principal, project_id=project_id, not_found=ProjectNotFound
    )


VisibleProject = Annotated[Project, Depends(visible_project)]
ScopedProject = Annotated[Project, Depends(scoped_project)]


@router.get("/tranches", response_model=list[TrancheOut], responses=responses(401, 403, ProjectNotFound, 422))
async def list_tranches(project: VisibleProject, session: SessionDep) -> list[TrancheOut]:
    """The project's tranches: released or not, and what blocks the next."""
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
        TrancheAmountExceeded,
        BalanceLimitExceeded,
        AmountRequired,
        IdempotencyKeyReused,
    ),
)
async def release(
    project_id: uuid.UUID,
    n: Annotated[int, Path(ge=1, le=12)],
    body: ReleaseBody,
    request: Request,
    session: SessionDep,
    principal: MoneyTrancheRelease,
) -> Any:
    """Release tranche n into the project's account, citing the resolution that released it.

    The amount is the project's amount x the tranche's share unless `amount` is given; it may never exceed
    that share less what the tranche already released (409 `tranche_amount_exceeded`). Idempotency-Key honoured.
    """
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
            handler=lambda: service.release_and_view(
                session=session,
                principal=principal,
                project_id=project_id,
                n=n,
                amount=body.amount,
                resolution=body.resolution,
            ),
        )


@router.post(
    "/activity-reports",
    status_code=201,
    response_model=ActivityReportOut,
    responses=responses(
        401, 403, ProjectNotFound, TrancheNotFound, TrancheNotReleased, ProjectSuspended, ProjectClosed, 422
    ),
)
async def submit_report(
    project_id: uuid.UUID,
    body: ActivityReportCreate,
    session: SessionDep,
    principal: Annotated[Principal, require("budget:write")],
) -> ActivityReportOut:
    """Submit the activity summary for a released tranche (needed before the next tranche)."""
    report = await service.submit_report(session=session, principal=principal, project_id=project_id, data=body)
    return service.report_out(report)


@router.get(
    "/activity-reports", response_model=Page[ActivityReportOut], responses=responses(401, 403, ProjectNotFound, 422)
)
async def list_reports(project: ScopedProject, session: SessionDep, params: PageDep) -> Page[ActivityReportOut]:
    """The project's activity reports."""
    return await service.list_reports(session=session, project=project, params=params)


@router.get(
    "/activity-reports/{report_id}",
    response_model=ActivityReportOut,
    responses=responses(401, 403, ProjectNotFound, ReportNotFound, 422),
)
async def get_report(project: ScopedProject, report_id: uuid.UUID, session: SessionDep) -> ActivityReportOut:
    """One activity report."""
    return await service.get_report(session=session, project=project, report_id=report_id)

"""Routes: /v1/budget/projects (create, read, suspend, reinstate)."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Request

from phaen_budget.core.errors import ProjectClosed, ProjectNotFound
from phaen_budget.core.schemas import Reason, SafeStr
from phaen_budget.grants.errors import GrantNotFound, LineNotFound
from phaen_budget.projects import service
from phaen_budget.projects.errors import AlreadySuspended, LineAmountExceeded, NotSuspended
from phaen_budget.projects.models import Project
from phaen_budget.projects.repository import ProjectFilters
from phaen_budget.projects.schemas import ProjectCreate, ProjectOut
from phaen_common.auth import Principal
from phaen_common.db import SessionDep
from phaen_common.errors import responses
from phaen_common.pagination import Page, PageDep
from phaen_common.web import require

router = APIRouter(prefix="/v1/budget/projects", tags=["projects"])


Reader = Annotated[Principal, require("budget:read")]


async def visible_project(project_id: uuid.UUID, session: SessionDep, principal: Reader) -> Project:
    """The project of the path, loaded once, if the caller sees it (404 otherwise)."""
    return await service.get_visible(session=session, principal=principal, project_id=project_id)


VisibleProject = Annotated[Project, Depends(visible_project)]
project_out = service.project_out


@router.post(
    "",
    status_code=201,
    response_model=ProjectOut,
    responses=responses(401, 403, GrantNotFound, LineNotFound, LineAmountExceeded, 422),
)
async def create_project(
    body: ProjectCreate, request: Request, session: SessionDep, principal: Annotated[Principal, require("budget:admin")]
) -> ProjectOut:
    """Create a project (network, regional or tambon level) under a grant line; its amount must fit within the
    line (the line's projects never exceed its planned amount: 409 `line_amount_exceeded`)."""
    info = None
    if body.tambon:
        # Asked before the transaction takes any lock (never hold a lock across another service's call).
        info = await request.app.state.tiers.lookup(body.tambon, authorization=request.headers.get("authorization"))
    project = await service.create_project(session=session, principal=principal, data=body, tambon_info=info)
    return project_out(project)


@router.get("", response_model=Page[ProjectOut], responses=responses(401, 403, 422))
async def list_projects(
    session: SessionDep,
    principal: Annotated[Principal, require("budget:read")],
    params: PageDep,
    grant_id: uuid.UUID | None = None,
    status: Literal["active", "suspended", "closed"] | None = None,
    region: SafeStr | None = None,
    tambon: SafeStr | None = None,
    level: Literal["network", "regional", "tambon"] | None = None,
) -> Page[ProjectOut]:
    """Projects within the caller's scope (a bank or signatory: the projects of the accounts it reaches)."""
    filters = ProjectFilters(grant_id=grant_id, status=status, region=region, tambon=tambon, level=level)
    return await service.list_projects(session=session, principal=principal, params=params, filters=filters)


@router.get("/{project_id}", response_model=ProjectOut, responses=responses(401, 403, ProjectNotFound, 422))
async def get_project(project: VisibleProject) -> ProjectOut:
    """One project (404 outside the caller's scope)."""
    return project_out(project)


@router.post(
    "/{project_id}/suspend",
    response_model=ProjectOut,
    responses=responses(401, 403, ProjectNotFound, AlreadySuspended, ProjectClosed, 422),
)
async def suspend(
    project_id: uuid.UUID, body: Reason, session: SessionDep, principal: Annotated[Principal, require("budget:admin")]
) -> ProjectOut:
    """Suspend a project at once (CODI, for suspected misuse): every money action on it becomes a 409."""
    project = await service.set_status(
        session=session, principal=principal, project_id=project_id, suspend=True, reason=body.reason
    )
    return project_out(project)


@router.post(
    "/{project_id}/reinstate",
    response_model=ProjectOut,
    responses=responses(401, 403, ProjectNotFound, NotSuspended, ProjectClosed, 422),
)
async def reinstate(
    project_id: uuid.UUID,
    session: SessionDep,
    principal: Annotated[Principal, require("budget:admin")],
    body: Reason | None = None,
) -> ProjectOut:
    """Lift a suspension."""
    project = await service.set_status(
        session=session, principal=principal, project_id=project_id, suspend=False, reason=body.reason if body else None
    )
    return project_out(project)


@router.post(
    "/{project_id}/close", response_model=ProjectOut, responses=responses(401, 403, ProjectNotFound, ProjectClosed, 422)
)
async def close(
    project_id: uuid.UUID,
    session: SessionDep,
    principal: Annotated[Principal, require("budget:admin")],
    body: Reason | None = None,
) -> ProjectOut:
    """Close a finished project (final): every money action on it becomes a 409 ``project_closed``."""
    project = await service.close(
        session=session, principal=principal, project_id=project_id, reason=body.reason if body else None
    )
    return project_out(project)

"""Routes: /v1/budget/grants."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Path, Query

from phaen_budget.core.schemas import SafeStr
from phaen_budget.grants import service
from phaen_budget.grants.errors import GrantNotFound, LineExists, LineNotFound, OverAllocated
from phaen_budget.grants.schemas import Cofunding, GrantCreate, GrantOut, LineCreate, LineOut
from phaen_common.auth import Principal
from phaen_common.db import SessionDep
from phaen_common.errors import responses
from phaen_common.pagination import Page, PageDep
from phaen_common.web import require

router = APIRouter(prefix="/v1/budget/grants", tags=["grants"])


@router.post("", status_code=201, response_model=GrantOut, responses=responses(401, 403, 422))
async def create_grant(
    body: GrantCreate, session: SessionDep, principal: Annotated[Principal, require("budget:admin")]
) -> GrantOut:
    """Record a grant (ทุนสนับสนุน) from a funder."""
    grant = await service.create_grant(session=session, principal=principal, data=body)
    return await service.grant_view(session=session, grant=grant)


@router.get("", response_model=Page[GrantOut], responses=responses(401, 403, 422))
async def list_grants(
    session: SessionDep,
    _: Annotated[Principal, require("budget:read")],
    params: PageDep,
    fiscal_year: Annotated[int | None, Query(ge=2400, le=2800)] = None,
    funder: SafeStr | None = None,
) -> Page[GrantOut]:
    """Grants with their lines and derived figures."""
    return await service.list_grants(session=session, params=params, fiscal_year=fiscal_year, funder=funder)


@router.get("/{grant_id}", response_model=GrantOut, responses=responses(401, 403, GrantNotFound, 422))
async def get_grant(
    grant_id: uuid.UUID, session: SessionDep, _: Annotated[Principal, require("budget:read")]
) -> GrantOut:
    """A grant with lines: percent, actual (from expenses), variance and available are derived."""
    grant = await service.get_grant(session=session, grant_id=grant_id)
    return await service.grant_view(session=session, grant=grant)


@router.post(
    "/{grant_id}/lines",
    status_code=201,
    response_model=LineOut,
    responses=responses(401, 403, GrantNotFound, OverAllocated, LineExists, 422),
)
async def add_line(
    grant_id: uuid.UUID, body: LineCreate, session: SessionDep, principal: Annotated[Principal, require("budget:admin")]
) -> LineOut:
    """Add a plan line; the planned sum may not exceed the grant (409 ``over_allocated``)."""
    line = await service.add_line(session=session, principal=principal, grant_id=grant_id, data=body)
    return await service.line_view(session=session, grant_id=grant_id, no=line.no)


@router.post(
    "/{grant_id}/lines/{no}/cofunding",
    status_code=201,
    response_model=LineOut,
    responses=responses(401, 403, LineNotFound, 422),
)
async def add_cofunding(
    grant_id: uuid.UUID,
    no: Annotated[int, Path(ge=1, le=999)],
    body: Cofunding,
    session: SessionDep,
    principal: Annotated[Principal, require("budget:admin")],
) -> LineOut:
    """Record a second funder's share of a line (e.g. ThaiHealth on the festival line)."""
    await service.add_cofunding(session=session, principal=principal, grant_id=grant_id, no=no, data=body)
    return await service.line_view(session=session, grant_id=grant_id, no=no)

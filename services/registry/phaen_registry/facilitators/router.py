"""Facilitator routes."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query

from phaen_common.db import SessionDep
from phaen_common.errors import responses
from phaen_common.pagination import Page, PageDep
from phaen_registry.committees.errors import UnknownPerson
from phaen_registry.deps import IndexDep, Reader, Writer
from phaen_registry.facilitators import errors, service
from phaen_registry.facilitators.schemas import FacilitatorIn, FacilitatorLevel, FacilitatorOut, FacilitatorPatch
from phaen_registry.geography.schemas import RegionCode
from phaen_registry.people.errors import UnknownTambon
from phaen_registry.scope import read_scope

router = APIRouter(tags=["facilitators"])
STD = (401, 403, 422)


@router.post(
    "/facilitators",
    response_model=FacilitatorOut,
    status_code=201,
    responses=responses(*STD, UnknownPerson, UnknownTambon, errors.AlreadyFacilitator),
)
async def create_facilitator(_: Writer, session: SessionDep, index: IndexDep, body: FacilitatorIn) -> FacilitatorOut:
    """Record a trained process facilitator (community or intensive level)."""
    f = await service.create_facilitator(session=session, index=index, data=body)
    return service.facilitator_out(f, index)


@router.get("/facilitators", response_model=Page[FacilitatorOut], responses=responses(*STD))
async def list_facilitators(
    principal: Reader,
    session: SessionDep,
    index: IndexDep,
    params: PageDep,
    region: RegionCode | None = None,
    province: Annotated[str | None, Query(pattern=r"^\d{2}$")] = None,
    tambon: Annotated[str | None, Query(pattern=r"^\d{6}$")] = None,
    level: FacilitatorLevel | None = None,
    person_id: uuid.UUID | None = None,
) -> Page[FacilitatorOut]:
    """Facilitators the caller may see (a regional committee: its region; a tambon committee: its tambon)."""
    rows, total, cursor = await service.list_facilitators(
        session=session,
        index=index,
        params=params,
        scope=read_scope(principal, "facilitator"),
        region=region,
        province=province,
        tambon=tambon,
        level=level,
        person_id=person_id,
    )
    return Page(items=[service.facilitator_out(f, index) for f in rows], total=total, next_cursor=cursor)


@router.get(
    "/facilitators/{facilitator_id}",
    response_model=FacilitatorOut,
    responses=responses(*STD, errors.FacilitatorNotFound),
)
async def get_facilitator(
    principal: Reader, session: SessionDep, index: IndexDep, facilitator_id: uuid.UUID
) -> FacilitatorOut:
    """One facilitator in the caller's scope (404 outside it)."""
    f = await service.get_facilitator(
        session=session, index=index, facilitator_id=facilitator_id, scope=read_scope(principal, "facilitator")
    )
    return service.facilitator_out(f, index)


@router.patch(
    "/facilitators/{facilitator_id}",
    response_model=FacilitatorOut,
    responses=responses(*STD, errors.FacilitatorNotFound, UnknownTambon, errors.AlreadyFacilitator),
)
async def update_facilitator(
    _: Writer, session: SessionDep, index: IndexDep, facilitator_id: uuid.UUID, body: FacilitatorPatch
) -> FacilitatorOut:
    """Change a facilitator's tambon, level or training date."""
    f = await service.update_facilitator(session=session, index=index, facilitator_id=facilitator_id, patch=body)
    return service.facilitator_out(f, index)

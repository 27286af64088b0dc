"""People routes. National ID and phone are masked except for admin, secretariat and auditor."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query

from phaen_common.db import SessionDep
from phaen_common.errors import responses
from phaen_common.pagination import Page, PageDep
from phaen_registry.deps import IndexDep, Reader, Writer
from phaen_registry.geography.schemas import RegionCode
from phaen_registry.people import errors, service
from phaen_registry.people.schemas import PersonIn, PersonOut, PersonPatch
from phaen_registry.scope import read_scope, sees_personal_data

router = APIRouter(tags=["people"])
STD = (401, 403, 422)


@router.post(
    "/people",
    response_model=PersonOut,
    status_code=201,
    responses=responses(*STD, errors.UnknownTambon, errors.DuplicateNationalId),
)
async def create_person(principal: Writer, session: SessionDep, index: IndexDep, body: PersonIn) -> PersonOut:
    """Register a person; a national ID with a bad check digit is a 422."""
    p = await service.create_person(session=session, index=index, data=body)
    return service.person_out(p, clear=sees_personal_data(principal))


@router.get("/people", response_model=Page[PersonOut], responses=responses(*STD))
async def list_people(
    principal: Reader,
    session: SessionDep,
    params: PageDep,
    tambon: Annotated[str | None, Query(pattern=r"^\d{6}$")] = None,
    region: RegionCode | None = None,
) -> Page[PersonOut]:
    """People the caller may see (a regional committee: its region only), masked for most roles."""
    rows, total, cursor = await service.list_people(
        session=session, params=params, scope=read_scope(principal, "person"), tambon=tambon, region=region
    )
    clear = sees_personal_data(principal)
    return Page(items=[service.person_out(p, clear=clear) for p in rows], total=total, next_cursor=cursor)


@router.get("/people/{person_id}", response_model=PersonOut, responses=responses(*STD, errors.PersonNotFound))
async def get_person(principal: Reader, session: SessionDep, person_id: uuid.UUID) -> PersonOut:
    """One person (404 outside the caller's region)."""
    p = await service.get_person(session=session, person_id=person_id, scope=read_scope(principal, "person"))
    return service.person_out(p, clear=sees_personal_data(principal))


@router.patch(
    "/people/{person_id}",
    response_model=PersonOut,
    responses=responses(*STD, errors.PersonNotFound, errors.UnknownTambon, errors.DuplicateNationalId),
)
async def update_person(
    principal: Writer, session: SessionDep, index: IndexDep, person_id: uuid.UUID, body: PersonPatch
) -> PersonOut:
    """Change a person's name, national ID, phone or tambon."""
    p = await service.update_person(session=session, index=index, person_id=person_id, patch=body)
    return service.person_out(p, clear=sees_personal_data(principal))

"""Partner agency and MOU routes."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Path, Query

from phaen_common.db import SessionDep
from phaen_common.errors import responses
from phaen_common.pagination import Page, PageDep
from phaen_common.text import StorableText
from phaen_registry.deps import Reader, Writer
from phaen_registry.partners import errors, service
from phaen_registry.partners.schemas import MouIn, MouOut, PartnerIn, PartnerOut, PartnerPatch

router = APIRouter(tags=["partners"])
STD = (401, 403, 422)
Code = Annotated[str, Path(min_length=2, max_length=32, pattern=r"^[A-Za-z0-9_\-]+$")]


@router.post("/partners", response_model=PartnerOut, status_code=201, responses=responses(*STD, errors.PartnerExists))
async def create_partner(_: Writer, session: SessionDep, body: PartnerIn) -> PartnerOut:
    """Register a partner agency (ภาคีพัฒนา)."""
    return service.partner_out(await service.create_partner(session=session, data=body))


@router.get("/partners", response_model=Page[PartnerOut], responses=responses(*STD))
async def list_partners(
    _: Reader, session: SessionDep, params: PageDep, kind: Annotated[StorableText | None, Query(max_length=40)] = None
) -> Page[PartnerOut]:
    """Partner agencies."""
    rows, total, cursor = await service.list_partners(session=session, params=params, kind=kind)
    counts = await service.mou_counts(session=session, codes=[p.code for p in rows])
    return Page(items=[service.partner_out(p, counts.get(p.code, 0)) for p in rows], total=total, next_cursor=cursor)


@router.get("/partners/{code}", response_model=PartnerOut, responses=responses(*STD, errors.PartnerNotFound))
async def get_partner(_: Reader, session: SessionDep, code: Code) -> PartnerOut:
    """One partner agency."""
    p = await service.get_partner(session=session, code=code)
    return service.partner_out(p, (await service.mou_counts(session=session, codes=[p.code])).get(p.code, 0))


@router.patch("/partners/{code}", response_model=PartnerOut, responses=responses(*STD, errors.PartnerNotFound))
async def update_partner(_: Writer, session: SessionDep, code: Code, body: PartnerPatch) -> PartnerOut:
    """Change a partner agency's names or kind."""
    p = await service.update_partner(session=session, code=code, patch=body)
    return service.partner_out(p, (await service.mou_counts(session=session, codes=[p.code])).get(p.code, 0))


@router.post(
    "/partners/{code}/mous", response_model=MouOut, status_code=201, responses=responses(*STD, errors.PartnerNotFound)
)
async def add_mou(_: Writer, session: SessionDep, code: Code, body: MouIn) -> MouOut:
    """Record an MOU (scope and dates) with a partner agency."""
    return service.mou_out(await service.add_mou(session=session, code=code, data=body))


@router.get("/partners/{code}/mous", response_model=Page[MouOut], responses=responses(*STD, errors.PartnerNotFound))
async def list_mous(_: Reader, session: SessionDep, code: Code) -> Page[MouOut]:
    """A partner agency's MOUs."""
    items = [service.mou_out(m) for m in await service.list_mous(session=session, code=code)]
    return Page(items=items, total=len(items), next_cursor=None)


@router.get(
    "/partners/{code}/mous/{mou_id}",
    response_model=MouOut,
    responses=responses(*STD, errors.PartnerNotFound, errors.MouNotFound),
)
async def get_mou(_: Reader, session: SessionDep, code: Code, mou_id: uuid.UUID) -> MouOut:
    """One MOU."""
    return service.mou_out(await service.get_mou(session=session, code=code, mou_id=mou_id))

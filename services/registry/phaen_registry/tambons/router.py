"""Network tambon and village routes."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Path, Query, Response
from pydantic import BaseModel

from phaen_common.db import SessionDep
from phaen_common.errors import responses
from phaen_common.etags import PreconditionFailed, PreconditionRequired, etag_for
from phaen_common.pagination import Page, PageDep
from phaen_registry.deps import IndexDep, Reader, Writer
from phaen_registry.geography.errors import AreaAbolished
from phaen_registry.geography.schemas import RegionCode
from phaen_registry.tambons import errors, service
from phaen_registry.tambons.schemas import TambonIn, TambonOut, Tier, TierChangeOut, VillageIn, VillageOut

router = APIRouter(tags=["tambons"])
STD = (401, 403, 422)
Code = Annotated[str, Path(pattern=r"^\d{6}$", description="6-digit DOPA subdistrict code")]
IfMatch = Annotated[
    str | None,
    Header(
        alias="If-Match",
        description="The ETag of your last GET of this tambon; required to update an enrolled tambon",
    ),
]
VillageNo = Annotated[int, Path(ge=1, le=99, description="หมู่ที่")]


class TierHistory(BaseModel):
    items: list[TierChangeOut]
    total: int
    next_cursor: str | None = None


@router.put(
    "/tambons/{code}",
    response_model=TambonOut,
    status_code=200,
    responses={
        201: {"description": "Enrolled", "model": TambonOut},
        **responses(*STD, errors.TambonNotFound, AreaAbolished, PreconditionFailed, PreconditionRequired),
    },
)
async def put_tambon(
    principal: Writer,
    session: SessionDep,
    index: IndexDep,
    code: Code,
    body: TambonIn,
    response: Response,
    if_match: IfMatch = None,
) -> TambonOut:
    """Enrol a tambon in the network (201) or update it (200); tier changes are kept with who and when.

    An update needs ``If-Match`` with the ``ETag`` of your last GET (428 without it, 412 when someone changed
    the tambon since); the first enrolment needs none. ``villages_with_plan`` may not exceed
    ``villages_total`` (422). ``meets_model_criteria`` is derived: all 7 criteria, with plans in at least 80 %
    of the villages.
    """
    out, created = await service.put_tambon(
        session=session, index=index, code=code, data=body, actor=principal.sub, if_match=if_match
    )
    if created:
        response.status_code = 201
    response.headers["ETag"] = etag_for(out)
    return out


@router.get("/tambons", response_model=Page[TambonOut], responses=responses(*STD))
async def list_tambons(
    _: Reader,
    session: SessionDep,
    index: IndexDep,
    params: PageDep,
    region: RegionCode | None = None,
    tier: Tier | None = None,
    province: Annotated[str | None, Query(pattern=r"^\d{2}$")] = None,
    district: Annotated[str | None, Query(pattern=r"^\d{4}$")] = None,
) -> Page[TambonOut]:
    """Network tambons by region, tier, province or district."""
    items, total, cursor = await service.list_tambons(
        session=session, index=index, params=params, region=region, tier=tier, province=province, district=district
    )
    return Page(items=items, total=total, next_cursor=cursor)


@router.get(
    "/tambons/{code}",
    response_model=TambonOut,
    responses=responses(*STD, errors.TambonNotFound, errors.NotInNetwork, AreaAbolished),
)
async def get_tambon(_: Reader, session: SessionDep, index: IndexDep, code: Code) -> TambonOut:
    """One network tambon."""
    return await service.get_tambon(session=session, index=index, code=code)


@router.get(
    "/tambons/{code}/history",
    response_model=TierHistory,
    responses=responses(*STD, errors.TambonNotFound, errors.NotInNetwork, AreaAbolished),
)
async def get_history(_: Reader, session: SessionDep, index: IndexDep, code: Code) -> TierHistory:
    """The tambon's tier changes (who and when), oldest first."""
    items = await service.tier_history(session=session, index=index, code=code)
    return TierHistory(items=items, total=len(items))


@router.put(
    "/tambons/{code}/villages/{no}",
    response_model=VillageOut,
    responses={
        201: {"description": "Created", "model": VillageOut},
        **responses(*STD, errors.TambonNotFound, AreaAbolished),
    },
)
async def put_village(
    _: Writer, session: SessionDep, index: IndexDep, code: Code, no: VillageNo, body: VillageIn, response: Response
) -> VillageOut:
    """Record หมู่ที่ ``no`` of a tambon (201 when new) and whether it has a plan."""
    out, created = await service.put_village(session=session, index=index, code=code, no=no, data=body)
    if created:
        response.status_code = 201
    return out


@router.get(
    "/tambons/{code}/villages",
    response_model=Page[VillageOut],
    responses=responses(*STD, errors.TambonNotFound, AreaAbolished),
)
async def list_villages(_: Reader, session: SessionDep, index: IndexDep, code: Code) -> Page[VillageOut]:
    """The villages recorded under a tambon."""
    items = await service.list_villages(session=session, index=index, code=code)
    return Page(items=items, total=len(items), next_cursor=None)


@router.get(
    "/tambons/{code}/villages/{no}",
    response_model=VillageOut,
    responses=responses(*STD, errors.TambonNotFound, errors.VillageNotFound, AreaAbolished),
)
async def get_village(_: Reader, session: SessionDep, index: IndexDep, code: Code, no: VillageNo) -> VillageOut:
    """One village."""
    return await service.get_village(session=session, index=index, code=code, no=no)

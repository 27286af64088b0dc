"""Geography routes (reference data from GeoThai, CC-BY-4.0)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from phaen_common.db import DatabaseDep, SessionDep
from phaen_common.errors import responses
from phaen_common.pagination import Page, PageDep
from phaen_registry.deps import IndexDep, Reader
from phaen_registry.geography import errors, service
from phaen_registry.geography.schemas import (
    AbolishedOut,
    DistrictOut,
    Level,
    ProvinceOut,
    RegionCode,
    RegionOut,
    ResolveOut,
    SearchItem,
    SubdistrictOut,
)

router = APIRouter(tags=["geography"])
STD = (401, 403, 422)

ProvinceCode = Annotated[str, Path(pattern=r"^\d{2}$", description="2-digit DOPA province code")]
DistrictCode = Annotated[str, Path(pattern=r"^\d{4}$", description="4-digit DOPA district code")]
SubdistrictCode = Annotated[str, Path(pattern=r"^\d{6}$", description="6-digit DOPA subdistrict code")]


@router.get("/regions", response_model=Page[RegionOut], responses=responses(*STD))
async def list_regions(_: Reader, session: SessionDep) -> Page[RegionOut]:
    """The network's four regions with their province counts (15 / 28 / 20 / 14)."""
    items = await service.list_regions(session=session)
    return Page(items=items, total=len(items), next_cursor=None)


@router.get("/regions/{code}", response_model=RegionOut, responses=responses(*STD, errors.RegionNotFound))
async def get_region(_: Reader, session: SessionDep, code: str) -> RegionOut:
    """One region."""
    return await service.get_region(session=session, code=code)


@router.get("/provinces", response_model=Page[ProvinceOut], responses=responses(*STD))
async def list_provinces(
    _: Reader, session: SessionDep, params: PageDep, region: RegionCode | None = None
) -> Page[ProvinceOut]:
    """Provinces (77), optionally of one region."""
    items, total, cursor = await service.list_provinces(session=session, params=params, region=region)
    return Page(items=items, total=total, next_cursor=cursor)


@router.get("/provinces/{code}", response_model=ProvinceOut, responses=responses(*STD, errors.ProvinceNotFound))
async def get_province(_: Reader, session: SessionDep, code: ProvinceCode) -> ProvinceOut:
    """One province."""
    return await service.get_province(session=session, code=code)


@router.get("/districts", response_model=Page[DistrictOut], responses=responses(*STD))
async def list_districts(
    _: Reader,
    session: SessionDep,
    index: IndexDep,
    params: PageDep,
    province: Annotated[str | None, Query(pattern=r"^\d{2}$")] = None,
) -> Page[DistrictOut]:
    """Districts (928), optionally of one province."""
    items, total, cursor = await service.list_districts(session=session, index=index, params=params, province=province)
    return Page(items=items, total=total, next_cursor=cursor)


@router.get(
    "/districts/{code}",
    response_model=DistrictOut,
    responses=responses(*STD, errors.DistrictNotFound, errors.AreaAbolished),
)
async def get_district(_: Reader, session: SessionDep, index: IndexDep, code: DistrictCode) -> DistrictOut:
    """One district; an abolished code answers 404 ``area_abolished`` with its ``successors``."""
    return await service.get_district(session=session, index=index, code=code)


@router.get("/subdistricts", response_model=Page[SubdistrictOut], responses=responses(*STD))
async def list_subdistricts(
    _: Reader,
    session: SessionDep,
    index: IndexDep,
    params: PageDep,
    district: Annotated[str | None, Query(pattern=r"^\d{4}$")] = None,
    province: Annotated[str | None, Query(pattern=r"^\d{2}$")] = None,
    postal_code: Annotated[str | None, Query(pattern=r"^\d{5}$")] = None,
) -> Page[SubdistrictOut]:
    """Subdistricts (7,436), by district, province or postal code, with their network enrolment if any."""
    items, total, cursor = await service.list_subdistricts(
        session=session, index=index, params=params, district=district, province=province, postal_code=postal_code
    )
    return Page(items=items, total=total, next_cursor=cursor)


@router.get(
    "/subdistricts/{code}",
    response_model=SubdistrictOut,
    responses=responses(*STD, errors.SubdistrictNotFound, errors.AreaAbolished),
)
async def get_subdistrict(_: Reader, db: DatabaseDep, index: IndexDep, code: SubdistrictCode) -> SubdistrictOut:
    """One subdistrict; an abolished code answers 404 ``area_abolished`` with its ``successors``."""
    return await service.get_subdistrict(db=db, index=index, code=code)


@router.get("/abolished/{code}", response_model=AbolishedOut, responses=responses(*STD, errors.SubdistrictNotFound))
async def get_abolished(
    _: Reader, session: SessionDep, code: Annotated[str, Path(pattern=r"^\d{4}$|^\d{6}$")]
) -> AbolishedOut:
    """An abolished district or subdistrict code and the codes that replaced it."""
    return await service.get_abolished(session=session, code=code)


@router.get("/search", response_model=Page[SearchItem], responses=responses(*STD))
async def search(
    _: Reader,
    index: IndexDep,
    params: PageDep,
    q: Annotated[str, Query(min_length=1, max_length=200)],
    level: Level | None = None,
    province: Annotated[str | None, Query(pattern=r"^\d{2}$")] = None,
) -> Page[SearchItem]:
    """Provinces, districts and subdistricts whose Thai or English name contains ``q``.

    Spaces, tone marks and a leading level word (ตำบล, ต., อำเภอ, อ., จังหวัด, จ., Tambon, Amphoe) are ignored;
    exact names first, then names starting with ``q``, then the rest; provinces before districts before
    subdistricts.
    """
    items, total, cursor = service.search(index=index, q=q, level=level, province=province, params=params)
    return Page(items=items, total=total, next_cursor=cursor)


@router.get("/resolve", response_model=ResolveOut, responses=responses(*STD, errors.UnknownProvince))
async def resolve(
    _: Reader,
    index: IndexDep,
    name: Annotated[str, Query(min_length=1, max_length=200, description="Tambon name or code")],
    province: Annotated[
        str, Query(min_length=1, max_length=200, description="Province: Thai or English name, or code")
    ],
    district: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
) -> ResolveOut:
    """Match a legacy or misspelt tambon name within a province; candidates best first, exact = 1.0.

    Forgives tone-mark and vowel variants, sound-alike consonants (ษ/ศ/ส...), a character or two extra or
    missing, and a level word or abbreviation (ต., อ., จ.) in the text. A name or code of an abolished
    tambon points at its successors. Candidates outside the named district score lower.
    """
    return service.resolve(index=index, name=name, province=province, district=district, limit=limit)

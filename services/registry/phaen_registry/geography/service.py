"""Geography reads: regions, provinces, districts, subdistricts, search and resolve."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from phaen_common.db import Database
from phaen_common.errors import Unprocessable
from phaen_common.pagination import PageParams, decode_cursor, encode_cursor, paginate
from phaen_registry.geography import errors, repository
from phaen_registry.geography.index import Area, GeoIndex, Resolution
from phaen_registry.geography.models import AbolishedArea, District, Province, Region, Subdistrict
from phaen_registry.geography.schemas import (
    AbolishedOut,
    DistrictOut,
    NetworkSummary,
    ProvinceOut,
    RegionOut,
    ResolveItem,
    ResolveOut,
    SearchItem,
    SubdistrictOut,
)
from phaen_registry.tambons.models import NetworkTambon


async def list_regions(*, session: AsyncSession) -> list[RegionOut]:
    """The four regions with their province counts (from the province table, never typed in)."""
    counts: dict[str, int] = {
        code: n
        for code, n in (
            await session.execute(select(col(Province.region_code), func.count()).group_by(col(Province.region_code)))
        ).all()
    }
    regions = (await session.execute(select(Region).order_by(Region.sort_order))).scalars().all()  # type: ignore[arg-type]
    return [
        RegionOut(
            code=r.code,
            name_th=r.name_th,
            name_en=r.name_en,
            province_count=counts.get(r.code, 0),
        )
        for r in regions
    ]


async def get_region(*, session: AsyncSession, code: str) -> RegionOut:
    """One region."""
    for r in await list_regions(session=session):
        if r.code == code:
            return r
    raise errors.RegionNotFound(f"No region has the code {code!r}.")


def _province_out(p: Province) -> ProvinceOut:
    return ProvinceOut(code=p.code, name_th=p.name_th, name_en=p.name_en, region=p.region_code)


async def list_provinces(
    *, session: AsyncSession, params: PageParams, region: str | None
) -> tuple[list[ProvinceOut], int, str | None]:
    """Provinces, optionally of one region."""
    stmt = select(Province)
    if region:
        stmt = stmt.where(col(Province.region_code) == region)
    rows, total, cursor = await paginate(session, stmt, keys=[Province.code], params=params)
    return [_province_out(p) for p in rows], total, cursor


async def get_province(*, session: AsyncSession, code: str) -> ProvinceOut:
    """One province by its 2-digit code."""
    p = await session.get(Province, code)
    if p is None:
        raise errors.ProvinceNotFound(f"No province has the code {code!r}.")
    return _province_out(p)


def _district_out(d: District, index: GeoIndex) -> DistrictOut:
    return DistrictOut(
        code=d.code,
        name_th=d.name_th,
        name_en=d.name_en,
        province_code=d.province_code,
        region=index.region_of.get(d.province_code, "central"),
    )


async def list_districts(
    *, session: AsyncSession, index: GeoIndex, params: PageParams, province: str | None
) -> tuple[list[DistrictOut], int, str | None]:
    """Districts in use, optionally of one province."""
    stmt = select(District).where(col(District.in_use))
    if province:
        stmt = stmt.where(col(District.province_code) == province)
    rows, total, cursor = await paginate(session, stmt, keys=[District.code], params=params)
    return [_district_out(d, index) for d in rows], total, cursor


async def _raise_if_abolished(session: AsyncSession, code: str) -> None:
    old = await session.get(AbolishedArea, code)
    if old is not None:
        raise errors.AreaAbolished(
            f"The code {code} was abolished; see successors.", extra={"successors": list(old.successors)}
        )


async def get_district(*, session: AsyncSession, index: GeoIndex, code: str) -> DistrictOut:
    """One district by its 4-digit code (an abolished code is a 404 naming its successors)."""
    d = await session.get(District, code)
    if d is None:
        await _raise_if_abolished(session, code)
        raise errors.DistrictNotFound(f"No district has the code {code!r}.")
    return _district_out(d, index)


async def _network_by_code(session: AsyncSession, codes: list[str]) -> dict[str, NetworkSummary]:
    if not codes:
        return {}
    rows = (await session.execute(select(NetworkTambon).where(col(NetworkTambon.code).in_(codes)))).scalars().all()
    return {n.code: _network_summary(n) for n in rows}


def _network_summary(n: NetworkTambon) -> NetworkSummary:
    return NetworkSummary(
        tier=n.tier,
        joined_on=n.joined_on,
        villages_total=n.villages_total,
        villages_with_plan=n.villages_with_plan,
        meets_model_criteria=n.meets_model_criteria(),
        tao_plan_integrated=n.tao_plan_integrated,
        tao_funded=n.tao_funded,
    )


def _subdistrict_out(s: Subdistrict, index: GeoIndex, network: NetworkSummary | None) -> SubdistrictOut:
    return SubdistrictOut(
        code=s.code,
        name_th=s.name_th,
        name_en=s.name_en,
        district_code=s.district_code,
        province_code=s.province_code,
        region=index.region_of.get(s.province_code, "central"),
        postal_codes=list(s.postal_codes),
        network=network,
    )


async def list_subdistricts(
    *,
    session: AsyncSession,
    index: GeoIndex,
    params: PageParams,
    district: str | None,
    province: str | None,
    postal_code: str | None,
) -> tuple[list[SubdistrictOut], int, str | None]:
    """Subdistricts in use, filtered by district, province or postal code, with their network enrolment."""
    stmt = select(Subdistrict).where(col(Subdistrict.in_use))
    if district:
        stmt = stmt.where(col(Subdistrict.district_code) == district)
    if province:
        stmt = stmt.where(col(Subdistrict.province_code) == province)
    if postal_code:
        stmt = stmt.where(col(Subdistrict.postal_codes).contains([postal_code]))
    rows, total, cursor = await paginate(session, stmt, keys=[Subdistrict.code], params=params)
    network = await _network_by_code(session, [s.code for s in rows])
    return [_subdistrict_out(s, index, network.get(s.code)) for s in rows], total, cursor


async def get_subdistrict(*, db: Database, index: GeoIndex, code: str) -> SubdistrictOut:
    """One subdistrict by its 6-digit code (an abolished code is a 404 naming its successors)."""
    found = await repository.subdistrict_with_network(db=db, code=code)
    if found is None:
        async with db.sessionmaker() as session:
            await _raise_if_abolished(session, code)
        raise errors.SubdistrictNotFound(f"No subdistrict has the code {code!r}.")
    s, n = found
    return SubdistrictOut(
        code=s["code"],
        name_th=s["name_th"],
        name_en=s["name_en"],
        district_code=s["district_code"],
        province_code=s["province_code"],
        region=index.region_of.get(s["province_code"], "central"),
        postal_codes=list(s["postal_codes"]),
        network=_network_summary(n) if n is not None else None,
    )


async def get_abolished(*, session: AsyncSession, code: str) -> AbolishedOut:
    """An abolished district or subdistrict and the codes that replaced it."""
    old = await session.get(AbolishedArea, code)
    if old is None:
        raise errors.SubdistrictNotFound(f"No abolished area has the code {code!r}.")
    return AbolishedOut(
        code=old.code,
        level=old.level,
        name_th=old.name_th,
        name_en=old.name_en,
        abolished_on=old.abolished_on,
        successors=list(old.successors),
    )


def search(
    *, index: GeoIndex, q: str, level: str | None, province: str | None, params: PageParams
) -> tuple[list[SearchItem], int, str | None]:
    """Search names (Thai or English, partial); the cursor is an offset into the ranked hits."""
    hits = index.search(q, level=level, province=province)
    start = 0
    if params.cursor:
        value = decode_cursor(params.cursor, 1)[0]
        if not isinstance(value, int) or value < 0:
            raise Unprocessable("invalid cursor", loc=["query", "cursor"])
        start = value
    page = hits[start : start + params.limit]
    cursor = encode_cursor([start + params.limit]) if start + params.limit < len(hits) else None
    items = [
        SearchItem(
            level=a.level,
            code=a.code,
            name_th=a.name_th,
            name_en=a.name_en,
            province_code=a.province_code,
            district_code=a.district_code,
        )
        for a in page
    ]
    return items, len(hits), cursor


def find_province(*, index: GeoIndex, text: str) -> Area:
    """The province a caller named, or 422 ``unknown_province``."""
    p = index.find_province(text)
    if p is None:
        raise errors.UnknownProvince("No province matches this name or code.", loc=["query", "province"])
    return p


def resolve(*, index: GeoIndex, name: str, province: str, district: str | None, limit: int) -> ResolveOut:
    """Rank the tambons of a province that a legacy or misspelt name may mean."""
    p = find_province(index=index, text=province)
    d = index.find_district(district, p) if district else None
    return resolution_out(index, index.resolve(name, p, d, limit=limit))


def resolution_out(index: GeoIndex, res: Resolution) -> ResolveOut:
    """The API shape of a resolution."""
    items = []
    for c in res.candidates:
        dcode = c.area.district_code or ""
        dist = index.districts.get(dcode)
        items.append(
            ResolveItem(
                code=c.area.code,
                name_th=c.area.name_th,
                name_en=c.area.name_en,
                district_code=dcode,
                district_name_th=dist.name_th if dist else "",
                province_code=c.area.province_code,
                score=c.score,
                match=c.match,
            )
        )
    best = res.best
    return ResolveOut(
        items=items,
        total=len(items),
        province=res.province.code,
        district=res.district.code if res.district else None,
        ambiguous=res.ambiguous,
        resolved=best.area.code if best else None,
    )

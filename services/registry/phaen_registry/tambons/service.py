"""Network tambon rules: enrolment, tier history, derived model criteria, villages."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from phaen_common.etags import check_if_match, etag_for
from phaen_common.pagination import PageParams, paginate
from phaen_registry.events import emit, emit_many
from phaen_registry.geography.errors import AreaAbolished
from phaen_registry.geography.index import Area, GeoIndex
from phaen_registry.tambons import errors
from phaen_registry.tambons.models import CRITERIA, NetworkTambon, TierChange, Village
from phaen_registry.tambons.schemas import Criteria, TambonIn, TambonOut, TierChangeOut, VillageIn, VillageOut


def area_of(index: GeoIndex, code: str) -> Area:
    """The subdistrict in use with this code, or 404 (naming successors when the code was abolished)."""
    area = index.subdistricts.get(code)
    if area is None:
        old = index.abolished.get(code)
        if old is not None:
            raise AreaAbolished(
                f"The code {code} was abolished; see successors.", extra={"successors": list(old.successors)}
            )
        raise errors.TambonNotFound(f"No tambon has the code {code!r}.")
    return area


def tambon_out(nt: NetworkTambon, area: Area) -> TambonOut:
    """The API shape of a network tambon."""
    return TambonOut(
        code=nt.code,
        name_th=area.name_th,
        name_en=area.name_en,
        district_code=area.district_code or "",
        province_code=area.province_code,
        region=area.region,
        tier=nt.tier,
        joined_on=nt.joined_on,
        villages_total=nt.villages_total,
        villages_with_plan=nt.villages_with_plan,
        criteria=Criteria(**nt.criteria()),
        meets_model_criteria=nt.meets_model_criteria(),
        tao_plan_integrated=nt.tao_plan_integrated,
        tao_funded=nt.tao_funded,
        created_at=nt.created_at,
        updated_at=nt.updated_at,
    )


def tambon_payload(out: TambonOut) -> dict[str, Any]:
    """The ``tambon.enrolled`` / ``tambon.updated`` event payload (docs/EVENTS.md)."""
    return out.model_dump(mode="json", exclude={"created_at", "updated_at"})


def _apply(nt: NetworkTambon, data: TambonIn) -> None:
    nt.tier = data.tier
    nt.joined_on = data.joined_on
    nt.villages_total = data.villages_total
    nt.villages_with_plan = data.villages_with_plan
    for name in CRITERIA:
        setattr(nt, name, getattr(data.criteria, name))
    nt.tao_plan_integrated = data.tao_plan_integrated
    nt.tao_funded = data.tao_funded


async def upsert_tambons(
    *, session: AsyncSession, index: GeoIndex, items: list[tuple[str, TambonIn]], actor: str
) -> list[tuple[TambonOut, bool]]:
    """Enrol or update many tambons in the caller's transaction; returns (tambon, created) in input order."""
    areas = {code: area_of(index, code) for code, _ in items}
    codes = list(areas)
    existing = {
        nt.code: nt
        for nt in (await session.execute(select(NetworkTambon).where(col(NetworkTambon.code).in_(codes)))).scalars()
    }
    now = dt.datetime.now(dt.UTC)
    results: list[tuple[TambonOut, bool]] = []
    changes: list[TierChange] = []
    events: list[tuple[str, str, Any, dict[str, Any]]] = []
    for code, data in items:
        nt = existing.get(code)
        created = nt is None
        old_tier = None if nt is None else nt.tier
        if nt is None:
            nt = NetworkTambon(code=code, tier=data.tier, created_at=now, updated_at=now, updated_by=actor)
            session.add(nt)
            existing[code] = nt
        _apply(nt, data)
        nt.updated_at, nt.updated_by = now, actor
        if old_tier != data.tier:
            changes.append(
                TierChange(tambon_code=code, from_tier=old_tier, to_tier=data.tier, changed_by=actor, changed_at=now)
            )
        out = tambon_out(nt, areas[code])
        results.append((out, created))
        events.append(("tambon.enrolled" if created else "tambon.updated", "tambon", code, tambon_payload(out)))
    await session.flush()
    session.add_all(changes)
    await session.flush()
    await emit_many(session, events)
    return results


async def put_tambon(
    *, session: AsyncSession, index: GeoIndex, code: str, data: TambonIn, actor: str, if_match: str | None
) -> tuple[TambonOut, bool]:
    """Enrol or update one tambon, refusing an update made from a stale copy (``If-Match``: 428, 412)."""
    area = area_of(index, code)
    # Locked, so two clients holding the same ETag cannot both update.
    current = await session.get(NetworkTambon, code, with_for_update=True)
    check_if_match(if_match, None if current is None else etag_for(tambon_out(current, area)))
    [(out, created)] = await upsert_tambons(session=session, index=index, items=[(code, data)], actor=actor)
    return out, created


async def get_tambon(*, session: AsyncSession, index: GeoIndex, code: str) -> TambonOut:
    """One network tambon (404 when the tambon exists but is not enrolled)."""
    area = area_of(index, code)
    nt = await session.get(NetworkTambon, code)
    if nt is None:
        raise errors.NotInNetwork(f"The tambon {code} is not enrolled in the network.")
    return tambon_out(nt, area)


async def list_tambons(
    *,
    session: AsyncSession,
    index: GeoIndex,
    params: PageParams,
    region: str | None,
    tier: str | None,
    province: str | None,
    district: str | None,
) -> tuple[list[TambonOut], int, str | None]:
    """Network tambons by region, tier, province or district."""
    stmt = select(NetworkTambon)
    if region:
        stmt = stmt.where(func.left(NetworkTambon.code, 2).in_(index.provinces_by_region.get(region, [])))
    if province:
        stmt = stmt.where(func.left(NetworkTambon.code, 2) == province)
    if district:
        stmt = stmt.where(func.left(NetworkTambon.code, 4) == district)
    if tier:
        stmt = stmt.where(col(NetworkTambon.tier) == tier)
    rows, total, cursor = await paginate(session, stmt, keys=[NetworkTambon.code], params=params)
    return [tambon_out(nt, area_of(index, nt.code)) for nt in rows], total, cursor


async def tier_history(*, session: AsyncSession, index: GeoIndex, code: str) -> list[TierChangeOut]:
    """Every tier change of a network tambon, oldest first."""
    await get_tambon(session=session, index=index, code=code)
    rows = (
        (
            await session.execute(
                select(TierChange).where(col(TierChange.tambon_code) == code).order_by(col(TierChange.id))
            )
        )
        .scalars()
        .all()
    )
    return [
        TierChangeOut(
            from_tier=r.from_tier,
            to_tier=r.to_tier,
            changed_by=r.changed_by,
            changed_at=r.changed_at,
        )
        for r in rows
    ]


def _village_out(v: Village) -> VillageOut:
    return VillageOut(
        code=f"{v.tambon_code}{v.no:02d}", tambon=v.tambon_code, no=v.no, name_th=v.name_th, has_plan=v.has_plan
    )


async def put_village(
    *, session: AsyncSession, index: GeoIndex, code: str, no: int, data: VillageIn
) -> tuple[VillageOut, bool]:
    """Create or update หมู่ที่ ``no`` of a tambon; returns (village, created)."""
    area_of(index, code)
    table = Village.__table__  # type: ignore[attr-defined]
    existed = (
        await session.execute(
            select(col(Village.id)).where(
                col(Village.tambon_code) == code,
                col(Village.no) == no,
            )
        )
    ).first() is not None
    now = dt.datetime.now(dt.UTC)
    stmt = insert(table).values(tambon_code=code, no=no, name_th=data.name_th, has_plan=data.has_plan, updated_at=now)
    stmt = stmt.on_conflict_do_update(
        index_elements=["tambon_code", "no"],
        set_={"name_th": data.name_th, "has_plan": data.has_plan, "updated_at": now},
    )
    await session.execute(stmt)
    out = VillageOut(code=f"{code}{no:02d}", tambon=code, no=no, name_th=data.name_th, has_plan=data.has_plan)
    await emit(
        session,
        type="village.updated" if existed else "village.created",
        entity="village",
        entity_id=out.code,
        payload=out.model_dump(mode="json"),
    )
    return out, not existed


async def list_villages(*, session: AsyncSession, index: GeoIndex, code: str) -> list[VillageOut]:
    """The villages recorded under a tambon, by number."""
    area_of(index, code)
    rows = (
        (await session.execute(select(Village).where(col(Village.tambon_code) == code).order_by(col(Village.no))))
        .scalars()
        .all()
    )
    return [_village_out(v) for v in rows]


async def get_village(*, session: AsyncSession, index: GeoIndex, code: str, no: int) -> VillageOut:
    """One village of a tambon."""
    area_of(index, code)
    v = (await session.execute(select(Village).where(col(Village.tambon_code) == code, col(Village.no) == no))).scalar()
    if v is None:
        raise errors.VillageNotFound(f"The tambon {code} has no village number {no}.")
    return _village_out(v)

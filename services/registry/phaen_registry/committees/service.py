"""Committee rules: where a committee sits by level, zones inside regions, members with roles and terms."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from phaen_common.pagination import PageParams, paginate
from phaen_registry.committees import errors
from phaen_registry.committees.models import Committee, CommitteeMember, Zone
from phaen_registry.committees.schemas import (
    CommitteeIn,
    CommitteeOut,
    CommitteePatch,
    MemberIn,
    MemberOut,
    MemberPatch,
    ZoneIn,
    ZoneOut,
)
from phaen_registry.events import emit
from phaen_registry.geography.index import GeoIndex
from phaen_registry.people.models import Person
from phaen_registry.scope import EVERYTHING, Reach, where


def zone_out(z: Zone) -> ZoneOut:
    """A zone as the API shows it."""
    return ZoneOut(id=z.id, region=z.region, name=z.name, provinces=list(z.provinces))


async def create_zone(*, session: AsyncSession, index: GeoIndex, data: ZoneIn) -> Zone:
    """A zone of a region; every province named must be in that region."""
    for code in data.provinces:
        if index.region_of.get(code) != data.region:
            raise errors.CommitteeScopeInvalid(
                f"Province {code} is not in the {data.region} region.", loc=["body", "provinces"]
            )
    z = Zone(
        region=data.region, name=data.name, provinces=sorted(set(data.provinces)), created_at=dt.datetime.now(dt.UTC)
    )
    session.add(z)
    await session.flush()
    await emit(session, type="zone.created", entity="zone", entity_id=z.id, payload=zone_out(z).model_dump(mode="json"))
    return z


async def list_zones(*, session: AsyncSession, region: str | None) -> list[Zone]:
    """Zones, optionally of one region."""
    stmt = select(Zone).order_by(Zone.region, Zone.name, Zone.id)  # type: ignore[arg-type]
    if region:
        stmt = stmt.where(col(Zone.region) == region)
    return list((await session.execute(stmt)).scalars())


async def get_zone(*, session: AsyncSession, zone_id: uuid.UUID) -> Zone:
    """One zone."""
    z = await session.get(Zone, zone_id)
    if z is None:
        raise errors.ZoneNotFound("No such zone.")
    return z


def _place(index: GeoIndex, data: CommitteeIn) -> tuple[str | None, str | None, str | None]:
    """(region, province, tambon) stored for a committee, derived downwards from its level."""

    def bad(msg: str) -> errors.CommitteeScopeInvalid:
        return errors.CommitteeScopeInvalid(msg, loc=["body", "level"])

    if data.level == "national":
        if data.region or data.province or data.tambon:
            raise bad("A national committee has no region, province or tambon.")
        return None, None, None
    if data.level == "regional":
        if not data.region or data.province or data.tambon:
            raise bad("A regional committee needs a region and no province or tambon.")
        return data.region, None, None
    if data.level == "provincial":
        if not data.province or data.tambon or data.province not in index.region_of:
            raise bad("A provincial committee needs a known province and no tambon.")
        region = index.region_of[data.province]
    else:
        area = index.subdistricts.get(data.tambon or "")
        if area is None:
            raise bad("A tambon committee needs a known tambon.")
        if data.province and data.province != area.province_code:
            raise bad("The tambon is not in that province.")
        return _check_region(data, area.region), area.province_code, area.code
    return _check_region(data, region), data.province, None


def _check_region(data: CommitteeIn, region: str) -> str:
    if data.region and data.region != region:
        raise errors.CommitteeScopeInvalid(f"That place is in the {region} region.", loc=["body", "region"])
    return region


def _committee_payload(c: Committee) -> dict[str, Any]:
    return {
        "id": str(c.id),
        "level": c.level,
        "region": c.region,
        "province": c.province,
        "tambon": c.tambon,
        "name": c.name,
        "zone_id": str(c.zone_id) if c.zone_id else None,
    }


def member_out(m: CommitteeMember, today: dt.date | None = None) -> MemberOut:
    """A seat as the API shows it; current when today falls inside its term."""
    today = today or dt.date.today()
    current = (m.term_start is None or m.term_start <= today) and (m.term_end is None or m.term_end >= today)
    return MemberOut(
        id=m.id,
        committee_id=m.committee_id,
        user_id=m.user_id,
        person_id=m.person_id,
        role=m.role,
        term_start=m.term_start,
        term_end=m.term_end,
        current=current,
    )


async def committees_out(*, session: AsyncSession, rows: Sequence[Committee]) -> list[CommitteeOut]:
    """Committees with their members, current and past, loaded in one query for the whole page."""
    if not rows:
        return []
    ids = [c.id for c in rows]
    members: dict[uuid.UUID, list[MemberOut]] = defaultdict(list)
    for m in (
        await session.execute(
            select(CommitteeMember)
            .where(col(CommitteeMember.committee_id).in_(ids))
            .order_by(col(CommitteeMember.created_at), col(CommitteeMember.id))
        )
    ).scalars():
        members[m.committee_id].append(member_out(m))
    return [
        CommitteeOut(
            id=c.id,
            level=c.level,
            name=c.name,
            region=c.region,
            province=c.province,
            tambon=c.tambon,
            zone_id=c.zone_id,
            members=members[c.id],
            created_at=c.created_at,
        )
        for c in rows
    ]


async def committee_out(*, session: AsyncSession, c: Committee) -> CommitteeOut:
    """A committee with its members, current and past."""
    return (await committees_out(session=session, rows=[c]))[0]


async def create_committee(*, session: AsyncSession, index: GeoIndex, data: CommitteeIn, actor: str) -> Committee:
    """A committee at its level; region and province are derived from a tambon or province."""
    region, province, tambon = _place(index, data)
    if data.zone_id is not None:
        zone = await get_zone(session=session, zone_id=data.zone_id)
        if zone.region != region:
            raise errors.CommitteeScopeInvalid("The zone is in another region.", loc=["body", "zone_id"])
    c = Committee(
        level=data.level,
        name=data.name,
        region=region,
        province=province,
        tambon=tambon,
        zone_id=data.zone_id,
        created_by=actor,
        created_at=dt.datetime.now(dt.UTC),
    )
    session.add(c)
    await session.flush()
    await emit(session, type="committee.created", entity="committee", entity_id=c.id, payload=_committee_payload(c))
    return c


def scoped(stmt: Select[Any], scope: Reach) -> Select[Any]:
    """Limit a committee query to the caller's read scope."""
    return where(
        stmt,
        scope,
        region_in=lambda codes: col(Committee.region).in_(codes),
        tambon_in=lambda codes: col(Committee.tambon).in_(codes),
    )


async def get_committee(*, session: AsyncSession, committee_id: uuid.UUID, scope: Reach) -> Committee:
    """One committee in the caller's scope (404 outside it)."""
    c = (await session.execute(scoped(select(Committee).where(col(Committee.id) == committee_id), scope))).scalar()
    if c is None:
        raise errors.CommitteeNotFound("No such committee.")
    return c


async def list_committees(
    *,
    session: AsyncSession,
    params: PageParams,
    scope: Reach,
    level: str | None,
    region: str | None,
    province: str | None,
    tambon: str | None,
) -> tuple[list[Committee], int, str | None]:
    """Committees in the caller's scope, filtered."""
    stmt = scoped(select(Committee), scope)
    for column, value in (
        (Committee.level, level),
        (Committee.region, region),
        (Committee.province, province),
        (Committee.tambon, tambon),
    ):
        if value:
            stmt = stmt.where(col(column) == value)
    return await paginate(session, stmt, keys=[Committee.id], params=params)


async def add_member(*, session: AsyncSession, committee_id: uuid.UUID, data: MemberIn) -> CommitteeMember:
    """Seat a user or person on a committee; a second current seat for the same one is a 409."""
    c = await get_committee(session=session, committee_id=committee_id, scope=EVERYTHING)
    if data.person_id is not None and await session.get(Person, data.person_id) is None:
        raise errors.UnknownPerson("No such person.", loc=["body", "person_id"])
    today = dt.date.today()
    who = []
    if data.user_id is not None:
        who.append(col(CommitteeMember.user_id) == data.user_id)
    if data.person_id is not None:
        who.append(col(CommitteeMember.person_id) == data.person_id)
    # A past term (historical record) never clashes; a current or future one may not overlap a current seat.
    clash = None
    if data.term_end is None or data.term_end >= today:
        clash = (
            (
                await session.execute(
                    select(CommitteeMember).where(
                        col(CommitteeMember.committee_id) == c.id,
                        or_(*who),
                        or_(col(CommitteeMember.term_end).is_(None), col(CommitteeMember.term_end) >= today),
                    )
                )
            )
            .scalars()
            .first()
        )
    if clash is not None:
        raise errors.AlreadyMember("This user or person already holds a current seat on the committee.")
    m = CommitteeMember(
        committee_id=c.id,
        user_id=data.user_id,
        person_id=data.person_id,
        role=data.role,
        term_start=data.term_start,
        term_end=data.term_end,
        created_at=dt.datetime.now(dt.UTC),
    )
    session.add(m)
    await session.flush()
    payload = _committee_payload(c) | {"member": member_out(m).model_dump(mode="json")}
    await emit(session, type="committee.member_added", entity="committee", entity_id=c.id, payload=payload)
    return m


async def update_committee(*, session: AsyncSession, committee_id: uuid.UUID, patch: CommitteePatch) -> Committee:
    """Rename a committee or change its zone (same region only)."""
    c = await get_committee(session=session, committee_id=committee_id, scope=EVERYTHING)
    if patch.name is not None:
        c.name = patch.name
    if "zone_id" in patch.model_fields_set:
        if patch.zone_id is not None:
            zone = await get_zone(session=session, zone_id=patch.zone_id)
            if zone.region != c.region:
                raise errors.CommitteeScopeInvalid("The zone is in another region.", loc=["body", "zone_id"])
        c.zone_id = patch.zone_id
    await session.flush()
    await emit(session, type="committee.updated", entity="committee", entity_id=c.id, payload=_committee_payload(c))
    return c


async def _seat_on(session: AsyncSession, c: Committee, member_id: uuid.UUID) -> CommitteeMember:
    m = await session.get(CommitteeMember, member_id)
    if m is None or m.committee_id != c.id:
        raise errors.CommitteeNotFound("No such member of this committee.")
    return m


async def get_member(*, session: AsyncSession, committee: Committee, member_id: uuid.UUID) -> CommitteeMember:
    """One seat on a committee already found in scope (404 when the seat is on another committee)."""
    return await _seat_on(session, committee, member_id)


async def update_member(
    *, session: AsyncSession, committee_id: uuid.UUID, member_id: uuid.UUID, patch: MemberPatch
) -> CommitteeMember:
    """Change a seat's role or term; a term may not end before it starts."""
    # Not get_member: the event payload needs the committee too, and re-reading it would cost a query.
    c = await get_committee(session=session, committee_id=committee_id, scope=EVERYTHING)
    m = await _seat_on(session, c, member_id)
    for name in ("role", "term_start", "term_end"):
        if name in patch.model_fields_set and (name != "role" or patch.role is not None):
            setattr(m, name, getattr(patch, name))
    if m.term_start and m.term_end and m.term_end < m.term_start:
        raise errors.CommitteeScopeInvalid("term_end may not be before term_start.", loc=["body", "term_end"])
    await session.flush()
    payload = _committee_payload(c) | {"member": member_out(m).model_dump(mode="json")}
    await emit(session, type="committee.member_updated", entity="committee", entity_id=c.id, payload=payload)
    return m

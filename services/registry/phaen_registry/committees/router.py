"""Committee, member and zone routes. A regional committee reads only its own region's committees."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query

from phaen_common.db import SessionDep
from phaen_common.errors import responses
from phaen_common.pagination import Page, PageDep
from phaen_registry.committees import errors, service
from phaen_registry.committees.deps import VisibleCommittee
from phaen_registry.committees.schemas import (
    CommitteeIn,
    CommitteeLevel,
    CommitteeOut,
    CommitteePatch,
    MemberIn,
    MemberOut,
    MemberPatch,
    ZoneIn,
    ZoneOut,
)
from phaen_registry.deps import IndexDep, Reader, Writer
from phaen_registry.geography.schemas import RegionCode
from phaen_registry.scope import read_scope

router = APIRouter(tags=["committees"])
STD = (401, 403, 422)


@router.post(
    "/committees",
    response_model=CommitteeOut,
    status_code=201,
    responses=responses(*STD, errors.CommitteeScopeInvalid, errors.ZoneNotFound),
)
async def create_committee(principal: Writer, session: SessionDep, index: IndexDep, body: CommitteeIn) -> CommitteeOut:
    """Create a national, regional, provincial or tambon committee."""
    c = await service.create_committee(session=session, index=index, data=body, actor=principal.sub)
    return await service.committee_out(session=session, c=c)


@router.get("/committees", response_model=Page[CommitteeOut], responses=responses(*STD))
async def list_committees(
    principal: Reader,
    session: SessionDep,
    params: PageDep,
    level: CommitteeLevel | None = None,
    region: RegionCode | None = None,
    province: Annotated[str | None, Query(pattern=r"^\d{2}$")] = None,
    tambon: Annotated[str | None, Query(pattern=r"^\d{6}$")] = None,
) -> Page[CommitteeOut]:
    """Committees the caller may see, with their members."""
    rows, total, cursor = await service.list_committees(
        session=session,
        params=params,
        scope=read_scope(principal, "committee"),
        level=level,
        region=region,
        province=province,
        tambon=tambon,
    )
    return Page(items=await service.committees_out(session=session, rows=rows), total=total, next_cursor=cursor)


@router.get(
    "/committees/{committee_id}", response_model=CommitteeOut, responses=responses(*STD, errors.CommitteeNotFound)
)
async def get_committee(committee: VisibleCommittee, session: SessionDep) -> CommitteeOut:
    """One committee with its members (404 outside the caller's region)."""
    return await service.committee_out(session=session, c=committee)


@router.patch(
    "/committees/{committee_id}",
    response_model=CommitteeOut,
    responses=responses(*STD, errors.CommitteeNotFound, errors.ZoneNotFound, errors.CommitteeScopeInvalid),
)
async def update_committee(
    _: Writer, session: SessionDep, committee_id: uuid.UUID, body: CommitteePatch
) -> CommitteeOut:
    """Rename a committee or change its zone."""
    c = await service.update_committee(session=session, committee_id=committee_id, patch=body)
    return await service.committee_out(session=session, c=c)


@router.patch(
    "/committees/{committee_id}/members/{member_id}",
    response_model=MemberOut,
    responses=responses(*STD, errors.CommitteeNotFound, errors.CommitteeScopeInvalid),
)
async def update_member(
    _: Writer, session: SessionDep, committee_id: uuid.UUID, member_id: uuid.UUID, body: MemberPatch
) -> MemberOut:
    """Change a seat's role or term (end the term when a member steps down)."""
    m = await service.update_member(session=session, committee_id=committee_id, member_id=member_id, patch=body)
    return service.member_out(m)


@router.post(
    "/committees/{committee_id}/members",
    response_model=MemberOut,
    status_code=201,
    responses=responses(*STD, errors.CommitteeNotFound, errors.UnknownPerson, errors.AlreadyMember),
)
async def add_member(_: Writer, session: SessionDep, committee_id: uuid.UUID, body: MemberIn) -> MemberOut:
    """Seat a user or a person on the committee with a role (chair, coordinator, secretary, finance, member)."""
    m = await service.add_member(session=session, committee_id=committee_id, data=body)
    return service.member_out(m)


@router.get(
    "/committees/{committee_id}/members",
    response_model=Page[MemberOut],
    responses=responses(*STD, errors.CommitteeNotFound),
)
async def list_members(committee: VisibleCommittee, session: SessionDep) -> Page[MemberOut]:
    """The committee's members, current and past."""
    out = await service.committee_out(session=session, c=committee)
    return Page(items=out.members, total=len(out.members), next_cursor=None)


@router.get(
    "/committees/{committee_id}/members/{member_id}",
    response_model=MemberOut,
    responses=responses(*STD, errors.CommitteeNotFound),
)
async def get_member(committee: VisibleCommittee, session: SessionDep, member_id: uuid.UUID) -> MemberOut:
    """One seat on a committee."""
    return service.member_out(await service.get_member(session=session, committee=committee, member_id=member_id))


@router.post("/zones", response_model=ZoneOut, status_code=201, responses=responses(*STD, errors.CommitteeScopeInvalid))
async def create_zone(_: Writer, session: SessionDep, index: IndexDep, body: ZoneIn) -> ZoneOut:
    """A zone inside a region (its provinces must be in that region)."""
    return service.zone_out(await service.create_zone(session=session, index=index, data=body))


@router.get("/zones", response_model=Page[ZoneOut], responses=responses(*STD))
async def list_zones(_: Reader, session: SessionDep, region: RegionCode | None = None) -> Page[ZoneOut]:
    """Zones, optionally of one region."""
    items = [service.zone_out(z) for z in await service.list_zones(session=session, region=region)]
    return Page(items=items, total=len(items), next_cursor=None)


@router.get("/zones/{zone_id}", response_model=ZoneOut, responses=responses(*STD, errors.ZoneNotFound))
async def get_zone(_: Reader, session: SessionDep, zone_id: uuid.UUID) -> ZoneOut:
    """One zone."""
    return service.zone_out(await service.get_zone(session=session, zone_id=zone_id))

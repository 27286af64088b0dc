"""Facilitator rules: a person, a tambon, a level and a training date."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from phaen_common.pagination import PageParams, paginate
from phaen_registry.committees.errors import UnknownPerson
from phaen_registry.events import emit
from phaen_registry.facilitators import errors
from phaen_registry.facilitators.models import Facilitator
from phaen_registry.facilitators.schemas import FacilitatorIn, FacilitatorOut, FacilitatorPatch
from phaen_registry.geography.index import GeoIndex
from phaen_registry.people.errors import UnknownTambon
from phaen_registry.people.models import Person
from phaen_registry.scope import EVERYTHING, Reach, where


def facilitator_out(f: Facilitator, index: GeoIndex) -> FacilitatorOut:
    """The API shape (and the event payload) of a facilitator."""
    # DOPA codes nest: the district and province codes are prefixes of the tambon code.
    return FacilitatorOut(
        id=f.id,
        person_id=f.person_id,
        tambon=f.tambon,
        district_code=f.tambon[:4],
        province_code=f.tambon[:2],
        region=index.region_of.get(f.tambon[:2], ""),
        level=f.level,
        trained_on=f.trained_on,
    )


def _check_tambon(index: GeoIndex, code: str) -> None:
    if code not in index.subdistricts:
        raise UnknownTambon("No tambon in use has this code.", loc=["body", "tambon"])


async def _check_level_free(session: AsyncSession, person_id: uuid.UUID, level: str, exclude: uuid.UUID | None) -> None:
    stmt = select(Facilitator.id).where(col(Facilitator.person_id) == person_id, col(Facilitator.level) == level)  # type: ignore[call-overload]
    if exclude is not None:
        stmt = stmt.where(col(Facilitator.id) != exclude)
    if (await session.execute(stmt)).first() is not None:
        raise errors.AlreadyFacilitator("This person already has a facilitator record at this level.")


async def create_facilitator(*, session: AsyncSession, index: GeoIndex, data: FacilitatorIn) -> Facilitator:
    """Record a trained facilitator (one record per person and level)."""
    _check_tambon(index, data.tambon)
    if await session.get(Person, data.person_id) is None:
        raise UnknownPerson("No such person.", loc=["body", "person_id"])
    await _check_level_free(session, data.person_id, data.level, None)
    now = dt.datetime.now(dt.UTC)
    f = Facilitator(
        person_id=data.person_id,
        tambon=data.tambon,
        level=data.level,
        trained_on=data.trained_on,
        created_at=now,
        updated_at=now,
    )
    session.add(f)
    await session.flush()
    await emit(
        session,
        type="facilitator.created",
        entity="facilitator",
        entity_id=f.id,
        payload=facilitator_out(f, index).model_dump(mode="json"),
    )
    return f


def scoped(stmt: Select[Any], scope: Reach, index: GeoIndex) -> Select[Any]:
    """Limit a facilitator query to the caller's read scope: the tambon it works in, and so its region."""

    def region_in(codes: list[str]) -> Any:
        provinces = [p for code in codes for p in index.provinces_by_region.get(code, [])]
        return func.left(col(Facilitator.tambon), 2).in_(provinces)

    return where(stmt, scope, region_in=region_in, tambon_in=lambda codes: col(Facilitator.tambon).in_(codes))


async def get_facilitator(
    *, session: AsyncSession, index: GeoIndex, facilitator_id: uuid.UUID, scope: Reach = EVERYTHING
) -> Facilitator:
    """One facilitator in the caller's scope (404 outside it: existence is not leaked)."""
    stmt = scoped(select(Facilitator).where(col(Facilitator.id) == facilitator_id), scope, index)
    f = (await session.execute(stmt)).scalar()
    if f is None:
        raise errors.FacilitatorNotFound("No such facilitator.")
    return f


async def update_facilitator(
    *, session: AsyncSession, index: GeoIndex, facilitator_id: uuid.UUID, patch: FacilitatorPatch
) -> Facilitator:
    """Move a facilitator to another tambon, change the level or the training date."""
    f = await get_facilitator(session=session, index=index, facilitator_id=facilitator_id)
    sent = patch.model_fields_set
    if "tambon" in sent and patch.tambon is not None:
        _check_tambon(index, patch.tambon)
        f.tambon = patch.tambon
    if "level" in sent and patch.level is not None and patch.level != f.level:
        await _check_level_free(session, f.person_id, patch.level, f.id)
        f.level = patch.level
    if "trained_on" in sent:
        f.trained_on = patch.trained_on
    f.updated_at = dt.datetime.now(dt.UTC)
    await session.flush()
    await emit(
        session,
        type="facilitator.updated",
        entity="facilitator",
        entity_id=f.id,
        payload=facilitator_out(f, index).model_dump(mode="json"),
    )
    return f


async def list_facilitators(
    *,
    session: AsyncSession,
    index: GeoIndex,
    params: PageParams,
    scope: Reach,
    region: str | None,
    province: str | None,
    tambon: str | None,
    level: str | None,
    person_id: uuid.UUID | None,
) -> tuple[list[Facilitator], int, str | None]:
    """Facilitators in the caller's scope, by region, province, tambon, level or person."""
    stmt = scoped(select(Facilitator), scope, index)
    if region:
        stmt = stmt.where(func.left(Facilitator.tambon, 2).in_(index.provinces_by_region.get(region, [])))
    if province:
        stmt = stmt.where(func.left(Facilitator.tambon, 2) == province)
    if tambon:
        stmt = stmt.where(col(Facilitator.tambon) == tambon)
    if level:
        stmt = stmt.where(col(Facilitator.level) == level)
    if person_id:
        stmt = stmt.where(col(Facilitator.person_id) == person_id)
    return await paginate(session, stmt, keys=[Facilitator.id], params=params)

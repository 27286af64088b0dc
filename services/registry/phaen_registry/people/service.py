"""People rules: validated national IDs, derived region, masking, read scope."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from phaen_common.pagination import PageParams, paginate
from phaen_registry.events import emit
from phaen_registry.geography.index import GeoIndex
from phaen_registry.people import errors
from phaen_registry.people.ids import mask
from phaen_registry.people.models import Person
from phaen_registry.people.schemas import PersonIn, PersonOut, PersonPatch
from phaen_registry.scope import EVERYTHING, Reach, where


def person_out(p: Person, *, clear: bool) -> PersonOut:
    """The API shape of a person, masked unless ``clear``."""
    return PersonOut(
        id=p.id,
        full_name=p.full_name,
        national_id=p.national_id if clear else mask(p.national_id),
        phone=p.phone if clear else mask(p.phone),
        masked=not clear,
        tambon=p.tambon,
        province=p.province,
        region=p.region,
        created_at=p.created_at,
        updated_at=p.updated_at,
    )


def _payload(p: Person) -> dict[str, Any]:
    # Never a name, national ID or phone in an event (docs/EVENTS.md).
    return {"id": str(p.id), "tambon": p.tambon, "region": p.region}


def scoped(stmt: Select[Any], scope: Reach) -> Select[Any]:
    """Limit a person query to the caller's read scope."""
    return where(
        stmt,
        scope,
        region_in=lambda codes: col(Person.region).in_(codes),
        tambon_in=lambda codes: col(Person.tambon).in_(codes),
    )


def _place(index: GeoIndex, tambon: str | None) -> tuple[str | None, str | None]:
    if tambon is None:
        return None, None
    area = index.subdistricts.get(tambon)
    if area is None:
        raise errors.UnknownTambon("No tambon in use has this code.", loc=["body", "tambon"])
    return area.province_code, area.region


async def _check_unique_id(session: AsyncSession, national_id: str | None, exclude: uuid.UUID | None) -> None:
    if national_id is None:
        return
    stmt = select(Person.id).where(col(Person.national_id) == national_id)  # type: ignore[call-overload]
    if exclude is not None:
        stmt = stmt.where(col(Person.id) != exclude)
    if (await session.execute(stmt)).first() is not None:
        raise errors.DuplicateNationalId("A person with this national ID is already registered.")


async def create_person(*, session: AsyncSession, index: GeoIndex, data: PersonIn) -> Person:
    """Register a person (national ID unique when given)."""
    province, region = _place(index, data.tambon)
    await _check_unique_id(session, data.national_id, None)
    now = dt.datetime.now(dt.UTC)
    p = Person(
        full_name=data.full_name,
        national_id=data.national_id,
        phone=data.phone,
        tambon=data.tambon,
        province=province,
        region=region,
        created_at=now,
        updated_at=now,
    )
    session.add(p)
    await session.flush()
    await emit(session, type="person.created", entity="person", entity_id=p.id, payload=_payload(p))
    return p


async def get_person(*, session: AsyncSession, person_id: uuid.UUID, scope: Reach) -> Person:
    """One person inside the caller's scope (404 outside it: existence is not leaked)."""
    p = (await session.execute(scoped(select(Person).where(col(Person.id) == person_id), scope))).scalar()
    if p is None:
        raise errors.PersonNotFound("No such person.")
    return p


async def update_person(*, session: AsyncSession, index: GeoIndex, person_id: uuid.UUID, patch: PersonPatch) -> Person:
    """Change a person's fields; only the fields sent are touched."""
    p = await get_person(session=session, person_id=person_id, scope=EVERYTHING)
    sent = patch.model_fields_set
    if "full_name" in sent and patch.full_name is not None:
        p.full_name = patch.full_name
    if "national_id" in sent:
        await _check_unique_id(session, patch.national_id, p.id)
        p.national_id = patch.national_id
    if "phone" in sent:
        p.phone = patch.phone
    if "tambon" in sent:
        p.province, p.region = _place(index, patch.tambon)
        p.tambon = patch.tambon
    p.updated_at = dt.datetime.now(dt.UTC)
    await session.flush()
    await emit(session, type="person.updated", entity="person", entity_id=p.id, payload=_payload(p))
    return p


async def list_people(
    *, session: AsyncSession, params: PageParams, scope: Reach, tambon: str | None, region: str | None
) -> tuple[list[Person], int, str | None]:
    """People in the caller's scope, by tambon or region."""
    stmt = scoped(select(Person), scope)
    if tambon:
        stmt = stmt.where(col(Person.tambon) == tambon)
    if region:
        stmt = stmt.where(col(Person.region) == region)
    return await paginate(session, stmt, keys=[Person.id], params=params)

"""Partner agency and MOU rules."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from phaen_common.pagination import PageParams, paginate
from phaen_registry.events import emit
from phaen_registry.partners import errors
from phaen_registry.partners.models import Mou, Partner
from phaen_registry.partners.schemas import MouIn, MouOut, PartnerIn, PartnerOut, PartnerPatch


def partner_out(p: Partner, mou_count: int = 0) -> PartnerOut:
    """A partner as the API shows it, with its number of MOUs."""
    return PartnerOut(code=p.code, name_th=p.name_th, name_en=p.name_en, kind=p.kind, mou_count=mou_count)


def _payload(p: Partner) -> dict[str, Any]:
    return {"code": p.code, "name_th": p.name_th, "name_en": p.name_en, "kind": p.kind}


def mou_out(m: Mou, today: dt.date | None = None) -> MouOut:
    """An MOU as the API shows it; in force when today falls inside its dates."""
    today = today or dt.date.today()
    in_force = (m.starts_on is None or m.starts_on <= today) and (m.ends_on is None or m.ends_on >= today)
    return MouOut(
        id=m.id,
        partner_code=m.partner_code,
        title=m.title,
        scope=m.scope,
        signed_on=m.signed_on,
        starts_on=m.starts_on,
        ends_on=m.ends_on,
        in_force=in_force,
    )


async def create_partner(*, session: AsyncSession, data: PartnerIn) -> Partner:
    """Register a partner agency; codes are unique."""
    if await session.get(Partner, data.code) is not None:
        raise errors.PartnerExists(f"A partner agency with the code {data.code!r} exists.")
    now = dt.datetime.now(dt.UTC)
    p = Partner(
        code=data.code, name_th=data.name_th, name_en=data.name_en, kind=data.kind, created_at=now, updated_at=now
    )
    session.add(p)
    await session.flush()
    await emit(session, type="partner.created", entity="partner", entity_id=p.code, payload=_payload(p))
    return p


async def get_partner(*, session: AsyncSession, code: str) -> Partner:
    """One partner agency."""
    p = await session.get(Partner, code)
    if p is None:
        raise errors.PartnerNotFound(f"No partner agency has the code {code!r}.")
    return p


async def mou_counts(*, session: AsyncSession, codes: list[str]) -> dict[str, int]:
    """How many MOUs each partner has."""
    if not codes:
        return {}
    rows = await session.execute(
        select(col(Mou.partner_code), func.count())
        .where(col(Mou.partner_code).in_(codes))
        .group_by(col(Mou.partner_code))
    )
    return dict(rows.all())


async def update_partner(*, session: AsyncSession, code: str, patch: PartnerPatch) -> Partner:
    """Change a partner agency's names or kind."""
    p = await get_partner(session=session, code=code)
    for name in ("name_th", "name_en", "kind"):
        value = getattr(patch, name)
        if name in patch.model_fields_set and value is not None:
            setattr(p, name, value)
    p.updated_at = dt.datetime.now(dt.UTC)
    await session.flush()
    await emit(session, type="partner.updated", entity="partner", entity_id=p.code, payload=_payload(p))
    return p


async def list_partners(
    *, session: AsyncSession, params: PageParams, kind: str | None
) -> tuple[list[Partner], int, str | None]:
    """Partner agencies, by code."""
    stmt = select(Partner)
    if kind:
        stmt = stmt.where(col(Partner.kind) == kind)
    return await paginate(session, stmt, keys=[Partner.code], params=params)


async def add_mou(*, session: AsyncSession, code: str, data: MouIn) -> Mou:
    """Record an MOU with a partner agency."""
    await get_partner(session=session, code=code)
    m = Mou(
        partner_code=code,
        title=data.title,
        scope=data.scope,
        signed_on=data.signed_on,
        starts_on=data.starts_on,
        ends_on=data.ends_on,
        created_at=dt.datetime.now(dt.UTC),
    )
    session.add(m)
    await session.flush()
    await emit(
        session,
        type="mou.created",
        entity="mou",
        entity_id=m.id,
        payload=mou_out(m).model_dump(mode="json", exclude={"in_force"}),
    )
    return m


async def list_mous(*, session: AsyncSession, code: str) -> list[Mou]:
    """A partner's MOUs, oldest first."""
    await get_partner(session=session, code=code)
    stmt = select(Mou).where(col(Mou.partner_code) == code).order_by(Mou.created_at, Mou.id)  # type: ignore[arg-type]
    return list((await session.execute(stmt)).scalars())


async def get_mou(*, session: AsyncSession, code: str, mou_id: uuid.UUID) -> Mou:
    """One MOU of a partner."""
    m = await session.get(Mou, mou_id)
    if m is None or m.partner_code != code:
        raise errors.MouNotFound("No such MOU for this partner.")
    return m

"""A tiny service on the shared library, for its tests."""

from __future__ import annotations

from fastapi import APIRouter, FastAPI, Request
from pydantic import BaseModel, SecretStr
from sqlalchemy import Column, Integer, String, Table, insert
from sqlmodel import SQLModel

from phaen_common.db import SessionDep, use_naming_convention
from phaen_common.idempotency import idempotent, make_idempotency_table
from phaen_common.money import PositiveMoney
from phaen_common.outbox import events_router, make_outbox_table, record_event
from phaen_common.settings import CommonSettings
from phaen_common.web import CurrentPrincipal, create_service_app, require

use_naming_convention()
SCHEMA = "commontest"
outbox = make_outbox_table(SCHEMA)
idem = make_idempotency_table(SCHEMA)
things = Table(
    "things",
    SQLModel.metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(50), nullable=False),
    schema=SCHEMA,
)


class ThingIn(BaseModel):
    name: str
    amount: PositiveMoney


class ThingOut(BaseModel):
    id: int
    name: str
    amount: PositiveMoney


def build_app(url: str, **overrides: object) -> FastAPI:
    """A tiny service on the shared library: one money POST with idempotency and an event (``overrides``: settings)."""
    router = APIRouter(prefix="/v1/test")

    @router.post("/things", status_code=201, response_model=ThingOut)
    async def create_thing(
        body: ThingIn,
        request: Request,
        session: SessionDep,
        principal: CurrentPrincipal,
        _: object = require("budget:write"),
    ) -> object:
        async def handler() -> ThingOut:
            row = (await session.execute(insert(things).values(name=body.name).returning(things.c.id))).one()
            await record_event(
                session,
                outbox,
                type="thing.created",
                entity="thing",
                entity_id=row.id,
                payload={"name": body.name, "amount": body.amount},
            )
            if body.name == "boom":
                raise RuntimeError("SELECT secret FROM users -- must never leak")
            return ThingOut(id=row.id, name=body.name, amount=body.amount)

        return await idempotent(
            request=request,
            session=session,
            table=idem,
            principal=principal,
            body=body,
            status_code=201,
            handler=handler,
        )

    settings = CommonSettings(database_url=SecretStr(url), max_body_bytes=1000, **overrides)  # type: ignore[arg-type]
    return create_service_app(
        name="commontest", prefix="/v1/test", settings=settings, routers=[router, events_router("/v1/test", outbox)]
    )

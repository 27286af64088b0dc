"""Dependencies giving routes the gateway's process-wide auth objects (built in the lifespan)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from phaen_common.db import Database
from phaen_gateway.auth.keys import KeyRing
from phaen_gateway.auth.passwords import Hasher
from phaen_gateway.auth.people import PersonCheck
from phaen_gateway.auth.revocations import DbRevocations
from phaen_gateway.auth.tokens import TokenIssuer


async def _hasher(request: Request) -> Hasher:
    return request.app.state.hasher


async def _issuer(request: Request) -> TokenIssuer:
    return request.app.state.issuer


async def _ring(request: Request) -> KeyRing:
    return request.app.state.ring


async def _revocations(request: Request) -> DbRevocations:
    return request.app.state.revocations


async def _db(request: Request) -> Database:
    return request.app.state.db


async def _people(request: Request) -> PersonCheck:
    return request.app.state.people


HasherDep = Annotated[Hasher, Depends(_hasher)]
IssuerDep = Annotated[TokenIssuer, Depends(_issuer)]
RingDep = Annotated[KeyRing, Depends(_ring)]
RevocationsDep = Annotated[DbRevocations, Depends(_revocations)]
DatabaseDep = Annotated[Database, Depends(_db)]
PeopleDep = Annotated[PersonCheck, Depends(_people)]

"""User and client management (scope ``auth:admin``)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request

from phaen_common.auth import Principal
from phaen_common.db import AfterCommit, DatabaseDep, SessionDep, after_commit
from phaen_common.errors import ServiceUnavailable, responses
from phaen_common.pagination import Page, PageDep
from phaen_common.text import StorableText
from phaen_common.web import require
from phaen_gateway.auth import service
from phaen_gateway.auth.deps import HasherDep, PeopleDep, RevocationsDep
from phaen_gateway.auth.errors import (
    BankNotAllowed,
    BankRequired,
    ClientNotFound,
    LastAdmin,
    PersonWithoutNationalId,
    ScopeClaimRequired,
    UnknownPerson,
    UnknownRole,
    UsernameTaken,
    UserNotFound,
)
from phaen_gateway.auth.schemas import (
    ClientCreate,
    ClientCreated,
    ClientPublic,
    DirectoryAnswer,
    PersonLink,
    Region,
    UserCreate,
    UserPublic,
)

router = APIRouter(prefix="/v1/auth", tags=["auth admin"])

Admin = Annotated[Principal, require("auth:admin")]
ClientId = Annotated[str, Path(min_length=1, max_length=64)]
_AUTHZ = (401, 403)


@router.post(
    "/users",
    status_code=201,
    response_model=UserPublic,
    responses=responses(
        *_AUTHZ,
        UsernameTaken,
        UnknownRole,
        ScopeClaimRequired,
        UnknownPerson,
        PersonWithoutNationalId,
        ServiceUnavailable,
        422,
    ),
)
async def create_user(
    _: Admin, data: UserCreate, request: Request, session: SessionDep, hasher: HasherDep, people: PeopleDep
) -> UserPublic:
    """Create a user; the password is stored as an argon2id hash and never shown again.

    `person_id` links the user to the registry person it is; the registry must know that person with a valid
    national ID (422 `unknown_person` / `person_without_national_id`; 503 when the registry cannot answer).
    """
    if data.person_id is not None:
        await people.ensure_linkable(data.person_id, authorization=request.headers.get("authorization"))
    user = await service.create_user(session=session, hasher=hasher, data=data)
    return service.user_public(user)


@router.get(
    "/directory/users",
    response_model=DirectoryAnswer,
    responses=responses(*_AUTHZ, 422),
    summary="Users by id, for the services (scope auth:directory)",
)
async def directory(
    _: Annotated[Principal, require("auth:directory", "auth:admin")],
    db: DatabaseDep,
    id: Annotated[list[str], Query(min_length=1, max_length=50)],
) -> DirectoryAnswer:
    """Enabled flag, roles and linked person of each id that is a user; other ids (clients, made-up) are absent."""
    return DirectoryAnswer(users=await service.directory_users(db=db, ids=[i[:64] for i in id]))


@router.get("/users", response_model=Page[UserPublic], responses=responses(*_AUTHZ, 422))
async def list_users(
    _: Admin,
    session: SessionDep,
    params: PageDep,
    role: Annotated[StorableText | None, Query(max_length=40)] = None,
    region: Region | None = None,
    disabled: bool | None = None,
) -> Page[UserPublic]:
    """Users ordered by username; filters by role, region and disabled."""
    rows, total, cursor = await service.list_users(
        session=session, params=params, role=role, region=region, disabled=disabled
    )
    return Page(items=[service.user_public(u) for u in rows], total=total, next_cursor=cursor)


@router.get("/users/{user_id}", response_model=UserPublic, responses=responses(*_AUTHZ, UserNotFound, 422))
async def get_user(_: Admin, user_id: uuid.UUID, session: SessionDep) -> UserPublic:
    """One user."""
    return service.user_public(await service.get_user(session=session, user_id=user_id))


@router.put(
    "/users/{user_id}/person",
    response_model=UserPublic,
    responses=responses(*_AUTHZ, UserNotFound, UnknownPerson, PersonWithoutNationalId, ServiceUnavailable, 422),
)
async def link_person(
    _: Admin, user_id: uuid.UUID, data: PersonLink, request: Request, session: SessionDep, people: PeopleDep
) -> UserPublic:
    """Link an existing user to the registry person it is (checked as at creation), or unlink it with null.

    Tokens carry the new link from the user's next login or refresh; the budget reads the link when it checks a
    signatory set, so an account's set is unaffected until it is changed."""
    if data.person_id is not None:
        await people.ensure_linkable(data.person_id, authorization=request.headers.get("authorization"))
    user = await service.link_person(session=session, user_id=user_id, person_id=data.person_id)
    return service.user_public(user)


@router.post(
    "/users/{user_id}/disable", response_model=UserPublic, responses=responses(*_AUTHZ, UserNotFound, LastAdmin, 422)
)
async def disable_user(_: Admin, user_id: uuid.UUID, session: SessionDep, revocations: RevocationsDep) -> UserPublic:
    """Disable a user: no new logins or refreshes, and its live tokens fail everywhere within a minute."""
    user = await service.set_user_disabled(session=session, user_id=user_id, disabled=True)
    after_commit(session, _invalidate(revocations))
    return service.user_public(user)


@router.post("/users/{user_id}/enable", response_model=UserPublic, responses=responses(*_AUTHZ, UserNotFound, 422))
async def enable_user(_: Admin, user_id: uuid.UUID, session: SessionDep, revocations: RevocationsDep) -> UserPublic:
    """Re-enable a user."""
    user = await service.set_user_disabled(session=session, user_id=user_id, disabled=False)
    after_commit(session, _invalidate(revocations))
    return service.user_public(user)


@router.post(
    "/clients",
    status_code=201,
    response_model=ClientCreated,
    responses=responses(*_AUTHZ, UnknownRole, ScopeClaimRequired, BankRequired, BankNotAllowed, 422),
)
async def create_client(_: Admin, data: ClientCreate, session: SessionDep, hasher: HasherDep) -> ClientCreated:
    """Register a partner system; the secret is in this response only."""
    client, secret = await service.create_client(session=session, hasher=hasher, data=data)
    return ClientCreated(**service.client_public(client).model_dump(), client_secret=secret)


@router.get("/clients", response_model=Page[ClientPublic], responses=responses(*_AUTHZ, 422))
async def list_clients(
    _: Admin, session: SessionDep, params: PageDep, disabled: bool | None = None
) -> Page[ClientPublic]:
    """Clients ordered by client_id."""
    rows, total, cursor = await service.list_clients(session=session, params=params, disabled=disabled)
    return Page(items=[service.client_public(c) for c in rows], total=total, next_cursor=cursor)


@router.get("/clients/{client_id}", response_model=ClientPublic, responses=responses(*_AUTHZ, ClientNotFound, 422))
async def get_client(_: Admin, client_id: ClientId, session: SessionDep) -> ClientPublic:
    """One client (without its secret)."""
    return service.client_public(await service.get_client(session=session, client_id=client_id))


@router.post(
    "/clients/{client_id}/disable", response_model=ClientPublic, responses=responses(*_AUTHZ, ClientNotFound, 422)
)
async def disable_client(
    _: Admin, client_id: ClientId, session: SessionDep, revocations: RevocationsDep
) -> ClientPublic:
    """Disable a client: no new tokens, and its live tokens fail everywhere within a minute."""
    client = await service.set_client_disabled(session=session, client_id=client_id, disabled=True)
    after_commit(session, _invalidate(revocations))
    return service.client_public(client)


@router.post(
    "/clients/{client_id}/enable", response_model=ClientPublic, responses=responses(*_AUTHZ, ClientNotFound, 422)
)
async def enable_client(
    _: Admin, client_id: ClientId, session: SessionDep, revocations: RevocationsDep
) -> ClientPublic:
    """Re-enable a client."""
    client = await service.set_client_disabled(session=session, client_id=client_id, disabled=False)
    after_commit(session, _invalidate(revocations))
    return service.client_public(client)


def _invalidate(revocations: RevocationsDep) -> AfterCommit:
    async def hook() -> None:
        revocations.invalidate()

    return hook

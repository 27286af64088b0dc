"""Users and partner clients: creation, listing, disabling. The role and scope-claim rules live here."""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Iterable, Sequence

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from phaen_common.access import KNOWN_ROLES, REQUIRED_CLAIM
from phaen_common.auth import Principal
from phaen_common.db import Database
from phaen_common.pagination import PageParams, paginate
from phaen_gateway.auth import repository
from phaen_gateway.auth.errors import (
    BankNotAllowed,
    BankRequired,
    ClientNotFound,
    LastAdmin,
    ScopeClaimRequired,
    UnknownRole,
    UsernameTaken,
    UserNotFound,
)
from phaen_gateway.auth.models import PartnerClient, RefreshToken, User
from phaen_gateway.auth.passwords import Hasher
from phaen_gateway.auth.schemas import ClientCreate, ClientPublic, DirectoryUser, UserCreate, UserPublic


def check_roles(*, roles: Iterable[str], region: str | None = None, tambon: str | None = None) -> list[str]:
    """Known roles only, each once; a regional committee needs a region, a tambon committee a tambon."""
    out = sorted(set(roles))
    unknown = [r for r in out if r not in KNOWN_ROLES]
    if unknown:
        raise UnknownRole(f"Unknown role(s): {', '.join(unknown)}.", loc=["body", "roles"])
    given = {"region": region, "tambon": tambon}
    for role in out:
        claim = REQUIRED_CLAIM.get(role)
        if claim in given and not given[claim]:
            raise ScopeClaimRequired(f"The {role} role needs a {claim}.", loc=["body", claim])
    return out


def user_public(user: User) -> UserPublic:
    """The API view of a user (never the hash)."""
    return UserPublic(
        id=user.id,
        username=user.username,
        display_name=user.display_name,
        roles=list(user.roles),
        person_id=user.person_id,
        region=user.region,
        province=user.province,
        tambon=user.tambon,
        disabled=user.disabled_at is not None,
        created_at=user.created_at,
        disabled_at=user.disabled_at,
    )


def client_public(client: PartnerClient) -> ClientPublic:
    """The API view of a client (never the secret or its hash)."""
    return ClientPublic(
        client_id=client.client_id,
        name=client.name,
        roles=list(client.roles),
        bank=client.bank,
        disabled=client.disabled_at is not None,
        created_at=client.created_at,
        disabled_at=client.disabled_at,
    )


async def create_user(*, session: AsyncSession, hasher: Hasher, data: UserCreate) -> User:
    """Create a user with a hashed password; 409 when the username (any case) is taken."""
    roles = check_roles(roles=data.roles, region=data.region, tambon=data.tambon)
    if data.province and data.tambon and not data.tambon.startswith(data.province):
        raise ScopeClaimRequired("The tambon is not in the given province.", loc=["body", "tambon"])
    # DOPA codes nest: a tambon's first two digits are its province, so the claim is never missing.
    province = data.province or (data.tambon[:2] if data.tambon else None)
    taken = await session.execute(select(col(User.id)).where(func.lower(col(User.username)) == data.username.lower()))
    if taken.first() is not None:
        raise UsernameTaken(f"The username {data.username!r} is already taken.")
    user = User(
        username=data.username,
        display_name=data.display_name,
        password_hash=await hasher.hash(data.password),
        roles=roles,
        region=data.region,
        province=province,
        tambon=data.tambon,
        person_id=data.person_id,
    )
    session.add(user)
    try:
        async with session.begin_nested():
            await session.flush()
    except IntegrityError as exc:  # a concurrent creation of the same username
        raise UsernameTaken(f"The username {data.username!r} is already taken.") from exc
    await session.refresh(user)
    return user


async def list_users(
    *,
    session: AsyncSession,
    params: PageParams,
    role: str | None = None,
    region: str | None = None,
    disabled: bool | None = None,
) -> tuple[list[User], int, str | None]:
    """Users ordered by username, optionally filtered."""
    stmt = select(User)
    if role:
        stmt = stmt.where(col(User.roles).contains([role]))
    if region:
        stmt = stmt.where(col(User.region) == region)
    if disabled is not None:
        stmt = stmt.where(col(User.disabled_at).is_not(None) if disabled else col(User.disabled_at).is_(None))
    return await paginate(session, stmt, keys=[col(User.username)], params=params)


async def get_user(*, session: AsyncSession, user_id: uuid.UUID, for_update: bool = False) -> User:
    """One user, or 404."""
    stmt = select(User).where(col(User.id) == user_id)
    if for_update:
        stmt = stmt.with_for_update()
    user = (await session.execute(stmt)).scalar_one_or_none()
    if user is None:
        raise UserNotFound()
    return user


async def set_user_disabled(*, session: AsyncSession, user_id: uuid.UUID, disabled: bool) -> User:
    """Disable (revoking its refresh tokens) or re-enable a user. The last enabled admin stays enabled."""
    user = await get_user(session=session, user_id=user_id, for_update=True)
    if disabled and user.disabled_at is None:
        if "admin" in user.roles:
            # Lock every enabled admin so two admins cannot disable each other at the same moment.
            admins = (
                (
                    await session.execute(
                        select(col(User.id))
                        .where(col(User.roles).contains(["admin"]), col(User.disabled_at).is_(None))
                        .with_for_update()
                    )
                )
                .scalars()
                .all()
            )
            if len([a for a in admins if a != user.id]) == 0:
                raise LastAdmin()
        user.disabled_at = user.revoked_before = (await session.execute(select(func.now()))).scalar_one()
        await session.execute(
            update(RefreshToken)
            .where(col(RefreshToken.user_id) == user.id, col(RefreshToken.revoked_at).is_(None))
            .values(revoked_at=func.now())
        )
    elif not disabled:
        user.disabled_at = None
    await session.flush()
    return user


def _user_ids(ids: Sequence[str]) -> list[uuid.UUID]:
    """The ids that are user uuids (client ids and made-up ids are none)."""
    wanted: list[uuid.UUID] = []
    for raw in ids:
        try:
            wanted.append(uuid.UUID(raw))
        except ValueError:
            continue
    return wanted


async def directory_users(*, db: Database, ids: Sequence[str]) -> list[DirectoryUser]:
    """What the services may know of the users among ``ids``: one statement on the read pool, no ORM session
    (the budget service asks at every co-signature)."""
    wanted = _user_ids(ids)
    if not wanted:
        return []
    return [DirectoryUser.model_validate(row) for row in await repository.directory_rows(db=db, ids=wanted)]


async def user_of(*, session: AsyncSession, principal: Principal) -> User | None:
    """The user a principal is; None for a client or a subject that names no user."""
    if principal.kind != "user":
        return None
    try:
        user_id = uuid.UUID(principal.sub)
    except ValueError:
        return None
    return (await session.execute(select(User).where(col(User.id) == user_id))).scalar_one_or_none()


async def link_person(*, session: AsyncSession, user_id: uuid.UUID, person_id: uuid.UUID | None) -> User:
    """Link a user to the registry person it is (already checked with the registry), or unlink it."""
    user = await get_user(session=session, user_id=user_id, for_update=True)
    user.person_id = person_id
    await session.flush()
    return user


def new_client_id() -> str:
    """A new public client id."""
    return f"c-{secrets.token_hex(8)}"


def new_secret() -> str:
    """A new client secret (256 bits, URL-safe)."""
    return secrets.token_urlsafe(32)


async def create_client(
    *,
    session: AsyncSession,
    hasher: Hasher,
    data: ClientCreate,
    client_id: str | None = None,
    secret: str | None = None,
) -> tuple[PartnerClient, str]:
    """Create a client; returns it with its secret in clear (shown once, stored hashed).

    A ``bank`` client is the bank it names (422 ``bank_required`` without one); no other client has a bank.
    """
    roles = check_roles(roles=data.roles)
    if "bank" in roles and not data.bank:
        raise BankRequired('A client with the bank role needs its bank (e.g. "BAAC").', loc=["body", "bank"])
    if data.bank and "bank" not in roles:
        raise BankNotAllowed("Only a client with the bank role carries a bank.", loc=["body", "bank"])
    secret = secret or new_secret()
    client = PartnerClient(
        client_id=client_id or new_client_id(),
        name=data.name,
        secret_hash=await hasher.hash(secret),
        roles=roles,
        bank=data.bank,
    )
    session.add(client)
    await session.flush()
    await session.refresh(client)
    return client, secret


async def list_clients(
    *, session: AsyncSession, params: PageParams, disabled: bool | None = None
) -> tuple[list[PartnerClient], int, str | None]:
    """Clients ordered by client_id."""
    stmt = select(PartnerClient)
    if disabled is not None:
        cond = col(PartnerClient.disabled_at).is_not(None) if disabled else col(PartnerClient.disabled_at).is_(None)
        stmt = stmt.where(cond)
    return await paginate(session, stmt, keys=[col(PartnerClient.client_id)], params=params)


async def get_client(*, session: AsyncSession, client_id: str, for_update: bool = False) -> PartnerClient:
    """One client, or 404."""
    stmt = select(PartnerClient).where(col(PartnerClient.client_id) == client_id)
    if for_update:
        stmt = stmt.with_for_update()
    client = (await session.execute(stmt)).scalar_one_or_none()
    if client is None:
        raise ClientNotFound()
    return client


async def set_client_disabled(*, session: AsyncSession, client_id: str, disabled: bool) -> PartnerClient:
    """Disable or re-enable a client."""
    client = await get_client(session=session, client_id=client_id, for_update=True)
    if disabled and client.disabled_at is None:
        client.disabled_at = client.revoked_before = (await session.execute(select(func.now()))).scalar_one()
    elif not disabled:
        client.disabled_at = None
    await session.flush()
    return client

"""The OAuth2 grants: password, client_credentials and refresh_token; access tokens signed at login only."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import time
import uuid
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import exists, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from phaen_common.auth import scopes_for
from phaen_common.db import Database, run_in_transaction
from phaen_gateway.auth.errors import InvalidClient, InvalidGrant
from phaen_gateway.auth.keys import KeyRing
from phaen_gateway.auth.limits import LoginLimits
from phaen_gateway.auth.models import PartnerClient, RefreshToken, User
from phaen_gateway.auth.passwords import Hasher
from phaen_gateway.auth.schemas import TokenResponse

_BAD_PASSWORD = "The username or password is wrong, or the account is disabled."
_BAD_REFRESH = "The refresh token is invalid, expired or already used."
_BAD_CLIENT = "The client id or secret is wrong, or the client is disabled."


@dataclass
class TokenIssuer:
    """Signs access tokens with the key ring's active key."""

    ring: KeyRing
    issuer: str
    audience: str
    access_ttl: int
    refresh_ttl: int

    async def access_token(
        self,
        *,
        sub: str,
        kind: str,
        roles: Iterable[str],
        region: str | None = None,
        province: str | None = None,
        tambon: str | None = None,
        person_id: str | None = None,
        bank: str | None = None,
    ) -> tuple[str, str]:
        """A signed access token and its scope string."""
        now = int(time.time())
        role_list = sorted(set(roles))
        scope = " ".join(sorted(scopes_for(role_list)))
        claims: dict[str, Any] = {
            "iss": self.issuer,
            "aud": self.audience,
            "iat": now,
            "exp": now + self.access_ttl,
            "jti": uuid.uuid4().hex,
            "sub": sub,
            "kind": kind,
            "roles": role_list,
            "scope": scope,
        }
        for name, value in (
            ("region", region),
            ("province", province),
            ("tambon", tambon),
            ("person_id", person_id),
            ("bank", bank),
        ):
            if value:
                claims[name] = value
        return await self.ring.sign(claims), scope


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


async def _new_refresh_token(
    *, session: AsyncSession, user_id: uuid.UUID, family_id: uuid.UUID, ttl: int, now: dt.datetime
) -> str:
    """A new refresh token in ``family_id``; ``now`` is the transaction's ``now()``, read by the grant's first query."""
    token = secrets.token_urlsafe(32)
    expires = now + dt.timedelta(seconds=ttl)
    session.add(RefreshToken(token_hash=_digest(token), family_id=family_id, user_id=user_id, expires_at=expires))
    await session.flush()
    return token


async def _user_tokens(
    *, session: AsyncSession, issuer: TokenIssuer, user: User, family_id: uuid.UUID, now: dt.datetime
) -> TokenResponse:
    access, scope = await issuer.access_token(
        sub=str(user.id),
        kind="user",
        roles=user.roles,
        region=user.region,
        province=user.province,
        tambon=user.tambon,
        person_id=str(user.person_id) if user.person_id else None,
    )
    refresh = await _new_refresh_token(
        session=session, user_id=user.id, family_id=family_id, ttl=issuer.refresh_ttl, now=now
    )
    return TokenResponse(access_token=access, expires_in=issuer.access_ttl, scope=scope, refresh_token=refresh)


async def _throttled(
    limits: LoginLimits | None, *, account: str, address: str, attempt: Callable[[], Awaitable[TokenResponse]]
) -> TokenResponse:
    """Run a sign-in under the login limits: 429 before any hashing once spent; each failure counted."""
    if limits is None:
        return await attempt()
    await limits.check(account=account, address=address)
    try:
        result = await attempt()
    except (InvalidGrant, InvalidClient):
        await limits.failed(account=account, address=address)
        raise
    await limits.succeeded(account=account, address=address)
    return result


async def password_grant(
    *,
    session: AsyncSession,
    hasher: Hasher,
    issuer: TokenIssuer,
    username: str,
    password: str,
    limits: LoginLimits | None = None,
    address: str = "-",
) -> TokenResponse:
    """Log a person in (under the login limits); a new refresh-token family starts here."""

    async def attempt() -> TokenResponse:
        return await _password_grant(
            session=session, hasher=hasher, issuer=issuer, username=username, password=password
        )

    return await _throttled(limits, account=f"user:{username}", address=address, attempt=attempt)


async def _password_grant(
    *, session: AsyncSession, hasher: Hasher, issuer: TokenIssuer, username: str, password: str
) -> TokenResponse:
    found = (
        (await session.execute(select(User, func.now()).where(func.lower(col(User.username)) == username.lower())))
        .tuples()
        .one_or_none()
    )
    ok = await hasher.verify(found[0].password_hash if found else None, password)
    if found is None or not ok or found[0].disabled_at is not None:
        raise InvalidGrant(_BAD_PASSWORD)
    user, now = found
    if hasher.needs_rehash(user.password_hash):
        user.password_hash = await hasher.hash(password)
    return await _user_tokens(session=session, issuer=issuer, user=user, family_id=uuid.uuid4(), now=now)


async def client_credentials_grant(
    *,
    session: AsyncSession,
    hasher: Hasher,
    issuer: TokenIssuer,
    client_id: str,
    client_secret: str,
    limits: LoginLimits | None = None,
    address: str = "-",
) -> TokenResponse:
    """Authenticate a partner or internal system (under the login limits); no refresh token."""

    async def attempt() -> TokenResponse:
        return await _client_grant(
            session=session, hasher=hasher, issuer=issuer, client_id=client_id, client_secret=client_secret
        )

    return await _throttled(limits, account=f"client:{client_id}", address=address, attempt=attempt)


async def _client_grant(
    *, session: AsyncSession, hasher: Hasher, issuer: TokenIssuer, client_id: str, client_secret: str
) -> TokenResponse:
    client = (
        await session.execute(select(PartnerClient).where(col(PartnerClient.client_id) == client_id))
    ).scalar_one_or_none()
    ok = await hasher.verify(client.secret_hash if client else None, client_secret)
    if client is None or not ok or client.disabled_at is not None:
        raise InvalidClient(_BAD_CLIENT)
    access, scope = await issuer.access_token(sub=client.client_id, kind="client", roles=client.roles, bank=client.bank)
    return TokenResponse(access_token=access, expires_in=issuer.access_ttl, scope=scope)


async def _revoke_family(db: Database, family_id: uuid.UUID) -> None:
    async def run(session: AsyncSession) -> None:
        await session.execute(
            update(RefreshToken)
            .where(col(RefreshToken.family_id) == family_id, col(RefreshToken.revoked_at).is_(None))
            .values(revoked_at=func.now())
        )

    await run_in_transaction(db, run)


async def refresh_grant(
    *, session: AsyncSession, db: Database, issuer: TokenIssuer, refresh_token: str
) -> TokenResponse:
    """Rotate a refresh token. Presenting one already used revokes its whole family (theft detection).

    The family revocation commits in its own transaction (the 401 that follows rolls this one back), so
    this transaction must hold no lock the revocation could wait for: the token row is claimed with
    ``FOR UPDATE SKIP LOCKED``, never by an UPDATE that would queue behind (and keep locking) a winner.
    """
    found = (
        (
            await session.execute(
                select(RefreshToken, func.now()).where(col(RefreshToken.token_hash) == _digest(refresh_token))
            )
        )
        .tuples()
        .one_or_none()
    )
    if found is None:
        raise InvalidGrant(_BAD_REFRESH)
    row, now = found
    family_revoked = (
        await session.execute(
            select(
                exists().where(col(RefreshToken.family_id) == row.family_id, col(RefreshToken.revoked_at).is_not(None))
            )
        )
    ).scalar_one()
    if row.used_at is not None or family_revoked:
        await _revoke_family(db, row.family_id)
        raise InvalidGrant(_BAD_REFRESH)
    if row.revoked_at is not None or row.expires_at <= now:
        raise InvalidGrant(_BAD_REFRESH)
    claimed = (
        await session.execute(
            select(col(RefreshToken.id))
            .where(
                col(RefreshToken.id) == row.id,
                col(RefreshToken.used_at).is_(None),
                col(RefreshToken.revoked_at).is_(None),
            )
            .with_for_update(skip_locked=True)
        )
    ).scalar_one_or_none()
    if claimed is None:
        # Locked or just used by a concurrent request with the same token: that is a reuse too.
        await _revoke_family(db, row.family_id)
        raise InvalidGrant(_BAD_REFRESH)
    await session.execute(update(RefreshToken).where(col(RefreshToken.id) == row.id).values(used_at=func.now()))
    user = (await session.execute(select(User).where(col(User.id) == row.user_id))).scalar_one_or_none()
    if user is None or user.disabled_at is not None:
        raise InvalidGrant(_BAD_REFRESH)
    return await _user_tokens(session=session, issuer=issuer, user=user, family_id=row.family_id, now=now)

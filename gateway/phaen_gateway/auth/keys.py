"""Signing keys: generation, rotation, the JWKS, and the in-process key ring used to sign and verify.

The newest unretired key signs. A retired key stays in the JWKS for the longest life a token can have
(plus leeway), so tokens signed before a rotation keep verifying everywhere until they expire.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import logging
import secrets
import time
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from jose import jwk, jwt
from jose.backends.base import Key
from sqlalchemy import func, or_, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from phaen_common.auth import construct_keys
from phaen_common.db import Database
from phaen_gateway.auth.models import SigningKey
from phaen_gateway.config import MAX_ACCESS_TOKEN_TTL

log = logging.getLogger("phaen.gateway.keys")

ALG = "RS256"
_LOCK_KEY = int.from_bytes(hashlib.sha256(b"gateway:signing_keys").digest()[:8], "big", signed=True)


def _generate_pair() -> tuple[str, str, dict[str, Any]]:
    """A fresh RSA-2048 key: (kid, private PEM, public JWK)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    private_pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    public_pem = (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )
    kid = f"{dt.datetime.now(dt.UTC):%Y%m%d}-{secrets.token_hex(6)}"
    public = jwk.construct(public_pem, ALG).to_dict()
    public.update({"kid": kid, "alg": ALG, "use": "sig"})
    return kid, private_pem, public


async def _insert_new_key(session: AsyncSession) -> SigningKey:
    kid, private_pem, public = await asyncio.to_thread(_generate_pair)
    row = SigningKey(kid=kid, alg=ALG, private_pem=private_pem, public_jwk=public)
    session.add(row)
    await session.flush()
    return row


async def ensure_signing_key(*, session: AsyncSession) -> str:
    """Make sure one active signing key exists; returns its kid (idempotent, safe when run concurrently)."""
    await session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _LOCK_KEY})
    active = (
        await session.execute(select(col(SigningKey.kid)).where(col(SigningKey.retired_at).is_(None)))
    ).scalar_one_or_none()
    if active is not None:
        return str(active)
    row = await _insert_new_key(session)
    log.info("created signing key kid=%s", row.kid)
    return row.kid


async def rotate_signing_key(*, session: AsyncSession) -> tuple[SigningKey, list[str]]:
    """Retire the active key and create a new one; returns (new key, retired kids)."""
    await session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _LOCK_KEY})
    result = await session.execute(
        update(SigningKey)
        .where(col(SigningKey.retired_at).is_(None))
        .values(retired_at=func.now())
        .returning(col(SigningKey.kid))
    )
    retired = [str(k) for k in result.scalars().all()]
    row = await _insert_new_key(session)
    log.info("rotated signing key: new kid=%s, retired %s", row.kid, ",".join(retired) or "none")
    return row, retired


def published_window_seconds(leeway: int, extra_seconds: float = 0) -> float:
    """How long a retired key stays in the JWKS: the longest token life plus leeway (plus ``extra_seconds``)."""
    return MAX_ACCESS_TOKEN_TTL + leeway + extra_seconds


async def published_keys(*, session: AsyncSession, leeway: int, extra_seconds: float = 0) -> list[SigningKey]:
    """The active key and keys retired less than the longest token life ago (newest first).

    ``extra_seconds`` covers a retired key that keeps signing while its successor matures.
    """
    cutoff = func.now() - dt.timedelta(seconds=published_window_seconds(leeway, extra_seconds))
    stmt = (
        select(SigningKey)
        .where(or_(col(SigningKey.retired_at).is_(None), col(SigningKey.retired_at) > cutoff))
        .order_by(col(SigningKey.created_at).desc())
    )
    return list((await session.execute(stmt)).scalars().all())


@dataclass(frozen=True)
class _Signer:
    kid: str
    created: float  # epoch seconds, database clock
    private_pem: str


class KeyRing:
    """The gateway's keys in memory: signs with the active key, verifies with every published one.

    It is the gateway's ``KeySource`` for ``TokenVerifier``. It re-reads the database every
    ``reload_seconds`` (another instance may have rotated), and on an unknown kid at most every 5 s.

    A new key signs only once it is ``activation_delay`` seconds old. Services refetch the JWKS on an
    unknown kid at most every 5 s; by the time a token carries the new kid, any JWKS they fetched before
    the rotation is old enough to be refetched, so no valid token is ever refused.
    """

    def __init__(
        self, db: Database, *, leeway: int, reload_seconds: float = 30.0, activation_delay: float = 0.0
    ) -> None:
        self.db = db
        self.leeway = leeway
        self.reload_seconds = reload_seconds
        self.activation_delay = activation_delay
        self.clock_skew = 0.0  # database clock minus ours
        self._signers: list[_Signer] = []  # the active key first
        self._private: dict[str, Key] = {}
        self._public: dict[str, Key] = {}
        self._jwks: dict[str, Any] = {"keys": []}
        self._loaded_at = -1e9
        self._attempted_at = -1e9
        self._lock = asyncio.Lock()

    async def load(self, *, older_than: float = 0.0) -> None:
        """Read the published keys from the database (keeps the last set if the database is down).

        With ``older_than``, only if the last attempt is at least that old once the lock is ours: many
        requests arriving together cause one read, and a database that is down one attempt per interval.
        """
        async with self._lock:
            if older_than and time.monotonic() - self._attempted_at < older_than:
                return  # loaded (or tried, and failed) recently enough
            self._attempted_at = time.monotonic()
            try:
                async with self.db.sessionmaker() as session:
                    db_now = (await session.execute(select(func.now()))).scalar_one()
                    rows = await published_keys(
                        session=session, leeway=self.leeway, extra_seconds=self.activation_delay
                    )
            except Exception as exc:
                log.warning("could not load signing keys: %s", type(exc).__name__)
                return
            self.clock_skew = db_now.timestamp() - time.time()
            jwks = {"keys": [dict(r.public_jwk) for r in rows]}
            # Signing preference: the active key, then the most recently retired ones.
            ordered = sorted(
                rows, key=lambda r: (r.retired_at is not None, -(r.retired_at.timestamp() if r.retired_at else 0.0))
            )
            self._signers = [
                _Signer(r.kid, r.created_at.timestamp() if r.created_at else 0.0, r.private_pem) for r in ordered
            ]
            self._public = construct_keys(jwks)
            self._jwks = jwks
            self._loaded_at = time.monotonic()

    def invalidate(self) -> None:
        self._loaded_at = self._attempted_at = -1e9

    async def _fresh(self) -> None:
        if time.monotonic() - self._loaded_at >= self.reload_seconds:
            await self.load(older_than=self.reload_seconds)

    async def get(self, kid: str) -> Key | None:
        """The public key for ``kid`` (the KeySource protocol)."""
        await self._fresh()
        key = self._public.get(kid)
        if key is None and time.monotonic() - self._attempted_at >= 5:
            await self.load(older_than=5)
            key = self._public.get(kid)
        return key

    async def jwks(self) -> dict[str, Any]:
        await self._fresh()
        return self._jwks

    def signing_kid(self) -> str | None:
        """The active key once it is old enough to sign, else the last one retired before it (if mature)."""
        if not self._signers:
            return None
        now = time.time() + self.clock_skew
        mature = next((s for s in self._signers if now - s.created >= self.activation_delay), None)
        # None mature (first start, or rotations in quick succession): the oldest is the best known.
        return (mature or min(self._signers, key=lambda s: s.created)).kid

    async def sign(self, claims: dict[str, Any]) -> str:
        """Sign ``claims`` (RS256, ``kid`` in the header)."""
        await self._fresh()
        if not self._signers:
            await self.load()
        kid = self.signing_kid()
        if kid is None:
            raise RuntimeError("no signing key (run python -m phaen_gateway.bootstrap)")
        key = self._private.get(kid)
        if key is None:
            # Build the private key object once: signing then costs ~2 ms, not a PEM parse each time.
            pem = next(s.private_pem for s in self._signers if s.kid == kid)
            key = self._private[kid] = jwk.construct(pem, ALG)
        return jwt.encode(claims, key, algorithm=ALG, headers={"kid": kid})

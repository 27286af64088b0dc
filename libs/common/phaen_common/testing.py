"""Test helpers shared by every service: signing keys, tokens, and an in-process client."""

from __future__ import annotations

import time
import uuid
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from typing import Any

import httpx
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from fastapi import FastAPI
from jose import jwk, jwt

from phaen_common.auth import SetRevocations, StaticKeySource, TokenVerifier, scopes_for

ISSUER = "phaen-gateway"
AUDIENCE = "phaen"


class TestKeys:
    """An RSA key pair that signs test tokens the way the gateway does."""

    __test__ = False

    def __init__(self, kid: str | None = None) -> None:
        self.kid = kid or f"test-{uuid.uuid4().hex[:8]}"
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.private_pem = key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        ).decode()
        self.public_pem = (
            key.public_key()
            .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
            .decode()
        )
        self.public_der = key.public_key().public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
        )
        # The signing key object is built once: building it from the PEM (jose does so on every encode given a
        # string) checks the RSA key, ~20-40 ms of CPU, which was most of the CPU of many API test files.
        self._signing_key = jwk.construct(self.private_pem, "RS256")
        pub = jwk.construct(self.public_pem, "RS256").to_dict()
        pub.update({"kid": self.kid, "alg": "RS256", "use": "sig"})
        self.jwks = {"keys": [pub]}

    def claims(
        self,
        *,
        sub: str | None = None,
        roles: Iterable[str] = ("admin",),
        region: str | None = None,
        province: str | None = None,
        tambon: str | None = None,
        ttl: int = 600,
        **extra: Any,
    ) -> dict[str, Any]:
        now = int(time.time())
        roles = list(roles)
        claims: dict[str, Any] = {
            "iss": ISSUER,
            "aud": AUDIENCE,
            "iat": now,
            "exp": now + ttl,
            "jti": uuid.uuid4().hex,
            "sub": sub or str(uuid.uuid4()),
            "roles": roles,
            "scope": " ".join(sorted(scopes_for(roles))),
        }
        for name, value in (("region", region), ("province", province), ("tambon", tambon)):
            if value is not None:
                claims[name] = value
        claims.update(extra)
        return claims

    def token(self, **kwargs: Any) -> str:
        """A valid access token; keyword arguments as in ``claims``."""
        headers = kwargs.pop("headers", None) or {}
        return jwt.encode(
            self.claims(**kwargs), self._signing_key, algorithm="RS256", headers={"kid": self.kid, **headers}
        )

    def sign(self, claims: dict[str, Any], headers: dict[str, Any] | None = None) -> str:
        return jwt.encode(claims, self._signing_key, algorithm="RS256", headers={"kid": self.kid, **(headers or {})})

    def verifier(self, revoked: Iterable[str] = ()) -> TokenVerifier:
        return TokenVerifier(
            StaticKeySource(self.jwks), issuer=ISSUER, audience=AUDIENCE, leeway=30, revocations=SetRevocations(revoked)
        )

    def auth(self, **kwargs: Any) -> dict[str, str]:
        """``Authorization`` header for a token with these claims."""
        return {"Authorization": f"Bearer {self.token(**kwargs)}"}


@asynccontextmanager
async def app_client(
    app: FastAPI, keys: TestKeys | None = None, base_url: str = "http://testserver"
) -> AsyncIterator[httpx.AsyncClient]:
    """Run ``app``'s lifespan and give an httpx client over ASGI (no network)."""
    if keys is not None:
        app.state.verifier = keys.verifier()
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url=base_url) as client:
            yield client


@asynccontextmanager
async def rolled_back(app: FastAPI) -> AsyncIterator[None]:
    """Run what happens inside in one database transaction that is rolled back at the end.

    The app's sessions are bound to one connection in an outer transaction; each request's commit releases a
    savepoint instead (``join_transaction_mode="create_savepoint"``), so the app behaves as usual and the test
    leaves nothing behind. Only for tests whose requests run one at a time: concurrent requests would share the
    connection. The app must be started (its ``app.state.db`` set).
    """
    from sqlalchemy.ext.asyncio import async_sessionmaker

    db = app.state.db
    original = db.sessionmaker
    async with db.engine.connect() as conn:
        outer = await conn.begin()
        db.sessionmaker = async_sessionmaker(
            bind=conn, expire_on_commit=False, autoflush=False, join_transaction_mode="create_savepoint"
        )
        db.pinned_reads = (await conn.get_raw_connection()).driver_connection  # hot reads see the test's writes
        try:
            yield
        finally:
            db.sessionmaker = original
            db.pinned_reads = None
            await outer.rollback()

"""The gateway app: identity routes, routing to the services, the aggregated OpenAPI."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
from fastapi import FastAPI

from phaen_common.auth import TokenVerifier
from phaen_common.db import Database, run_in_transaction
from phaen_common.web import install_common
from phaen_gateway.auth import admin_router
from phaen_gateway.auth import router as auth_router
from phaen_gateway.auth.keys import KeyRing, ensure_signing_key
from phaen_gateway.auth.passwords import make_hasher
from phaen_gateway.auth.people import RegistryPeople
from phaen_gateway.auth.revocations import DbRevocations
from phaen_gateway.auth.tokens import TokenIssuer
from phaen_gateway.config import UPSTREAMS, Settings
from phaen_gateway.docs import PUBLIC_PATHS as DOCS_PUBLIC_PATHS
from phaen_gateway.docs import install_docs
from phaen_gateway.openapi import openapi_router
from phaen_gateway.proxy import new_client, proxy_router

log = logging.getLogger("phaen.gateway")

PUBLIC_PATHS = frozenset(
    {
        "/healthz",
        "/v1/openapi.json",
        *DOCS_PUBLIC_PATHS,
        *auth_router.PUBLIC_PATHS,
        # Each service's own OpenAPI passes through without a token (the docs need it); nothing else does.
        *(f"/v1/{name}/openapi.json" for name in UPSTREAMS),
    }
)


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the gateway; with no argument, settings come from the environment (``PHAEN_*``)."""
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        db = Database(
            settings.require_database_url(),
            pool_size=settings.db_pool_size,
            max_overflow=settings.db_max_overflow,
            application_name="phaen-gateway",
        )
        app.state.db = db
        app.state.hasher = make_hasher(settings)
        ring = KeyRing(
            db,
            leeway=settings.jwt_leeway_seconds,
            reload_seconds=settings.key_reload_seconds,
            activation_delay=settings.key_activation_delay_seconds,
        )
        try:
            await run_in_transaction(db, lambda s: ensure_signing_key(session=s))
        except Exception as exc:  # the database may come up later; signing retries then
            log.warning("could not ensure a signing key at start-up: %s", type(exc).__name__)
        await ring.load()
        app.state.ring = ring
        app.state.issuer = TokenIssuer(
            ring=ring,
            issuer=settings.jwt_issuer,
            audience=settings.jwt_audience,
            access_ttl=settings.access_token_ttl,
            refresh_ttl=settings.refresh_token_ttl,
        )
        app.state.revocations = DbRevocations(
            db, leeway=settings.jwt_leeway_seconds, cache_seconds=settings.gateway_revocation_cache_seconds
        )
        app.state.verifier = TokenVerifier(
            ring,
            issuer=settings.jwt_issuer,
            audience=settings.jwt_audience,
            leeway=settings.jwt_leeway_seconds,
            revocations=app.state.revocations,
        )
        app.state.proxy_client = new_client(
            httpx.Timeout(settings.document_timeout, connect=settings.upstream_connect_timeout),
            keepalive_seconds=settings.upstream_keepalive_seconds,
        )
        if not hasattr(app.state, "people"):
            app.state.people = RegistryPeople(base_url=settings.registry_url, timeout=settings.person_check_timeout)
        try:
            yield
        finally:
            await app.state.proxy_client.aclose()
            await db.dispose()

    app = FastAPI(
        title="Phaen API", version="1.0.0", lifespan=lifespan, openapi_url=None, docs_url=None, redoc_url=None
    )
    app.state.settings = settings
    app.state.public_paths = PUBLIC_PATHS
    install_common(app, name="gateway", settings=settings, public_paths=PUBLIC_PATHS)
    app.include_router(auth_router.router)
    app.include_router(admin_router.router)
    app.include_router(openapi_router())
    install_docs(app)
    app.include_router(proxy_router())
    return app

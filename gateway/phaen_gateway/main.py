"""The gateway app: identity routes, routing to the services, the aggregated OpenAPI."""

from __future__ import annotations

import asyncio
import contextlib
import logging

import httpx
from fastapi import Depends, FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware

from phaen_common.auth import TokenVerifier
from phaen_common.db import Database, run_in_transaction
from phaen_common.errors import register_thai
from phaen_common.web import create_service_app, strict_json_body
from phaen_gateway.auth import admin_router
from phaen_gateway.auth import errors as auth_errors
from phaen_gateway.auth import router as auth_router
from phaen_gateway.auth.keys import KeyRing, ensure_signing_key
from phaen_gateway.auth.limits import client_rate_limit, make_limits
from phaen_gateway.auth.passwords import make_hasher
from phaen_gateway.auth.people import RegistryPeople
from phaen_gateway.auth.revocations import DbRevocations, revocation_window_seconds
from phaen_gateway.auth.tokens import TokenIssuer
from phaen_gateway.config import UPSTREAMS, Settings
from phaen_gateway.docs import PUBLIC_PATHS as DOCS_PUBLIC_PATHS
from phaen_gateway.docs import docs_routes
from phaen_gateway.openapi import openapi_router
from phaen_gateway.proxy import ProxyFastPath, new_client, new_upstream_session, proxy_router
from phaen_gateway.readiness import install_gateway_readiness

log = logging.getLogger("phaen.gateway")

PUBLIC_PATHS = frozenset(
    {
        "/healthz",
        "/readyz",
        "/metrics",
        "/v1/openapi.json",
        *DOCS_PUBLIC_PATHS,
        "/v1/asyncapi.json",
        *auth_router.PUBLIC_PATHS,
        # Each service's own OpenAPI passes through without a token (the docs need it); nothing else does.
        *(f"/v1/{name}/openapi.json" for name in UPSTREAMS),
    }
)


async def _startup(app: FastAPI) -> None:
    """Keys, token issuing and checking (from the gateway's own tables), the upstream client."""
    settings: Settings = app.state.settings
    db: Database = app.state.db
    app.state.hasher = make_hasher(settings)
    app.state.limits = make_limits(settings)
    ring = KeyRing(
        db,
        leeway=settings.jwt_leeway_seconds,
        reload_seconds=settings.key_reload_seconds,
        activation_delay=settings.key_activation_delay_seconds,
    )
    if not await _load_keys(db, ring):
        # `make run` starts the processes while the database is still coming up: try again shortly (readiness
        # answers 503 until a key is loaded) instead of at the ring's next reload, 30 s later.
        app.state.keys_retry = asyncio.create_task(_load_keys_until_ready(db, ring), name="gateway-keys")
    app.state.ring = ring
    app.state.issuer = TokenIssuer(
        ring=ring,
        issuer=settings.jwt_issuer,
        audience=settings.jwt_audience,
        access_ttl=settings.access_token_ttl,
        refresh_ttl=settings.refresh_token_ttl,
    )
    app.state.revocations = DbRevocations(
        db,
        window=revocation_window_seconds(access_ttl=settings.access_token_ttl, leeway=settings.jwt_leeway_seconds),
        cache_seconds=settings.gateway_revocation_cache_seconds,
    )
    # The gateway checks tokens against its own key ring, never its own JWKS over HTTP.
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
    app.state.upstream_session = new_upstream_session(keepalive_seconds=settings.upstream_keepalive_seconds)
    if not hasattr(app.state, "people"):
        app.state.people = RegistryPeople(base_url=settings.registry_url, timeout=settings.person_check_timeout)


async def _load_keys(db: Database, ring: KeyRing, *, quiet: bool = False) -> bool:
    """Make sure a signing key exists and load the ring; whether a key is loaded."""
    try:
        await run_in_transaction(db, lambda s: ensure_signing_key(session=s))
    except Exception as exc:  # the database may come up later; signing retries then
        if not quiet:
            log.warning("could not ensure a signing key at start-up: %s", type(exc).__name__)
    await ring.load()
    return ring.signing_kid() is not None


async def _load_keys_until_ready(db: Database, ring: KeyRing) -> None:
    """Retry ``_load_keys`` every 0.2 s, backing off to 2 s, until a key is loaded."""
    delay = 0.2
    while not await _load_keys(db, ring, quiet=True):
        await asyncio.sleep(delay)
        delay = min(2.0, delay * 2)
    log.info("signing keys loaded")


async def _shutdown(app: FastAPI) -> None:
    task = getattr(app.state, "keys_retry", None)
    if task is not None and not task.done():
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
    await app.state.proxy_client.aclose()
    await app.state.upstream_session.close()
    await app.state.limits.close()


async def strict_json_own_routes(request: Request) -> None:
    """Duplicate keys and deep nesting are refused on the gateway's own routes (users, clients); the proxy's
    catch-all routes stream bodies through untouched, and the services check them."""
    route = request.scope.get("route")
    if route is not None and "{path:path}" not in getattr(route, "path", ""):
        await strict_json_body(request)


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the gateway with the services' app factory; with no argument, settings come from ``PHAEN_*``."""
    settings = settings or Settings()
    register_thai(auth_errors.THAI)
    app = create_service_app(
        name="gateway",
        prefix="/v1",
        settings=settings,
        # The proxy's catch-all routes come last.
        routers=[auth_router.router, admin_router.router, openapi_router(), docs_routes(), proxy_router()],
        on_startup=_startup,
        on_shutdown=_shutdown,
        title="Phaen API",
        public_paths=PUBLIC_PATHS,
        own_openapi=False,
        strict_json=False,
        dependencies=[Depends(client_rate_limit), Depends(strict_json_own_routes)],
        after_auth=[(ProxyFastPath, {})],
    )
    app.state.public_paths = PUBLIC_PATHS
    install_gateway_readiness(app)
    if settings.cors_allow_origins:
        # Outermost: a preflight is answered before the token check (it carries no token).
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_allow_origins),
            allow_methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
            allow_headers=["Authorization", "Content-Type", "Idempotency-Key", "Accept-Language", "X-Request-ID"],
            expose_headers=["Retry-After", "X-Request-ID", "Idempotent-Replayed", "Content-Disposition"],
            allow_credentials=False,
            max_age=600,
        )
    return app

"""The service app factory and its middleware: request id, body cap, token check, scope guards."""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from contextlib import asynccontextmanager
from typing import Annotated, Any

import httpx
import orjson
from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from phaen_common.auth import Principal, TokenVerifier
from phaen_common.errors import (
    Forbidden,
    PayloadTooLarge,
    Unauthorized,
    install_error_handlers,
    problem_body,
    problem_response,
    validation_problem,
)
from phaen_common.etags import ETagMiddleware
from phaen_common.health import install_health
from phaen_common.i18n import localize_problem, prefers_thai
from phaen_common.logs import configure_logging, request_id_var
from phaen_common.metrics import RequestMetrics, install_metrics
from phaen_common.openapi_extras import install_openapi_extras
from phaen_common.routing import route_matcher
from phaen_common.settings import CommonSettings
from phaen_common.text import MAX_JSON_DEPTH, json_depth
from phaen_common.tracing import install_tracing

log = logging.getLogger("phaen.http")

# Public on every port: the probes, and the metrics (aggregate counts only; ``PHAEN_METRICS_TOKEN`` guards them).
PROBE_PATHS = frozenset({"/healthz", "/readyz", "/metrics"})
# Not logged at info: probes and scrapes arrive every few seconds on an idle stack, and so do the services'
# own machine reads: key set and revocation list refreshes, and the feed reads of the reports consumer (its
# fallback round). An idle stack logs nothing; refused and failed requests are counted in /metrics.
QUIET_PATHS = PROBE_PATHS
# ... and when answered (a refused one is logged at info like any other).
QUIET_WHEN_OK = frozenset({"/v1/auth/jwks.json", "/v1/auth/revocations", "/v1/registry/events", "/v1/budget/events"})

_RID_OK = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:")


# Sent on every response unless the route set its own (the JWKS may be cached; a document may be HTML).
# API answers carry personal and financial data: no cache, shared or private, may keep them.
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"x-content-type-options", b"nosniff"),
    (b"cache-control", b"no-store"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"strict-transport-security", b"max-age=31536000"),
)
# Only for answers that are not HTML pages (the docs pages load their scripts and styles).
_API_CSP = (b"content-security-policy", b"default-src 'none'; frame-ancestors 'none'")


_SECURITY_NAMES = frozenset({name for name, _ in SECURITY_HEADERS} | {_API_CSP[0]})


def with_security_headers(headers: Sequence[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    """``headers`` plus each security header the response does not set itself."""
    out = list(headers)
    present: set[bytes] = set()
    content_type: bytes | None = None
    for name, value in out:  # one pass: the security headers a route set, and its (first) content type
        lower = name.lower()
        if lower in _SECURITY_NAMES:
            present.add(lower)
        elif content_type is None and lower == b"content-type":
            content_type = value
    out += [(name, value) for name, value in SECURITY_HEADERS if name not in present] if present else SECURITY_HEADERS
    if _API_CSP[0] not in present and not (content_type or b"").startswith(b"text/html"):
        out.append(_API_CSP)
    return out


def clean_request_id(value: str | None) -> str:
    """Pass a caller's request id through if it is sane; otherwise make one."""
    if value and 0 < len(value) <= 128 and set(value) <= _RID_OK:
        return value
    return os.urandom(16).hex()  # what uuid4().hex gave (32 hex digits), without building a UUID


class RequestContextMiddleware:
    """Sets/passes ``X-Request-ID``, logs one line per request, caps the body size (413), and counts and times
    the request in the metrics (``metrics``; one layer for all four: each ASGI layer costs a call and a
    wrapped ``send`` per message)."""

    def __init__(self, app: ASGIApp, *, max_body_bytes: int, metrics: RequestMetrics | None = None) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        metrics = self.metrics
        if metrics is not None:
            metrics.in_flight.inc()
        given_rid: bytes | None = None
        declared: bytes | None = None
        for name, value in scope.get("headers") or ():  # the last of repeated fields wins, as dict() did
            if name == b"x-request-id":
                given_rid = value
            elif name == b"content-length":
                declared = value
        rid = clean_request_id(given_rid.decode("latin-1") if given_rid is not None else None)
        token = request_id_var.set(rid)
        scope.setdefault("state", {})["request_id"] = rid
        status = 500  # for the log line: what the request came to
        sent = 500  # for the metrics: the status actually sent (500 when nothing was)

        if declared is not None and declared.isdigit() and int(declared) > self.max_body_bytes:
            try:
                await self._send_too_large(scope, send, rid)
            finally:
                request_id_var.reset(token)
                if metrics is not None:
                    metrics.in_flight.dec()
                    metrics.observe(scope, 413, time.perf_counter() - started)
            return

        received = 0
        too_large = False

        async def capped_receive() -> Message:
            nonlocal received, too_large
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body_bytes:
                    too_large = True
                    raise _BodyTooLarge
            return message

        response_started = False
        replaced = False
        problem = False
        code: str | None = None

        async def send_with_id(message: Message) -> None:
            nonlocal response_started, replaced, problem, code, status, sent
            if replaced:
                return  # the app's body of a response we replaced with the 413
            kind = message["type"]
            if kind == "http.response.start":
                if too_large:
                    # The app answered after the cap was hit (FastAPI turns the failed body read into a 400):
                    # the client still gets the 413 it earned.
                    replaced = response_started = True
                    sent = 413
                    await self._send_too_large(scope, send, rid)
                    return
                response_started = True
                status = sent = message["status"]
                headers = message.get("headers") or []
                problem = status >= 400 and any(
                    n.lower() == b"content-type" and v.startswith(b"application/problem+json") for n, v in headers
                )
                message["headers"] = with_security_headers([*headers, (b"x-request-id", rid.encode())])
            elif problem and kind == "http.response.body" and code is None:
                code = _problem_code(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, capped_receive, send_with_id)
        except _BodyTooLarge:
            if not response_started:
                sent = 413
                await self._send_too_large(scope, send, rid)
            status = 413
        except Exception as exc:
            # Last line of defence: never a traceback to the client or the log.
            from phaen_common.db import is_retryable_db_error

            if is_retryable_db_error(exc):
                log.warning("database unavailable or conflict, asking client to retry: %s", type(exc).__name__)
                status, code = 503, "service_unavailable"
                if not response_started:
                    sent = 503
                    await _send_problem(
                        scope,
                        send,
                        503,
                        "service_unavailable",
                        "Service temporarily unavailable",
                        "Please retry shortly.",
                        rid,
                        [(b"retry-after", b"1")],
                    )
            else:
                log.error("unhandled %s", type(exc).__name__)
                status, code = 500, "internal_error"
                if not response_started:
                    sent = 500
                    await _send_problem(
                        scope, send, 500, "internal_error", "Internal error", "An unexpected error occurred.", rid
                    )
        finally:
            if too_large:
                status = 413
                code = PayloadTooLarge.code
            path = scope.get("path", "")
            quiet = path in QUIET_PATHS or (path in QUIET_WHEN_OK and status < 400)
            level = logging.DEBUG if quiet else logging.INFO
            if log.isEnabledFor(level):
                principal = scope["state"].get("principal")
                log.log(
                    level,
                    "request",
                    extra={
                        "method": scope.get("method"),
                        "path": path,
                        "status": status,
                        "duration_ms": round((time.perf_counter() - started) * 1000, 2),
                        "sub": principal.sub if principal is not None else None,
                        "code": code,
                    },
                )
            request_id_var.reset(token)
            if metrics is not None:
                metrics.in_flight.dec()
                metrics.observe(scope, sent, time.perf_counter() - started)

    async def _send_too_large(self, scope: Scope, send: Send, rid: str) -> None:
        await _send_problem(
            scope,
            send,
            PayloadTooLarge.status,
            PayloadTooLarge.code,
            PayloadTooLarge.title,
            f"The body may not exceed {self.max_body_bytes} bytes.",
            rid,
        )


def _problem_code(body: bytes) -> str | None:
    """The ``code`` of a problem+json body (for the request's log line), if it has one."""
    try:
        value = orjson.loads(body).get("code")
    except (orjson.JSONDecodeError, AttributeError):
        return None
    return value[:64] if isinstance(value, str) else None


class _BodyTooLarge(Exception):
    pass


async def _send_problem(
    scope: Scope,
    send: Send,
    status: int,
    code: str,
    title: str,
    detail: str,
    rid: str | None,
    extra_headers: Sequence[tuple[bytes, bytes]] = (),
) -> None:
    problem = problem_body(status=status, code=code, title=title, detail=detail, instance=scope.get("path", ""))
    if prefers_thai(dict(scope.get("headers") or []).get(b"accept-language", b"").decode("latin-1")):
        localize_problem(problem)
    body = orjson.dumps(problem)
    headers = [(b"content-type", b"application/problem+json"), (b"content-length", str(len(body)).encode())]
    if rid:
        headers.append((b"x-request-id", rid.encode()))
    headers.extend(extra_headers)
    await send({"type": "http.response.start", "status": status, "headers": with_security_headers(headers)})
    await send({"type": "http.response.body", "body": body})


class AuthMiddleware:
    """Every route but the public ones needs a valid bearer token (401 otherwise), before any parsing."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        verifier_getter: Callable[[], TokenVerifier],
        public_paths: Iterable[str] = (),
        public_prefixes: Iterable[str] = (),
        known: Callable[[Scope], bool] | None = None,
    ) -> None:
        self.app = app
        self.known = known  # a refused request to a path no route has goes on to the app's 404
        self.verifier_getter = verifier_getter
        self.public_paths = set(public_paths)
        self.public_prefixes = tuple(public_prefixes)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope.get("path", "")
        if path in self.public_paths or (self.public_prefixes and path.startswith(self.public_prefixes)):
            await self.app(scope, receive, send)
            return
        raw = b""
        for name, value in scope.get("headers") or ():  # the last one wins, as dict() did
            if name == b"authorization":
                raw = value
        auth = raw.decode("latin-1")
        rid = scope.get("state", {}).get("request_id")
        www = [(b"www-authenticate", b'Bearer realm="phaen"')]
        if not auth.lower().startswith("bearer ") or not auth[7:].strip():
            if self.known is not None and not self.known(scope):
                await self.app(scope, receive, send)
                return
            await _send_problem(
                scope,
                send,
                401,
                "unauthorized",
                "Authentication required",
                "A bearer access token is required.",
                rid,
                www,
            )
            return
        try:
            principal = await self.verifier_getter().verify(auth[7:].strip())
        except Unauthorized as exc:
            if self.known is not None and not self.known(scope):
                await self.app(scope, receive, send)
                return
            await _send_problem(
                scope,
                send,
                401,
                "unauthorized",
                "Authentication required",
                exc.detail,
                rid,
                [(b"www-authenticate", b'Bearer realm="phaen", error="invalid_token"')],
            )
            return
        scope.setdefault("state", {})["principal"] = principal
        await self.app(scope, receive, send)


def current_principal(request: Request) -> Principal:
    """The caller, set by AuthMiddleware."""
    principal = getattr(request.state, "principal", None)
    if principal is None:
        raise Unauthorized("A bearer access token is required.")
    return principal


class ScopeGuard:
    """A dependency that needs any one of ``scopes`` (403 otherwise). Checked before body validation."""

    def __init__(self, *scopes: str) -> None:
        self.scopes = frozenset(scopes)

    def allows(self, principal: Principal) -> bool:
        return bool(self.scopes & principal.scopes)

    # async: FastAPI runs a plain ``def`` dependency in a worker thread, a thread hop on every request.
    async def __call__(self, request: Request) -> Principal:
        principal = current_principal(request)
        if not self.allows(principal):
            raise Forbidden("Your role does not allow this action.")
        return principal


def require(*scopes: str) -> Any:
    """``Annotated[Principal, require("budget:write")]`` for a route parameter."""
    return Depends(ScopeGuard(*scopes))


async def _current_principal(request: Request) -> Principal:
    """``current_principal`` as a dependency (async: no worker-thread hop)."""
    return current_principal(request)


CurrentPrincipal = Annotated[Principal, Depends(_current_principal)]


def _guards_of(dependant: Any) -> list[ScopeGuard]:
    found: list[ScopeGuard] = []
    stack = [dependant]
    while stack:
        dep = stack.pop()
        if isinstance(dep.call, ScopeGuard):
            found.append(dep.call)
        stack.extend(dep.dependencies)
    return found


def install_authorization_first(app: FastAPI) -> None:
    """A body the route cannot parse still gets 403 when the caller lacks the route's scope."""

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        route = request.scope.get("route")
        principal = getattr(request.state, "principal", None)
        if route is not None and principal is not None and hasattr(route, "dependant"):
            for guard in _guards_of(route.dependant):
                if not guard.allows(principal):
                    return problem_response(
                        request,
                        status=403,
                        code="forbidden",
                        title="Forbidden",
                        detail="Your role does not allow this action.",
                    )
        return validation_problem(request, exc)


class _DuplicateKey(ValueError):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKey(key)
        out[key] = value
    return out


def _is_json(content_type: str | None) -> bool:
    media = (content_type or "").split(";", 1)[0].strip().lower()
    return media == "application/json" or (media.startswith("application/") and media.endswith("+json"))


async def strict_json_body(request: Request) -> None:
    """Refuse a JSON body with a duplicate key or nested deeper than ``MAX_JSON_DEPTH`` (422).

    The JSON parser keeps the last of two equal keys, so ``{"amount": "1", "amount": "1000000"}`` meant
    whatever the last one said, and a reviewer reading the first saw another request. Raised as a
    validation error, so a caller without the route's scope still gets its 403 first.
    """
    if request.method in ("GET", "HEAD", "OPTIONS", "DELETE") or not _is_json(request.headers.get("content-type")):
        return
    body = await request.body()
    if not body:
        return
    try:
        parsed = json.loads(body, object_pairs_hook=_no_duplicates)
    except _DuplicateKey as exc:
        detail = f"duplicate key {str(exc)[:40]!r}: each member may appear once"
        raise RequestValidationError([{"loc": ("body",), "msg": detail, "type": "duplicate_key"}]) from None
    except (ValueError, RecursionError):
        return  # not JSON at all: FastAPI's own parser answers that (422)
    if json_depth(parsed) > MAX_JSON_DEPTH:
        detail = f"the body may nest at most {MAX_JSON_DEPTH} levels deep"
        raise RequestValidationError([{"loc": ("body",), "msg": detail, "type": "too_deep"}])


# An ASGI middleware class and its keyword options.
MiddlewareSpec = tuple[Callable[..., ASGIApp], dict[str, Any]]


def install_common(
    app: FastAPI,
    *,
    name: str,
    settings: CommonSettings,
    public_paths: Iterable[str],
    after_auth: Sequence[MiddlewareSpec] = (),
) -> None:
    """What every Phaen app shares: logging, problem+json handlers, ``/healthz`` and ``/readyz``, ``/metrics``,
    the token check, request context.

    ``/readyz`` pings ``app.state.db``; the token check asks ``app.state.verifier``. Both are set by the lifespan.
    """
    configure_logging(name, settings.log_level)
    install_error_handlers(app)
    install_authorization_first(app)
    install_health(app, name=name)
    app.add_middleware(ETagMiddleware)  # innermost: tags what the routes answer
    # The one place for extra pure-ASGI middleware that needs the caller: it runs after the token check, before
    # the ETag and the routes (the gateway's proxy answers there). The first listed runs first.
    for cls, options in reversed(after_auth):
        app.add_middleware(cls, **options)
    # Added last, so it runs first: the request id and body cap apply to the 401s too.
    app.add_middleware(
        AuthMiddleware,
        verifier_getter=lambda: app.state.verifier,
        public_paths=public_paths,
        known=route_matcher(app),
    )
    # Outermost: the request id, body cap, log line and metrics apply to the 401s and 413s too.
    metrics = install_metrics(app, service=name, middleware=False)
    app.add_middleware(RequestContextMiddleware, max_body_bytes=settings.max_body_bytes, metrics=metrics)


def create_service_app(
    *,
    name: str,
    prefix: str,
    settings: Any,
    routers: Sequence[APIRouter],
    verifier_factory: Callable[[FastAPI], TokenVerifier] | None = None,
    on_startup: Callable[[FastAPI], Any] | None = None,
    on_shutdown: Callable[[FastAPI], Any] | None = None,
    description: str = "",
    title: str | None = None,
    public_paths: Iterable[str] = (),
    own_openapi: bool = True,
    strict_json: bool = True,
    dependencies: Sequence[Any] = (),
    after_auth: Sequence[MiddlewareSpec] = (),
) -> FastAPI:
    """Build a Phaen app (the gateway and every service): same middleware, errors, health and OpenAPI in every one.

    ``prefix`` is the service's public path (``/v1/budget``); its OpenAPI is served at
    ``{prefix}/openapi.json`` so the gateway can aggregate it. The gateway passes ``own_openapi=False`` (it
    serves the aggregated document and its own docs pages), its extra ``public_paths`` and ``strict_json=False``
    (it forwards bodies; the services check them). ``dependencies`` run before every route (the gateway's
    rate limit). ``after_auth`` are ASGI middleware run after the token check (the gateway's proxy fast path).
    ``on_startup`` runs with ``app.state.db`` set and may set
    ``app.state.verifier``; otherwise the gateway's JWKS is used.
    """
    from phaen_common.auth import RemoteKeySource, RemoteRevocations
    from phaen_common.db import Database

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.db = Database(
            settings.require_database_url(),
            pool_size=settings.db_pool_size,
            max_overflow=settings.db_max_overflow,
            pool_timeout=settings.db_pool_timeout_seconds,
            application_name=f"phaen-{name}",
        )
        if getattr(app.state, "traced", False):
            from phaen_common import otel

            otel.instrument_engine(app.state.db.engine)
        if on_startup is not None:
            await on_startup(app)
        if not hasattr(app.state, "verifier"):
            if verifier_factory is not None:
                app.state.verifier = verifier_factory(app)
            else:
                base = settings.gateway_url.rstrip("/")
                # One client for the refreshes (a new one per refresh cost more CPU than an idle service uses).
                auth_client = app.state.auth_client = httpx.AsyncClient(timeout=5.0)
                app.state.verifier = TokenVerifier(
                    RemoteKeySource(
                        f"{base}/v1/auth/jwks.json", cache_seconds=settings.jwks_cache_seconds, client=auth_client
                    ),
                    issuer=settings.jwt_issuer,
                    audience=settings.jwt_audience,
                    leeway=settings.jwt_leeway_seconds,
                    revocations=RemoteRevocations(
                        f"{base}/v1/auth/revocations",
                        cache_seconds=settings.revocation_cache_seconds,
                        client=auth_client,
                    ),
                )
        try:
            yield
        finally:
            if on_shutdown is not None:
                await on_shutdown(app)
            if getattr(app.state, "auth_client", None) is not None:
                await app.state.auth_client.aclose()
            await app.state.db.dispose()

    from phaen_common.tracing import tracing_requested

    app = FastAPI(
        # FastAPI's own OpenTelemetry bridge asks the global providers on every request (three look-ups,
        # environment reads among them); with no tracing configured it has nothing to report, so it is off.
        # When OTEL_* ask for traces it stays as FastAPI sets it.
        telemetry=None if tracing_requested() else {"tracing": False, "metrics": False, "logs": False},
        title=title or f"Phaen {name}",
        version="1.0.0",
        description=description,
        lifespan=lifespan,
        dependencies=[*([Depends(strict_json_body)] if strict_json else []), *dependencies],
        openapi_url=f"{prefix}/openapi.json" if own_openapi else None,
        docs_url=None,  # the one docs page is the gateway's, served offline (a service's would load a CDN)
        redoc_url=None,
    )
    app.state.settings = settings
    docs = {f"{prefix}/openapi.json"} if own_openapi else set()
    install_common(
        app, name=name, settings=settings, public_paths={*PROBE_PATHS, *docs, *public_paths}, after_auth=after_auth
    )
    for router in routers:
        app.include_router(router)
    install_openapi_extras(app)
    install_tracing(app, service=name)  # only with OTEL_* settings; nothing is imported otherwise
    return app

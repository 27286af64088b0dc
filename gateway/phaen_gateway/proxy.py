"""Routing ``/v1/<service>/*`` to the services: one pooled aiohttp session, bodies streamed both ways.

The gateway has already verified the bearer token (AuthMiddleware); the service verifies it again.
A service that cannot be reached is a 503 with Retry-After; one that does not answer in time a 504.
"""

from __future__ import annotations

import errno
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import aiohttp
import httpx
from fastapi import APIRouter, Request
from starlette.requests import ClientDisconnect
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send
from yarl import URL

from phaen_common.errors import (
    GatewayTimeout,
    InvalidHeader,
    PayloadTooLarge,
    ProblemError,
    ServiceUnavailable,
    problem_of,
    responses,
)
from phaen_gateway.auth.limits import count_client_request
from phaen_gateway.config import ROUTED, UPSTREAMS, Settings

log = logging.getLogger("phaen.gateway.proxy")

# RFC 9110 7.6.1 hop-by-hop fields, plus those the gateway sets itself.
HOP_BY_HOP = frozenset(
    {
        "connection",
        "keep-alive",
        "proxy-authenticate",
        "proxy-authorization",
        "proxy-connection",
        "te",
        "trailer",
        "trailers",
        "transfer-encoding",
        "upgrade",
        "expect",
    }
)
_REQUEST_DROP = HOP_BY_HOP | {"host", "x-request-id", "x-forwarded-for", "x-forwarded-proto", "x-forwarded-host"}
# The gateway's own server adds these (and its request id); duplicates would confuse clients.
_RESPONSE_DROP = HOP_BY_HOP | {"x-request-id", "date", "server"}
_REQUEST_DROP_BYTES = frozenset(name.encode() for name in _REQUEST_DROP)
_RESPONSE_DROP_BYTES = frozenset(name.encode() for name in _RESPONSE_DROP)
METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]


# Methods a proxy may send twice (RFC 9110 9.2.2); a POST may too when it carries an Idempotency-Key.
_IDEMPOTENT = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
# Bodies up to this size are read before sending, so that a request can be sent again on a fresh connection.
_REPLAYABLE_BODY = 256 * 1024
_DOCUMENT_FORMATS = (b"format=pdf", b"format=xlsx")


def new_client(
    default_timeout: httpx.Timeout, max_connections: int = 200, keepalive_seconds: float = 4.0
) -> httpx.AsyncClient:
    """A pooled httpx client for the gateway's own calls to the services (OpenAPI, readiness); aiohttp
    transport: httpx's own pool collapses under load, see docs/PITFALLS.md."""
    from httpx_aiohttp import AiohttpTransport

    limits = httpx.Limits(
        max_connections=max_connections, max_keepalive_connections=max_connections, keepalive_expiry=keepalive_seconds
    )
    return httpx.AsyncClient(transport=AiohttpTransport(limits=limits, trust_env=False), timeout=default_timeout)


def new_upstream_session(max_connections: int = 200, keepalive_seconds: float = 4.0) -> aiohttp.ClientSession:
    """The one pooled aiohttp session the proxy forwards with (no httpx layer: a proxied request paid for two
    HTTP client stacks). It adds no headers of its own, keeps no cookies and never decompresses: bytes pass."""
    connector = aiohttp.TCPConnector(
        limit=max_connections, limit_per_host=max_connections, keepalive_timeout=keepalive_seconds
    )
    return aiohttp.ClientSession(
        connector=connector,
        cookie_jar=aiohttp.DummyCookieJar(),
        auto_decompress=False,
        skip_auto_headers=("User-Agent", "Accept", "Accept-Encoding", "Content-Type"),
        trust_env=False,
    )


def upstream_headers(request: Request, request_id: str) -> list[tuple[bytes, bytes]]:
    """The client's headers minus hop-by-hop ones, plus the request id and X-Forwarded-* (as bytes)."""
    return [
        (k.encode("latin-1"), v.encode("utf-8"))
        for k, v in _upstream_fields(request.scope.get("headers") or [], request.scope, request_id)[0]
    ]


def _upstream_fields(
    raw: list[tuple[bytes, bytes]], scope: Scope, request_id: str
) -> tuple[list[tuple[str, str]], _RequestFacts]:
    """The headers to send upstream, as aiohttp takes them, and what the forward needs to know of the request,
    in one pass over the client's headers.

    The client's headers minus hop-by-hop ones (and those listed in its Connection), plus the request id and
    X-Forwarded-*. Values stay the client's bytes: UTF-8 passes through unchanged (aiohttp writes str values
    as UTF-8: the same bytes); other non-ASCII bytes are a 400 ``invalid_header`` (re-encoded, the service
    would see different bytes than the client sent). Encoding a non-ASCII header (an ``Idempotency-Key`` in
    Thai) again as text was a 500.
    """
    facts = _RequestFacts()
    kept: list[tuple[bytes, bytes]] = []
    connection: set[bytes] | None = None
    for name, value in raw:
        lower = name.lower()
        if lower in _REQUEST_DROP_BYTES:
            if lower == b"connection":
                connection = _connection_tokens(value, connection)
            elif lower == b"host":
                facts.host = value
            elif lower == b"x-forwarded-for":
                facts.forwarded_for = value
            elif lower == b"transfer-encoding":
                facts.chunked = True
            continue
        if lower == b"content-length":
            if facts.length is None:  # the first, as Starlette's Headers gave it
                facts.length = value
        elif lower == b"idempotency-key":
            facts.idempotency_key = True
        kept.append((name, value))
    out: list[tuple[str, str]] = []
    for name, value in kept:
        if connection is not None and name.lower() in connection:
            continue
        try:
            text = value.decode("utf-8")
        except UnicodeDecodeError:
            raise InvalidHeader(f"The {name.decode('latin-1')} header is neither ASCII nor UTF-8.") from None
        out.append((name.decode("latin-1"), text))
    client = scope.get("client")
    peer = client[0] if client else ""
    prior = facts.forwarded_for
    out += [
        ("x-request-id", request_id),
        ("x-forwarded-for", (prior.decode("utf-8", "replace") + ", " if prior else "") + peer),
        ("x-forwarded-proto", str(scope.get("scheme", "http"))),
        ("x-forwarded-host", (facts.host or b"").decode("utf-8", "replace")),
    ]
    return out, facts


class _RequestFacts:
    """What the forward needs from the client's headers (found while copying them)."""

    __slots__ = ("chunked", "forwarded_for", "host", "idempotency_key", "length")

    def __init__(self) -> None:
        self.length: bytes | None = None
        self.chunked = False
        self.idempotency_key = False
        self.host: bytes | None = None
        self.forwarded_for: bytes | None = None


def _header(raw: list[tuple[bytes, bytes]], name: bytes) -> bytes | None:
    """The last value of one header, as the client sent its bytes."""
    found = None
    for key, value in raw:
        if key.lower() == name:
            found = value
    return found


def _connection_tokens(value: bytes, seen: set[bytes] | None) -> set[bytes]:
    """The header names a ``Connection`` header lists (hop-by-hop too), added to those of earlier ones."""
    tokens = {t.strip().lower() for t in value.split(b",") if t.strip()}
    return tokens if seen is None else seen | tokens


def downstream_headers(raw: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    """The service's headers minus hop-by-hop ones (and those its Connection lists), names in lower case."""
    out: list[tuple[bytes, bytes]] = []
    connection: set[bytes] | None = None
    for name, value in raw:
        lower = name.lower()
        if lower in _RESPONSE_DROP_BYTES:
            if lower == b"connection":
                connection = _connection_tokens(value, connection)
            continue
        out.append((lower, value))
    if connection is not None:
        out = [(k, v) for k, v in out if k not in connection]
    return out


def classify(exc: BaseException, service: str, retry_after: int) -> ProblemError:
    """A service that does not answer in time is a 504; one that cannot be reached, a 503."""
    if isinstance(exc, aiohttp.ConnectionTimeoutError):
        return ServiceUnavailable(f"The {service} service is not reachable; retry shortly.", retry_after=retry_after)
    if isinstance(exc, TimeoutError):  # aiohttp's read timeouts are TimeoutErrors too
        return GatewayTimeout(f"The {service} service did not answer in time.")
    return ServiceUnavailable(f"The {service} service is not reachable; retry shortly.", retry_after=retry_after)


class _BodyCounter:
    """Streams the client's body upstream, noticing when it passes the cap (no Content-Length given)."""

    def __init__(self, receive: Receive, limit: int) -> None:
        self.receive = receive
        self.limit = limit
        self.seen = 0
        self.too_large = False

    async def __aiter__(self) -> AsyncIterator[bytes]:
        try:
            async for chunk in _body_chunks(self.receive):
                self.seen += len(chunk)
                if self.seen > self.limit:
                    self.too_large = True
                    raise PayloadTooLarge()
                if chunk:
                    yield chunk
        except PayloadTooLarge:
            raise
        except Exception:
            # The body-cap middleware raises from receive(); remember why the upload stopped.
            self.too_large = self.too_large or self.seen >= self.limit
            raise


async def _body_chunks(receive: Receive) -> AsyncIterator[bytes]:
    """The request body as it arrives (what Starlette's ``Request.stream`` gives, without a Request)."""
    while True:
        message = await receive()
        if message["type"] == "http.request":
            yield message.get("body", b"")
            if not message.get("more_body", False):
                return
        elif message["type"] == "http.disconnect":
            raise ClientDisconnect()


async def _whole_body(receive: Receive) -> bytes:
    chunks = [chunk async for chunk in _body_chunks(receive)]
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def stale_connection(exc: BaseException) -> bool:
    """Did a pooled connection turn out to be closed by the service (nothing was answered on it)?"""
    if isinstance(exc, aiohttp.ServerDisconnectedError):
        return True
    return isinstance(exc, aiohttp.ClientOSError) and exc.errno in (errno.ECONNRESET, errno.EPIPE)


def is_document(request: Request) -> bool:
    """A rendered report (PDF, XLSX) or the audit package: slow by nature, so it gets the long timeout."""
    return _is_document(request.scope)


def _is_document(scope: Scope) -> bool:
    query = scope.get("query_string") or b""
    return (bool(query) and any(f in query for f in _DOCUMENT_FORMATS)) or scope["path"].endswith("/audit-package")


class UpstreamResponse(Response):
    """The service's answer passed on as it came: status, headers (minus hop-by-hop), body bytes.

    A small answer of known length is read whole and sent in one message; any other streams through chunk by
    chunk. (Starlette's StreamingResponse runs a task group per response to watch for a disconnect: a
    noticeable share of a proxied request's CPU.)
    """

    def __init__(self, upstream: aiohttp.ClientResponse, service: str, body: bytes | None) -> None:
        self.upstream = upstream
        self.service = service
        self.body = body or b""
        self.whole = body is not None
        self.status_code = upstream.status
        self.background = None
        self.raw_headers = downstream_headers(list(upstream.raw_headers))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await send({"type": "http.response.start", "status": self.status_code, "headers": self.raw_headers})
            if self.whole:
                await send({"type": "http.response.body", "body": self.body})
                return
            try:
                async for chunk in self.upstream.content.iter_any():
                    await send({"type": "http.response.body", "body": chunk, "more_body": True})
            except (aiohttp.ClientError, TimeoutError) as exc:
                # Headers are already sent: all we can do is cut the response short.
                log.warning("upstream %s broke mid-response: %s", self.service, type(exc).__name__)
            await send({"type": "http.response.body", "body": b""})
        finally:
            self.upstream.release()


async def forward(request: Request, service: str) -> Response:
    """Send ``request`` to ``service`` and pass its answer back."""
    return await forward_asgi(request.app, request.scope, request.receive, service)


_TIMEOUTS: dict[tuple[float, float], aiohttp.ClientTimeout] = {}


def _timeout(connect: float, read: float) -> aiohttp.ClientTimeout:
    """One ClientTimeout per (connect, read) pair (the settings give a handful), not one per request."""
    found = _TIMEOUTS.get((connect, read))
    if found is None:
        found = _TIMEOUTS[(connect, read)] = aiohttp.ClientTimeout(
            total=None, connect=connect, sock_connect=connect, sock_read=read
        )
    return found


async def forward_asgi(app: Any, scope: Scope, receive: Receive, service: str) -> Response:
    """Send the request of ``scope`` to ``service`` and pass its answer back (no Starlette Request needed)."""
    settings: Settings = app.state.settings
    session: aiohttp.ClientSession = app.state.upstream_session
    base, read_timeout = settings.upstream(service, document=_is_document(scope))
    raw_path = scope.get("raw_path") or scope["path"].encode()
    query = scope.get("query_string") or b""
    url = URL(base + raw_path.decode("latin-1") + ("?" + query.decode("latin-1") if query else ""), encoded=True)
    rid = scope.get("state", {}).get("request_id") or (_header(scope.get("headers") or [], b"x-request-id") or b"")
    headers, facts = _upstream_fields(
        scope.get("headers") or [], scope, rid if isinstance(rid, str) else rid.decode("latin-1")
    )
    body: _BodyCounter | bytes | None = None
    method: str = scope["method"]
    if (facts.length is not None and facts.length != b"0") or facts.chunked:
        # A small body is read first so the request can be replayed; a large one streams through.
        small = facts.length is not None and facts.length.isdigit() and int(facts.length) <= _REPLAYABLE_BODY
        body = (
            await _whole_body(receive)
            if small and not facts.chunked
            else _BodyCounter(receive, settings.max_body_bytes)
        )
    connect = settings.upstream_connect_timeout
    timeout = _timeout(connect, read_timeout)
    replayable = not isinstance(body, _BodyCounter) and (method in _IDEMPOTENT or facts.idempotency_key)

    async def send_once() -> aiohttp.ClientResponse:
        return await session.request(method, url, headers=headers, data=body, timeout=timeout, allow_redirects=False)

    try:
        try:
            upstream = await send_once()
        except aiohttp.ClientError as exc:
            # A pooled connection the service had already closed: nothing was answered on it, so a request
            # that may safely be sent twice is sent once more on a fresh connection. Never after an answer.
            if not (replayable and stale_connection(exc)):
                raise
            log.info("upstream %s: stale connection, sending again", service)
            upstream = await send_once()
        length = upstream.content_length
        small = length is not None and length <= _REPLAYABLE_BODY
        whole = (await upstream.read()) if small or method == "HEAD" else None
    except (aiohttp.ClientError, TimeoutError) as exc:
        if isinstance(body, _BodyCounter) and body.too_large:
            raise PayloadTooLarge(f"The body may not exceed {settings.max_body_bytes} bytes.") from exc
        problem = classify(exc, service, settings.upstream_retry_after)
        log.warning("upstream %s failed: %s -> %s", service, type(exc).__name__, problem.status)
        raise problem from exc
    except PayloadTooLarge as exc:
        raise PayloadTooLarge(f"The body may not exceed {settings.max_body_bytes} bytes.") from exc
    return UpstreamResponse(upstream, service, whole)


class _RouteName:
    """What the metrics read from ``scope["route"]``: the template of the catch-all route a request matched."""

    def __init__(self, path: str) -> None:
        self.path = path


class ProxyFastPath:
    """Forwards ``/v1/<service>/...`` (and the paths in ROUTED) straight from ASGI, after the token check.

    The catch-all routes of ``proxy_router`` answer the same requests the same way, but through FastAPI's
    routing past every gateway route, its dependency solving and a response task group: most of a proxied
    request's CPU. Here a request costs the rate-limit count, the forward, and the answer passed on. Errors are
    the same problem+json answers as the routes give.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.prefixes: list[tuple[str, str, _RouteName]] = [
            (f"/v1/{name}/", name, _RouteName(f"/v1/{name}/{{path:path}}")) for name in UPSTREAMS
        ]
        self.exact: dict[str, tuple[str, _RouteName]] = {}
        for path, name in ROUTED.items():
            if path.endswith("/{path:path}"):
                self.prefixes.append((path.removesuffix("{path:path}"), name, _RouteName(path)))
            else:
                self.exact[path] = (name, _RouteName(path))

    def _target(self, path: str) -> tuple[str, _RouteName] | None:
        found = self.exact.get(path)
        if found is not None:
            return found
        for prefix, name, route in self.prefixes:
            if path.startswith(prefix):
                return name, route
        return None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        target = self._target(scope["path"]) if scope["type"] == "http" and scope["method"] in METHODS else None
        if target is None:
            await self.app(scope, receive, send)
            return
        service, route = target
        scope["route"] = route
        app = scope["app"]
        try:
            await count_client_request(app.state.limits, scope)
            response = await forward_asgi(app, scope, receive, service)
        except ProblemError as exc:
            response = problem_of(Request(scope, receive), exc)
        await response(scope, receive, send)


def proxy_router() -> APIRouter:
    """One catch-all route per service (kept out of the gateway's own OpenAPI)."""
    router = APIRouter()
    for name in UPSTREAMS:
        router.add_api_route(
            f"/v1/{name}/{{path:path}}",
            _endpoint(name),
            methods=METHODS,
            include_in_schema=False,
            responses=responses(400, 401, 413, 503, 504),
        )
    for path, name in ROUTED.items():
        router.add_api_route(
            path, _endpoint(name), methods=METHODS, include_in_schema=False, responses=responses(401, 413, 503, 504)
        )
    return router


def _endpoint(service: str) -> Callable[[Request], Awaitable[Response]]:
    async def endpoint(request: Request) -> Response:
        return await forward(request, service)

    endpoint.__name__ = f"proxy_{service}"
    return endpoint

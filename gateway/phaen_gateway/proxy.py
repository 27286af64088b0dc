"""Routing ``/v1/<service>/*`` to the services: one pooled client, bodies streamed both ways.

The gateway has already verified the bearer token (AuthMiddleware); the service verifies it again.
A service that cannot be reached is a 503 with Retry-After; one that does not answer in time a 504.
"""

from __future__ import annotations

import errno
import logging
from collections.abc import AsyncIterator, Awaitable, Callable

import aiohttp
import httpx
from fastapi import APIRouter, Request
from starlette.background import BackgroundTask
from starlette.responses import Response, StreamingResponse

from phaen_common.errors import (
    GatewayTimeout,
    InvalidHeader,
    PayloadTooLarge,
    ProblemError,
    ServiceUnavailable,
    responses,
)
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
METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]


# Methods a proxy may send twice (RFC 9110 9.2.2); a POST may too when it carries an Idempotency-Key.
_IDEMPOTENT = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
# Bodies up to this size are read before sending, so that a request can be sent again on a fresh connection.
_REPLAYABLE_BODY = 256 * 1024
_DOCUMENT_FORMATS = (b"format=pdf", b"format=xlsx")


def new_client(
    default_timeout: httpx.Timeout, max_connections: int = 200, keepalive_seconds: float = 4.0
) -> httpx.AsyncClient:
    """The one pooled client (aiohttp transport: httpx's own pool collapses under load, see docs/PITFALLS.md)."""
    from httpx_aiohttp import AiohttpTransport

    limits = httpx.Limits(
        max_connections=max_connections, max_keepalive_connections=max_connections, keepalive_expiry=keepalive_seconds
    )
    return httpx.AsyncClient(transport=AiohttpTransport(limits=limits, trust_env=False), timeout=default_timeout)


def _connection_tokens(headers: list[tuple[bytes, bytes]]) -> set[str]:
    """Field names listed in Connection are hop-by-hop for this message too."""
    out: set[str] = set()
    for name, value in headers:
        if name.lower() == b"connection":
            out |= {t.strip().lower() for t in value.decode("latin-1").split(",") if t.strip()}
    return out


def upstream_headers(request: Request, request_id: str) -> list[tuple[bytes, bytes]]:
    """The client's headers minus hop-by-hop ones, plus the request id and X-Forwarded-*.

    Values stay bytes: encoding a non-ASCII header (an ``Idempotency-Key`` in Thai) again as text was a 500.
    UTF-8 passes through unchanged; other non-ASCII bytes are a 400 ``invalid_header`` (the upstream client
    would re-encode them and the service would see different bytes than the client sent).
    """
    raw = request.scope.get("headers") or []
    drop = _REQUEST_DROP | _connection_tokens(raw)
    out = [(k, v) for k, v in raw if k.decode("latin-1").lower() not in drop]
    for name, value in out:
        try:
            value.decode("utf-8")
        except UnicodeDecodeError:
            raise InvalidHeader(f"The {name.decode('latin-1')} header is neither ASCII nor UTF-8.") from None
    client = request.client.host if request.client else ""
    prior = _header(raw, b"x-forwarded-for")
    out += [
        (b"x-request-id", request_id.encode()),
        (b"x-forwarded-for", (prior + b", " if prior else b"") + client.encode()),
        (b"x-forwarded-proto", request.url.scheme.encode()),
        (b"x-forwarded-host", _header(raw, b"host") or b""),
    ]
    return out


def _header(raw: list[tuple[bytes, bytes]], name: bytes) -> bytes | None:
    """The last value of one header, as the client sent its bytes."""
    found = None
    for key, value in raw:
        if key.lower() == name:
            found = value
    return found


def downstream_headers(raw: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    drop = _RESPONSE_DROP | _connection_tokens(raw)
    return [(k.lower(), v) for k, v in raw if k.decode("latin-1").lower() not in drop]


def classify(exc: httpx.HTTPError, service: str, retry_after: int) -> ProblemError:
    """A service that does not answer in time is a 504; one that cannot be reached, a 503."""
    cause = exc.__cause__
    read_timeout = isinstance(exc, httpx.ReadTimeout | httpx.WriteTimeout | httpx.PoolTimeout) or (
        isinstance(cause, aiohttp.SocketTimeoutError)
    )
    if read_timeout and not isinstance(cause, aiohttp.ConnectionTimeoutError):
        return GatewayTimeout(f"The {service} service did not answer in time.")
    return ServiceUnavailable(f"The {service} service is not reachable; retry shortly.", retry_after=retry_after)


class _BodyCounter:
    """Streams the client's body upstream, noticing when it passes the cap (no Content-Length given)."""

    def __init__(self, request: Request, limit: int) -> None:
        self.request = request
        self.limit = limit
        self.seen = 0
        self.too_large = False

    async def __aiter__(self) -> AsyncIterator[bytes]:
        try:
            async for chunk in self.request.stream():
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


def _has_body(request: Request) -> bool:
    headers = request.headers
    return ("content-length" in headers and headers["content-length"] != "0") or "transfer-encoding" in headers


def _small_body(request: Request) -> bool:
    length = request.headers.get("content-length", "")
    return length.isdigit() and int(length) <= _REPLAYABLE_BODY and "transfer-encoding" not in request.headers


def stale_connection(exc: BaseException) -> bool:
    """Did a pooled connection turn out to be closed by the service (nothing was answered on it)?"""
    cause = exc.__cause__
    if isinstance(cause, aiohttp.ServerDisconnectedError):
        return True
    return isinstance(cause, aiohttp.ClientOSError) and cause.errno in (errno.ECONNRESET, errno.EPIPE)


def is_document(request: Request) -> bool:
    """A rendered report (PDF, XLSX) or the audit package: slow by nature, so it gets the long timeout."""
    query = request.scope.get("query_string") or b""
    return any(f in query for f in _DOCUMENT_FORMATS) or request.url.path.endswith("/audit-package")


async def forward(request: Request, service: str) -> Response:
    """Send ``request`` to ``service`` and stream its answer back."""
    settings: Settings = request.app.state.settings
    client: httpx.AsyncClient = request.app.state.proxy_client
    base, read_timeout = settings.upstream(service, document=is_document(request))
    raw_path = request.scope.get("raw_path") or request.url.path.encode()
    query = request.scope.get("query_string") or b""
    url = base + raw_path.decode("latin-1") + ("?" + query.decode("latin-1") if query else "")
    rid = getattr(request.state, "request_id", None) or request.headers.get("x-request-id", "")
    body: _BodyCounter | bytes | None = None
    if _has_body(request):
        # A small body is read first so the request can be replayed; a large one streams through.
        body = await request.body() if _small_body(request) else _BodyCounter(request, settings.max_body_bytes)
    timeout = httpx.Timeout(
        read_timeout, connect=settings.upstream_connect_timeout, pool=settings.upstream_connect_timeout
    )
    headers = upstream_headers(request, rid)
    replayable = not isinstance(body, _BodyCounter) and (
        request.method in _IDEMPOTENT or "idempotency-key" in request.headers
    )

    def build() -> httpx.Request:
        return httpx.Request(
            request.method, url, headers=headers, content=body, extensions={"timeout": timeout.as_dict()}
        )

    try:
        try:
            upstream = await client.send(build(), stream=True)
        except httpx.HTTPError as exc:
            # A pooled connection the service had already closed: nothing was answered on it, so a request
            # that may safely be sent twice is sent once more on a fresh connection. Never after an answer.
            if not (replayable and stale_connection(exc)):
                raise
            log.info("upstream %s: stale connection, sending again", service)
            upstream = await client.send(build(), stream=True)
    except httpx.HTTPError as exc:
        if isinstance(body, _BodyCounter) and body.too_large:
            raise PayloadTooLarge(f"The body may not exceed {settings.max_body_bytes} bytes.") from exc
        problem = classify(exc, service, settings.upstream_retry_after)
        log.warning("upstream %s failed: %s -> %s", service, type(exc).__name__, problem.status)
        raise problem from exc
    except PayloadTooLarge as exc:
        raise PayloadTooLarge(f"The body may not exceed {settings.max_body_bytes} bytes.") from exc

    async def stream() -> AsyncIterator[bytes]:
        try:
            async for chunk in upstream.aiter_raw():
                yield chunk
        except httpx.HTTPError as exc:
            # Headers are already sent: all we can do is cut the response short.
            log.warning("upstream %s broke mid-response: %s", service, type(exc).__name__)
        finally:
            await upstream.aclose()

    response = StreamingResponse(stream(), status_code=upstream.status_code, background=BackgroundTask(upstream.aclose))
    response.raw_headers = downstream_headers(upstream.headers.raw)
    return response


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

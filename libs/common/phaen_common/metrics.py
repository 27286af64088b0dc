"""Prometheus metrics: requests and latency by route template, the domain's counters, ``GET /metrics``.

One process per service, so the default registry is enough. Every label takes its value from a bounded set
(route templates, never raw paths; status codes; audited action names; error codes): nothing a caller types
becomes a label, and no label carries personal data.
"""

from __future__ import annotations

import hmac
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import APIRouter, FastAPI, Request, Response
from prometheus_client import CONTENT_TYPE_LATEST, Counter, Gauge, Histogram, generate_latest
from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("phaen.metrics")

# -- HTTP ------------------------------------------------------------------------------------------------------
REQUESTS = Counter(
    "phaen_http_requests",
    "HTTP requests answered, by route template and status",
    ["service", "method", "route", "status"],
)
LATENCY = Histogram(
    "phaen_http_request_duration_seconds",
    "Time to answer an HTTP request, by route template",
    ["service", "method", "route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
)
IN_FLIGHT = Gauge("phaen_http_requests_in_flight", "HTTP requests being answered", ["service"])

# -- Money (budget) ------------------------------------------------------------------------------------------------
# Counted when the transaction that wrote the audit entry commits: a rolled-back action is never counted.
MONEY_ACTIONS = Counter("phaen_money_actions", "Audited money actions committed, by action", ["action"])
SIGNATURES = Counter("phaen_signatures", "Withdrawal co-signatures recorded")
APPROVALS = Counter(
    "phaen_approvals", "Approvals: proposals approved by a committee, withdrawals by co-signature", ["kind"]
)
PAYOUTS = Counter("phaen_payouts", "Withdrawals paid by the bank")
DENIED = Counter(
    "phaen_money_denied", "Money actions refused (403/404/409), by action and error code", ["action", "code"]
)
for _kind in ("proposal", "withdrawal"):
    APPROVALS.labels(kind=_kind)

# -- Events: the producer's outbox and the reports service's feeds ---------------------------------------------
OUTBOX_PENDING = Gauge("phaen_outbox_pending_events", "Committed events not yet given a feed position", ["service"])
OUTBOX_OLDEST = Gauge(
    "phaen_outbox_oldest_pending_age_seconds", "Age of the oldest event waiting for a feed position", ["service"]
)
OUTBOX_HEAD = Gauge("phaen_outbox_head_position", "Last feed position given out by the service", ["service"])
FEED_POSITION = Gauge("phaen_feed_cursor_position", "Last feed position the reports service applied", ["source"])
FEED_APPLIED = Gauge("phaen_feed_events_applied", "Events the reports service applied from a feed", ["source"])
REPORT_STALENESS = Gauge(
    "phaen_report_staleness_seconds", "Seconds since the reports service last caught up with a feed", ["source"]
)
FEED_FAILING = Gauge("phaen_feed_failing", "1 while a feed's last poll failed after its last success", ["source"])
DB_UP = Gauge("phaen_database_up", "1 when the service's database answered the last scrape's queries", ["service"])

UNMATCHED = "unmatched"
Probe = Callable[[FastAPI], Awaitable[None]]


def _route_of(app: ASGIApp | None, scope: Scope) -> str:
    """The route template that served (or would serve) the request; ``unmatched`` for an unknown path."""
    route = scope.get("route")
    if route is not None:
        return str(getattr(route, "path", UNMATCHED))
    # Refused before routing (401, 413): find the template by matching, as the router would.
    for candidate in getattr(getattr(app, "router", None), "routes", ()):
        match, _ = candidate.matches(scope)
        if match is not Match.NONE:
            return str(getattr(candidate, "path", UNMATCHED))
    return UNMATCHED


class RequestMetrics:
    """Counts and times HTTP requests by (method, route template, status) for one service.

    The request-context middleware (``web.RequestContextMiddleware``) records through it, so counting costs
    no ASGI layer of its own; ``MetricsMiddleware`` is the same as a separate layer.
    """

    def __init__(self, *, service: str, root: ASGIApp | None = None) -> None:
        self.service = service
        self.root = root  # the FastAPI app, to name a route for requests refused before routing
        self.in_flight = IN_FLIGHT.labels(service=service)
        self._children: dict[tuple[str, str, int], tuple[Any, Any]] = {}

    def observe(self, scope: Scope, status: int, seconds: float) -> None:
        """Count one answered request (``status`` as sent) that took ``seconds``."""
        method = scope.get("method", "GET")
        if method not in _METHODS:
            method = "OTHER"
        route = scope.get("route")
        template = str(getattr(route, "path", UNMATCHED)) if route is not None else _route_of(self.root, scope)
        key = (method, template, status)
        pair = self._children.get(key)
        if pair is None:
            pair = (
                REQUESTS.labels(service=self.service, method=method, route=template, status=str(status)),
                LATENCY.labels(service=self.service, method=method, route=template),
            )
            self._children[key] = pair
        pair[0].inc()
        pair[1].observe(seconds)


class MetricsMiddleware:
    """``RequestMetrics`` as a pure ASGI layer of its own (the app factory records in the request context)."""

    def __init__(self, app: ASGIApp, *, service: str, root: ASGIApp | None = None) -> None:
        self.app = app
        self.metrics = RequestMetrics(service=service, root=root)
        self.in_flight = self.metrics.in_flight

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def send_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        self.in_flight.inc()
        try:
            await self.app(scope, receive, send_status)
        finally:
            self.in_flight.dec()
            self.metrics.observe(scope, status, time.perf_counter() - started)


_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})


def count_audited(entries: list[tuple[str, str | None]]) -> None:
    """Count committed money actions: ``(action, status after)`` per audit entry of one transaction."""
    for action, status in entries:
        MONEY_ACTIONS.labels(action=action).inc()
        if action == "withdrawal.sign":
            SIGNATURES.inc()
            if status == "approved":
                APPROVALS.labels(kind="withdrawal").inc()
        elif action == "proposal.approve":
            APPROVALS.labels(kind="proposal").inc()
        elif action == "withdrawal.payout":
            PAYOUTS.inc()


def count_denied(action: str, code: str) -> None:
    """Count a refused money action (audited or past the caller's audit bound)."""
    DENIED.labels(action=action, code=code).inc()


def outbox_probe(schema: str, service: str) -> Probe:
    """At each scrape: the outbox's pending events, the oldest one's age and the last feed position."""
    from sqlalchemy import text

    # Identifiers are our own schema names, never input.
    sql = text(
        f'SELECT (SELECT max(pos) FROM "{schema}".outbox), '  # noqa: S608
        f'(SELECT count(*) FROM "{schema}".outbox WHERE pos IS NULL), '
        f'(SELECT extract(epoch FROM now() - min(occurred_at)) FROM "{schema}".outbox WHERE pos IS NULL)'
    )

    async def probe(app: FastAPI) -> None:
        async with app.state.db.engine.connect() as conn:
            head, pending, oldest = (await conn.execute(sql)).one()
        OUTBOX_HEAD.labels(service=service).set(head or 0)
        OUTBOX_PENDING.labels(service=service).set(pending or 0)
        OUTBOX_OLDEST.labels(service=service).set(float(oldest or 0))

    return probe


def metrics_router(*, service: str) -> APIRouter:
    """``GET /metrics`` in the Prometheus text format; the app's probes refresh their gauges first."""
    router = APIRouter(include_in_schema=False)
    db_up = DB_UP.labels(service=service)

    @router.get("/metrics")
    async def metrics(request: Request) -> Response:
        app = request.app
        token = getattr(app.state.settings, "metrics_token", None)
        if token is not None and not _bearer_matches(request, token.get_secret_value()):
            return Response(status_code=401, headers={"WWW-Authenticate": 'Bearer realm="metrics"'})
        probes: list[Probe] = getattr(app.state, "metrics_probes", [])
        ok = 1
        for probe in probes:
            try:
                await probe(app)
            except Exception as exc:  # the database may be down: the scrape still answers
                log.debug("metrics probe failed: %s", type(exc).__name__)
                ok = 0
        if probes:
            db_up.set(ok)
        return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)

    return router


def _bearer_matches(request: Request, token: str) -> bool:
    given = request.headers.get("authorization", "")
    return given.lower().startswith("bearer ") and hmac.compare_digest(given[7:].strip().encode(), token.encode())


def install_metrics(app: FastAPI, *, service: str, middleware: bool = True) -> RequestMetrics | None:
    """``/metrics``, and the request metrics: as their own middleware, or (``middleware=False``) the recorder
    returned for the request-context middleware to record through (the app factory's choice: one layer less)."""
    import sys

    from sqlmodel import SQLModel

    app.include_router(metrics_router(service=service))
    app.state.metrics_probes = []
    schema = getattr(sys.modules.get(f"phaen_{service}"), "SCHEMA", None)
    if schema is not None and f"{schema}.outbox" in SQLModel.metadata.tables:
        app.state.metrics_probes.append(outbox_probe(schema, service))
    if not middleware:
        return RequestMetrics(service=service, root=app)
    app.add_middleware(MetricsMiddleware, service=service, root=app)
    return None

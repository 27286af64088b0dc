"""The OpenTelemetry SDK side of ``phaen_common.tracing`` (imported only when tracing is asked for).

One tracer provider per process (a provider already set, e.g. by a test, is kept). Server spans are named
``METHOD /route/{template}`` once the route is known (never the raw path: bounded names, no IDs in them);
the probes and ``/metrics`` are not traced.
"""

from __future__ import annotations

import os
from typing import Any

from fastapi import FastAPI
from opentelemetry import trace
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor, ConsoleSpanExporter
from starlette.types import ASGIApp, Message, Receive, Scope, Send

NOT_TRACED = "healthz,readyz,metrics"
_instrumented: list[Any] = []


def provider(service: str) -> TracerProvider:
    """The process's tracer provider, made once: OTLP over HTTP (or the console) with a batching processor."""
    current = trace.get_tracer_provider()
    if isinstance(current, TracerProvider):
        return current
    name = os.environ.get("OTEL_SERVICE_NAME") or f"phaen-{service}"
    made = TracerProvider(resource=Resource.create({"service.name": name}))
    if os.environ.get("OTEL_TRACES_EXPORTER", "").strip().lower() == "console":
        exporter: Any = ConsoleSpanExporter()
    else:
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

        exporter = OTLPSpanExporter()  # reads OTEL_EXPORTER_OTLP_* itself
    made.add_span_processor(BatchSpanProcessor(exporter))
    trace.set_tracer_provider(made)
    return made


def _instrument_clients(tracer_provider: TracerProvider) -> None:
    """Outgoing calls (aiohttp: the gateway's proxy; httpx: feeds, registry look-ups), once per process."""
    if _instrumented:
        return
    from opentelemetry.instrumentation.aiohttp_client import AioHttpClientInstrumentor
    from opentelemetry.instrumentation.httpx import HTTPXClientInstrumentor

    for instrumentor in (AioHttpClientInstrumentor(), HTTPXClientInstrumentor()):
        instrumentor.instrument(tracer_provider=tracer_provider)
        _instrumented.append(instrumentor)


def uninstrument() -> None:
    """Undo the client and SQL instrumentation (tests)."""
    while _instrumented:
        _instrumented.pop().uninstrument()


class RouteSpanName:
    """Names the server span after the route template the request matched.

    The route is known once routing is done, and the span ends with the last body message: the name is set
    when the response starts."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        span = trace.get_current_span()

        async def named_send(message: Message) -> None:
            route = scope.get("route")
            if message["type"] == "http.response.start" and route is not None and span.is_recording():
                template = str(getattr(route, "path", ""))
                span.update_name(f"{scope.get('method', 'HTTP')} {template}")
                span.set_attribute("http.route", template)
            await send(message)

        await self.app(scope, receive, named_send)


def instrument_engine(engine: Any) -> None:
    """A client span per SQL statement of one (async) engine: its verb as the name, its text (placeholders, never
    the bound values) as ``db.statement``."""
    from sqlalchemy import event

    tracer = trace.get_tracer("phaen.sql")
    key = "phaen_otel_span"

    def before(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, executemany: bool) -> None:
        verb = statement.lstrip().split(None, 1)[0].upper() if statement.strip() else "SQL"
        span = tracer.start_span(
            f"{verb} postgresql",
            kind=trace.SpanKind.CLIENT,
            attributes={"db.system": "postgresql", "db.statement": statement[:2000], "db.operation": verb},
        )
        conn.info.setdefault(key, []).append(span)

    def after(conn: Any, *args: Any) -> None:
        stack = conn.info.get(key)
        if stack:
            stack.pop().end()

    def failed(context: Any) -> None:
        stack = context.connection.info.get(key) if context.connection is not None else None
        if stack:
            span = stack.pop()
            span.set_status(trace.Status(trace.StatusCode.ERROR, type(context.original_exception).__name__))
            span.end()

    event.listen(engine.sync_engine, "before_cursor_execute", before)
    event.listen(engine.sync_engine, "after_cursor_execute", after)
    event.listen(engine.sync_engine, "handle_error", failed)


def _span_details(scope: Scope) -> tuple[str, dict[str, Any]]:
    return str(scope.get("method") or "HTTP"), {}


def install(app: FastAPI, *, service: str) -> None:
    """Trace ``app``: a server span per request (outermost), its calls and its SQL as children."""
    from opentelemetry.instrumentation.asgi import OpenTelemetryMiddleware

    tracer_provider = provider(service)
    _instrument_clients(tracer_provider)
    app.state.traced = True  # the lifespan instruments the database engine it makes
    app.add_middleware(RouteSpanName)
    app.add_middleware(
        OpenTelemetryMiddleware,
        tracer_provider=tracer_provider,
        excluded_urls=NOT_TRACED,
        default_span_details=_span_details,
        exclude_spans=["receive", "send"],
    )

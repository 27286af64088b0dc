"""What FastAPI cannot see in a route's signature, added to each service's OpenAPI document.

A route that calls ``idempotency.idempotent`` honours ``Idempotency-Key``; a route that checks preconditions
with ``etags`` reads ``If-None-Match`` / ``If-Match`` and answers with an ``ETag``. Both are read from the
request inside the route, so the generated document would not mention them: these helpers declare them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import FastAPI
from fastapi.routing import APIRoute, iter_route_contexts

IDEMPOTENCY_KEY: dict[str, Any] = {
    "name": "Idempotency-Key",
    "in": "header",
    "required": False,
    "description": (
        "A key of your choosing (e.g. a UUID) that makes a retry safe: the same key with the same body answers "
        "the first result again and records nothing twice; the same key with another body is 409 "
        "`idempotency_key_reused`. Keys are kept per caller."
    ),
    "schema": {"type": "string", "minLength": 1, "maxLength": 200},
    "example": "6f1c2a4e-3b9d-4c1a-9e53-0d2f7b8a1c55",
}

IF_NONE_MATCH: dict[str, Any] = {
    "name": "If-None-Match",
    "in": "header",
    "required": False,
    "description": "The `ETag` of a copy you hold: 304 Not Modified (no body) while it is still current.",
    "schema": {"type": "string"},
    "example": '"3q2-7a1c"',
}

IF_MATCH: dict[str, Any] = {
    "name": "If-Match",
    "in": "header",
    "description": (
        "The `ETag` from your last read of this resource: the change is made only if nobody changed it since "
        "(412 `precondition_failed` otherwise, 428 `precondition_required` when missing)."
    ),
    "schema": {"type": "string"},
    "example": '"3q2-7a1c"',
}

# Route attributes the helpers set (``route.openapi_extra`` would need editing every route decorator).
_MARKS: dict[Callable[..., Any], set[str]] = {}


def mark(endpoint: Callable[..., Any], *what: str) -> None:
    """Record that ``endpoint`` reads these headers (``"etag"``, ``"if-match"``)."""
    _MARKS.setdefault(endpoint, set()).update(what)


def _calls(fn: Any, name: str, depth: int = 2) -> bool:
    """Does ``fn`` call the global ``name``, itself or through a module-level helper (``depth`` levels)?"""
    code = getattr(fn, "__code__", None)
    if code is None:
        return False
    if name in code.co_names:
        return True
    if depth <= 0:
        return False
    scope = getattr(fn, "__globals__", {})
    return any(_calls(scope.get(n), name, depth - 1) for n in code.co_names if callable(scope.get(n)))


def _add(op: dict[str, Any], param: dict[str, Any], *, required: bool | None = None) -> None:
    params = op.setdefault("parameters", [])
    if any(p.get("in") == "header" and p.get("name", "").lower() == param["name"].lower() for p in params):
        return
    p = dict(param)
    if required is not None:
        p["required"] = required
    params.append(p)


def declare_headers(app: FastAPI, doc: dict[str, Any]) -> dict[str, Any]:
    """Add the headers each route reads from the request to ``doc`` (in place) and return it."""
    for route in iter_route_contexts(app.routes):
        if not isinstance(route.original_route, APIRoute) or not route.include_in_schema:
            continue
        item = doc.get("paths", {}).get(route.path_format)
        if not item:
            continue
        marks = _MARKS.get(route.endpoint, set()) if route.endpoint is not None else set()
        for method in route.methods or ():
            op = item.get(method.lower())
            if not isinstance(op, dict):
                continue
            if _calls(route.endpoint, "idempotent"):
                _add(op, IDEMPOTENCY_KEY)
            if "etag" in marks:
                _add(op, IF_NONE_MATCH)
            if "if-match" in marks:
                _add(op, IF_MATCH, required="if-match-required" in marks)
    return doc


def install_openapi_extras(app: FastAPI) -> None:
    """Wrap ``app.openapi`` so the generated document declares the headers routes read themselves."""
    original = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = declare_headers(app, original())
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]

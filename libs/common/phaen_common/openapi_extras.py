"""What FastAPI cannot see in a route's signature, added to each service's OpenAPI document.

A route that calls ``idempotency.idempotent`` honours ``Idempotency-Key``; every GET answers with an ``ETag``
and honours ``If-None-Match`` (``etags.ETagMiddleware``). Both are read from the request outside the route's
signature, so the generated document would not mention them: these helpers declare them.
"""

from __future__ import annotations

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


def _add(op: dict[str, Any], param: dict[str, Any]) -> None:
    params = op.setdefault("parameters", [])
    if not any(p.get("in") == "header" and p.get("name", "").lower() == param["name"].lower() for p in params):
        params.append(dict(param))


def _cacheable(op: dict[str, Any]) -> None:
    """Every GET answer carries an ETag and honours If-None-Match (``etags.ETagMiddleware``)."""
    _add(op, IF_NONE_MATCH)
    responses = op.setdefault("responses", {})
    ok = responses.get("200")
    if isinstance(ok, dict):
        ok.setdefault("headers", {})["ETag"] = {
            "description": "The version of this answer: send it back in If-None-Match (or If-Match to update)",
            "schema": {"type": "string"},
        }
    responses.setdefault("304", {"description": "Not modified: the copy named in If-None-Match is current"})


def declare_headers(app: FastAPI, doc: dict[str, Any]) -> dict[str, Any]:
    """Add the headers each route reads from the request to ``doc`` (in place) and return it."""
    for route in iter_route_contexts(app.routes):
        if not isinstance(route.original_route, APIRoute) or not route.include_in_schema:
            continue
        item = doc.get("paths", {}).get(route.path_format)
        if not item:
            continue
        for method in route.methods or ():
            op = item.get(method.lower())
            if not isinstance(op, dict):
                continue
            if _calls(route.endpoint, "idempotent"):
                _add(op, IDEMPOTENCY_KEY)
            if method == "GET":
                _cacheable(op)
    return doc


def install_openapi_extras(app: FastAPI) -> None:
    """Wrap ``app.openapi`` so the generated document declares the headers routes read themselves."""
    original = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = declare_headers(app, original())
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]

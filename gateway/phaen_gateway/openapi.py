"""The aggregated OpenAPI document (gateway + every reachable service); the docs pages are in ``docs.py``."""

from __future__ import annotations

import asyncio
import copy
import logging
import time
from typing import Any

import httpx
from fastapi import APIRouter, FastAPI, Request
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse

from phaen_gateway.config import ROUTED_API_PREFIXES, UPSTREAMS, Settings
from phaen_gateway.openapi_polish import polish

log = logging.getLogger("phaen.gateway.openapi")

CACHE_COMPLETE = 30.0  # seconds
CACHE_PARTIAL = 3.0  # a service was down: look again soon

DESCRIPTION = (
    "Phaen public API. Get a token at `POST /v1/auth/token` (OAuth2 password or client_credentials) and send "
    "it as `Authorization: Bearer <token>`. Errors are `application/problem+json` with a stable `code`."
)


def _renamed(ref: str, section_renames: dict[str, dict[str, str]]) -> str:
    if not ref.startswith("#/components/"):
        return ref
    _, _, section, name = ref.split("/", 3)
    return f"#/components/{section}/{section_renames.get(section, {}).get(name, name)}"


def _prefix_refs(node: Any, section_renames: dict[str, dict[str, str]]) -> Any:
    """Rewrite every ``$ref`` (and discriminator mapping) to ``#/components/<section>/<name>`` to the renamed
    component."""
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                value = _renamed(value, section_renames)
            elif key == "discriminator" and isinstance(value, dict) and isinstance(value.get("mapping"), dict):
                mapping = {
                    k: _renamed(v, section_renames) if isinstance(v, str) else v for k, v in value["mapping"].items()
                }
                value = {**value, "mapping": mapping}
            out[key] = _prefix_refs(value, section_renames)
        return out
    if isinstance(node, list):
        return [_prefix_refs(v, section_renames) for v in node]
    return node


def merge(own: dict[str, Any], services: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Merge the services' documents into the gateway's, prefixing their component names (``budget_X``)."""
    doc = copy.deepcopy(own)
    paths = doc.setdefault("paths", {})
    components = doc.setdefault("components", {})
    op_ids = {op.get("operationId") for item in paths.values() for op in item.values() if isinstance(op, dict)}
    tags = {t["name"] for t in doc.get("tags", [])}
    for name, spec in services.items():
        renames = {
            section: {k: f"{name}_{k}" for k in entries}
            for section, entries in (spec.get("components") or {}).items()
            if isinstance(entries, dict)
        }
        spec = _prefix_refs(spec, renames)  # fresh containers all the way down: its operations may be edited
        for section, entries in (spec.get("components") or {}).items():
            if section == "securitySchemes":
                continue  # the gateway declares the one bearer scheme for everybody
            target = components.setdefault(section, {})
            for key, value in entries.items():
                target[renames[section][key]] = value
        for path, item in (spec.get("paths") or {}).items():
            routed = any(path.startswith(p) and n == name for p, n in ROUTED_API_PREFIXES.items())
            if not (path.startswith(f"/v1/{name}/") or routed) or path.endswith("/openapi.json"):
                continue  # only what the gateway routes to this service
            for op in item.values():
                if not isinstance(op, dict):
                    continue
                if op.get("operationId") in op_ids:
                    op["operationId"] = f"{name}_{op['operationId']}"
                op_ids.add(op.get("operationId"))
                op.setdefault("tags", [name])
                op.pop("security", None)
            paths[path] = item
        if name not in tags:
            doc.setdefault("tags", []).append({"name": name, "description": f"Routed to the {name} service."})
            tags.add(name)
    return doc


def aggregate(own: dict[str, Any], services: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The public document: the services' merged into the gateway's, then polished for generators and people."""
    return polish(merge(own, services))


def own_openapi(app: FastAPI) -> dict[str, Any]:
    """The gateway's own routes, with the bearer scheme as the default security."""
    doc = get_openapi(title="Phaen API", version="1.0.0", description=DESCRIPTION, routes=app.routes)
    components = doc.setdefault("components", {})
    components.setdefault("securitySchemes", {})["bearer"] = {
        "type": "http",
        "scheme": "bearer",
        "bearerFormat": "JWT",
        "description": "An access token from POST /v1/auth/token.",
    }
    doc["security"] = [{"bearer": []}]
    for path in getattr(app.state, "public_paths", ()):
        for op in doc["paths"].get(path, {}).values():
            if isinstance(op, dict):
                op["security"] = []  # reachable without a token
    return doc


async def _fetch(client: httpx.AsyncClient, settings: Settings, name: str) -> dict[str, Any] | None:
    base, _ = settings.upstream(name)
    timeout = httpx.Timeout(settings.openapi_fetch_timeout, connect=settings.upstream_connect_timeout)
    try:
        resp = await client.get(f"{base}/v1/{name}/openapi.json", timeout=timeout)
        resp.raise_for_status()
        spec = resp.json()
        return spec if isinstance(spec, dict) else None
    except (httpx.HTTPError, ValueError) as exc:
        log.warning("no OpenAPI from %s: %s", name, type(exc).__name__)
        return None


def openapi_router() -> APIRouter:
    router = APIRouter(include_in_schema=False)

    @router.get("/v1/openapi.json")
    async def aggregated(request: Request) -> JSONResponse:
        app: FastAPI = request.app
        cached: tuple[float, dict[str, Any]] | None = getattr(app.state, "openapi_cache", None)
        # A public URL that fans out to every service: answer from a short cache.
        if cached is not None and time.monotonic() < cached[0]:
            return JSONResponse(cached[1])
        settings: Settings = app.state.settings
        if getattr(app.state, "own_openapi", None) is None:
            app.state.own_openapi = own_openapi(app)
        specs = await asyncio.gather(*(_fetch(app.state.proxy_client, settings, n) for n in UPSTREAMS))
        reachable = {n: s for n, s in zip(UPSTREAMS, specs, strict=True) if s is not None}
        doc = aggregate(app.state.own_openapi, reachable)
        missing = [n for n in UPSTREAMS if n not in reachable]
        if missing:
            doc["info"]["x-unavailable-services"] = missing
        app.state.openapi_cache = (time.monotonic() + (CACHE_PARTIAL if missing else CACHE_COMPLETE), doc)
        return JSONResponse(doc)

    return router

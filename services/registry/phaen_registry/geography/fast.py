"""The registry's hottest read, ``GET /v1/registry/subdistricts/{code}``, answered straight from ASGI.

Profiled in-process (``bench/micro_edge.py``), FastAPI's routing through the nested routers (27 route
matches per request) and its dependency solving were more than half of this read's Python work. This
middleware sits after the token check (``create_service_app(after_auth=...)``) and answers exactly that
request shape with the same pieces the route uses: the ``Reader`` scope guard (403), the geography index,
``service.get_subdistrict`` (404 ``subdistrict_not_found`` / ``area_abolished``), the same problem+json
rendering, the same ETag and 304 (``ETagMiddleware`` wraps it) and the same metrics route label. Anything
else, including a code that is not six ASCII digits, goes on to FastAPI, whose route stays the documented one
(OpenAPI unchanged) and the reference the tests compare this path with.
"""

from __future__ import annotations

import re
import typing
from typing import ClassVar

from sqlalchemy.exc import DBAPIError
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

from phaen_common.errors import ProblemError, data_exception_problem, problem_of
from phaen_common.etags import ETagMiddleware
from phaen_common.web import ScopeGuard
from phaen_registry.deps import Reader, geo_index
from phaen_registry.geography import service
from phaen_registry.geography.schemas import SubdistrictOut

# The metrics label FastAPI's route gives this read: its template within the geography router (the nested
# routers' prefix is not part of ``scope["route"].path``). The tests check both paths count under one label.
ROUTE_LABEL = "/subdistricts/{code}"
_PATH = re.compile(r"/v1/registry/subdistricts/([0-9]{6})")  # ASCII digits only; the rest goes to FastAPI
# The route's own guard (``Reader``'s dependency): one scope rule for both paths.
_GUARD: ScopeGuard = typing.get_args(Reader)[1].dependency
_SERIALIZER = SubdistrictOut.__pydantic_serializer__


class _RouteName:
    """What the metrics read from ``scope["route"]``: the template, as FastAPI's matched route gives it."""

    def __init__(self, path: str) -> None:
        self.path = path


class SubdistrictFastPath:
    """Answers ``GET /v1/registry/subdistricts/{6 digits}`` for a caller the token check let in."""

    enabled: ClassVar[bool] = True  # tests switch it off to get FastAPI's answer to compare with

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.route = _RouteName(ROUTE_LABEL)
        self.tagged = ETagMiddleware(self._serve)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            self.enabled
            and scope["type"] == "http"
            and scope["method"] == "GET"
            and scope["path"].startswith("/v1/registry/subdistricts/")
            and _PATH.fullmatch(scope["path"]) is not None
            and scope.get("state", {}).get("principal") is not None
        ):
            scope["route"] = self.route
            await self.tagged(scope, receive, send)
            return
        await self.app(scope, receive, send)

    async def _serve(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        code = scope["path"].rsplit("/", 1)[1]
        response: Response
        try:
            await _GUARD(request)
            index = await geo_index(request)
            out = await service.get_subdistrict(db=request.app.state.db, index=index, code=code)
            response = Response(_SERIALIZER.to_json(out, by_alias=True), media_type="application/json")
        except ProblemError as exc:
            response = problem_of(request, exc)
        except DBAPIError as exc:
            problem = data_exception_problem(exc)
            if problem is None:
                raise  # not the caller's value: the request-context middleware answers (503 or 500)
            response = problem_of(request, problem)
        await response(scope, receive, send)

"""The co-signature, ``POST /v1/budget/withdrawals/{id}/signatures``, answered straight from ASGI.

Once the signing transaction became two SQL functions, FastAPI's routing through the nested routers, its
dependency solving and its response validation were the larger part of what is left of a signature's Python
work (the registry's hottest read made the same finding, ``phaen_registry/geography/fast.py``). This middleware
sits after the token check (``create_service_app(after_auth=...)``) and answers the common shape of that
request with the same pieces the route uses: the ``Reader`` and ``budget:sign`` guards, the same rules
(``service.sign_on``) on a plain transaction committed before the answer is sent (``Database.transaction``: no
ORM session, no pre-ping; 4 round trips instead of 8), a refusal rolled back and audited
(``audit_refusal``, as ``audited_denials`` does for the route), the same problem+json and the same metrics (route
label, audited actions). Everything else goes on to FastAPI, whose route stays the
documented one (OpenAPI unchanged): a request with an ``Idempotency-Key``, a caller the guards refuse (FastAPI
answers and audits it), a body that is not a small JSON object of known fields without duplicate keys, or
that does not validate as ``SignBody``.
"""

from __future__ import annotations

import json
import re
import typing
import uuid
from typing import Any, ClassVar

from pydantic import ValidationError
from sqlalchemy.exc import DBAPIError
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from phaen_budget.core.denials import audit_refusal
from phaen_budget.devicekeys.keys import OfflineSignature
from phaen_budget.withdrawals import router as routes
from phaen_budget.withdrawals import service
from phaen_budget.withdrawals.schemas import SignBody, WithdrawalOut
from phaen_common import metrics
from phaen_common.errors import ProblemError, data_exception_problem, problem_of
from phaen_common.web import ScopeGuard

_PATH = re.compile(r"/v1/budget/withdrawals/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/signatures")
_READER: ScopeGuard = typing.get_args(routes.Reader)[1].dependency
_FIELDS = frozenset(SignBody.model_fields)
_SERIALIZER = WithdrawalOut.__pydantic_serializer__
MAX_BODY = 1024  # a signature body is under 250 bytes; anything larger goes to FastAPI


def _route_path() -> str:
    """The template FastAPI's route gives the metrics (``scope["route"].path``)."""
    for route in routes.router.routes:
        if getattr(route, "endpoint", None) is routes.sign:
            return str(getattr(route, "path", ""))
    raise RuntimeError("the signatures route is gone: remove SignFastPath too")


class _RouteName:
    def __init__(self, path: str) -> None:
        self.path = path


class _Duplicate(ValueError):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        raise _Duplicate
    return out


class _ToFastAPI:
    """A body this path does not judge (FastAPI answers it)."""


TO_FASTAPI = _ToFastAPI()


def _body(raw: bytes, content_type: str | None) -> SignBody | _ToFastAPI | None:
    """The body as ``SignBody`` (None when empty), or ``TO_FASTAPI`` when FastAPI should judge it."""
    if not raw:
        return None
    if content_type is None or content_type.split(";")[0].strip().lower() != "application/json":
        return TO_FASTAPI
    try:
        data = json.loads(raw, object_pairs_hook=_no_duplicates)
    except (ValueError, UnicodeDecodeError):
        return TO_FASTAPI
    if not isinstance(data, dict) or not set(data) <= _FIELDS:
        return TO_FASTAPI
    if any(not (value is None or isinstance(value, str)) for value in data.values()):
        return TO_FASTAPI
    try:
        return SignBody.model_validate(data)
    except ValidationError:
        return TO_FASTAPI


class SignFastPath:
    """Answers the usual ``POST /v1/budget/withdrawals/{id}/signatures`` for a caller the token check let in."""

    enabled: ClassVar[bool] = True  # tests switch it off to get FastAPI's answer to compare with
    served: ClassVar[int] = 0  # requests this path answered (the tests check it did)

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.route = _RouteName(_route_path())

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not (
            self.enabled
            and scope["type"] == "http"
            and scope["method"] == "POST"
            and scope["path"].endswith("/signatures")
            and scope.get("state", {}).get("principal") is not None
        ):
            await self.app(scope, receive, send)
            return
        matched = _PATH.fullmatch(scope["path"])
        headers = dict(scope["headers"])
        if matched is None or b"idempotency-key" in headers:
            await self.app(scope, receive, send)
            return
        raw, state = await _read(receive)
        if state == "disconnect":
            return  # the caller is gone before its request was whole: nothing to answer
        content_type = headers.get(b"content-type")
        body = (
            _body(raw, content_type.decode("latin-1") if content_type else None) if state == "complete" else TO_FASTAPI
        )
        principal = scope["state"]["principal"]
        if (
            isinstance(body, _ToFastAPI)
            or not _READER.allows(principal)
            or ((body is None or body.key_id is None) and not routes.SIGN_GUARD.allows(principal))
        ):
            await self.app(scope, _replay(raw, more=state == "more", receive=receive), send)
            return
        scope["route"] = self.route
        SignFastPath.served += 1
        request = Request(scope, receive)
        response = await self._sign(request, principal, uuid.UUID(matched.group(1)), body)
        await response(scope, receive, send)

    async def _sign(self, request: Request, principal: Any, withdrawal_id: uuid.UUID, body: SignBody | None) -> Any:
        digest = body.digest if body else None
        try:
            offline = None
            if body is not None and body.key_id is not None and body.signature is not None:
                offline = OfflineSignature.of(key_id=body.key_id, signature=body.signature)
            db = request.app.state.db
            async with db.transaction() as conn:
                out, after = await service.sign_on(
                    conn=conn,
                    principal=principal,
                    withdrawal_id=withdrawal_id,
                    digest=digest,
                    offline=offline,
                    finish=lambda statement: db.commit_with(conn, statement),  # the last round trip commits
                )
            if after is not None:
                metrics.count_audited([("withdrawal.sign", after.get("status"))])
            return Response(_SERIALIZER.to_json(out, by_alias=True), status_code=201, media_type="application/json")
        except ProblemError as exc:
            # The block raised, so its transaction has rolled back (its locks are free): audit the refusal.
            await audit_refusal(
                request, principal, exc, action="withdrawal.sign", entity="withdrawal", entity_id=withdrawal_id
            )
            return problem_of(request, exc)
        except DBAPIError as exc:
            problem = data_exception_problem(exc)
            if problem is None:
                raise  # not the caller's value: the request-context middleware answers (503 or 500)
            return problem_of(request, problem)


async def _read(receive: Receive) -> tuple[bytes, str]:
    """The request body up to ``MAX_BODY`` bytes, and whether it is ``complete``, has ``more`` or the caller left
    (``disconnect``)."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return b"".join(chunks), "disconnect"
        chunk = message.get("body", b"")
        chunks.append(chunk)
        size += len(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks), "complete"
        if size > MAX_BODY:
            return b"".join(chunks), "more"


def _replay(raw: bytes, *, more: bool, receive: Receive) -> Receive:
    """A ``receive`` that gives FastAPI the part of the body already read, then whatever comes next."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": raw, "more_body": more}
        return await receive()

    return replay

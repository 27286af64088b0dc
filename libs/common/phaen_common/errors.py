"""Problem+json (RFC 9457) errors: classes carry their status and a stable ``code``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DBAPIError
from starlette.exceptions import HTTPException as StarletteHTTPException

from phaen_common.i18n import localize_problem, prefers_thai, thai_validation_msg

PROBLEM_JSON = "application/problem+json"

# Thai titles for the codes every service shares; services add theirs with ``register_thai``.
THAI_TITLES: dict[str, str] = {
    "not_found": "ไม่พบข้อมูล",
    "method_not_allowed": "ไม่อนุญาตให้ใช้วิธีนี้",
    "payload_too_large": "ข้อมูลที่ส่งมีขนาดใหญ่เกินไป",
    "validation_error": "ข้อมูลไม่ถูกต้อง",
    "internal_error": "เกิดข้อผิดพลาดภายในระบบ",
    "service_unavailable": "ระบบไม่พร้อมให้บริการชั่วคราว",
    "unauthorized": "ไม่ได้รับอนุญาต กรุณาเข้าสู่ระบบ",
    "forbidden": "ไม่มีสิทธิ์ดำเนินการนี้",
    "conflict": "ข้อมูลขัดแย้งกับสถานะปัจจุบัน",
    "idempotency_key_reused": "Idempotency-Key นี้ถูกใช้กับคำขออื่นแล้ว",
    "gateway_timeout": "บริการปลายทางตอบสนองช้าเกินไป",
    "bad_request": "คำขอไม่ถูกต้อง",
    "invalid_header": "ส่วนหัวของคำขอไม่ถูกต้อง",
    "amount_out_of_range": "จำนวนเงินเกินขอบเขตที่ระบบรองรับ",
    "invalid_value": "ค่าที่ส่งมาไม่สามารถบันทึกได้",
}


def register_thai(*titles: Mapping[str, str]) -> None:
    """Add Thai titles for a service's own codes; each app calls it in its factory with its modules' ``THAI``."""
    for table in titles:
        THAI_TITLES.update(table)


class ProblemError(Exception):
    """Base of every error a client may see."""

    status: ClassVar[int] = 400
    code: ClassVar[str] = "bad_request"
    title: ClassVar[str] = "Bad request"

    def __init__(
        self, detail: str | None = None, *, extra: dict[str, Any] | None = None, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(detail or self.title)
        self.detail = detail or self.title
        self.extra = extra or {}
        self.headers = headers or {}


class BadRequest(ProblemError):
    status, code, title = 400, "bad_request", "Bad request"


class InvalidHeader(BadRequest):
    code, title = "invalid_header", "A request header is not valid"


class Unauthorized(ProblemError):
    status, code, title = 401, "unauthorized", "Authentication required"


class Forbidden(ProblemError):
    status, code, title = 403, "forbidden", "Forbidden"


class NotFound(ProblemError):
    status, code, title = 404, "not_found", "Not found"


class Conflict(ProblemError):
    status, code, title = 409, "conflict", "Conflict"


class PayloadTooLarge(ProblemError):
    status, code, title = 413, "payload_too_large", "Payload too large"


class Unprocessable(ProblemError):
    status, code, title = 422, "validation_error", "Validation failed"

    def __init__(
        self,
        detail: str | None = None,
        *,
        loc: list[str | int] | None = None,
        errors: list[dict[str, Any]] | None = None,
    ) -> None:
        errs = errors if errors is not None else [{"loc": loc or ["body"], "msg": detail or self.title}]
        super().__init__(detail, extra={"errors": errs})


class AmountOutOfRange(Unprocessable):
    """An amount, or a total it would make, that the ledger's NUMERIC(14, 2) cannot hold."""

    code, title = "amount_out_of_range", "Amount out of range"


class InvalidValue(Unprocessable):
    code, title = "invalid_value", "A value cannot be stored"


class TooManyRequests(ProblemError):
    status, code, title = 429, "too_many_requests", "Too many requests"

    def __init__(self, detail: str | None = None, *, retry_after: int) -> None:
        super().__init__(detail, headers={"Retry-After": str(max(1, retry_after))})


class IdempotencyKeyReused(Conflict):
    code, title = "idempotency_key_reused", "Idempotency-Key reused with another request"


class ServiceUnavailable(ProblemError):
    status, code, title = 503, "service_unavailable", "Service temporarily unavailable"

    def __init__(self, detail: str | None = None, retry_after: int = 1) -> None:
        super().__init__(detail, headers={"Retry-After": str(retry_after)})


class GatewayTimeout(ProblemError):
    status, code, title = 504, "gateway_timeout", "Upstream service timed out"


def _wants_thai(request: Request | None) -> bool:
    if request is None:
        return False
    return prefers_thai(request.headers.get("accept-language"))


def problem_body(*, status: int, code: str, title: str, detail: str, instance: str | None) -> dict[str, Any]:
    """The members of a problem+json body, in the order every Phaen problem has them."""
    body: dict[str, Any] = {
        "type": f"https://phaen.example/problems/{code.replace('_', '-')}",
        "title": title,
        "status": status,
        "detail": detail,
        "code": code,
    }
    if instance is not None:
        body["instance"] = instance
    return body


def problem_response(
    request: Request | None,
    *,
    status: int,
    code: str,
    title: str,
    detail: str | None = None,
    extra: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    """Render one problem+json response (Thai title, detail and messages when the client asks for it)."""
    body = problem_body(
        status=status,
        code=code,
        title=title,
        detail=detail if detail is not None else title,
        instance=request.url.path if request is not None else None,
    )
    if extra:
        body.update(extra)
    if _wants_thai(request):
        localize_problem(body)
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


def problem_schema() -> dict[str, Any]:
    """The OpenAPI schema of a problem+json body."""
    return {
        "type": "object",
        "required": ["type", "title", "status", "detail", "code"],
        "properties": {
            "type": {"type": "string"},
            "title": {"type": "string"},
            "status": {"type": "integer"},
            "detail": {"type": "string"},
            "code": {"type": "string"},
            "instance": {"type": "string"},
            "errors": {"type": "array", "items": {"type": "object"}},
        },
    }


def responses(*errors: type[ProblemError] | int) -> dict[int | str, dict[str, Any]]:
    """``responses=`` for a route: each error class or status documented as problem+json."""
    out: dict[int | str, dict[str, Any]] = {}
    for err in errors:
        status = err if isinstance(err, int) else err.status
        desc = "Problem" if isinstance(err, int) else f"{err.title} (`{err.code}`)"
        if status in out:
            out[status]["description"] += f"; {desc}"
            continue
        out[status] = {"description": desc, "content": {PROBLEM_JSON: {"schema": problem_schema()}}}
    return out


STANDARD_RESPONSES = responses(401, 403, 422)

# FastAPI's 400 for a body it could not read as JSON text at all (bytes that are not UTF-8, a broken form).
_BODY_UNREADABLE = "There was an error parsing the body"

_HTTP_CODES = {
    400: ("bad_request", "Bad request"),
    401: ("unauthorized", "Authentication required"),
    403: ("forbidden", "Forbidden"),
    404: ("not_found", "Not found"),
    405: ("method_not_allowed", "Method not allowed"),
    413: ("payload_too_large", "Payload too large"),
    415: ("unsupported_media_type", "Unsupported media type"),
}


def _clean_loc(loc: Any) -> list[str | int]:
    return [p if isinstance(p, int) else str(p) for p in loc]


def validation_problem(request: Request, exc: RequestValidationError) -> JSONResponse:
    """A 422 listing each invalid field as ``{"loc", "msg"}`` (the input value is never echoed)."""
    if _wants_thai(request):
        errors = [{"loc": _clean_loc(e.get("loc", ())), "msg": thai_validation_msg(e)} for e in exc.errors()]
    else:
        errors = [{"loc": _clean_loc(e.get("loc", ())), "msg": str(e.get("msg", "invalid"))} for e in exc.errors()]
    return problem_response(
        request,
        status=422,
        code="validation_error",
        title="Validation failed",
        detail="The request is not valid.",
        extra={"errors": errors},
    )


def problem_of(request: Request, exc: ProblemError) -> JSONResponse:
    """The problem+json answer to ``exc`` (the error handlers' and the ASGI fast paths' one rendering)."""
    return problem_response(
        request,
        status=exc.status,
        code=exc.code,
        title=exc.title,
        detail=exc.detail,
        extra=exc.extra,
        headers=exc.headers,
    )


def install_error_handlers(app: FastAPI) -> None:
    """Render every error as problem+json; nothing internal leaks.

    Unexpected exceptions (500, or 503 for database trouble) are answered by ``web.RequestContextMiddleware``:
    Starlette's own handler for ``Exception`` re-raises after answering, which would log a traceback.
    """

    @app.exception_handler(ProblemError)
    async def _problem(request: Request, exc: ProblemError) -> JSONResponse:
        return problem_of(request, exc)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 400 and exc.detail == _BODY_UNREADABLE:
            # Malformed JSON is already a 422 (documented on every route); an unreadable body is the same mistake.
            return problem_response(
                request,
                status=422,
                code="validation_error",
                title="Validation failed",
                detail="The request is not valid.",
                extra={"errors": [{"loc": ["body"], "msg": "The body could not be read."}]},
            )
        code, title = _HTTP_CODES.get(exc.status_code, ("http_error", "HTTP error"))
        detail = exc.detail if isinstance(exc.detail, str) and exc.status_code != 404 else title
        return problem_response(
            request,
            status=exc.status_code,
            code=code,
            title=title,
            detail=detail,
            headers=getattr(exc, "headers", None),
        )

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        return validation_problem(request, exc)

    @app.exception_handler(DBAPIError)
    async def _data_exception(request: Request, exc: DBAPIError) -> JSONResponse:
        problem = data_exception_problem(exc)
        if problem is None:
            raise exc  # not the caller's value: the request-context middleware answers (503 or 500)
        return problem_response(
            request, status=problem.status, code=problem.code, title=problem.title, detail=problem.detail
        )


def _sqlstate(exc: DBAPIError) -> str | None:
    orig = exc.orig
    found = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    return found or getattr(getattr(orig, "__cause__", None), "sqlstate", None)


def data_exception_problem(exc: DBAPIError) -> ProblemError | None:
    """A PostgreSQL *data exception* (SQLSTATE class 22) is a value the caller sent that cannot be stored.

    The main case is a sum that overflows NUMERIC(14, 2) when an amount is added to a balance (22003); others
    are over-long text (22001), a NUL or bad encoding (22021, 22P05), a date out of range (22008). They were
    500s. Services bound their inputs first; this is the net under them.
    """
    state = _sqlstate(exc)
    if not state or not state.startswith("22"):
        return None
    if state == "22003":
        return AmountOutOfRange("The amount, or the total it would make, is larger than the ledger can hold.")
    return InvalidValue("A value in the request cannot be stored (too long, out of range or not valid text).")

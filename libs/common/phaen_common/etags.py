"""HTTP caching and lost-update protection: ``ETag`` / ``If-None-Match`` (304) and ``If-Match`` (412, 428).

Every successful GET answer of a known size gets a strong ``ETag``: the SHA-256 of its body, of the canonical
JSON (sorted keys) when it is JSON, so a route can compute the same tag from its response model
(``etag_for``) to check ``If-Match`` before an update. A client that sends the tag back in ``If-None-Match``
gets 304 with no body. Answers may hold personal data, so they say ``Cache-Control: no-store`` (issue 10): no
shared or browser cache keeps them, and a mobile app that keeps its own copy revalidates it with the tag.

Updates where a lost update would hurt take ``If-Match``: ``check_if_match`` answers 428 when it is missing
and 412 when it is stale. Call it with the current state locked (``SELECT ... FOR UPDATE``), so two clients
holding the same tag cannot both win.
"""

from __future__ import annotations

import hashlib
from typing import Any

import orjson
from pydantic import BaseModel
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from phaen_common.errors import ProblemError

MAX_TAGGED_BYTES = 16 * 1024 * 1024  # larger answers stream through untagged


class PreconditionFailed(ProblemError):
    status, code, title = 412, "precondition_failed", "The resource changed since you read it"


class PreconditionRequired(ProblemError):
    status, code, title = 428, "precondition_required", "If-Match is required for this change"


def _tag(data: bytes) -> str:
    return '"' + hashlib.sha256(data).hexdigest()[:32] + '"'


def _canonical(value: Any) -> bytes:
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS)


def etag_for(value: Any) -> str:
    """The ETag a GET of this value answers with (a pydantic model as its JSON, or any JSON-able value)."""
    if isinstance(value, BaseModel):
        value = value.model_dump(mode="json", by_alias=True)
    return _tag(_canonical(value))


def etag_of_body(body: bytes, content_type: str) -> str:
    """The ETag of an answer's bytes (canonical JSON when it is JSON)."""
    if "json" in content_type:
        try:
            return _tag(_canonical(orjson.loads(body)))
        except orjson.JSONDecodeError:
            pass
    return _tag(body)


def _tags(header: str) -> list[str]:
    return [t.strip().removeprefix("W/") for t in header.split(",") if t.strip()]


def none_match(header: str | None, etag: str) -> bool:
    """True when ``If-None-Match`` names ``etag`` (weak comparison, as RFC 9110 asks for GET)."""
    if not header:
        return False
    tags = _tags(header)
    return "*" in tags or etag.removeprefix("W/") in tags


def check_if_match(if_match: str | None, current: str | None, *, required: bool = True) -> None:
    """Refuse a change made from a stale copy: 428 when ``If-Match`` is missing (and ``required``), 412 when it
    names another version (strong comparison). ``current`` is the locked resource's ``etag_for``, or None when
    the resource does not exist yet. ``If-Match: *`` is a deliberate overwrite and always passes."""
    if if_match is None or not if_match.strip():
        if required and current is not None:
            raise PreconditionRequired(
                "Send If-Match with the ETag from your last GET of this resource, so no other change is lost."
            )
        return
    tags = [t.strip() for t in if_match.split(",") if t.strip()]
    if "*" in tags:
        return  # "whatever is there": a deliberate overwrite (a set-up script), never a lost update by accident
    if current is None:
        raise PreconditionFailed("The resource does not exist yet; send the change without If-Match.")
    if current not in tags:  # a weak tag (W/...) never matches here: the comparison is strong
        raise PreconditionFailed("The resource was changed by someone else. GET it again and redo your change.")


class ETagMiddleware:
    """Tags successful GET answers and answers 304 to a matching ``If-None-Match``."""

    def __init__(self, app: ASGIApp, *, max_bytes: int = MAX_TAGGED_BYTES) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") != "GET":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        if_none_match = headers.get(b"if-none-match", b"").decode("latin-1") or None
        start: Message | None = None
        chunks: list[bytes] = []
        passing = False
        not_modified = False

        async def tagging_send(message: Message) -> None:
            nonlocal start, passing, not_modified
            if passing:
                if not_modified and message["type"] == "http.response.body":
                    if not message.get("more_body", False):
                        await send({"type": "http.response.body", "body": b""})
                    return
                await send(message)
                return
            if message["type"] == "http.response.start":
                raw = {k.lower(): v for k, v in message.get("headers", [])}
                length = raw.get(b"content-length", b"")
                if message["status"] != 200 or b"etag" in raw or not length.isdigit() or int(length) > self.max_bytes:
                    passing = True
                    answer = self._revalidated(message, raw, if_none_match)
                    not_modified = answer["status"] == 304 and message["status"] != 304
                    await send(answer)
                    return
                start = message
                return
            if message["type"] == "http.response.body" and start is not None:
                chunks.append(message.get("body", b""))
                if message.get("more_body", False):
                    return
                await self._finish(start, b"".join(chunks), if_none_match, send)
                return
            await send(message)

        await self.app(scope, receive, tagging_send)

    def _revalidated(self, message: Message, raw: dict[bytes, bytes], if_none_match: str | None) -> Message:
        """A route (or the service behind the gateway) set its own ETag: 304 still applies."""
        etag = raw.get(b"etag")
        if message["status"] == 200 and etag is not None and none_match(if_none_match, etag.decode("latin-1")):
            kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in _DROPPED_ON_304]
            return {**message, "status": 304, "headers": kept}
        return message

    async def _finish(self, start: Message, body: bytes, if_none_match: str | None, send: Send) -> None:
        headers = list(start.get("headers", []))
        content_type = dict((k.lower(), v) for k, v in headers).get(b"content-type", b"").decode("latin-1")
        etag = etag_of_body(body, content_type)
        headers.append((b"etag", etag.encode()))
        if not any(k.lower() == b"cache-control" for k, _ in headers):
            headers.append((b"cache-control", b"no-store"))
        if none_match(if_none_match, etag):
            kept = [(k, v) for k, v in headers if k.lower() not in _DROPPED_ON_304]
            await send({"type": "http.response.start", "status": 304, "headers": kept})
            await send({"type": "http.response.body", "body": b""})
            return
        await send({**start, "headers": headers})
        await send({"type": "http.response.body", "body": body})


_DROPPED_ON_304 = {b"content-length", b"content-type", b"content-encoding", b"transfer-encoding"}

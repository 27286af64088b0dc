"""Checks the fuzz suites share (in each service's app, and through the gateway)."""

from __future__ import annotations

import json
from typing import Any


def problem_json_on_errors(ctx: Any, response: Any, case: Any) -> bool | None:
    """Every status >= 400 is ``application/problem+json`` with the problem fields."""
    if response.status_code < 400:
        return None
    content_type = (response.headers.get("content-type") or [""])[0]
    assert content_type.split(";")[0].strip() == "application/problem+json", (
        f"{response.status_code} answered with {content_type!r}"
    )
    body = json.loads(response.content)
    assert body["status"] == response.status_code and body["code"] and body["title"], body
    return None

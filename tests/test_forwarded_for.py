"""A caller cannot choose the address the login limit counts by writing X-Forwarded-For.

`make run` has no proxy in front of the gateway, so the gateway takes the peer's address as it connected;
uvicorn would otherwise believe X-Forwarded-For from a loopback peer (its default), and any local caller could
get five fresh guesses per account by changing the header each time."""

from __future__ import annotations

import uuid

import httpx
from e2e_stack import Stack


def test_a_new_forwarded_for_on_each_guess_does_not_reset_the_login_limit(stack: Stack):
    form = {"grant_type": "password", "username": f"nobody-{uuid.uuid4().hex[:8]}", "password": "wrong"}
    codes = [
        httpx.post(
            f"{stack.gateway}/v1/auth/token", data=form, headers={"X-Forwarded-For": f"203.0.113.{i}"}, timeout=60
        ).status_code
        for i in range(1, 7)
    ]  # the limit is 5 failures per account and address in 5 minutes
    assert codes == [401] * 5 + [429]

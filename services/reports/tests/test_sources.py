"""The HTTP feed source: client-credentials token from the gateway, cached, renewed after a 401."""

from __future__ import annotations

import httpx
import pytest
from pydantic import SecretStr

from phaen_reports.feeds.source import ClientCredentialsToken, FeedUnavailable, HttpFeedSource


def _transport(state: dict) -> httpx.MockTransport:
    """A stand-in gateway and budget feed (HTTP only; no database is involved)."""

    def handle(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v1/auth/token":
            form = dict(x.split("=") for x in request.content.decode().split("&"))
            if (form["grant_type"], form["client_id"], form["client_secret"]) != (
                "client_credentials",
                "phaen-reports",
                "s3cret",
            ):
                return httpx.Response(401, json={"code": "unauthorized"})
            state["issued"] += 1
            return httpx.Response(
                200,
                json={
                    "access_token": f"tok{state['issued']}",
                    "token_type": "bearer",
                    "expires_in": 3600,
                    "scope": "events:read",
                },
            )
        if request.url.path == "/v1/budget/events":
            if state.get("down"):
                raise httpx.ConnectError("refused", request=request)
            if request.headers["authorization"] != f"Bearer tok{state['valid']}":
                return httpx.Response(401, json={"code": "unauthorized"})
            after = int(request.url.params["after"])
            return httpx.Response(
                200,
                json={
                    "items": [
                        {
                            "pos": after + 1,
                            "event_id": "6f1c0b7e-8a43-4c1e-9f5e-2b0d8c7a9e11",
                            "type": "grant.created",
                            "entity": "grant",
                            "entity_id": "x",
                            "occurred_at": "2026-01-01T00:00:00Z",
                            "payload": {},
                        }
                    ],
                    "next_after": after + 1,
                    "has_more": False,
                },
            )
        return httpx.Response(404)

    return httpx.MockTransport(handle)


async def test_token_is_cached_and_renewed_after_a_401():
    state = {"issued": 0, "valid": 1}
    async with httpx.AsyncClient(transport=_transport(state)) as client:
        tokens = ClientCredentialsToken(
            gateway_url="http://gw", client_id="phaen-reports", client_secret=SecretStr("s3cret"), client=client
        )
        source = HttpFeedSource(
            name="budget", base_url="http://budget", path="/v1/budget/events", tokens=tokens, client=client
        )
        page = await source.fetch(after=0, limit=10)
        assert page.next_after == 1 and state["issued"] == 1
        await source.fetch(after=1, limit=10)
        assert state["issued"] == 1  # cached
        state["valid"] = 2  # the gateway rotated: the old token is refused once, a new one is fetched
        page = await source.fetch(after=5, limit=10)
        assert page.items[0].pos == 6 and state["issued"] == 2
        state["down"] = True
        with pytest.raises(FeedUnavailable, match="unreachable"):
            await source.fetch(after=6, limit=10)


async def test_bad_client_secret_is_feed_unavailable_without_the_secret():
    state = {"issued": 0, "valid": 1}
    async with httpx.AsyncClient(transport=_transport(state)) as client:
        tokens = ClientCredentialsToken(
            gateway_url="http://gw", client_id="phaen-reports", client_secret=SecretStr("wrong"), client=client
        )
        with pytest.raises(FeedUnavailable, match="401") as refused:
            await tokens.token()
        assert "wrong" not in str(refused.value)
        none = ClientCredentialsToken(
            gateway_url="http://gw", client_id="phaen-reports", client_secret=None, client=client
        )
        with pytest.raises(FeedUnavailable, match="secret"):
            await none.token()

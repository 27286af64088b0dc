"""The HTTP tier lookup: forwards the caller's token, reads `tier`/`region`, treats any failure as unknown."""

from __future__ import annotations

import httpx

from phaen_budget.core.tiers import HttpTierLookup, TambonInfo


async def test_http_tier_lookup_forwards_the_token_and_fails_soft():
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        code = request.url.path.rsplit("/", 1)[-1]
        if code == "100101":
            return httpx.Response(200, json={"code": code, "tier": "model", "region": "north"})
        if code == "500500":
            return httpx.Response(500, json={"code": "internal_error"})
        if code == "999999":
            raise httpx.ConnectError("down")
        return httpx.Response(404, json={"code": "not_found"})

    lookup = HttpTierLookup("http://registry.test/")
    await lookup.client.aclose()
    lookup.client = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    try:
        info = await lookup.lookup("100101", authorization="Bearer abc")
        assert info == TambonInfo(tier="model", region="north")
        assert seen[0].url == "http://registry.test/v1/registry/tambons/100101"
        assert seen[0].headers["authorization"] == "Bearer abc"
        assert await lookup.lookup("500500", authorization=None) is None
        assert await lookup.lookup("999999", authorization=None) is None
        assert await lookup.lookup("123456", authorization=None) is None
    finally:
        await lookup.aclose()

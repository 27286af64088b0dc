"""The services' JWKS and revocation clients: a gateway that is down costs one attempt per interval."""

from __future__ import annotations

import httpx

from phaen_common.auth import RemoteKeySource, RemoteRevocations, TokenVerifier
from phaen_common.errors import Unauthorized
from phaen_common.testing import AUDIENCE, ISSUER, TestKeys


def _counting_client(handler) -> tuple[httpx.AsyncClient, list[str]]:
    calls: list[str] = []

    def record(request: httpx.Request) -> httpx.Response:
        calls.append(request.url.path)
        return handler(request)

    return httpx.AsyncClient(transport=httpx.MockTransport(record), base_url="http://gw"), calls


def _down(request: httpx.Request) -> httpx.Response:
    raise httpx.ReadTimeout("gateway hangs", request=request)


async def test_a_hanging_gateway_is_asked_once_per_interval_not_per_request():
    client, calls = _counting_client(_down)
    keys = RemoteKeySource("http://gw/v1/auth/jwks.json", client=client)
    revocations = RemoteRevocations("http://gw/v1/auth/revocations", client=client, cache_seconds=30)
    for _ in range(5):
        assert await keys.get("some-kid") is None
        assert await revocations.is_revoked("someone") is False
    assert calls.count("/v1/auth/jwks.json") == 1
    assert calls.count("/v1/auth/revocations") == 1


async def test_keys_and_revocations_are_used_once_fetched():
    test_keys = TestKeys()
    client, calls = _counting_client(
        lambda r: httpx.Response(200, json=test_keys.jwks if r.url.path.endswith("jwks.json") else {"revoked": []})
    )
    verifier = TokenVerifier(
        RemoteKeySource("http://gw/v1/auth/jwks.json", client=client),
        issuer=ISSUER,
        audience=AUDIENCE,
        revocations=RemoteRevocations("http://gw/v1/auth/revocations", client=client),
    )
    for _ in range(3):
        principal = await verifier.verify(test_keys.token(roles=["auditor"], sub="u-1"))
        assert principal.sub == "u-1"
    assert calls == ["/v1/auth/jwks.json", "/v1/auth/revocations"]
    # A garbage answer from the gateway is a 401 for unknown keys, never a crash.
    bad, _ = _counting_client(lambda r: httpx.Response(200, json=["not", "a", "jwks"]))
    verifier = TokenVerifier(
        RemoteKeySource("http://gw/v1/auth/jwks.json", client=bad),
        issuer=ISSUER,
        audience=AUDIENCE,
        revocations=RemoteRevocations("http://gw/r", client=bad),
    )
    try:
        await verifier.verify(test_keys.token())
        raise AssertionError("accepted a token with no keys known")
    except Unauthorized:
        pass

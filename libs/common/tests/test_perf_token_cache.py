"""The verified-token cache: a token seen before skips RS256, but never outlives its expiry, its subject's
revocation, or its key."""

from __future__ import annotations

import time

import pytest
import time_machine
from jose import jwt

from phaen_common.auth import SetRevocations, StaticKeySource, TokenVerifier, sub_digest
from phaen_common.errors import Unauthorized
from phaen_common.testing import AUDIENCE, ISSUER, TestKeys


def _verifier(keys: TestKeys, revocations: SetRevocations | None = None) -> tuple[TokenVerifier, StaticKeySource]:
    source = StaticKeySource(keys.jwks)
    return TokenVerifier(source, issuer=ISSUER, audience=AUDIENCE, leeway=0, revocations=revocations), source


async def test_a_token_seen_before_is_not_verified_again(keys: TestKeys, monkeypatch: pytest.MonkeyPatch) -> None:
    verifier, _ = _verifier(keys)
    token = keys.token(roles=["auditor"], sub="u-1")
    assert (await verifier.verify(token)).sub == "u-1"
    calls = []
    monkeypatch.setattr(jwt, "decode", lambda *a, **k: calls.append(1))
    assert (await verifier.verify(token)).sub == "u-1"
    assert calls == []


async def test_a_cached_token_is_refused_once_its_subject_is_revoked(keys: TestKeys) -> None:
    revocations = SetRevocations()
    verifier, _ = _verifier(keys, revocations)
    token = keys.token(roles=["auditor"], sub="u-2")
    await verifier.verify(token)
    revocations.cutoffs[sub_digest("u-2")] = float("inf")
    with pytest.raises(Unauthorized):
        await verifier.verify(token)


async def test_a_cached_token_is_refused_after_it_expires(keys: TestKeys) -> None:
    verifier, _ = _verifier(keys)
    token = keys.token(roles=["auditor"], sub="u-3", ttl=1)
    await verifier.verify(token)
    # The cache keeps it until exp + leeway (0 here); two seconds later it is verified afresh and refused.
    with time_machine.travel(time.time() + 2), pytest.raises(Unauthorized):
        await verifier.verify(token)


async def test_a_cached_token_is_refused_once_its_key_is_gone(keys: TestKeys) -> None:
    verifier, source = _verifier(keys)
    token = keys.token(roles=["auditor"], sub="u-4")
    await verifier.verify(token)
    source.replace({"keys": []})
    with pytest.raises(Unauthorized):
        await verifier.verify(token)


async def test_the_cache_is_bounded(keys: TestKeys, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(TokenVerifier, "cache_size", 3)
    verifier, _ = _verifier(keys)
    for i in range(5):
        await verifier.verify(keys.token(roles=["auditor"], sub=f"u-{i}"))
    assert len(verifier._verified) == 3

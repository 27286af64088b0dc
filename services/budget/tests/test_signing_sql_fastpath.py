"""The co-signature's ASGI fast path (``withdrawals/fast.py``) answers exactly as the FastAPI route does.

Each scenario runs twice on fresh, equal data: once through ``SignFastPath`` and once with it switched off
(FastAPI's route). Status, problem code, the answer's shape and what was recorded must be the same; the
requests this path must leave to FastAPI (Idempotency-Key, a body it does not judge, a caller the guards
refuse) must not be counted as served by it.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from phaen_budget.withdrawals.fast import SignFastPath

from .factory import Budget

VOLATILE = {"id", "account_id", "project_id", "signer", "person_id", "signed_at", "requested_at", "approved_at"}
VOLATILE |= {"expires_at", "digest", "requested_by", "instance"}


def _shape(value: Any) -> Any:
    """The answer without the values that differ between two equal set-ups (ids, times, digests)."""
    if isinstance(value, dict):
        return {k: ("*" if k in VOLATILE else _shape(v)) for k, v in value.items()}
    if isinstance(value, list):
        return [_shape(v) for v in value]
    return value


Scenario = Callable[[Any, Any], Awaitable[tuple[int, Any]]]


async def _both(client: Any, keys: Any, scenario: Scenario) -> tuple[tuple[int, Any, int], tuple[int, Any, int]]:
    out = []
    for fast in (True, False):
        SignFastPath.enabled = fast
        try:
            before = SignFastPath.served
            status, body = await scenario(client, keys)
            out.append((status, _shape(body), SignFastPath.served - before))
        finally:
            SignFastPath.enabled = True
    return out[0], out[1]


async def _setup(client: Any, keys: Any, balance: str = "1000.00") -> tuple[Budget, dict, dict, list[str]]:
    b = Budget(client, keys)
    _, account = await b.funded(balance)
    w = await b.withdrawal(account, "100.00")
    return b, account, w, account["signatories"]


def _url(w: dict) -> str:
    return f"/v1/budget/withdrawals/{w['id']}/signatures"


async def first_signature(client, keys):
    b, _, w, (s1, _, _) = await _setup(client, keys)
    r = await client.post(_url(w), headers=b.signer(s1))
    return r.status_code, r.json()


async def approving_signature_with_digest(client, keys):
    b, account, w, (s1, s2, _) = await _setup(client, keys)
    await b.sign(w, s1)
    r = await client.post(_url(w), headers=b.signer(s2), json={"digest": w["digest"]})
    acc = await b.get(f"/v1/budget/accounts/{account['id']}")
    return r.status_code, {"answer": r.json(), "reserved": acc["reserved"]}


async def third_signature(client, keys):
    b, _, w, (s1, s2, s3) = await _setup(client, keys)
    await b.sign(w, s1)
    await b.sign(w, s2)
    r = await client.post(_url(w), headers=b.signer(s3))
    return r.status_code, r.json()


async def requester_signs(client, keys):
    b = Budget(client, keys)
    _, account = await b.funded("1000.00")
    s1 = account["signatories"][0]
    w = await b.withdrawal(account, "100.00", headers=keys.auth(roles=["secretariat", "signatory"], sub=s1))
    r = await client.post(_url(w), headers=b.signer(s1))
    return r.status_code, r.json()


async def stranger_signs(client, keys):
    _, _, w, _ = await _setup(client, keys)
    r = await client.post(_url(w), headers=keys.auth(roles=["signatory"], sub="stranger-" + uuid.uuid4().hex[:6]))
    return r.status_code, r.json()


async def stale_digest(client, keys):
    b, _, w, (s1, _, _) = await _setup(client, keys)
    r = await client.post(_url(w), headers=b.signer(s1), json={"digest": "0" * 64})
    return r.status_code, r.json()


async def overdraw(client, keys):
    b, account, w, (s1, s2, _) = await _setup(client, keys, balance="150.00")
    w2 = await b.withdrawal(account, "100.00")
    for x in (w, w2):
        await b.sign(x, s1)
    await b.sign(w, s2)
    r = await client.post(_url(w2), headers=b.signer(s2))
    return r.status_code, r.json()


SCENARIOS = [
    first_signature,
    approving_signature_with_digest,
    third_signature,
    requester_signs,
    stranger_signs,
    stale_digest,
    overdraw,
]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.__name__ for s in SCENARIOS])
async def test_the_fast_path_answers_as_the_route_does(client, keys, scenario):
    fast, route = await _both(client, keys, scenario)
    assert fast[0] == route[0] and fast[1] == route[1], (fast, route)
    assert fast[2] >= 1 and route[2] == 0  # the fast path served them; switched off, FastAPI did


async def duplicate_keys(client, keys):
    b, _, w, (s1, _, _) = await _setup(client, keys)
    body = b'{"digest": "%s", "digest": "%s"}' % (("0" * 64).encode(), w["digest"].encode())
    r = await client.post(_url(w), headers={**b.signer(s1), "Content-Type": "application/json"}, content=body)
    return r.status_code, r.json()


async def unknown_field(client, keys):
    b, _, w, (s1, _, _) = await _setup(client, keys)
    r = await client.post(_url(w), headers=b.signer(s1), json={"amount": "1000000.00"})
    return r.status_code, r.json()


async def no_sign_scope(client, keys):
    _, _, w, _ = await _setup(client, keys)
    r = await client.post(_url(w), headers=keys.auth(roles=["auditor"], sub="auditor-" + uuid.uuid4().hex[:6]))
    return r.status_code, r.json()


async def with_idempotency_key(client, keys):
    b, _, w, (s1, _, _) = await _setup(client, keys)
    headers = {**b.signer(s1), "Idempotency-Key": uuid.uuid4().hex}
    r = await client.post(_url(w), headers=headers)
    return r.status_code, r.json()


LEFT_TO_FASTAPI = [duplicate_keys, unknown_field, no_sign_scope, with_idempotency_key]


@pytest.mark.parametrize("scenario", LEFT_TO_FASTAPI, ids=[s.__name__ for s in LEFT_TO_FASTAPI])
async def test_what_the_fast_path_does_not_judge_goes_to_the_route(client, keys, scenario):
    fast, route = await _both(client, keys, scenario)
    assert fast[0] == route[0] and fast[1] == route[1], (fast, route)
    assert fast[2] == route[2] == 0


async def test_the_fast_path_counts_under_the_routes_metrics_label(client, keys):
    b, _, w, (s1, _, _) = await _setup(client, keys)
    served = SignFastPath.served
    await b.sign(w, s1)
    assert SignFastPath.served == served + 1
    metrics = (await client.get("/metrics", headers=b.admin)).text
    label = 'route="/v1/budget/withdrawals/{withdrawal_id}/signatures"'
    assert any(label in line and 'method="POST"' in line and 'status="201"' in line for line in metrics.splitlines())

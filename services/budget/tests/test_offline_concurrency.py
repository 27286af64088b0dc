"""The same offline signatures delivered from several connections at once: one approval, no 5xx."""

from __future__ import annotations

import asyncio
from collections import Counter

import httpx
from httpx_aiohttp import AiohttpTransport

from .factory import Budget, uid
from .test_offline_signatures import Phone


async def test_the_same_offline_signatures_from_many_connections_approve_once(live_url, keys):
    clients = [httpx.AsyncClient(base_url=live_url, transport=AiohttpTransport(), timeout=60) for _ in range(6)]
    try:
        b = Budget(clients[0], keys)
        _, account = await b.funded("10000.00")
        ws = [await b.withdrawal(account, "4000.00") for _ in range(3)]  # only two fit
        phones = [await Phone(b, s).register() for s in account["signatories"][:2]]
        bodies = []
        for w in ws:
            payload = await b.get(f"/v1/budget/withdrawals/{w['id']}/signing-payload")
            bodies += [(w["id"], p.sign(payload)) for p in phones]
        deliverers = [keys.auth(roles=["secretariat"], sub="committee-" + uid()) for _ in clients]
        calls = []
        for i, c in enumerate(clients):
            for wid, body in bodies:
                calls.append(c.post(f"/v1/budget/withdrawals/{wid}/signatures", headers=deliverers[i], json=body))
                sync = {"signatures": [{"withdrawal_id": wid, **body}]}
                calls.append(c.post("/v1/budget/sync", headers=deliverers[i], json=sync))
        responses = await asyncio.gather(*calls)
        assert all(r.status_code < 500 for r in responses), [r.text for r in responses if r.status_code >= 500]
        statuses = Counter(r.status_code for r in responses)
        items = [i for r in responses if r.status_code == 200 for i in r.json()["results"]]
        assert items and {(i["status"], i["code"]) for i in items} <= {
            (201, "signed"),
            (409, "insufficient_funds"),
            (409, "withdrawal_not_pending"),
        }, items
        assert set(statuses) <= {200, 201, 409}, statuses
        final = [await b.get(f"/v1/budget/withdrawals/{w['id']}") for w in ws]
        # Each withdrawal: its two signatures at most once each; only what the money allows is approved.
        assert all(len(f["signatures"]) <= 2 for f in final)
        assert all(len({s["signer"] for s in f["signatures"]}) == len(f["signatures"]) for f in final)
        approved = [f for f in final if f["status"] == "approved"]
        assert len(approved) == 2
        acc = await b.get(f"/v1/budget/accounts/{account['id']}")
        assert acc["available"] == "2000.00" and acc["balance"] == "10000.00"
    finally:
        for c in clients:
            await c.aclose()

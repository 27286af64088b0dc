"""Webhooks through the gateway of a real `make run` (development: loopback receivers are allowed).

The BAAC partner client subscribes; a withdrawal on a BAAC account is approved by two signatories; a receiver
on loopback gets it, signed, and verifies it with the Standard Webhooks library; a KTB account's approval
never reaches it; the delivery log says delivered; the AsyncAPI document is public.
"""

from __future__ import annotations

import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from e2e_stack import Stack
from standardwebhooks import Webhook, WebhookVerificationError
from test_e2e_money_flow import RESOLUTION, Api, people  # noqa: F401 - `people` is the shared fixture
from test_e2e_statements import _client


class Inbox:
    def __init__(self) -> None:
        self.secret = ""
        self.events: list[dict[str, Any]] = []
        self.rejected: list[str] = []
        self.seen: set[str] = set()


def receiver(inbox: Inbox) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("content-length", "0")))
            try:
                event = Webhook(inbox.secret).verify(body, dict(self.headers))
                if self.headers["webhook-id"] in inbox.seen:
                    raise WebhookVerificationError("replayed webhook-id")
                inbox.seen.add(self.headers["webhook-id"])
                inbox.events.append(event)
                self.send_response(204)
            except WebhookVerificationError as exc:
                inbox.rejected.append(str(exc))
                self.send_response(401)
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            return None

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def _account(sec: Api, who: dict[str, Any], grant: dict[str, Any], bank: str) -> dict[str, Any]:
    name = f"Webhook e2e {uuid.uuid4().hex[:6]}"
    project = sec.call(
        "POST",
        "/v1/budget/projects",
        201,
        json={"grant_id": grant["id"], "line_no": 1, "name": name, "level": "regional", "region": "north"}
        | {"amount": "20000.00"},
    )
    return sec.call(
        "POST",
        "/v1/budget/accounts",
        201,
        json={
            "project_id": project["id"],
            "bank": bank,
            "branch": "Chiang Mai",
            "number": "020-1-23456-7",
            "name": name,
            "type": "savings",
            "atm_card": False,
            "signatories": [who[s]["id"] for s in ("s1", "s2", "s3")],
            "threshold": 2,
            "resolution": RESOLUTION,
        },
    )


def _approved(who: dict[str, Any], bank: Api, account: dict[str, Any]) -> str:
    sec = who["sec"]["api"]
    ref = f"WH-{uuid.uuid4().hex[:8]}"
    bank.call(
        "POST",
        f"/v1/budget/accounts/{account['id']}/deposits",
        201,
        json={"amount": "5000.00", "kind": "transfer", "bank_reference": ref},
    )
    w = sec.call(
        "POST",
        "/v1/budget/withdrawals",
        201,
        json={"account_id": account["id"], "amount": "1000.00", "purpose": "Forum", "resolution": RESOLUTION},
    )
    for s in ("s1", "s2"):
        who[s]["api"].call("POST", f"/v1/budget/withdrawals/{w['id']}/signatures", (200, 201), json={})
    return str(w["id"])


def test_a_bank_receives_its_approved_withdrawal_by_webhook(stack: Stack, people: dict[str, Any]) -> None:  # noqa: F811
    import httpx

    assert httpx.get(f"{stack.gateway}/v1/asyncapi.json", timeout=30).json()["asyncapi"] == "3.0.0"
    inbox = Inbox()
    server = receiver(inbox)
    try:
        baac, ktb = people["bank"]["api"], _client(stack, people["admin"], "KTB")
        url = f"http://127.0.0.1:{server.server_address[1]}/phaen"
        sub = baac.call("POST", "/v1/webhooks/subscriptions", 201, json={"url": url, "events": ["withdrawal.approved"]})
        inbox.secret = sub["secret"]
        sec = people["sec"]["api"]
        grant = sec.call(
            "POST",
            "/v1/budget/grants",
            201,
            json={"name": f"CODI {uuid.uuid4().hex[:4]}", "funder": "CODI", "amount": "100000.00", "fiscal_year": 2547},
        )
        sec.call(
            "POST", f"/v1/budget/grants/{grant['id']}/lines", 201, json={"no": 1, "title": "x", "planned": "90000.00"}
        )
        other = _approved(people, ktb, _account(sec, people, grant, "KTB"))
        mine = _approved(people, baac, _account(sec, people, grant, "BAAC"))

        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not any(e["data"]["id"] == mine for e in inbox.events):
            time.sleep(0.5)
        [event] = [e for e in inbox.events if e["data"]["id"] == mine]
        assert event["type"] == "withdrawal.approved" and event["source"] == "/v1/budget"
        assert event["subject"] == f"withdrawal/{mine}" and event["data"]["status"] == "approved"
        assert other not in str(inbox.events) and inbox.rejected == []
        log = baac.call("GET", f"/v1/webhooks/subscriptions/{sub['id']}/deliveries")["items"]
        assert [d["status"] for d in log if d["body"]["data"]["id"] == mine] == ["delivered"]
        baac.call("DELETE", f"/v1/webhooks/subscriptions/{sub['id']}")
    finally:
        server.shutdown()

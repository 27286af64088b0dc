"""The signatory rules through the gateway of the real `make run`, with real tokens of each role.

The budget checks signatories with the gateway's directory and the registry's people over the network, as
its own internal client whose secret the gateway's set-up wrote to the data folder.
"""

from __future__ import annotations

import uuid
from typing import Any

import httpx
from e2e_stack import Stack, http, login

from phaen_common.thai_id import national_id_check_digit

RESOLUTION = {"number": "1/2547", "meeting_date": "2004-01-15"}


class Api:
    def __init__(self, stack: Stack, token: str) -> None:
        self.base = stack.gateway
        self.h = {"Authorization": f"Bearer {token}"}

    def call(self, method: str, path: str, expect: int | tuple[int, ...] = 200, **kw: Any) -> Any:
        r = http().request(method, f"{self.base}{path}", headers=self.h, timeout=60, **kw)
        want = (expect,) if isinstance(expect, int) else expect
        assert r.status_code in want, f"{method} {path} -> {r.status_code}: {r.text[:800]}"
        return r.json()


def _person(admin: Api, tag: str) -> str:
    first12 = "4" + f"{uuid.uuid4().int % 10**11:011d}"
    nid = first12 + str(national_id_check_digit(first12))
    return str(
        admin.call("POST", "/v1/registry/people", 201, json={"full_name": f"คน {tag}", "national_id": nid})["id"]
    )


def _user(stack: Stack, admin: Api, roles: list[str], person_id: str | None = None) -> tuple[str, Api]:
    name, pw = f"e2e-{uuid.uuid4().hex[:8]}", "pw-" + uuid.uuid4().hex
    body: dict[str, Any] = {"username": name, "password": pw, "display_name": name, "roles": roles}
    if person_id:
        body["person_id"] = person_id
    made = admin.call("POST", "/v1/auth/users", 201, json=body)
    return made["id"], Api(stack, login(stack, name, pw))


def test_signatory_rules_through_the_gateway(stack: Stack) -> None:
    admin = Api(stack, login(stack, "admin", stack.admin_password))
    tag = uuid.uuid4().hex[:6]
    sec_person = _person(admin, tag)
    _, sec = _user(stack, admin, ["secretariat"], sec_person)
    _, checker = _user(stack, admin, ["admin"])
    signers = [_user(stack, admin, ["signatory"], _person(admin, f"{tag}-{i}")) for i in range(3)]
    twin_id, twin = _user(stack, admin, ["signatory"], sec_person)  # the secretariat's human, as a signatory
    me = signers[0][1].call("GET", "/v1/auth/me")
    assert me["person_id"] and me["sub"] == signers[0][0]

    grant = sec.call(
        "POST",
        "/v1/budget/grants",
        201,
        json={"name": f"ทุน {tag}", "funder": "CODI", "amount": "50000.00", "fiscal_year": 2547},
    )
    sec.call("POST", f"/v1/budget/grants/{grant['id']}/lines", 201, json={"no": 1, "title": "x", "planned": "50000.00"})
    project = sec.call(
        "POST",
        "/v1/budget/projects",
        201,
        json={
            "grant_id": grant["id"],
            "line_no": 1,
            "name": f"โครงการ {tag}",
            "level": "network",
            "amount": "50000.00",
        },
    )
    body = {
        "project_id": project["id"],
        "bank": "BAAC",
        "branch": "Chiang Mai",
        "number": "0201234567",
        "name": project["name"],
        "type": "savings",
        "atm_card": False,
        "threshold": 2,
        "resolution": RESOLUTION,
    }
    client = admin.call("POST", "/v1/auth/clients", 201, json={"name": f"c {tag}", "roles": ["service_events"]})
    bad = sec.call(
        "POST", "/v1/budget/accounts", 422, json={**body, "signatories": [signers[0][0], client["client_id"]]}
    )
    assert bad["code"] == "unknown_signatory" and client["client_id"] in bad["detail"]
    account = sec.call(
        "POST", "/v1/budget/accounts", 201, json={**body, "signatories": [twin_id, signers[0][0], signers[1][0]]}
    )
    admin.call(
        "POST",
        f"/v1/budget/accounts/{account['id']}/deposits",
        201,
        json={"amount": "10000.00", "kind": "transfer", "bank_reference": f"BAAC-{tag}"},
    )
    w = sec.call(
        "POST",
        "/v1/budget/withdrawals",
        201,
        json={"account_id": account["id"], "amount": "1000.00", "purpose": "เวที", "resolution": RESOLUTION},
    )
    refused = twin.call("POST", f"/v1/budget/withdrawals/{w['id']}/signatures", 403, json={})
    assert refused["code"] == "requester_cannot_sign"
    payload = signers[0][1].call("GET", f"/v1/budget/withdrawals/{w['id']}/signing-payload")
    assert payload["digest"] == w["digest"]

    proposed = httpx.put(
        f"{sec.base}/v1/budget/accounts/{account['id']}/signatories",
        headers={**sec.h, "If-Match": "*"},  # If-Match is required (issue 11); this test is about maker-checker
        json={
            "signatories": [s[0] for s in signers],
            "threshold": 2,
            "resolution": {"number": f"2/2547-{tag}", "meeting_date": "2004-02-01"},
        },
        timeout=60,
    )
    assert proposed.status_code == 202, proposed.text
    change = proposed.json()
    url = f"/v1/budget/accounts/{account['id']}/signatory-changes/{change['id']}/confirm"
    assert sec.call("POST", url, 403)["code"] == "maker_cannot_check"
    assert checker.call("POST", url, 200)["status"] == "confirmed"
    stale = signers[0][1].call(
        "POST", f"/v1/budget/withdrawals/{w['id']}/signatures", 409, json={"digest": payload["digest"]}
    )
    assert stale["code"] == "stale_signature"
    fresh = signers[0][1].call("GET", f"/v1/budget/withdrawals/{w['id']}/signing-payload")
    signers[0][1].call("POST", f"/v1/budget/withdrawals/{w['id']}/signatures", 201, json={"digest": fresh["digest"]})
    done = signers[2][1].call("POST", f"/v1/budget/withdrawals/{w['id']}/signatures", 201, json={})
    assert done["status"] == "approved" and {s["person_id"] for s in done["signatures"]} == {
        signers[0][1].call("GET", "/v1/auth/me")["person_id"],
        signers[2][1].call("GET", "/v1/auth/me")["person_id"],
    }

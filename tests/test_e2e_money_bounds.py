"""Money bounds end to end: fee and tranche rules through the gateway of a real `make run`, real tokens of each role.

The gateway issues every token here (users by password, banks by client_credentials with their bank), so
the bank claim travels the real way: client creation -> token -> budget's scope.
"""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest
from e2e_stack import Stack, http, login

from phaen_common.thai_id import national_id_check_digit

RESOLUTION = {"number": "5/2547", "meeting_date": "2004-03-15"}


class Api:
    def __init__(self, stack: Stack, token: str) -> None:
        self.base = stack.gateway
        self.h = {"Authorization": f"Bearer {token}"}

    def call(self, method: str, path: str, expect: int, **kw: Any) -> Any:
        r = http().request(method, f"{self.base}{path}", headers=self.h, timeout=60, **kw)
        assert r.status_code == expect, f"{method} {path} -> {r.status_code}: {r.text[:800]}"
        return r.json()


def _client(stack: Stack, admin: Api, name: str, **body: Any) -> Api:
    created = admin.call("POST", "/v1/auth/clients", 201, json={"name": name, **body})
    r = httpx.post(
        f"{stack.gateway}/v1/auth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": created["client_id"],
            "client_secret": created["client_secret"],
        },
        timeout=30,
    )
    assert r.status_code == 200, r.text
    return Api(stack, r.json()["access_token"])


@pytest.fixture(scope="module")
def world(stack: Stack) -> dict[str, Any]:
    admin = Api(stack, login(stack, "admin", stack.admin_password))
    tag = uuid.uuid4().hex[:6]
    pw = "pw-" + uuid.uuid4().hex
    made: dict[str, Any] = {"admin": admin, "tag": tag}
    for name, roles in (("sec", ["secretariat"]), ("s1", ["signatory"]), ("s2", ["signatory"]), ("s3", ["signatory"])):
        spec: dict[str, Any] = {"roles": roles}
        if roles == ["signatory"]:
            # A signatory is a registry person with a valid national ID, each a different person.
            first12 = "5" + f"{uuid.uuid4().int % 10**11:011d}"
            person = admin.call(
                "POST",
                "/v1/registry/people",
                201,
                json={
                    "full_name": f"ผู้ลงนาม {name} {tag}",
                    "national_id": first12 + str(national_id_check_digit(first12)),
                },
            )
            spec["person_id"] = person["id"]
        user = admin.call(
            "POST",
            "/v1/auth/users",
            201,
            json={"username": f"mb-{name}-{tag}", "password": pw, "display_name": f"{name} {tag}", **spec},
        )
        made[name] = {"id": user["id"], "api": Api(stack, login(stack, f"mb-{name}-{tag}", pw))}
    # A bank client without its bank is refused; with it, its token carries it.
    r = httpx.post(
        f"{stack.gateway}/v1/auth/clients",
        headers=admin.h,
        json={"name": f"nameless {tag}", "roles": ["bank"]},
        timeout=30,
    )
    assert r.status_code == 422 and r.json()["code"] == "bank_required", r.text
    made["baac"] = _client(stack, admin, f"BAAC {tag}", roles=["bank"], bank="BAAC")
    made["ktb"] = _client(stack, admin, f"KTB {tag}", roles=["bank"], bank="KTB")
    assert made["baac"].call("GET", "/v1/auth/me", 200)["bank"] == "BAAC"

    sec = made["sec"]["api"]
    grant = sec.call(
        "POST",
        "/v1/budget/grants",
        201,
        json={"name": f"CODI {tag}", "funder": "CODI", "amount": "2000000.00", "fiscal_year": 2547},
    )
    sec.call(
        "POST", f"/v1/budget/grants/{grant['id']}/lines", 201, json={"no": 1, "title": "แผน", "planned": "2000000.00"}
    )
    over = httpx.post(
        f"{stack.gateway}/v1/budget/projects",
        headers=sec.h,
        json={"grant_id": grant["id"], "line_no": 1, "name": "เกิน", "level": "network", "amount": "2000000.01"},
        timeout=30,
    )
    assert over.status_code == 409 and over.json()["code"] == "line_amount_exceeded", over.text
    name = f"โครงการเครือข่าย {tag}"
    project = sec.call(
        "POST",
        "/v1/budget/projects",
        201,
        json={"grant_id": grant["id"], "line_no": 1, "name": name, "level": "network", "amount": "2000000.00"},
    )
    account = sec.call(
        "POST",
        "/v1/budget/accounts",
        201,
        json={
            "project_id": project["id"],
            "bank": "BAAC",
            "branch": "สิงห์บุรี",
            "number": "020-1-23456-7",
            "name": name,
            "signatories": [made[s]["id"] for s in ("s1", "s2", "s3")],
            "threshold": 2,
            "resolution": RESOLUTION,
        },
    )
    made.update(project=project, account=account)
    return made


def test_fee_rules_through_the_gateway(world: dict[str, Any]) -> None:
    account = world["account"]
    sec, admin, baac, ktb = world["sec"]["api"], world["admin"], world["baac"], world["ktb"]
    baac.call(
        "POST",
        f"/v1/budget/accounts/{account['id']}/deposits",
        201,
        json={"amount": "1000.00", "kind": "transfer", "bank_reference": f"D-{world['tag']}"},
    )
    url = f"/v1/budget/accounts/{account['id']}/fees"

    def fee(amount: str) -> dict[str, str]:
        return {"amount": amount, "bank_reference": f"F-{uuid.uuid4().hex[:10]}"}

    assert sec.call("POST", url, 403, json=fee("1000000.00"))["code"] == "forbidden"
    assert admin.call("POST", url, 403, json=fee("10.00"))["code"] == "fee_own_bank_only"
    assert ktb.call("POST", url, 404, json=fee("1000000.00"))["code"] == "account_not_found"
    assert ktb.call("GET", f"/v1/budget/accounts/{account['id']}", 404)["code"] == "account_not_found"
    assert baac.call("POST", url, 422, json=fee("1000000.00"))["code"] == "fee_too_large"
    taken = baac.call("POST", url, 201, json=fee("20.00"))
    assert (taken["amount"], taken["owed_by"]) == ("-20.00", "CODI")
    seen = baac.call("GET", f"/v1/budget/accounts/{account['id']}", 200)
    assert (seen["balance"], seen["fees_owed_by_codi"]) == ("980.00", "20.00")


def test_tranche_rules_through_the_gateway(world: dict[str, Any]) -> None:
    project, account = world["project"], world["account"]
    sec, baac, ktb = world["sec"]["api"], world["baac"], world["ktb"]
    base = f"/v1/budget/projects/{project['id']}"
    assert sec.call("POST", f"{base}/tranches/1/release", 422, json={})["code"] == "validation_error"
    refused = sec.call(
        "POST", f"{base}/tranches/1/release", 409, json={"amount": "50000000.00", "resolution": RESOLUTION}
    )
    assert refused["code"] == "tranche_amount_exceeded"
    assert baac.call("POST", f"{base}/tranches/1/release", 403, json={"resolution": RESOLUTION})["code"] == "forbidden"
    t1 = sec.call("POST", f"{base}/tranches/1/release", 200, json={"resolution": RESOLUTION})
    assert (t1["amount"], t1["resolution"]) == ("1000000.00", RESOLUTION)

    # The bank pays out a co-signed withdrawal with the text of Phaen's tranche-2 reference.
    w = sec.call(
        "POST",
        "/v1/budget/withdrawals",
        201,
        json={"account_id": account["id"], "amount": "500.00", "purpose": "ค่าเวที", "resolution": RESOLUTION},
    )
    world["s1"]["api"].call("POST", f"/v1/budget/withdrawals/{w['id']}/signatures", 201)
    world["s2"]["api"].call("POST", f"/v1/budget/withdrawals/{w['id']}/signatures", 201)
    squat = {"bank_reference": f"tranche:{project['id']}:2"}
    assert ktb.call("POST", f"/v1/budget/withdrawals/{w['id']}/payout", 404, json=squat)["code"] == (
        "withdrawal_not_found"
    )
    assert sec.call("POST", f"/v1/budget/withdrawals/{w['id']}/payout", 403, json=squat)["code"] == "forbidden"
    assert baac.call("POST", f"/v1/budget/withdrawals/{w['id']}/payout", 200, json=squat)["status"] == "paid"

    sec.call("POST", f"{base}/activity-reports", 201, json={"tranche": 1, "summary": "จัดเวทีแล้ว"})
    t2 = sec.call("POST", f"{base}/tranches/2/release", 200, json={"resolution": RESOLUTION})
    assert (t2["released"], t2["amount"]) == (True, "1000000.00")
    # A signatory of the account reads it; another bank reads none of it.
    assert world["s3"]["api"].call("GET", f"/v1/budget/accounts/{account['id']}", 200)["id"] == account["id"]
    assert ktb.call("GET", f"/v1/budget/withdrawals/{w['id']}", 404)["code"] == "withdrawal_not_found"

"""A small network built through the gateway for the authorization matrix: one "home" object of every type, the
callers of every role in scope of it, and the same callers' view of objects in another region, tambon and bank.

Everything is made through the public API with real tokens, as the people in it would.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

import httpx
from authz_matrix import COMBINED
from e2e_stack import Stack, http, login

from phaen_common.access import PUBLIC_ROLES

RESOLUTION = {"number": "7/2547", "meeting_date": "2004-05-20"}
# The nine roles people and partners hold (phaen_common.access.Role without the internal service roles).
ROLES = tuple(role.value for role in PUBLIC_ROLES)
CRITERIA = (
    "plans_80pct",
    "facilitator_team",
    "joint_plans",
    "ongoing_activities",
    "linked_tao",
    "tao_support",
    "spread",
)


# What the builders used, gathered for the log scan.
SEEN: set[str] = set()


def national_id(seed: int) -> str:
    """A synthetic 13-digit national ID with a valid check digit."""
    body = f"1{seed % 10**11:011d}"
    check = (11 - sum(int(d) * (13 - i) for i, d in enumerate(body)) % 11) % 10
    SEEN.add(body + str(check))
    return body + str(check)


class Caller:
    """One caller with a real token."""

    def __init__(self, stack: Stack, token: str, who: str) -> None:
        self.stack = stack
        self.headers = {"Authorization": f"Bearer {token}"}
        self.who = who

    def request(self, method: str, path: str, **kw: Any) -> httpx.Response:
        headers = {**self.headers, **kw.pop("headers", {})}
        # The stack's gateway is read each time: a test may have restarted it on other ports.
        return http().request(method, f"{self.stack.gateway}{path}", headers=headers, timeout=60, **kw)

    def ok(self, method: str, path: str, want: tuple[int, ...] = (200, 201, 202), **kw: Any) -> Any:
        r = self.request(method, path, **kw)
        assert r.status_code in want, f"{self.who}: {method} {path} -> {r.status_code}: {r.text[:600]}"
        return r.json()


@dataclass
class World:
    """Callers by role (in scope of the home objects), outsiders, and the ids path parameters are filled with."""

    stack: Stack
    callers: dict[str, Caller] = field(default_factory=dict)
    outsiders: dict[str, Caller] = field(default_factory=dict)
    ids: dict[str, str] = field(default_factory=dict)
    foreign: dict[str, str] = field(default_factory=dict)
    # Every secret and piece of personal data the world used: none may ever appear in a log line.
    secrets: set[str] = field(default_factory=set)
    # The home account's three signatories (distinct persons), for the money-flow faults.
    signers: list[Caller] = field(default_factory=list)


def _client_token(stack: Stack, admin: Caller, name: str, roles: list[str], **extra: Any) -> str:
    made = admin.ok("POST", "/v1/auth/clients", json={"name": name, "roles": roles, **extra})
    SEEN.add(made["client_secret"])
    r = http().post(
        f"{stack.gateway}/v1/auth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": made["client_id"],
            "client_secret": made["client_secret"],
        },
        timeout=30,
    )
    assert r.status_code == 200, r.text
    SEEN.add(r.json()["access_token"])
    return str(r.json()["access_token"])


def _user(stack: Stack, admin: Caller, tag: str, name: str, pw: str, **spec: Any) -> tuple[str, Caller]:
    made = admin.ok(
        "POST",
        "/v1/auth/users",
        json={"username": f"{name}-{tag}", "password": pw, "display_name": f"{name} {tag}", **spec},
    )
    token = login(stack, f"{name}-{tag}", pw)
    SEEN.update({pw, token})
    return made["id"], Caller(stack, token, name)


def _enrol(sec: Caller, code: str) -> None:
    sec.ok(
        "PUT",
        f"/v1/registry/tambons/{code}",
        json={
            "tier": "pilot",
            "joined_on": "2003-10-01",
            "villages_total": 10,
            "villages_with_plan": 9,
            "criteria": dict.fromkeys(CRITERIA, True),
            "tao_plan_integrated": True,
            "tao_funded": False,
        },
        headers={"If-Match": "*"},
    )


def _expense(project_id: str, receipt_no: str) -> dict[str, Any]:
    return {
        "project_id": project_id,
        "category": "1.3",
        "amount": "100.00",
        "spent_on": "2004-06-01",
        "description": "อาหารกลางวัน",
        "evidence": {
            "kind": "receipt",
            "seller_name": "ร้านป้าแดง",
            "seller_address": "ตลาด",
            "book_no": "1",
            "receipt_no": receipt_no,
            "date": "2004-06-01",
            "items": [{"description": "ข้าว", "amount": "100.00"}],
            "receiver_signed": True,
        },
    }


def _registry_objects(sec: Caller, tambon: str, tag: str, seed: int) -> tuple[dict[str, Any], ...]:
    """A facilitator working in ``tambon`` (a person living there) and the tambon's committee."""
    person = sec.ok(
        "POST",
        "/v1/registry/people",
        json={"full_name": f"วิทยากร {tambon} {tag}", "national_id": national_id(seed), "tambon": tambon},
    )
    facilitator = sec.ok(
        "POST", "/v1/registry/facilitators", json={"person_id": person["id"], "tambon": tambon, "level": "community"}
    )
    committee = sec.ok(
        "POST",
        "/v1/registry/committees",
        json={"level": "tambon", "name": f"คณะทำงาน {tambon} {tag}", "tambon": tambon},
    )
    return facilitator, person, committee


def build_world(stack: Stack) -> World:
    """The home network in the north (Chiang Mai) at BAAC, and a foreign one in the south at another bank."""
    world = World(stack)
    admin = Caller(stack, login(stack, "admin", stack.admin_password), "admin")
    tag = uuid.uuid4().hex[:6]
    pw = "pw-" + uuid.uuid4().hex
    north = admin.ok("GET", "/v1/registry/subdistricts", params={"province": "50", "limit": 2})["items"]
    south = admin.ok("GET", "/v1/registry/subdistricts", params={"province": "90", "limit": 1})["items"]
    home_tambon, other_tambon, south_tambon = north[0]["code"], north[1]["code"], south[0]["code"]

    sec_id, sec = _user(stack, admin, tag, "secretariat", pw, roles=["secretariat"])
    _, sec2 = _user(stack, admin, tag, "secretariat2", pw, roles=["secretariat"])
    for code in (home_tambon, other_tambon, south_tambon):
        _enrol(sec, code)

    # Persons behind the signatories (a signatory is a person with a valid national ID).
    persons = []
    for i in range(5):
        person = sec.ok(
            "POST",
            "/v1/registry/people",
            json={
                "full_name": f"ผู้ลงนาม {i} {tag}",
                "national_id": national_id(int(tag, 16) * 10 + i),
                "phone": f"08{int(tag, 16) % 10**8:08d}",
            },
        )
        persons.append(person["id"])
    signers = []
    for i in range(3):
        uid, caller = _user(stack, admin, tag, f"signer{i}", pw, roles=["signatory"], person_id=persons[i])
        signers.append(uid)
        world.signers.append(caller)
        if i == 0:
            world.callers["signatory"] = caller
    _, world.outsiders["signatory"] = _user(
        stack, admin, tag, "signer-elsewhere", pw, roles=["signatory"], person_id=persons[3]
    )

    # A tambon committee member of the home tambon who is also a signatory, listed on the foreign account only:
    # it reads its tambon plus that account (and the account's project record), never more (issue 10).
    combined_id, world.callers[COMBINED] = _user(
        stack,
        admin,
        tag,
        "tc-signer",
        pw,
        roles=["tambon_committee", "signatory"],
        region="north",
        province="50",
        tambon=home_tambon,
        person_id=persons[4],
    )
    world.callers["admin"] = admin
    world.callers["secretariat"] = sec
    _, world.callers["national_committee"] = _user(stack, admin, tag, "nc", pw, roles=["national_committee"])
    _, world.callers["regional_committee"] = _user(
        stack, admin, tag, "rc", pw, roles=["regional_committee"], region="north"
    )
    _, world.outsiders["regional_committee"] = _user(
        stack, admin, tag, "rc-south", pw, roles=["regional_committee"], region="south"
    )
    _, world.callers["tambon_committee"] = _user(
        stack, admin, tag, "tc", pw, roles=["tambon_committee"], region="north", province="50", tambon=home_tambon
    )
    _, world.outsiders["tambon_committee"] = _user(
        stack,
        admin,
        tag,
        "tc-other",
        pw,
        roles=["tambon_committee"],
        region="north",
        province="50",
        tambon=other_tambon,
    )
    _, world.callers["auditor"] = _user(stack, admin, tag, "auditor", pw, roles=["auditor"])
    world.callers["partner_registry"] = Caller(
        stack, _client_token(stack, admin, f"DLA {tag}", ["partner_registry"]), "partner_registry"
    )
    world.callers["bank"] = Caller(stack, _client_token(stack, admin, f"BAAC {tag}", ["bank"], bank="BAAC"), "bank")
    world.outsiders["bank"] = Caller(
        stack, _client_token(stack, admin, f"KTB {tag}", ["bank"], bank="KTB"), "bank-elsewhere"
    )

    grant = sec.ok(
        "POST",
        "/v1/budget/grants",
        json={"name": f"CODI {tag}", "funder": "CODI", "amount": "20455500.00", "fiscal_year": 2547},
    )
    sec.ok("POST", f"/v1/budget/grants/{grant['id']}/lines", json={"no": 1, "title": "Pilots", "planned": "3460000.00"})

    def project(region: str, tambon: str, name: str) -> dict[str, Any]:
        return sec.ok(  # type: ignore[no-any-return]
            "POST",
            "/v1/budget/projects",
            json={
                "grant_id": grant["id"],
                "line_no": 1,
                "name": name,
                "level": "tambon",
                "region": region,
                "tambon": tambon,
                "amount": "20000.00",
            },
        )

    def account(proj: dict[str, Any], bank: str, signatories: list[str]) -> dict[str, Any]:
        body = {
            "project_id": proj["id"],
            "bank": bank,
            "branch": "สาขา",
            "number": f"02{uuid.uuid4().int % 10**8:08d}",
            "name": proj["name"],
            "type": "savings",
            "atm_card": False,
            "signatories": signatories,
            "threshold": 2,
            "resolution": RESOLUTION,
        }
        return sec.ok("POST", "/v1/budget/accounts", json=body)  # type: ignore[no-any-return]

    home = project("north", home_tambon, f"แผนตำบล {home_tambon} {tag}")
    home_account = account(home, "BAAC", signers)
    away = project("south", south_tambon, f"แผนตำบล {south_tambon} {tag}")
    away_account = account(away, "KTB", [signers[0], signers[1], combined_id])
    for proj in (home, away):
        sec.ok(
            "POST",
            f"/v1/budget/projects/{proj['id']}/tranches/1/release",
            json={"resolution": RESOLUTION},
        )

    tc = world.callers["tambon_committee"]
    withdrawal = tc.ok(
        "POST",
        "/v1/budget/withdrawals",
        json={"account_id": home_account["id"], "amount": "100.00", "purpose": "ค่าอาหาร", "resolution": RESOLUTION},
    )
    proposal = tc.ok(
        "POST",
        "/v1/budget/proposals",
        json={"project_id": home["id"], "amount": "15000.00", "kind": "standard", "title": "เวที", "activities": ["a"]},
    )

    def expense_of(caller: Caller, proj: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
        """An expense with a receipt, and the scan of the receipt attached to it."""
        made = caller.ok("POST", "/v1/budget/expenses", json=_expense(proj["id"], f"r-{proj['tambon']}-{tag}"))
        scan = caller.ok(
            "POST",
            f"/v1/budget/expenses/{made['id']}/attachments",
            files={"file": ("receipt.pdf", b"%PDF-1.4\n" + b"0" * 256, "application/pdf")},
        )
        return made, scan

    expense, scan = expense_of(tc, home)
    away_expense, away_scan = expense_of(sec, away)
    facilitator, person, committee = _registry_objects(sec, home_tambon, tag, int(tag, 16) * 10 + 7)
    away_facilitator, away_person, away_committee = _registry_objects(sec, south_tambon, tag, int(tag, 16) * 10 + 8)
    world.ids.update(
        {
            "grant_id": grant["id"],
            "project_id": home["id"],
            "account_id": home_account["id"],
            "withdrawal_id": withdrawal["id"],
            "proposal_id": proposal["id"],
            "expense_id": expense["id"],
            "attachment_id": scan["id"],
            "facilitator_id": facilitator["id"],
            "person_id": person["id"],
            "committee_id": committee["id"],
            "tambon": home_tambon,
            "n": "1",
            "no": "1",
            "secretariat_id": sec_id,
        }
    )
    world.foreign.update(
        {
            "project_id": away["id"],
            "account_id": away_account["id"],
            "expense_id": away_expense["id"],
            "attachment_id": away_scan["id"],
            "facilitator_id": away_facilitator["id"],
            "person_id": away_person["id"],
            "committee_id": away_committee["id"],
        }
    )
    world.callers.setdefault("secretariat2", sec2)
    admin_token = admin.headers["Authorization"].split()[1]
    world.secrets = {*SEEN, admin_token, stack.admin_password}
    return world

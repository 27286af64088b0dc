"""A small world on the live stack for the partner guides and the typed client: a pilot tambon's project with
a BAAC savings account, tranche 1 released into it, an approved withdrawal waiting for the bank, and the
partners' credentials (a BAAC bank client, a DLA registry client, a mobile-app user)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from e2e_stack import Stack, http, login

RESOLUTION = {"number": "มติที่ประชุม ครั้งที่ 3/2567", "meeting_date": "2024-03-15"}


class Api:
    """A caller with a token; ``call`` asserts the status."""

    def __init__(self, stack: Stack, token: str) -> None:
        self.base = stack.gateway
        self.h = {"Authorization": f"Bearer {token}"}

    def call(self, method: str, path: str, expect: int | tuple[int, ...] = (200, 201), **kw: Any) -> Any:
        headers = {**self.h, **kw.pop("headers", {})}
        r = http().request(method, f"{self.base}{path}", headers=headers, timeout=60, **kw)
        want = (expect,) if isinstance(expect, int) else expect
        assert r.status_code in want, f"{method} {path} -> {r.status_code}: {r.text[:800]}"
        return r.json() if r.content else None


def national_id(seed: int) -> str:
    first12 = f"{(seed % 899_999_999_999) + 100_000_000_000:012d}"
    check = (11 - sum(int(d) * (13 - i) for i, d in enumerate(first12)) % 11) % 10
    return first12 + str(check)


@dataclass
class World:
    stack: Stack
    tag: str
    password: str
    admin: Api
    sec: Api
    tambon: str
    bank_client: dict[str, str] = field(default_factory=dict)
    dla_client: dict[str, str] = field(default_factory=dict)
    mobile_user: str = ""
    account: dict[str, Any] = field(default_factory=dict)
    project: dict[str, Any] = field(default_factory=dict)
    signers: list[Api] = field(default_factory=list)
    tc: Api | None = None

    def env(self) -> dict[str, str]:
        """What each guide asks the partner to set."""
        return {
            "PHAEN_URL": self.stack.gateway,
            "PHAEN_BANK_CLIENT_ID": self.bank_client["client_id"],
            "PHAEN_BANK_CLIENT_SECRET": self.bank_client["client_secret"],
            "PHAEN_DLA_CLIENT_ID": self.dla_client["client_id"],
            "PHAEN_DLA_CLIENT_SECRET": self.dla_client["client_secret"],
            "PHAEN_USERNAME": self.mobile_user,
            "PHAEN_PASSWORD": self.password,
        }

    def approved_withdrawal(self, amount: str = "1620.00") -> dict[str, Any]:
        """The tambon committee asks, two signatories sign: the bank may pay it now."""
        assert self.tc is not None
        w = self.tc.call(
            "POST",
            "/v1/budget/withdrawals",
            201,
            json={
                "account_id": self.account["id"],
                "amount": amount,
                "purpose": "ค่าอาหารเวทีประชาคมหมู่บ้าน",
                "resolution": RESOLUTION,
            },
            headers={"Idempotency-Key": uuid.uuid4().hex},
        )
        for signer in self.signers[:2]:
            w = signer.call("POST", f"/v1/budget/withdrawals/{w['id']}/signatures", 201, json={})
        assert w["status"] == "approved", w
        return dict(w)


def _user(world: World, name: str, **spec: Any) -> tuple[str, Api]:
    user = world.admin.call(
        "POST",
        "/v1/auth/users",
        201,
        json={"username": f"{name}-{world.tag}", "password": world.password, "display_name": name, **spec},
    )
    return str(user["id"]), Api(world.stack, login(world.stack, f"{name}-{world.tag}", world.password))


def _client(world: World, name: str, roles: list[str], **extra: Any) -> dict[str, str]:
    made = world.admin.call("POST", "/v1/auth/clients", 201, json={"name": name, "roles": roles, **extra})
    return {"client_id": made["client_id"], "client_secret": made["client_secret"]}


def build_world(stack: Stack) -> World:
    """Everything the bank, DLA and mobile guides (and the typed client's bank flow) start from."""
    admin = Api(stack, login(stack, "admin", stack.admin_password))
    tag = uuid.uuid4().hex[:6]
    subs = admin.call("GET", "/v1/registry/subdistricts", params={"province": "57", "limit": 20})["items"]
    tambon = subs[int(tag, 16) % len(subs)]["code"]
    world = World(stack=stack, tag=tag, password="pw-" + uuid.uuid4().hex, admin=admin, sec=admin, tambon=tambon)
    _, world.sec = _user(world, "sec", roles=["secretariat"])
    world.sec.call(
        "PUT",
        f"/v1/registry/tambons/{tambon}",
        headers={"If-Match": "*"},
        json={"tier": "pilot", "joined_on": "2023-10-01", "villages_total": 10, "villages_with_plan": 9},
    )
    _, world.tc = _user(world, "tc", roles=["tambon_committee"], region="north", province="57", tambon=tambon)
    world.mobile_user = f"tc-{tag}"
    signer_ids = []
    for i in range(3):
        person = world.sec.call(
            "POST",
            "/v1/registry/people",
            201,
            json={"full_name": f"ผู้ลงนาม {i} {tag}", "national_id": national_id(int(tag, 16) * 10 + i)},
        )
        uid, api = _user(world, f"signer{i}", roles=["signatory"], person_id=person["id"])
        signer_ids.append(uid)
        world.signers.append(api)
    world.bank_client = _client(world, f"ธ.ก.ส. {tag}", ["bank"], bank="BAAC")
    world.dla_client = _client(world, f"สถ. {tag}", ["partner_registry"])

    grant = world.sec.call(
        "POST",
        "/v1/budget/grants",
        201,
        json={"name": f"ทุน พอช. {tag}", "funder": "พอช.", "amount": "1000000.00", "fiscal_year": 2568},
    )
    world.sec.call(
        "POST",
        f"/v1/budget/grants/{grant['id']}/lines",
        201,
        json={"no": 1, "title": "แผนชุมชนตำบล", "planned": "500000.00"},
    )
    name = f"โครงการแผนชุมชนตำบล {tambon} {tag}"
    world.project = world.sec.call(
        "POST",
        "/v1/budget/projects",
        201,
        json={
            "grant_id": grant["id"],
            "line_no": 1,
            "name": name,
            "level": "tambon",
            "region": "north",
            "tambon": tambon,
            "amount": "20000.00",
        },
    )
    world.account = world.sec.call(
        "POST",
        "/v1/budget/accounts",
        201,
        json={
            "project_id": world.project["id"],
            "bank": "BAAC",
            "branch": "สาขาเชียงราย",
            "number": f"020-1-{int(tag, 16) % 100000:05d}-7",
            "name": name,
            "signatories": signer_ids,
            "threshold": 2,
            "resolution": RESOLUTION,
        },
    )
    world.sec.call(
        "POST", f"/v1/budget/projects/{world.project['id']}/tranches/1/release", 200, json={"resolution": RESOLUTION}
    )
    return world

"""Who reads which budget rows (phaen_common.access), through the real app:

- a signatory reads the accounts that list it, with their withdrawals, never the projects' content;
- a bank reads the accounts at its own bank;
- a tambon committee member who is also a signatory reads its tambon plus the accounts that list it;
- attachments (receipt scans) follow the expense they belong to;
- national IDs and account numbers are masked with one character, in clear for the roles that may see them.
"""

from __future__ import annotations

import random
from typing import Any

import httpx
import pytest

from phaen_common.testing import TestKeys

from .factory import RESOLUTION, Budget, uid

PAYEE_ID = "1101700203450"
PDF = b"%PDF-1.4\n" + b"0" * 512


def _tambon(province: str) -> str:
    return f"{province}{random.randint(0, 9999):04d}"


def _voucher_expense(project: dict[str, Any]) -> dict[str, Any]:
    return {
        "project_id": project["id"],
        "category": "1.5",
        "amount": "800.00",
        "spent_on": "2004-05-01",
        "description": "ค่าตอบแทนวิทยากร",
        "evidence": {
            "kind": "voucher",
            "payee_name": "นายสมชาย ใจดี",
            "payee_address": "หมู่ 3",
            "payee_national_id": PAYEE_ID,
            "items": [{"description": "ค่าตอบแทนวิทยากร", "amount": "800.00"}],
            "payee_signed": True,
            "payer_signed": True,
            "head_certified": True,
        },
    }


class Network:
    """Three tambon projects (home and other in the north, one in the south), each with an account, an expense
    with a scan, and a withdrawal; the south account lists ``both`` (tambon committee of home + signatory)."""

    def __init__(self, b: Budget, keys: TestKeys) -> None:
        self.b, self.keys = b, keys
        self.tambons = {"home": _tambon("50"), "other": _tambon("50"), "south": _tambon("90")}
        self.both_sub = "both-" + uid()
        self.both = keys.auth(
            roles=["tambon_committee", "signatory"],
            sub=self.both_sub,
            region="north",
            province="50",
            tambon=self.tambons["home"],
        )
        self.projects: dict[str, dict[str, Any]] = {}
        self.accounts: dict[str, dict[str, Any]] = {}
        self.expenses: dict[str, dict[str, Any]] = {}
        self.attachments: dict[str, dict[str, Any]] = {}
        self.withdrawals: dict[str, dict[str, Any]] = {}

    async def build(self) -> Network:
        b = self.b
        grant = await b.grant(amount="900000.00")
        for name, tambon in self.tambons.items():
            region = "south" if name == "south" else "north"
            project = await b.project(grant=grant, level="tambon", region=region, tambon=tambon, amount="20000.00")
            signers = [self.both_sub, "sig-" + uid(), "sig-" + uid()] if name == "south" else None
            account = await b.account(project, signatories=signers)
            await b.deposit(account, "5000.00")
            self.projects[name], self.accounts[name] = project, account
            self.withdrawals[name] = await b.withdrawal(account, "100.00")
            expense = await b.ok("POST", "/v1/budget/expenses", b.secretariat, _voucher_expense(project))
            self.expenses[name] = expense
            r = await b.c.post(
                f"/v1/budget/expenses/{expense['id']}/attachments",
                headers=b.secretariat,
                files={"file": ("scan.pdf", PDF, "application/pdf")},
            )
            assert r.status_code == 201, r.text
            self.attachments[name] = r.json()
        # A second project in the home tambon, its account at another bank (Krungthai).
        self.projects["ktb"] = await b.project(
            grant=grant, level="tambon", region="north", tambon=self.tambons["home"], amount="20000.00"
        )
        self.accounts["ktb"] = await b.ok(
            "POST",
            "/v1/budget/accounts",
            b.secretariat,
            {
                "project_id": self.projects["ktb"]["id"],
                "bank": "KTB",
                "branch": "เชียงใหม่",
                "number": "987-6-54321-0",
                "name": self.projects["ktb"]["name"],
                "type": "savings",
                "atm_card": False,
                "signatories": ["sig-" + uid() for _ in range(3)],
                "threshold": 2,
                "resolution": RESOLUTION,
            },
        )
        return self

    async def status(self, headers: dict[str, str], path: str) -> int:
        return (await self.b.c.get(path, headers=headers)).status_code

    async def reads(self, headers: dict[str, str], what: str, names: tuple[str, ...] | None = None) -> set[str]:
        """Which of the network's objects of this kind the caller reads by id (200) rather than 404."""
        table = {
            "project": (self.projects, "/v1/budget/projects/{}"),
            "account": (self.accounts, "/v1/budget/accounts/{}"),
            "ledger": (self.accounts, "/v1/budget/accounts/{}/ledger"),
            "withdrawal": (self.withdrawals, "/v1/budget/withdrawals/{}"),
            "expense": (self.expenses, "/v1/budget/expenses/{}"),
            "expense attachments": (self.expenses, "/v1/budget/expenses/{}/attachments"),
            "attachment": (self.attachments, "/v1/budget/attachments/{}"),
            "attachment content": (self.attachments, "/v1/budget/attachments/{}/content"),
        }[what]
        objects, template = table
        seen = set()
        for name, obj in objects.items():
            if names is not None and name not in names:
                continue
            code = await self.status(headers, template.format(obj["id"]))
            assert code in (200, 404), (what, name, code)
            if code == 200:
                seen.add(name)
        return seen

    async def listed(
        self, headers: dict[str, str], path: str, objects: dict[str, dict[str, Any]], **params: str
    ) -> set[str]:
        """Which of ``objects`` appear in the list at ``path`` (all pages)."""
        ids: set[str] = set()
        cursor: str | None = None
        while True:
            q: dict[str, str] = {"limit": "500", **params}
            if cursor:
                q["cursor"] = cursor
            r = await self.b.c.get(path, params=q, headers=headers)
            assert r.status_code == 200, r.text
            body = r.json()
            ids |= {item["id"] for item in body["items"]}
            cursor = body["next_cursor"]
            if not cursor:
                break
        return {name for name, obj in objects.items() if obj["id"] in ids}


@pytest.fixture
async def net(client: httpx.AsyncClient, keys: TestKeys) -> Network:
    return await Network(Budget(client, keys), keys).build()


async def test_a_tambon_committee_member_who_is_also_a_signatory_does_not_escape_the_tambon(net: Network) -> None:
    both = net.both
    # Place objects: the home tambon only.
    for what in ("expense", "expense attachments", "attachment", "attachment content"):
        assert await net.reads(both, what) == {"home"}, what
    # Accounts: the home tambon's (both banks) plus the south account that lists the user; never "other".
    assert await net.reads(both, "account") == {"home", "south", "ktb"}
    assert await net.reads(both, "ledger") == {"home", "south", "ktb"}
    assert await net.reads(both, "withdrawal") == {"home", "south"}
    # The project record of the listing account is visible (which project, whether suspended); not "other".
    assert await net.reads(both, "project") == {"home", "south", "ktb"}
    for tambon in net.tambons.values():
        assert await net.listed(both, "/v1/budget/expenses", net.expenses, project_id=_pid(net, tambon)) <= {"home"}
    assert await net.listed(both, "/v1/budget/projects", net.projects, region="north") == {"home", "ktb"}
    assert await net.listed(both, "/v1/budget/projects", net.projects, region="south") == {"south"}
    for name in ("home", "other", "south"):
        got = await net.listed(both, "/v1/budget/withdrawals", net.withdrawals, account_id=net.accounts[name]["id"])
        assert got == ({name} if name != "other" else set()), name


def _pid(net: Network, tambon: str) -> str:
    return next(p["id"] for p in net.projects.values() if p["tambon"] == tambon)


async def test_a_signatory_reads_the_accounts_that_list_it_with_their_withdrawals(net: Network, keys: TestKeys) -> None:
    signer = keys.auth(roles=["signatory"], sub=net.both_sub)
    assert await net.reads(signer, "account") == {"south"}
    assert await net.reads(signer, "withdrawal") == {"south"}
    assert await net.reads(signer, "project") == {"south"}
    for what in ("expense", "expense attachments", "attachment", "attachment content"):
        assert await net.reads(signer, what) == set(), what
    stranger = keys.auth(roles=["signatory"], sub="nobody-" + uid())
    assert await net.reads(stranger, "account") == set() and await net.reads(stranger, "withdrawal") == set()


async def test_a_bank_reads_the_accounts_at_its_bank_only(net: Network, keys: TestKeys) -> None:
    baac = keys.auth(roles=["bank"], sub="baac-" + uid(), bank="BAAC")
    assert await net.reads(baac, "account") == {"home", "other", "south"}
    assert await net.reads(baac, "withdrawal") == {"home", "other", "south"}
    ktb = keys.auth(roles=["bank"], sub="ktb-" + uid(), bank="KTB")
    assert await net.reads(ktb, "account") == {"ktb"}
    assert await net.reads(ktb, "withdrawal") == set()
    assert await net.listed(ktb, "/v1/budget/accounts", net.accounts, project_id=net.projects["ktb"]["id"]) == {"ktb"}
    for bank in (baac, ktb):
        for what in ("expense", "expense attachments", "attachment", "attachment content"):
            assert await net.reads(bank, what) == set(), what


async def test_attachments_of_an_out_of_scope_expense_are_404(net: Network, keys: TestKeys) -> None:
    tc_other = keys.auth(roles=["tambon_committee"], region="north", tambon=net.tambons["other"])
    rc_south = keys.auth(roles=["regional_committee"], region="south")
    assert await net.reads(tc_other, "attachment content") == {"other"}
    assert await net.reads(rc_south, "attachment content") == {"south"}
    for headers in (tc_other, rc_south):
        r = await net.b.c.get(f"/v1/budget/attachments/{net.attachments['home']['id']}/content", headers=headers)
        assert r.status_code == 404 and r.json()["code"] == "attachment_not_found"
        r = await net.b.c.get(f"/v1/budget/expenses/{net.expenses['home']['id']}/attachments", headers=headers)
        assert r.status_code == 404


@pytest.mark.parametrize(
    ("roles", "clear_id", "clear_number"),
    [
        (["admin"], True, True),
        (["secretariat"], True, True),
        (["auditor"], True, True),
        (["national_committee"], False, False),
        (["regional_committee"], False, False),
        (["tambon_committee"], False, False),
        (["tambon_committee", "signatory"], False, False),
        (["tambon_committee", "auditor"], True, True),
    ],
)
async def test_masking_for_each_role(
    net: Network, keys: TestKeys, roles: list[str], clear_id: bool, clear_number: bool
) -> None:
    headers = keys.auth(roles=roles, region="north", tambon=net.tambons["home"])
    expense = (await net.b.c.get(f"/v1/budget/expenses/{net.expenses['home']['id']}", headers=headers)).json()
    assert expense["evidence"]["payee_national_id"] == (PAYEE_ID if clear_id else "*********" + PAYEE_ID[-4:])
    account = (await net.b.c.get(f"/v1/budget/accounts/{net.accounts['home']['id']}", headers=headers)).json()
    assert account["number"] == ("020-1-23456-7" if clear_number else "******4567")


async def test_account_numbers_for_bank_and_signatory(net: Network, keys: TestKeys) -> None:
    baac = keys.auth(roles=["bank"], sub="baac-" + uid(), bank="BAAC")
    assert (await net.b.get(f"/v1/budget/accounts/{net.accounts['south']['id']}", baac))["number"] == "020-1-23456-7"
    signer = keys.auth(roles=["signatory"], sub=net.both_sub)
    assert (await net.b.get(f"/v1/budget/accounts/{net.accounts['south']['id']}", signer))["number"] == "******4567"

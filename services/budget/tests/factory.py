"""Test data through the API (unique per call), so tests never depend on each other."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import httpx

from phaen_common.testing import TestKeys

RESOLUTION = {"number": "มติ 1/2547", "meeting_date": "2004-01-15"}
# A tranche release cites the resolution that released it.
RELEASE = {"resolution": RESOLUTION}


def uid() -> str:
    return uuid.uuid4().hex[:10]


class Budget:
    """Builds grants, projects, accounts and money through the public API."""

    def __init__(self, client: httpx.AsyncClient, keys: TestKeys) -> None:
        self.c = client
        self.keys = keys
        self.admin = keys.auth(roles=["admin"], sub="admin-test")
        self.secretariat = keys.auth(roles=["secretariat"], sub="sec-" + uid())
        # The accounts below are at ธ.ก.ส. (BAAC): a bank client acts on its own bank's accounts only.
        self.bank = keys.auth(roles=["bank"], sub="bank-" + uid(), bank="BAAC")
        self._signers: dict[str, dict[str, str]] = {}

    def signer(self, sub: str) -> dict[str, str]:
        # Signing a token costs ~2 ms of RSA: reuse one per signatory.
        if sub not in self._signers:
            self._signers[sub] = self.keys.auth(roles=["signatory"], sub=sub)
        return self._signers[sub]

    async def ok(
        self, method: str, url: str, headers: dict[str, str], json: Any = None, status: int = 201, **kw: Any
    ) -> Any:
        r = await self.c.request(method, url, headers=headers, json=json, **kw)
        assert r.status_code == status, (url, r.status_code, r.text)
        return r.json()

    async def grant(self, amount: str = "1000000.00", lines: list[tuple[int, str]] | None = None) -> dict[str, Any]:
        g = await self.ok(
            "POST",
            "/v1/budget/grants",
            self.secretariat,
            {"name": f"ทุน {uid()}", "funder": "CODI", "amount": amount, "fiscal_year": 2547},
        )
        for no, planned in lines or [(1, amount)]:
            await self.ok(
                "POST",
                f"/v1/budget/grants/{g['id']}/lines",
                self.secretariat,
                {"no": no, "title": f"แผนงาน {no}", "planned": planned},
            )
        return g

    async def project(
        self,
        *,
        grant: dict[str, Any] | None = None,
        line_no: int = 1,
        level: str = "network",
        region: str | None = None,
        tambon: str | None = None,
        amount: str | None = "100000.00",
        tranches: list[int] | None = None,
    ) -> dict[str, Any]:
        grant = grant or await self.grant()
        body: dict[str, Any] = {"grant_id": grant["id"], "line_no": line_no, "name": f"โครงการ {uid()}", "level": level}
        for k, v in (("region", region), ("tambon", tambon), ("amount", amount), ("tranches", tranches)):
            if v is not None:
                body[k] = v
        return await self.ok("POST", "/v1/budget/projects", self.secretariat, body)

    async def account(
        self, project: dict[str, Any], signatories: list[str] | None = None, threshold: int = 2
    ) -> dict[str, Any]:
        sigs = signatories or [f"sig-{uid()}" for _ in range(3)]
        return await self.ok(
            "POST",
            "/v1/budget/accounts",
            self.secretariat,
            {
                "project_id": project["id"],
                "bank": "ธ.ก.ส.",
                "branch": "สิงห์บุรี",
                "number": "020-1-23456-7",
                "name": project["name"],
                "type": "savings",
                "atm_card": False,
                "signatories": sigs,
                "threshold": threshold,
                "resolution": RESOLUTION,
            },
        )

    async def deposit(
        self, account: dict[str, Any], amount: str, kind: str = "transfer", ref: str | None = None
    ) -> dict[str, Any]:
        return await self.ok(
            "POST",
            f"/v1/budget/accounts/{account['id']}/deposits",
            self.bank,
            {"amount": amount, "kind": kind, "bank_reference": ref or f"BAAC-{uid()}"},
        )

    async def funded(self, amount: str = "100000.00", **kw: Any) -> tuple[dict[str, Any], dict[str, Any]]:
        """A project with an account holding ``amount``."""
        project = await self.project(**kw)
        account = await self.account(project)
        await self.deposit(account, amount)
        return project, await self.get(f"/v1/budget/accounts/{account['id']}")

    async def withdrawal(
        self, account: dict[str, Any], amount: str, headers: dict[str, str] | None = None, status: int = 201
    ) -> dict[str, Any]:
        return await self.ok(
            "POST",
            "/v1/budget/withdrawals",
            headers or self.secretariat,
            {"account_id": account["id"], "amount": amount, "purpose": "ค่าจัดเวที", "resolution": RESOLUTION},
            status=status,
        )

    async def sign(self, withdrawal: dict[str, Any], sub: str, status: int = 201) -> dict[str, Any]:
        return await self.ok(
            "POST", f"/v1/budget/withdrawals/{withdrawal['id']}/signatures", self.signer(sub), status=status
        )

    async def get(self, url: str, headers: dict[str, str] | None = None) -> Any:
        return await self.ok("GET", url, headers or self.admin, status=200)


def today() -> str:
    return dt.date.today().isoformat()

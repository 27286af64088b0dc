"""The real gateway, registry and budget apps in-process, wired over HTTP (ASGI) as in production.

The budget checks signatories with the gateway's directory and the registry's people as its own internal
client (role ``service_directory``); every token here is a real gateway token from a password or
client-credentials grant. One database, each service in its own schema.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from pydantic import SecretStr

from phaen_common.auth import RemoteKeySource, RemoteRevocations, TokenVerifier
from phaen_common.migrations import upgrade
from phaen_common.testing import app_client
from phaen_common.thai_id import national_id_check_digit

GW, REG, BUD = "http://gateway", "http://registry", "http://budget"
RESOLUTION = {"number": "มติ 1/2547", "meeting_date": "2004-01-15"}


def uid() -> str:
    return uuid.uuid4().hex[:10]


def national_id() -> str:
    first12 = "3" + f"{uuid.uuid4().int % 10**11:011d}"
    return first12 + str(national_id_check_digit(first12))


@dataclass
class User:
    id: str
    username: str
    person_id: str | None
    headers: dict[str, str]


@dataclass
class World:
    gw_app: Any
    budget_app: Any
    gw: httpx.AsyncClient
    registry: httpx.AsyncClient
    budget: httpx.AsyncClient
    admin: dict[str, str]
    users: dict[str, User] = field(default_factory=dict)

    async def ok(self, client: httpx.AsyncClient, method: str, url: str, headers: dict[str, str], **kw: Any) -> Any:
        # The answer is known: 201 for a POST that creates, 200 otherwise; a call that differs says ``status=``.
        status = kw.pop("status", 201 if method == "POST" else 200)
        r = await client.request(method, url, headers=headers, **kw)
        assert r.status_code == status, (method, url, r.status_code, r.text)
        return r.json()

    async def person(self, *, with_id: bool = True) -> str:
        body: dict[str, Any] = {"full_name": f"นาง ทดสอบ {uid()}"}
        if with_id:
            body["national_id"] = national_id()
        return str((await self.ok(self.registry, "POST", "/v1/registry/people", self.admin, json=body))["id"])

    async def user(self, *roles: str, person_id: str | None = None, **claims: Any) -> User:
        """A gateway user made through the admin API, logged in with the password grant."""
        username, password = f"u-{uid()}", f"pw-{uuid.uuid4().hex}"
        body: dict[str, Any] = {
            "username": username,
            "password": password,
            "display_name": username,
            "roles": list(roles),
            **claims,
        }
        if person_id:
            body["person_id"] = person_id
        made = await self.ok(self.gw, "POST", "/v1/auth/users", self.admin, json=body)
        token = await self.gw.post(
            "/v1/auth/token", data={"grant_type": "password", "username": username, "password": password}
        )
        assert token.status_code == 200, token.text
        headers = {"Authorization": f"Bearer {token.json()['access_token']}"}
        return User(id=made["id"], username=username, person_id=person_id, headers=headers)

    async def signatory(self, person_id: str | None = None) -> User:
        return await self.user("signatory", person_id=person_id or await self.person())

    async def account(self, sec: User, signatories: list[str], threshold: int = 2, amount: str = "100000.00") -> Any:
        """A funded project account with this signatory set."""
        grant = await self.ok(
            self.budget,
            "POST",
            "/v1/budget/grants",
            sec.headers,
            json={"name": f"ทุน {uid()}", "funder": "CODI", "amount": "1000000.00", "fiscal_year": 2547},
        )
        await self.ok(
            self.budget,
            "POST",
            f"/v1/budget/grants/{grant['id']}/lines",
            sec.headers,
            json={"no": 1, "title": "แผนงาน", "planned": "1000000.00"},
        )
        project = await self.ok(
            self.budget,
            "POST",
            "/v1/budget/projects",
            sec.headers,
            json={
                "grant_id": grant["id"],
                "line_no": 1,
                "name": f"โครงการ {uid()}",
                "level": "network",
                "amount": amount,
            },
        )
        account = await self.ok(
            self.budget,
            "POST",
            "/v1/budget/accounts",
            sec.headers,
            json=self.account_body(project, signatories, threshold),
        )
        await self.ok(
            self.budget,
            "POST",
            f"/v1/budget/accounts/{account['id']}/deposits",
            self.admin,
            json={"amount": amount, "kind": "transfer", "bank_reference": f"BAAC-{uid()}"},
        )
        return account

    @staticmethod
    def account_body(project: dict[str, Any], signatories: list[str], threshold: int = 2) -> dict[str, Any]:
        return {
            "project_id": project["id"],
            "bank": "ธ.ก.ส.",
            "branch": "สิงห์บุรี",
            "number": "020-1-23456-7",
            "name": project["name"],
            "type": "savings",
            "atm_card": False,
            "signatories": signatories,
            "threshold": threshold,
            "resolution": RESOLUTION,
        }

    async def withdrawal(self, requester: User, account: dict[str, Any], amount: str = "1000.00") -> Any:
        return await self.ok(
            self.budget,
            "POST",
            "/v1/budget/withdrawals",
            requester.headers,
            json={"account_id": account["id"], "amount": amount, "purpose": "ค่าจัดเวที", "resolution": RESOLUTION},
        )

    async def sign(self, signer: User, w: dict[str, Any], body: Any = None) -> httpx.Response:
        return await self.budget.post(f"/v1/budget/withdrawals/{w['id']}/signatures", headers=signer.headers, json=body)


@asynccontextmanager
async def world(
    pg_url: str, data_dir: Path, *, expiry: dt.timedelta = dt.timedelta(days=30), sweep_seconds: float = 0
) -> AsyncIterator[World]:
    """Start the three apps; yields the world with an admin logged in."""
    import phaen_budget
    import phaen_gateway
    import phaen_registry
    from phaen_budget.config import Settings as BudgetSettings
    from phaen_budget.core.tiers import FixedTierLookup
    from phaen_budget.main import create_app as create_budget
    from phaen_budget.signatories.directory import HttpDirectory
    from phaen_gateway.auth.people import RegistryPeople
    from phaen_gateway.main import create_app as create_gateway
    from phaen_gateway.testing import add_user, gateway_client, gateway_settings, login
    from phaen_registry.config import Settings as RegistrySettings
    from phaen_registry.main import create_app as create_registry

    for pkg in (phaen_gateway, phaen_registry, phaen_budget):
        upgrade(pkg.MIGRATIONS_DIR, pg_url, pkg.SCHEMA)
    gw_app = create_gateway(gateway_settings(pg_url, data_dir=data_dir))
    registry_app = create_registry(RegistrySettings(database_url=SecretStr(pg_url)))
    budget_app = create_budget(
        BudgetSettings(
            database_url=SecretStr(pg_url),
            data_dir=data_dir,
            withdrawal_expiry=expiry,
            expiry_sweep_seconds=sweep_seconds,
        )
    )
    to_gateway = httpx.AsyncClient(transport=httpx.ASGITransport(app=gw_app), base_url=GW)
    to_registry = httpx.AsyncClient(transport=httpx.ASGITransport(app=registry_app), base_url=REG)
    both = httpx.AsyncClient(
        mounts={f"{GW}/": httpx.ASGITransport(app=gw_app), f"{REG}/": httpx.ASGITransport(app=registry_app)}
    )
    for app in (registry_app, budget_app):
        app.state.verifier = TokenVerifier(
            RemoteKeySource(f"{GW}/v1/auth/jwks.json", client=to_gateway),
            issuer="phaen-gateway",
            audience="phaen",
            leeway=30,
            revocations=RemoteRevocations(f"{GW}/v1/auth/revocations", client=to_gateway, cache_seconds=1),
        )
    gw_app.state.people = RegistryPeople(base_url=REG, client=to_registry)
    budget_app.state.tiers = FixedTierLookup({})
    async with (
        gateway_client(gw_app.state.settings, gw_app) as (_, gw),
        app_client(registry_app, base_url=REG) as registry,
        to_gateway,
        to_registry,
        both,
    ):
        admin_user = await add_user(gw_app, roles=["admin"])
        tokens = await login(gw, admin_user["username"], admin_user["password"])
        admin = {"Authorization": f"Bearer {tokens['access_token']}"}
        client = (
            await gw.post(
                "/v1/auth/clients", headers=admin, json={"name": f"budget {uid()}", "roles": ["service_directory"]}
            )
        ).json()
        budget_app.state.directory = HttpDirectory(
            gateway_url=GW,
            registry_url=REG,
            client_id=client["client_id"],
            client_secret=SecretStr(client["client_secret"]),
            client=both,
        )
        async with app_client(budget_app, base_url=BUD) as budget:
            yield World(gw_app, budget_app, gw, registry, budget, admin)

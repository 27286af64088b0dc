"""The sample month of the statement tests: an account whose October 2026 ledger is booked through the real API
with the clock moved there (time-machine), and the sample statement files under ``tests/data/statements``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import httpx
import time_machine

from phaen_common.testing import TestKeys

from .factory import Budget, uid

DATA = Path(__file__).resolve().parents[3] / "tests" / "data" / "statements"
BKK = dt.timezone(dt.timedelta(hours=7))
XML = {"Content-Type": "application/xml"}
CSV = {"Content-Type": "text/csv; charset=utf-8"}


def sample(name: str) -> bytes:
    return (DATA / name).read_bytes()


def on(day: int, hour: int = 10) -> Any:
    """Run the block on this day of October 2026 in Thailand (tokens must be made inside it)."""
    return time_machine.travel(dt.datetime(2026, 10, day, hour, tzinfo=BKK), tick=True)


class Month:
    """An account whose October 2026 ledger matches the sample statements with bank references ``prefix``."""

    def __init__(self, client: httpx.AsyncClient, keys: TestKeys) -> None:
        self.c = client
        self.keys = keys
        self.account: dict[str, Any] = {}
        self.project: dict[str, Any] = {}
        self.payouts: list[dict[str, Any]] = []

    def bank(self) -> dict[str, str]:
        """The account's own bank (a bank partner client carries the bank it is)."""
        return self.keys.auth(roles=["bank"], sub="bank-" + self.account["bank"], bank=self.account["bank"])

    async def money(self, path: str, body: dict[str, Any], status: int = 201) -> Any:
        r = await self.c.post(f"/v1/budget/accounts/{self.account['id']}/{path}", headers=self.bank(), json=body)
        assert r.status_code == status, r.text
        return r.json()

    async def payout(self, amount: str, ref: str) -> None:
        b = Budget(self.c, self.keys)
        w = await b.withdrawal(self.account, amount)
        await b.sign(w, self.account["signatories"][0])
        await b.sign(w, self.account["signatories"][1])
        r = await self.c.post(
            f"/v1/budget/withdrawals/{w['id']}/payout", headers=self.bank(), json={"bank_reference": ref}
        )
        assert r.status_code == 200, r.text
        self.payouts.append(r.json())

    async def build(self, prefix: str, *, phantom_deposit: bool = False, region: str | None = None) -> Month:
        with on(1, 9):
            b = Budget(self.c, self.keys)
            kw: dict[str, Any] = {"level": "regional", "region": region} if region else {}
            self.project = await b.project(amount="200000.00", **kw)
            self.account = await b.account(self.project)
            await self.money(
                "deposits", {"amount": "100000.00", "kind": "transfer", "bank_reference": f"{prefix}2610010001"}
            )
        with on(5):
            await self.payout("25000.00", f"{prefix}2610050002")
            await self.money("fees", {"amount": "15.00", "bank_reference": f"{prefix}2610050003"})
        with on(12, 15):
            # Phaen books this payout on the 12th under its own reference; the bank shows it on the 13th.
            await self.payout("12500.00", f"PAY-{uid()}")
        if phantom_deposit:
            with on(20):
                await self.money(
                    "deposits", {"amount": "5000.00", "kind": "transfer", "bank_reference": f"{prefix}2610200006"}
                )
        with on(31, 16):
            await self.money(
                "deposits", {"amount": "35.20", "kind": "interest", "bank_reference": f"{prefix}2610310005"}
            )
        return self

    async def import_(
        self, name: str, headers: dict[str, str] | None = None, as_: dict[str, str] | None = None
    ) -> httpx.Response:
        kind = XML if name.endswith(".xml") else CSV
        return await self.c.post(
            f"/v1/budget/accounts/{self.account['id']}/statements",
            content=sample(name),
            headers={**kind, **(as_ or self.bank()), **(headers or {})},
        )

"""A voucher's payee national ID in clear, read from the budget service as the caller.

The event feeds carry only its last 4 digits (feeds and webhooks reach partners). A role that may see it in
clear gets it from the budget service with its own token, so the budget's rules decide what it shows.
"""

from __future__ import annotations

import logging
import uuid
from typing import Protocol

import httpx

log = logging.getLogger("phaen.reports.evidence")


class NationalIds(Protocol):
    async def national_id(self, *, expense_id: uuid.UUID, authorization: str) -> str | None: ...


class BudgetNationalIds:
    """``GET {budget}/v1/budget/expenses/{id}`` with the caller's token; None when it is not there in clear."""

    def __init__(self, base_url: str, *, timeout: float = 3.0, client: httpx.AsyncClient | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.owned = client is None
        self.client = client or httpx.AsyncClient(timeout=timeout)

    async def national_id(self, *, expense_id: uuid.UUID, authorization: str) -> str | None:
        """The payee's 13 digits, or None (masked for the caller, unreachable, or not a voucher)."""
        try:
            r = await self.client.get(
                f"{self.base_url}/v1/budget/expenses/{expense_id}", headers={"Authorization": authorization}
            )
        except httpx.HTTPError as exc:
            log.warning("budget unreachable for a voucher's national ID: %s", type(exc).__name__)
            return None
        if r.status_code != 200:
            return None
        evidence = r.json().get("evidence") or {}
        nid = evidence.get("payee_national_id") if isinstance(evidence, dict) else None
        return nid if isinstance(nid, str) and len(nid) == 13 and nid.isdigit() else None

    async def aclose(self) -> None:
        if self.owned:
            await self.client.aclose()

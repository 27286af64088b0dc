"""The tambon tier (model / pilot / expansion) comes from the registry service; the routing rule built on it.

Behind a small protocol on ``app.state.tiers`` so tests inject a fixed answer. The HTTP lookup is
called before any row lock is taken (never hold a lock across a call to another service) and forwards
the caller's own bearer token, so the registry applies the caller's scope too.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

import httpx

log = logging.getLogger("phaen.budget.tiers")


@dataclass(frozen=True)
class TambonInfo:
    tier: str | None
    region: str | None = None


class TierLookup(Protocol):
    async def lookup(self, code: str, *, authorization: str | None) -> TambonInfo | None:
        """The tambon's tier and region, or None when the registry does not answer."""
        ...


class HttpTierLookup:
    """``GET {registry_url}/v1/registry/tambons/{code}``; any failure means "unknown"."""

    def __init__(self, base_url: str, *, timeout: float = 3.0) -> None:
        self.base_url = base_url.rstrip("/")
        self.client = httpx.AsyncClient(timeout=timeout)

    async def lookup(self, code: str, *, authorization: str | None) -> TambonInfo | None:
        headers = {"Authorization": authorization} if authorization else {}
        try:
            resp = await self.client.get(f"{self.base_url}/v1/registry/tambons/{code}", headers=headers)
        except httpx.HTTPError as exc:
            log.warning("registry lookup failed: %s", type(exc).__name__)
            return None
        if resp.status_code != 200:
            log.info("registry answered %s for a tambon lookup", resp.status_code)
            return None
        try:
            body = resp.json()
        except ValueError:
            return None
        tier = body.get("tier") if isinstance(body, dict) else None
        region = body.get("region") if isinstance(body, dict) else None
        return TambonInfo(
            tier=tier if isinstance(tier, str) else None, region=region if isinstance(region, str) else None
        )

    async def aclose(self) -> None:
        await self.client.aclose()


class FixedTierLookup:
    """A fixed table of tambons (tests, or a deployment without the registry)."""

    def __init__(self, table: dict[str, TambonInfo] | None = None) -> None:
        self.table = dict(table or {})

    async def lookup(self, code: str, *, authorization: str | None) -> TambonInfo | None:
        return self.table.get(code)


# Thailand keeps one offset all year (no daylight saving).
_BANGKOK = dt.timezone(dt.timedelta(hours=7))


def fiscal_year_of(at: dt.datetime) -> int:
    """The Thai government fiscal year (Buddhist Era, October to September) of an instant, in Bangkok time."""
    local = at.astimezone(_BANGKOK)
    return local.year + 543 + (1 if local.month >= 10 else 0)


def route_for(
    *,
    kind: str,
    amount: Decimal,
    level: str,
    tier: str | None,
    standards: dict[str, Decimal],
    year_total: Decimal | None = None,
) -> tuple[str, str]:
    """(route, rule): regional only for a standard proposal within its tambon tier's standard amount.

    ``year_total``: the project's standard proposals in the same fiscal year, this one included (pending and
    approved). A proposal within the standard on its own still goes national when that sum is over it, so
    splitting one spend into several small proposals does not keep it regional (rule ``split_over_<tier>_standard``).
    """
    if kind != "standard":
        return "national", "change_goes_national"
    if level != "tambon":
        return "national", "not_a_tambon_project"
    if tier is None:
        return "national", "tier_unknown"
    standard = standards.get(tier)
    if standard is None:
        return "national", f"no_standard_for_{tier}"
    if amount > standard:
        return "national", f"over_{tier}_standard"
    if year_total is not None and year_total > standard:
        return "national", f"split_over_{tier}_standard"
    return "regional", f"within_{tier}_standard"

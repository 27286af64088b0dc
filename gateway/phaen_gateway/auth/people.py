"""Is this a registry person a user may be linked to? Asked of the registry over HTTP, never its tables.

The gateway forwards the caller's own bearer token (only ``auth:admin`` creates users, and an admin reads
people with national IDs in clear), so the registry applies the caller's rights. Called before anything is
written or locked.
"""

from __future__ import annotations

import logging
import uuid
from typing import Protocol

import httpx

from phaen_common.errors import ServiceUnavailable
from phaen_common.thai_id import national_id_ok
from phaen_gateway.auth.errors import PersonWithoutNationalId, UnknownPerson

log = logging.getLogger("phaen.gateway.people")


class PersonCheck(Protocol):
    async def ensure_linkable(self, person_id: uuid.UUID, *, authorization: str | None) -> None:
        """Raise unless the person exists in the registry with a valid national ID."""
        ...


class RegistryPeople:
    """``GET {registry_url}/v1/registry/people/{id}``: 404 is an unknown person; no answer is a 503."""

    def __init__(self, *, base_url: str, client: httpx.AsyncClient | None = None, timeout: float = 5.0) -> None:
        self.base_url = base_url.rstrip("/")
        # Without a client, one per call (user creation is rare): a pooled client is tied to one event loop.
        self.client = client
        self.timeout = timeout

    async def _fetch(self, url: str, headers: dict[str, str]) -> httpx.Response:
        if self.client is not None:
            return await self.client.get(url, headers=headers, timeout=self.timeout)
        async with httpx.AsyncClient(timeout=self.timeout) as client:
            return await client.get(url, headers=headers)

    async def ensure_linkable(self, person_id: uuid.UUID, *, authorization: str | None) -> None:
        headers = {"Authorization": authorization} if authorization else {}
        url = f"{self.base_url}/v1/registry/people/{person_id}"
        try:
            resp = await self._fetch(url, headers)
        except httpx.HTTPError as exc:
            log.warning("registry person lookup failed: %s", type(exc).__name__)
            raise ServiceUnavailable("The registry cannot be reached to check the person.", retry_after=5) from exc
        if resp.status_code == 404:
            raise UnknownPerson(f"No registry person {person_id}.", loc=["body", "person_id"])
        if resp.status_code != 200:
            log.info("registry answered %s for a person lookup", resp.status_code)
            raise ServiceUnavailable("The registry did not confirm the person.", retry_after=5)
        try:
            body = resp.json()
        except ValueError as exc:
            raise ServiceUnavailable("The registry sent a malformed person.", retry_after=5) from exc
        national_id = body.get("national_id") if isinstance(body, dict) else None
        masked = bool(body.get("masked")) if isinstance(body, dict) else True
        # In clear (admin), the check digit is verified here too; masked, the registry's own write-time check stands.
        if not isinstance(national_id, str) or (not masked and not national_id_ok(national_id)):
            raise PersonWithoutNationalId(
                f"Registry person {person_id} has no valid national ID on record.", loc=["body", "person_id"]
            )


class KnownPeople:
    """A fixed set of linkable person ids (tests, or a deployment without the registry)."""

    def __init__(self, linkable: set[uuid.UUID] | None = None) -> None:
        self.linkable = set(linkable or ())

    async def ensure_linkable(self, person_id: uuid.UUID, *, authorization: str | None) -> None:
        if person_id not in self.linkable:
            raise UnknownPerson(f"No registry person {person_id}.", loc=["body", "person_id"])

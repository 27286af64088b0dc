"""Who a signatory user is: asked of the gateway (users) and the registry (persons) over HTTP.

Services never read each other's tables. The budget service authenticates as its own internal client
(``phaen-budget``, role ``service_directory``: scopes ``auth:directory`` and ``registry:read``), which the
gateway's set-up mints like the reports service's client. Every call is made before any row lock is taken.
``app.state.directory`` holds the lookup; tests may put a ``FixedDirectory`` there instead.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Protocol

import httpx
from fastapi import Depends, Request
from pydantic import SecretStr

from phaen_common.errors import ServiceUnavailable

log = logging.getLogger("phaen.budget.directory")

SIGNATORY_ROLE = "signatory"


@dataclass(frozen=True)
class Signer:
    """A user id that may sign: an enabled user with the signatory role, linked to a person with a valid ID."""

    user_id: str
    person_id: str


class Directory(Protocol):
    async def signers(self, user_ids: Sequence[str]) -> dict[str, Signer]:
        """Those of ``user_ids`` that may sign (the others are absent); 503 when a source cannot answer."""
        ...


class FixedDirectory:
    """A fixed table user id -> person id (tests that do not run the gateway and registry).

    With ``everyone``, any id not in the table signs as its own person ``person:<id>``.
    """

    def __init__(self, people: Mapping[str, str] | None = None, *, everyone: bool = False) -> None:
        self.people = dict(people or {})
        self.everyone = everyone

    async def signers(self, user_ids: Sequence[str]) -> dict[str, Signer]:
        out: dict[str, Signer] = {}
        for uid in user_ids:
            person = self.people.get(uid) or (f"person:{uid}" if self.everyone else None)
            if person is not None:
                out[uid] = Signer(user_id=uid, person_id=person)
        return out


class _ClientToken:
    """A client-credentials token from the gateway, renewed a minute before it expires."""

    def __init__(
        self,
        *,
        client: httpx.AsyncClient,
        token_url: str,
        client_id: str,
        secret: SecretStr | None,
        secret_file: Path | None = None,
    ) -> None:
        self.client = client
        self.url = token_url
        self.client_id = client_id
        self.secret = secret
        # The gateway's set-up may write the secret after this service started: read it when first needed.
        self.secret_file = secret_file
        self._token: str | None = None
        self._expires = 0.0
        self._lock = asyncio.Lock()

    async def get(self) -> str:
        async with self._lock:
            if self._token and time.monotonic() < self._expires:
                return self._token
            if self.secret is None and self.secret_file is not None and self.secret_file.is_file():
                value = self.secret_file.read_text().strip()
                self.secret = SecretStr(value) if value else None
            if self.secret is None:
                raise ServiceUnavailable("The budget service has no client secret to check signatories.")
            resp = await self.client.post(
                self.url,
                data={
                    "grant_type": "client_credentials",
                    "client_id": self.client_id,
                    "client_secret": self.secret.get_secret_value(),
                },
            )
            if resp.status_code != 200:
                log.warning("the gateway refused the budget client's token request (%s)", resp.status_code)
                raise ServiceUnavailable("The gateway refused the budget service's credentials.", retry_after=5)
            body = resp.json()
            self._token = str(body["access_token"])
            self._expires = time.monotonic() + max(int(body.get("expires_in", 300)) - 60, 10)
            return self._token

    def invalidate(self) -> None:
        self._token = None


class HttpDirectory:
    """``GET {gateway}/v1/auth/directory/users?id=…`` then ``GET {registry}/v1/registry/people/{id}`` per person.

    A person counts when the registry knows it with a national ID on record (the registry accepts only IDs
    with a valid check digit; masked to this client, a present ID is a valid one).
    """

    def __init__(
        self,
        *,
        gateway_url: str,
        registry_url: str,
        client_id: str,
        client_secret: SecretStr | None,
        client_secret_file: Path | None = None,
        timeout: float = 5.0,
        client: httpx.AsyncClient | None = None,
    ) -> None:
        self.gateway_url = gateway_url.rstrip("/")
        self.registry_url = registry_url.rstrip("/")
        self.client = client or httpx.AsyncClient(timeout=timeout)
        self._owns_client = client is None
        self.tokens = _ClientToken(
            client=self.client,
            token_url=f"{self.gateway_url}/v1/auth/token",
            client_id=client_id,
            secret=client_secret,
            secret_file=client_secret_file,
        )

    async def _get(self, url: str, params: dict[str, list[str]] | None = None) -> httpx.Response:
        for attempt in range(2):
            token = await self.tokens.get()
            try:
                resp = await self.client.get(url, params=params, headers={"Authorization": f"Bearer {token}"})
            except httpx.HTTPError as exc:
                log.warning("directory lookup failed: %s", type(exc).__name__)
                raise ServiceUnavailable("The gateway or registry cannot be reached.", retry_after=5) from exc
            if resp.status_code == 401 and attempt == 0:
                self.tokens.invalidate()
                continue
            return resp
        raise ServiceUnavailable("The budget service's token was refused.", retry_after=5)

    async def _has_national_id(self, person_id: str) -> bool:
        resp = await self._get(f"{self.registry_url}/v1/registry/people/{person_id}")
        if resp.status_code == 404:
            return False
        if resp.status_code != 200:
            raise ServiceUnavailable(f"The registry answered {resp.status_code}.", retry_after=5)
        body = resp.json()
        return isinstance(body, dict) and isinstance(body.get("national_id"), str) and bool(body["national_id"])

    async def signers(self, user_ids: Sequence[str]) -> dict[str, Signer]:
        if not user_ids:
            return {}
        resp = await self._get(f"{self.gateway_url}/v1/auth/directory/users", params={"id": list(user_ids)})
        if resp.status_code != 200:
            raise ServiceUnavailable(f"The gateway directory answered {resp.status_code}.", retry_after=5)
        linked: dict[str, str] = {}
        for user in resp.json().get("users", []):
            if user.get("enabled") and SIGNATORY_ROLE in user.get("roles", []) and user.get("person_id"):
                linked[str(user["id"])] = str(user["person_id"])
        persons = sorted(set(linked.values()))
        valid = dict(zip(persons, await asyncio.gather(*(self._has_national_id(p) for p in persons)), strict=True))
        return {uid: Signer(user_id=uid, person_id=pid) for uid, pid in linked.items() if valid[pid]}

    async def aclose(self) -> None:
        if self._owns_client:
            await self.client.aclose()


async def _directory(request: Request) -> Directory:
    return request.app.state.directory


DirectoryDep = Annotated[Directory, Depends(_directory)]

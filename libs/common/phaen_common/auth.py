"""Access-token verification: one function for the whole project (gateway and every service).

Rules (see docs/PITFALLS.md on python-jose): the algorithm is fixed to the one the key is for; ``exp``,
``iat``, ``aud``, ``iss``, ``sub`` and ``jti`` are required; an unknown ``crit`` header is refused;
``kid`` is looked up only in the key set; leeway is at most 30 s. Revoked subjects (disabled users and
clients) are refused once the revocation list is refreshed (at most every 30 s by default).
"""

from __future__ import annotations

import asyncio
import functools
import hashlib
import logging
import math
import ssl
import time
from abc import ABC, abstractmethod
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar, Protocol, TypeVar

import httpx
from jose import jwk, jwt
from jose.backends.base import Key
from jose.exceptions import JOSEError

# The role tables live in phaen_common.access (who sees what, in one place); re-exported here.
from phaen_common.access import KNOWN_ROLES as KNOWN_ROLES
from phaen_common.access import NATIONAL_READERS
from phaen_common.access import ROLE_SCOPES as ROLE_SCOPES
from phaen_common.access import scopes_for as scopes_for
from phaen_common.errors import Unauthorized

log = logging.getLogger("phaen.auth")

T = TypeVar("T")

ALLOWED_ALGORITHMS = frozenset({"RS256", "ES256"})


@dataclass(frozen=True)
class Principal:
    """Who is calling, from a verified access token."""

    sub: str
    roles: frozenset[str]
    scopes: frozenset[str]
    jti: str
    region: str | None = None
    province: str | None = None
    tambon: str | None = None
    kind: str = "user"
    # A bank partner client is tied to the bank it is (e.g. "BAAC"); a user may be linked to a registry person.
    bank: str | None = None
    person_id: str | None = None
    claims: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def has_scope(self, scope: str) -> bool:
        return scope in self.scopes

    def has_role(self, *roles: str) -> bool:
        return any(r in self.roles for r in roles)

    @property
    def is_admin(self) -> bool:
        return "admin" in self.roles

    @property
    def sees_everything(self) -> bool:
        """Roles whose reads are not limited to a region/province/tambon."""
        return any(role in NATIONAL_READERS for role in self.roles)


@functools.lru_cache(maxsize=4096)
def sub_digest(sub: str) -> str:
    """The revocation list names subjects by digest, not by id (remembered: every request asks for its own)."""
    return hashlib.sha256(sub.encode()).hexdigest()


class SourceUnavailable(Exception):
    """A key set or revocation list could not be read (the reason is logged); the last copy stays in use."""


# A gateway that is down, answers with an error, or sends something that is not the expected document.
_FETCH_ERRORS = (httpx.HTTPError, ValueError, AttributeError, TypeError)


@functools.cache
def _tls_context() -> ssl.SSLContext:
    """One TLS context per process: building one loads the CA store (~30 ms), too much for every refresh."""
    return ssl.create_default_context()


async def _get_json(client: httpx.AsyncClient | None, url: str, what: str, parse: Callable[[Any], T]) -> T:
    """GET ``url`` and ``parse`` its JSON, with a short-lived client when none is shared."""
    http = client or httpx.AsyncClient(timeout=5.0, verify=_tls_context())
    try:
        resp = await http.get(url)
        resp.raise_for_status()
        return parse(resp.json())
    except _FETCH_ERRORS as exc:
        log.warning("could not fetch %s: %s", what, type(exc).__name__)
        raise SourceUnavailable(what) from exc
    finally:
        if client is None:
            await http.aclose()


class KeySource(Protocol):
    async def get(self, kid: str) -> Key | None: ...


class RevocationSource(Protocol):
    async def is_revoked(self, sub: str, iat: int | None = None) -> bool: ...


def construct_keys(jwks: Mapping[str, Any]) -> dict[str, Key]:
    """Build key objects once from a JWKS document; keys without kid or a known alg are ignored."""
    out: dict[str, Key] = {}
    for entry in jwks.get("keys", []):
        kid, alg = entry.get("kid"), entry.get("alg")
        if not kid or alg not in ALLOWED_ALGORITHMS or entry.get("kty") not in {"RSA", "EC"}:
            continue
        if entry.get("use", "sig") != "sig":
            continue
        try:
            out[kid] = jwk.construct(entry, alg)
        except JOSEError:
            log.warning("ignoring malformed JWK kid=%s", kid)
    return out


class StaticKeySource:
    """Keys known in-process (the gateway's own, or a test's)."""

    def __init__(self, jwks: Mapping[str, Any]) -> None:
        self.keys = construct_keys(jwks)

    def replace(self, jwks: Mapping[str, Any]) -> None:
        self.keys = construct_keys(jwks)

    async def get(self, kid: str) -> Key | None:
        return self.keys.get(kid)


class RemoteKeySource:
    """The gateway's JWKS over HTTP, cached; refetched on an unknown kid at most every 5 s.

    Failed fetches count too: a gateway that is down or hanging costs one attempt per 5 s, not one
    per request (the last keys stay in use meanwhile).
    """

    retry_seconds = 5.0

    def __init__(self, url: str, *, cache_seconds: int = 300, client: httpx.AsyncClient | None = None) -> None:
        self.url = url
        self.cache_seconds = cache_seconds
        self.client = client
        self.keys: dict[str, Key] = {}
        self.fetched_at = -1e9
        self.attempted_at = -1e9
        self._lock = asyncio.Lock()

    async def _refresh(self) -> None:
        try:
            self.keys = await _get_json(self.client, self.url, "JWKS", construct_keys)
            self.fetched_at = time.monotonic()
        except SourceUnavailable:
            pass  # the last keys stay in use
        finally:
            self.attempted_at = time.monotonic()

    async def get(self, kid: str) -> Key | None:
        if kid in self.keys and time.monotonic() - self.fetched_at < self.cache_seconds:
            return self.keys[kid]
        if time.monotonic() - self.attempted_at >= self.retry_seconds:
            async with self._lock:
                if time.monotonic() - self.attempted_at >= self.retry_seconds:
                    await self._refresh()
        return self.keys.get(kid)


class NoRevocations:
    async def is_revoked(self, sub: str, iat: int | None = None) -> bool:
        return False


# A subject listed without a moment: every token it holds is refused.
ALWAYS = math.inf


def _refused(cutoffs: Mapping[str, float], sub: str, iat: int | None) -> bool:
    cutoff = cutoffs.get(sub_digest(sub))
    return cutoff is not None and (iat is None or iat < cutoff)


class SetRevocations:
    """An in-process revocation list (the gateway's own view, or a test's): every token of these subjects."""

    def __init__(self, subs: Iterable[str] = ()) -> None:
        self.cutoffs = {sub_digest(s): ALWAYS for s in subs}

    async def is_revoked(self, sub: str, iat: int | None = None) -> bool:
        return _refused(self.cutoffs, sub, iat)


class CachedRevocations(ABC):
    """A revocation list read from a source, cached ``cache_seconds``; ``invalidate`` drops it.

    Each listed subject has a moment: its tokens issued (``iat``) before it are refused, also after the
    subject is enabled again. If the source cannot be read the last list stays in use, and it is tried
    again after ``min(cache_seconds, retry_floor)`` seconds, not on every request.
    """

    retry_floor: ClassVar[float] = 5

    def __init__(self, *, cache_seconds: float) -> None:
        self.cache_seconds = cache_seconds
        self.cutoffs: dict[str, float] = {}
        self.fetched_at = -1e9
        self.attempted_at = -1e9
        self._lock = asyncio.Lock()

    @abstractmethod
    async def _load(self) -> Mapping[str, float] | set[str]:
        """Digest -> the moment (epoch seconds) before which its tokens are refused; a bare set of digests
        means every token. Raises SourceUnavailable (having logged why) when unreadable."""

    def invalidate(self) -> None:
        """Read the list again at the next check (it has just changed)."""
        self.fetched_at = self.attempted_at = -1e9

    async def _refresh(self) -> None:
        try:
            loaded = await self._load()
            self.cutoffs = dict.fromkeys(loaded, ALWAYS) if isinstance(loaded, set) else dict(loaded)
            self.fetched_at = time.monotonic()
        except SourceUnavailable:
            pass  # the last list stays in use
        finally:
            self.attempted_at = time.monotonic()

    def _due(self) -> bool:
        now = time.monotonic()
        return now - self.fetched_at >= self.cache_seconds and now - self.attempted_at >= min(
            self.cache_seconds, self.retry_floor
        )

    async def is_revoked(self, sub: str, iat: int | None = None) -> bool:
        if self._due():
            async with self._lock:
                if self._due():
                    await self._refresh()
        return _refused(self.cutoffs, sub, iat)


def _revoked_cutoffs(doc: Any) -> dict[str, float]:
    """``{"revoked": [digest, ...], "not_before": {digest: epoch}}``; a digest without a moment: every token."""
    moments = doc.get("not_before") or {}
    out: dict[str, float] = {}
    for digest in doc.get("revoked", []):
        moment = moments.get(digest)
        out[str(digest)] = float(moment) if isinstance(moment, int | float) else ALWAYS
    return out


class RemoteRevocations(CachedRevocations):
    """The gateway's revocation list over HTTP, refreshed every ``cache_seconds`` (<= 30).

    If the gateway cannot be reached the last list stays in use, and it is tried again after
    ``min(cache_seconds, 5)`` seconds, not on every request.
    """

    def __init__(self, url: str, *, cache_seconds: int = 10, client: httpx.AsyncClient | None = None) -> None:
        super().__init__(cache_seconds=cache_seconds)
        self.url = url
        self.client = client

    async def _load(self) -> dict[str, float]:
        return await _get_json(self.client, self.url, "revocation list", _revoked_cutoffs)


_STRING_CLAIMS = ("sub", "jti", "iss")


@dataclass(frozen=True)
class _Verified:
    principal: Principal
    kid: str
    key: Key
    iat: int  # whole epoch seconds, as the revocation check takes it
    until: float  # epoch seconds: exp + leeway


class TokenVerifier:
    """Verifies access tokens; returns a Principal or raises Unauthorized.

    A token that verified is remembered (a bounded LRU keyed by the token's SHA-256) until it expires, so a
    client sending the same token again costs a dictionary look-up instead of an RS256 verification. The
    revocation list is still asked on every call, and a hit counts only while its key is still the one the
    key source gives for its ``kid`` (a retired or rotated key ends its tokens' cache entries).
    """

    cache_size: ClassVar[int] = 10_000

    def __init__(
        self,
        keys: KeySource,
        *,
        issuer: str,
        audience: str,
        leeway: int = 30,
        revocations: RevocationSource | None = None,
    ) -> None:
        if not 0 <= leeway <= 30:
            raise ValueError("leeway must be at most 30 seconds")
        self.keys = keys
        self.issuer = issuer
        self.audience = audience
        self.leeway = leeway
        self.revocations = revocations or NoRevocations()
        self._verified: OrderedDict[bytes, _Verified] = OrderedDict()

    async def verify(self, token: str) -> Principal:
        """Verify ``token`` and return who it speaks for."""
        digest = hashlib.sha256(token.encode("utf-8", "surrogatepass")).digest()
        hit = self._verified.get(digest)
        if hit is not None:
            if time.time() < hit.until and await self.keys.get(hit.kid) is hit.key:
                self._verified.move_to_end(digest)
                if await self.revocations.is_revoked(hit.principal.sub, hit.iat):
                    raise Unauthorized("The access token's subject has been disabled.")
                return hit.principal
            self._verified.pop(digest, None)
        principal, kid, key = await self._verify(token)
        claims = principal.claims
        self._verified[digest] = _Verified(principal, kid, key, int(claims["iat"]), float(claims["exp"]) + self.leeway)
        if len(self._verified) > self.cache_size:
            self._verified.popitem(last=False)
        return principal

    async def _verify(self, token: str) -> tuple[Principal, str, Key]:
        """The full check of a token not seen before: (principal, kid, the key that verified it)."""
        try:
            header = jwt.get_unverified_header(token)
        except JOSEError as exc:
            raise Unauthorized("The access token is malformed.") from exc
        if not isinstance(header, dict):
            raise Unauthorized("The access token is malformed.")
        if "crit" in header:
            raise Unauthorized("The access token has critical headers this server does not understand.")
        kid, alg = header.get("kid"), header.get("alg")
        if not isinstance(kid, str) or not kid or not isinstance(alg, str):
            raise Unauthorized("The access token has no key id.")
        key = await self.keys.get(kid)
        if key is None:
            raise Unauthorized("The access token was signed by an unknown key.")
        key_alg = getattr(key, "_algorithm", None)
        if alg not in ALLOWED_ALGORITHMS or alg != key_alg:
            raise Unauthorized("The access token uses an algorithm not allowed for its key.")
        try:
            claims = jwt.decode(
                token,
                key,
                algorithms=[key_alg],
                audience=self.audience,
                issuer=self.issuer,
                options={
                    "verify_signature": True,
                    "verify_aud": True,
                    "verify_iat": True,
                    "verify_exp": True,
                    "verify_nbf": True,
                    "verify_iss": True,
                    "verify_sub": True,
                    "verify_jti": True,
                    "require_aud": True,
                    "require_iat": True,
                    "require_exp": True,
                    "require_iss": True,
                    "require_sub": True,
                    "require_jti": True,
                    "leeway": self.leeway,
                },
            )
        except JOSEError as exc:
            raise Unauthorized("The access token is invalid or expired.") from exc
        for name in _STRING_CLAIMS:
            if not isinstance(claims.get(name), str) or not claims[name]:
                raise Unauthorized("The access token is missing a required claim.")
        iat = claims.get("iat")
        if not isinstance(iat, int | float) or iat > time.time() + self.leeway:
            raise Unauthorized("The access token was issued in the future.")
        exp = claims.get("exp")
        if not isinstance(exp, int | float) or exp - iat > 3600 + self.leeway:
            raise Unauthorized("The access token lives longer than allowed.")
        # A JWT's iat is a NumericDate; ours are whole seconds, and a fraction is dropped (earlier, never later).
        if await self.revocations.is_revoked(claims["sub"], int(iat)):
            raise Unauthorized("The access token's subject has been disabled.")
        roles = claims.get("roles") or []
        scope = claims.get("scope") or ""
        if not isinstance(roles, list) or not isinstance(scope, str):
            raise Unauthorized("The access token's roles or scope are malformed.")
        principal = Principal(
            sub=claims["sub"],
            roles=frozenset(r for r in roles if isinstance(r, str)),
            scopes=frozenset(scope.split()),
            jti=claims["jti"],
            region=_opt_str(claims.get("region")),
            province=_opt_str(claims.get("province")),
            tambon=_opt_str(claims.get("tambon")),
            kind=_opt_str(claims.get("kind")) or "user",
            bank=_opt_str(claims.get("bank")),
            person_id=_opt_str(claims.get("person_id")),
            claims=claims,
        )
        return principal, kid, key


def _opt_str(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None

"""The gateway over HTTP: tokens (login, cache, refresh) and requests whose failures become exit codes."""

from __future__ import annotations

import os
import time
import uuid
from typing import Any

import httpx

from phaen_cli import settings
from phaen_cli.exits import CliError, Exit, exit_for_status

# Renew a cached token this long before it expires, so a long import does not die half-way.
RENEW_MARGIN_SECONDS = 60
TIMEOUT = httpx.Timeout(60.0, connect=5.0)
UNREACHABLE = (httpx.TransportError,)


def _language() -> str:
    lang = os.environ.get("PHAEN_LANG") or os.environ.get("LANG", "")
    return "th" if lang.lower().startswith("th") else "en"


def problem_of(response: httpx.Response) -> dict[str, Any]:
    """The problem+json body of a failed answer (empty when there is none)."""
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def error_for(response: httpx.Response, doing: str) -> CliError:
    """A CliError saying what failed, with the API's code and detail."""
    problem = problem_of(response)
    code = problem.get("code") or "http_error"
    detail = problem.get("detail") or problem.get("title") or response.reason_phrase
    return CliError(exit_for_status(response.status_code), f"{doing}: {response.status_code} {code}: {detail}", problem)


def get_token(url: str, form: dict[str, str]) -> dict[str, Any]:
    """POST /v1/auth/token with a grant; bad credentials are exit 3, an unreachable gateway exit 5."""
    try:
        r = httpx.post(f"{url}/v1/auth/token", data=form, timeout=TIMEOUT, headers={"Accept-Language": _language()})
    except UNREACHABLE as exc:
        raise CliError(Exit.UNAVAILABLE, f"cannot reach the gateway at {url}: {exc}") from exc
    if r.status_code != 200:
        err = error_for(r, "login")
        # A refused grant is always an authentication failure, whatever status the gateway chose for it.
        if r.status_code in (400, 401, 422):
            err.code = Exit.AUTH
        raise err
    token: dict[str, Any] = r.json()
    return token


class Api:
    """A caller of the gateway with one bearer token (renewed from the cache's refresh token when needed)."""

    def __init__(self, url: str, token: str, *, cached: bool = False, who: str | None = None) -> None:
        self.url = url
        self.token = token
        self.cached = cached
        self.who = who
        self.http = httpx.Client(base_url=url, timeout=TIMEOUT)

    # -- sessions -------------------------------------------------------------------------------------------------

    @classmethod
    def login(cls, url: str, credentials: settings.Credentials, *, cache: bool = True) -> Api:
        """Log in with credentials; with ``cache`` the session is stored (0600) for later commands."""
        token = get_token(url, credentials.form)
        token["who"] = credentials.who
        if cache:
            settings.save_session(url, token)
        return cls(url, token["access_token"], cached=cache, who=credentials.who)

    @classmethod
    def session(cls, url: str | None = None) -> Api:
        """The cached session for the gateway, renewed if it is about to expire.

        Renewal uses the cached refresh token; if there is none (client credentials) or it is refused, the
        environment's credentials log in again; failing both, exit 3 asks the user to run ``phaen login``.
        """
        url = url or settings.gateway_url()
        entry = settings.load_sessions().get(url)
        if entry and float(entry.get("expires_at", 0)) - time.time() > RENEW_MARGIN_SECONDS:
            return cls(url, entry["access_token"], cached=True, who=entry.get("who"))
        api = cls(url, entry["access_token"] if entry else "", cached=True, who=(entry or {}).get("who"))
        api.renew(entry)
        return api

    def renew(self, entry: dict[str, Any] | None = None) -> None:
        """Get a fresh access token: refresh token first, then the environment's credentials."""
        entry = entry if entry is not None else settings.load_sessions().get(self.url)
        refresh = (entry or {}).get("refresh_token")
        if refresh:
            try:
                token = get_token(self.url, {"grant_type": "refresh_token", "refresh_token": refresh})
            except CliError as exc:
                if exc.code != Exit.AUTH:
                    raise
            else:
                token["who"] = self.who
                self._use(token)
                return
        creds = settings.env_credentials()
        if creds is None:
            raise CliError(Exit.AUTH, "not logged in or the session expired: run `phaen login` / กรุณาเข้าสู่ระบบ")
        token = get_token(self.url, creds.form)
        token["who"] = creds.who
        self.who = creds.who
        self._use(token)

    def _use(self, token: dict[str, Any]) -> None:
        self.token = token["access_token"]
        if self.cached:
            settings.save_session(self.url, token)

    # -- requests -------------------------------------------------------------------------------------------------

    def request(
        self,
        method: str,
        path: str,
        *,
        doing: str | None = None,
        ok: tuple[int, ...] = (200, 201),
        idempotency_key: str | None = None,
        **kw: Any,
    ) -> httpx.Response:
        """Send one request; any status outside ``ok`` raises a CliError with the matching exit code."""
        headers = {"Accept-Language": _language(), **kw.pop("headers", {})}
        if idempotency_key:
            headers["Idempotency-Key"] = idempotency_key
        for attempt in (1, 2):
            headers["Authorization"] = f"Bearer {self.token}"
            try:
                r = self.http.request(method, path, headers=headers, **kw)
            except UNREACHABLE as exc:
                raise CliError(Exit.UNAVAILABLE, f"cannot reach the gateway at {self.url}: {exc}") from exc
            # A token that expired (or was revoked) mid-run: renew once, then try again.
            if r.status_code == 401 and attempt == 1 and self.cached:
                self.renew()
                continue
            break
        if r.status_code not in ok:
            raise error_for(r, doing or f"{method} {path}")
        return r

    def get(self, path: str, **kw: Any) -> Any:
        """GET and parse JSON."""
        return self.request("GET", path, **kw).json()

    def post(self, path: str, body: Any = None, **kw: Any) -> Any:
        """POST a JSON body (money moves get an Idempotency-Key) and parse the JSON answer."""
        return self.request("POST", path, json=body if body is not None else {}, **kw).json()

    def put(self, path: str, body: Any, **kw: Any) -> Any:
        """PUT a JSON body and parse the JSON answer."""
        return self.request("PUT", path, json=body, **kw).json()

    def close(self) -> None:
        """Close the connection pool."""
        self.http.close()


def new_key() -> str:
    """A fresh Idempotency-Key."""
    return str(uuid.uuid4())

"""Public and self-service auth routes: token, JWKS, revocations, me; key rotation (admin)."""

from __future__ import annotations

import base64
import binascii
from typing import Annotated
from urllib.parse import unquote

from fastapi import APIRouter, Form, Request, Response

from phaen_common.auth import Principal
from phaen_common.db import SessionDep, after_commit
from phaen_common.errors import TooManyRequests, responses
from phaen_common.text import refuse_unstorable_text
from phaen_common.web import CurrentPrincipal, require
from phaen_gateway.auth import keys, service, tokens
from phaen_gateway.auth.deps import DatabaseDep, HasherDep, IssuerDep, RingDep
from phaen_gateway.auth.errors import InvalidClient, InvalidGrant, InvalidRequest, UnsupportedGrantType
from phaen_gateway.auth.limits import client_address
from phaen_gateway.auth.revocations import revocation_window_seconds, revoked_subjects
from phaen_gateway.auth.schemas import KeyRotated, Me, Revocations, TokenResponse

router = APIRouter(prefix="/v1/auth", tags=["auth"])

PUBLIC_PATHS = ("/v1/auth/token", "/v1/auth/jwks.json", "/v1/auth/revocations")

FormStr = Annotated[str | None, Form(max_length=4096)]


def _basic_credentials(request: Request) -> tuple[str, str] | None:
    """RFC 6749 2.3.1: client credentials may come as HTTP Basic (form-urlencoded id and secret)."""
    header = request.headers.get("authorization", "")
    if not header.lower().startswith("basic "):
        return None
    try:
        raw = base64.b64decode(header[6:].strip(), validate=True).decode()
    except (binascii.Error, UnicodeDecodeError) as exc:
        raise InvalidClient("The Basic credentials are malformed.") from exc
    client_id, sep, secret = raw.partition(":")
    if not sep:
        raise InvalidClient("The Basic credentials are malformed.")
    return unquote(client_id), unquote(secret)


def _refuse_unstorable(**fields: str | None) -> None:
    """A NUL or an unpaired surrogate in a credential reached PostgreSQL and was a 500: it is a 400 here."""
    for name, value in fields.items():
        try:
            refuse_unstorable_text(value)
        except ValueError as exc:
            raise InvalidRequest(f"{name}: {exc}.") from None


@router.post(
    "/token",
    response_model=TokenResponse,
    response_model_exclude_none=True,
    summary="Get an access token (OAuth2 password, client_credentials or refresh_token grant)",
    responses=responses(InvalidRequest, UnsupportedGrantType, InvalidGrant, InvalidClient, 422, TooManyRequests),
    openapi_extra={"security": []},
)
async def token(
    request: Request,
    response: Response,
    session: SessionDep,
    hasher: HasherDep,
    issuer: IssuerDep,
    db: DatabaseDep,
    grant_type: Annotated[str, Form(max_length=64)],
    username: FormStr = None,
    password: FormStr = None,
    client_id: FormStr = None,
    client_secret: FormStr = None,
    refresh_token: FormStr = None,
    scope: FormStr = None,
) -> TokenResponse:
    """Form-encoded, as OAuth2 clients send it. Bad credentials are a 401 (`invalid_grant`/`invalid_client`).

    `scope` is accepted and ignored: a token always carries every scope of its subject's roles.
    """
    response.headers["Cache-Control"] = "no-store"
    response.headers["Pragma"] = "no-cache"
    _refuse_unstorable(username=username, password=password, client_id=client_id, refresh_token=refresh_token)
    if grant_type == "password":
        if not username or not password:
            raise InvalidRequest("The password grant needs username and password.")
        return await tokens.password_grant(
            session=session,
            hasher=hasher,
            issuer=issuer,
            username=username,
            password=password,
            limits=request.app.state.limits,
            address=client_address(request),
        )
    if grant_type == "client_credentials":
        basic = _basic_credentials(request)
        cid, secret = basic if basic else (client_id, client_secret)
        if not cid or not secret:
            raise InvalidRequest("The client_credentials grant needs client_id and client_secret.")
        _refuse_unstorable(client_id=cid, client_secret=secret)
        return await tokens.client_credentials_grant(
            session=session,
            hasher=hasher,
            issuer=issuer,
            client_id=cid,
            client_secret=secret,
            limits=request.app.state.limits,
            address=client_address(request),
        )
    if grant_type == "refresh_token":
        if not refresh_token:
            raise InvalidRequest("The refresh_token grant needs refresh_token.")
        return await tokens.refresh_grant(session=session, db=db, issuer=issuer, refresh_token=refresh_token)
    raise UnsupportedGrantType("grant_type must be password, client_credentials or refresh_token.")


@router.get("/jwks.json", summary="The public signing keys (JWKS)", openapi_extra={"security": []})
async def jwks(ring: RingDep, response: Response) -> dict[str, object]:
    """The active key and keys retired less than the longest token life ago."""
    response.headers["Cache-Control"] = "public, max-age=60"
    return await ring.jwks()


@router.get(
    "/revocations",
    response_model=Revocations,
    summary="Disabled subjects (SHA-256 of sub)",
    openapi_extra={"security": []},
)
async def revocations(session: SessionDep, request: Request, response: Response) -> Revocations:
    """Services poll this (every 10 s by default) to refuse tokens of disabled users and clients.

    Each subject comes with the moment before which its tokens are refused, kept when it is enabled again.
    """
    response.headers["Cache-Control"] = "no-cache"
    settings = request.app.state.settings
    window = revocation_window_seconds(access_ttl=settings.access_token_ttl, leeway=settings.jwt_leeway_seconds)
    cutoffs = await revoked_subjects(session=session, window=window)
    return Revocations(revoked=sorted(cutoffs), not_before=cutoffs, window_seconds=window)


@router.get("/me", response_model=Me, response_model_exclude_none=True, responses=responses(401))
async def me(principal: CurrentPrincipal, session: SessionDep) -> Me:
    """Who the caller is: sub, roles, scope, scope claims and the linked registry person."""
    user = await service.user_of(session=session, principal=principal)
    person_id = str(user.person_id) if user is not None and user.person_id else None
    return Me(
        sub=principal.sub,
        kind=principal.kind,
        roles=sorted(principal.roles),
        scope=" ".join(sorted(principal.scopes)),
        region=principal.region,
        province=principal.province,
        tambon=principal.tambon,
        username=user.username if user else None,
        display_name=user.display_name if user else None,
        # The database is the truth (the token's claim is as old as the token).
        person_id=person_id or principal.person_id,
        bank=principal.bank,
    )


@router.post(
    "/keys/rotate", response_model=KeyRotated, responses=responses(401, 403), summary="Rotate the signing key (admin)"
)
async def rotate_key(session: SessionDep, ring: RingDep, _: Annotated[Principal, require("auth:admin")]) -> KeyRotated:
    """A new key signs from now on; the old one stays published until every token it signed has expired."""
    row, retired = await keys.rotate_signing_key(session=session)

    async def reload() -> None:
        ring.invalidate()
        await ring.load()

    after_commit(session, reload)
    return KeyRotated(kid=row.kid, alg=row.alg, retired=retired)

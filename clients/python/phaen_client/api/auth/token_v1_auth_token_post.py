from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.body_token_v1_auth_token_post import BodyTokenV1AuthTokenPost
from ...models.problem import Problem
from ...models.token_response import TokenResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: BodyTokenV1AuthTokenPost,
    accept_language: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(accept_language, Unset):
        headers["Accept-Language"] = accept_language

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/auth/token",
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | TokenResponse | None:
    if response.status_code == 200:
        response_200 = TokenResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | TokenResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BodyTokenV1AuthTokenPost,
    accept_language: str | Unset = UNSET,
) -> Response[Problem | TokenResponse]:
    """Log in: get an access token (password, client credentials or refresh token)

     Form-encoded, as OAuth2 clients send it. Bad credentials are a 401
    (`invalid_grant`/`invalid_client`).

    `scope` is accepted and ignored: a token always carries every scope of its subject's roles.

    Args:
        accept_language (str | Unset):
        body (BodyTokenV1AuthTokenPost):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TokenResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        accept_language=accept_language,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: BodyTokenV1AuthTokenPost,
    accept_language: str | Unset = UNSET,
) -> Problem | TokenResponse | None:
    """Log in: get an access token (password, client credentials or refresh token)

     Form-encoded, as OAuth2 clients send it. Bad credentials are a 401
    (`invalid_grant`/`invalid_client`).

    `scope` is accepted and ignored: a token always carries every scope of its subject's roles.

    Args:
        accept_language (str | Unset):
        body (BodyTokenV1AuthTokenPost):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TokenResponse
    """

    return sync_detailed(
        client=client,
        body=body,
        accept_language=accept_language,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BodyTokenV1AuthTokenPost,
    accept_language: str | Unset = UNSET,
) -> Response[Problem | TokenResponse]:
    """Log in: get an access token (password, client credentials or refresh token)

     Form-encoded, as OAuth2 clients send it. Bad credentials are a 401
    (`invalid_grant`/`invalid_client`).

    `scope` is accepted and ignored: a token always carries every scope of its subject's roles.

    Args:
        accept_language (str | Unset):
        body (BodyTokenV1AuthTokenPost):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TokenResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        accept_language=accept_language,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: BodyTokenV1AuthTokenPost,
    accept_language: str | Unset = UNSET,
) -> Problem | TokenResponse | None:
    """Log in: get an access token (password, client credentials or refresh token)

     Form-encoded, as OAuth2 clients send it. Bad credentials are a 401
    (`invalid_grant`/`invalid_client`).

    `scope` is accepted and ignored: a token always carries every scope of its subject's roles.

    Args:
        accept_language (str | Unset):
        body (BodyTokenV1AuthTokenPost):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TokenResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            accept_language=accept_language,
        )
    ).parsed

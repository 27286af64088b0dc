from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.jwks_v1_auth_jwks_json_get_response_jwks_v1_auth_jwks_json_get import (
    JwksV1AuthJwksJsonGetResponseJwksV1AuthJwksJsonGet,
)
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    accept_language: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(accept_language, Unset):
        headers["Accept-Language"] = accept_language

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/auth/jwks.json",
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> JwksV1AuthJwksJsonGetResponseJwksV1AuthJwksJsonGet | Problem | None:
    if response.status_code == 200:
        response_200 = JwksV1AuthJwksJsonGetResponseJwksV1AuthJwksJsonGet.from_dict(response.json())

        return response_200

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[JwksV1AuthJwksJsonGetResponseJwksV1AuthJwksJsonGet | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    accept_language: str | Unset = UNSET,
) -> Response[JwksV1AuthJwksJsonGetResponseJwksV1AuthJwksJsonGet | Problem]:
    """The public keys that verify access tokens

     The active key and keys retired less than the longest token life ago.

    Args:
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[JwksV1AuthJwksJsonGetResponseJwksV1AuthJwksJsonGet | Problem]
    """

    kwargs = _get_kwargs(
        accept_language=accept_language,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    accept_language: str | Unset = UNSET,
) -> JwksV1AuthJwksJsonGetResponseJwksV1AuthJwksJsonGet | Problem | None:
    """The public keys that verify access tokens

     The active key and keys retired less than the longest token life ago.

    Args:
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        JwksV1AuthJwksJsonGetResponseJwksV1AuthJwksJsonGet | Problem
    """

    return sync_detailed(
        client=client,
        accept_language=accept_language,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    accept_language: str | Unset = UNSET,
) -> Response[JwksV1AuthJwksJsonGetResponseJwksV1AuthJwksJsonGet | Problem]:
    """The public keys that verify access tokens

     The active key and keys retired less than the longest token life ago.

    Args:
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[JwksV1AuthJwksJsonGetResponseJwksV1AuthJwksJsonGet | Problem]
    """

    kwargs = _get_kwargs(
        accept_language=accept_language,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    accept_language: str | Unset = UNSET,
) -> JwksV1AuthJwksJsonGetResponseJwksV1AuthJwksJsonGet | Problem | None:
    """The public keys that verify access tokens

     The active key and keys retired less than the longest token life ago.

    Args:
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        JwksV1AuthJwksJsonGetResponseJwksV1AuthJwksJsonGet | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            accept_language=accept_language,
        )
    ).parsed

from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_client_public import PageClientPublic
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    disabled: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(accept_language, Unset):
        headers["Accept-Language"] = accept_language

    params: dict[str, Any] = {}

    json_disabled: bool | None | Unset
    if isinstance(disabled, Unset):
        json_disabled = UNSET
    else:
        json_disabled = disabled
    params["disabled"] = json_disabled

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/auth/clients",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageClientPublic | Problem | None:
    if response.status_code == 200:
        response_200 = PageClientPublic.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

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
) -> Response[PageClientPublic | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    disabled: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> Response[PageClientPublic | Problem]:
    """List partner clients (admin)

     Clients ordered by client_id.

    Args:
        disabled (bool | None | Unset):
        limit (int | Unset): Page size (max 500) Default: 50.
        cursor (None | str | Unset): Opaque cursor from next_cursor
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageClientPublic | Problem]
    """

    kwargs = _get_kwargs(
        disabled=disabled,
        limit=limit,
        cursor=cursor,
        accept_language=accept_language,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    disabled: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> PageClientPublic | Problem | None:
    """List partner clients (admin)

     Clients ordered by client_id.

    Args:
        disabled (bool | None | Unset):
        limit (int | Unset): Page size (max 500) Default: 50.
        cursor (None | str | Unset): Opaque cursor from next_cursor
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageClientPublic | Problem
    """

    return sync_detailed(
        client=client,
        disabled=disabled,
        limit=limit,
        cursor=cursor,
        accept_language=accept_language,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    disabled: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> Response[PageClientPublic | Problem]:
    """List partner clients (admin)

     Clients ordered by client_id.

    Args:
        disabled (bool | None | Unset):
        limit (int | Unset): Page size (max 500) Default: 50.
        cursor (None | str | Unset): Opaque cursor from next_cursor
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageClientPublic | Problem]
    """

    kwargs = _get_kwargs(
        disabled=disabled,
        limit=limit,
        cursor=cursor,
        accept_language=accept_language,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    disabled: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> PageClientPublic | Problem | None:
    """List partner clients (admin)

     Clients ordered by client_id.

    Args:
        disabled (bool | None | Unset):
        limit (int | Unset): Page size (max 500) Default: 50.
        cursor (None | str | Unset): Opaque cursor from next_cursor
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageClientPublic | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            disabled=disabled,
            limit=limit,
            cursor=cursor,
            accept_language=accept_language,
        )
    ).parsed

from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.user_create import UserCreate
from ...models.user_public import UserPublic
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: UserCreate,
    accept_language: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(accept_language, Unset):
        headers["Accept-Language"] = accept_language

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/auth/users",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | UserPublic | None:
    if response.status_code == 201:
        response_201 = UserPublic.from_dict(response.json())

        return response_201

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | UserPublic]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: UserCreate,
    accept_language: str | Unset = UNSET,
) -> Response[Problem | UserPublic]:
    """Create a user (admin)

     Create a user; the password is stored as an argon2id hash and never shown again.

    `person_id` links the user to the registry person it is; the registry must know that person with a
    valid
    national ID (422 `unknown_person` / `person_without_national_id`; 503 when the registry cannot
    answer).

    Args:
        accept_language (str | Unset):
        body (UserCreate): A new user (ผู้ใช้งาน).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UserPublic]
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
    body: UserCreate,
    accept_language: str | Unset = UNSET,
) -> Problem | UserPublic | None:
    """Create a user (admin)

     Create a user; the password is stored as an argon2id hash and never shown again.

    `person_id` links the user to the registry person it is; the registry must know that person with a
    valid
    national ID (422 `unknown_person` / `person_without_national_id`; 503 when the registry cannot
    answer).

    Args:
        accept_language (str | Unset):
        body (UserCreate): A new user (ผู้ใช้งาน).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UserPublic
    """

    return sync_detailed(
        client=client,
        body=body,
        accept_language=accept_language,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: UserCreate,
    accept_language: str | Unset = UNSET,
) -> Response[Problem | UserPublic]:
    """Create a user (admin)

     Create a user; the password is stored as an argon2id hash and never shown again.

    `person_id` links the user to the registry person it is; the registry must know that person with a
    valid
    national ID (422 `unknown_person` / `person_without_national_id`; 503 when the registry cannot
    answer).

    Args:
        accept_language (str | Unset):
        body (UserCreate): A new user (ผู้ใช้งาน).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UserPublic]
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
    body: UserCreate,
    accept_language: str | Unset = UNSET,
) -> Problem | UserPublic | None:
    """Create a user (admin)

     Create a user; the password is stored as an argon2id hash and never shown again.

    `person_id` links the user to the registry person it is; the registry must know that person with a
    valid
    national ID (422 `unknown_person` / `person_without_national_id`; 503 when the registry cannot
    answer).

    Args:
        accept_language (str | Unset):
        body (UserCreate): A new user (ผู้ใช้งาน).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UserPublic
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            accept_language=accept_language,
        )
    ).parsed

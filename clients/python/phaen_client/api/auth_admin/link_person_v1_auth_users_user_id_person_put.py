from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.person_link import PersonLink
from ...models.problem import Problem
from ...models.user_public import UserPublic
from ...types import UNSET, Response, Unset


def _get_kwargs(
    user_id: UUID,
    *,
    body: PersonLink,
    accept_language: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(accept_language, Unset):
        headers["Accept-Language"] = accept_language

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/auth/users/{user_id}/person".format(
            user_id=quote(str(user_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | UserPublic | None:
    if response.status_code == 200:
        response_200 = UserPublic.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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
    user_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: PersonLink,
    accept_language: str | Unset = UNSET,
) -> Response[Problem | UserPublic]:
    """Link a user to the registry person they are (admin)

     Link an existing user to the registry person it is (checked as at creation), or unlink it with null.

    Tokens carry the new link from the user's next login or refresh; the budget reads the link when it
    checks a
    signatory set, so an account's set is unaffected until it is changed.

    Args:
        user_id (UUID):
        accept_language (str | Unset):
        body (PersonLink): The registry person a user is (``null`` unlinks).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UserPublic]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        body=body,
        accept_language=accept_language,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    user_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: PersonLink,
    accept_language: str | Unset = UNSET,
) -> Problem | UserPublic | None:
    """Link a user to the registry person they are (admin)

     Link an existing user to the registry person it is (checked as at creation), or unlink it with null.

    Tokens carry the new link from the user's next login or refresh; the budget reads the link when it
    checks a
    signatory set, so an account's set is unaffected until it is changed.

    Args:
        user_id (UUID):
        accept_language (str | Unset):
        body (PersonLink): The registry person a user is (``null`` unlinks).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UserPublic
    """

    return sync_detailed(
        user_id=user_id,
        client=client,
        body=body,
        accept_language=accept_language,
    ).parsed


async def asyncio_detailed(
    user_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: PersonLink,
    accept_language: str | Unset = UNSET,
) -> Response[Problem | UserPublic]:
    """Link a user to the registry person they are (admin)

     Link an existing user to the registry person it is (checked as at creation), or unlink it with null.

    Tokens carry the new link from the user's next login or refresh; the budget reads the link when it
    checks a
    signatory set, so an account's set is unaffected until it is changed.

    Args:
        user_id (UUID):
        accept_language (str | Unset):
        body (PersonLink): The registry person a user is (``null`` unlinks).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UserPublic]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        body=body,
        accept_language=accept_language,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    user_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: PersonLink,
    accept_language: str | Unset = UNSET,
) -> Problem | UserPublic | None:
    """Link a user to the registry person they are (admin)

     Link an existing user to the registry person it is (checked as at creation), or unlink it with null.

    Tokens carry the new link from the user's next login or refresh; the budget reads the link when it
    checks a
    signatory set, so an account's set is unaffected until it is changed.

    Args:
        user_id (UUID):
        accept_language (str | Unset):
        body (PersonLink): The registry person a user is (``null`` unlinks).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UserPublic
    """

    return (
        await asyncio_detailed(
            user_id=user_id,
            client=client,
            body=body,
            accept_language=accept_language,
        )
    ).parsed

from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.signatory_change_out import SignatoryChangeOut
from ...types import UNSET, Response, Unset


def _get_kwargs(
    account_id: UUID,
    change_id: UUID,
    *,
    accept_language: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(accept_language, Unset):
        headers["Accept-Language"] = accept_language

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/budget/accounts/{account_id}/signatory-changes/{change_id}/confirm".format(
            account_id=quote(str(account_id), safe=""),
            change_id=quote(str(change_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | SignatoryChangeOut | None:
    if response.status_code == 200:
        response_200 = SignatoryChangeOut.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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

    if response.status_code == 504:
        response_504 = Problem.from_dict(response.json())

        return response_504

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | SignatoryChangeOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    account_id: UUID,
    change_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    accept_language: str | Unset = UNSET,
) -> Response[Problem | SignatoryChangeOut]:
    """Confirm a proposed signatory change (a second person)

     Confirm a pending change (not its proposer): the new set takes effect now and signatures on the
    account's pending withdrawals are void (their version is bumped).

    Args:
        account_id (UUID):
        change_id (UUID):
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SignatoryChangeOut]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        change_id=change_id,
        accept_language=accept_language,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    account_id: UUID,
    change_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    accept_language: str | Unset = UNSET,
) -> Problem | SignatoryChangeOut | None:
    """Confirm a proposed signatory change (a second person)

     Confirm a pending change (not its proposer): the new set takes effect now and signatures on the
    account's pending withdrawals are void (their version is bumped).

    Args:
        account_id (UUID):
        change_id (UUID):
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SignatoryChangeOut
    """

    return sync_detailed(
        account_id=account_id,
        change_id=change_id,
        client=client,
        accept_language=accept_language,
    ).parsed


async def asyncio_detailed(
    account_id: UUID,
    change_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    accept_language: str | Unset = UNSET,
) -> Response[Problem | SignatoryChangeOut]:
    """Confirm a proposed signatory change (a second person)

     Confirm a pending change (not its proposer): the new set takes effect now and signatures on the
    account's pending withdrawals are void (their version is bumped).

    Args:
        account_id (UUID):
        change_id (UUID):
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SignatoryChangeOut]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        change_id=change_id,
        accept_language=accept_language,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    account_id: UUID,
    change_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    accept_language: str | Unset = UNSET,
) -> Problem | SignatoryChangeOut | None:
    """Confirm a proposed signatory change (a second person)

     Confirm a pending change (not its proposer): the new set takes effect now and signatures on the
    account's pending withdrawals are void (their version is bumped).

    Args:
        account_id (UUID):
        change_id (UUID):
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SignatoryChangeOut
    """

    return (
        await asyncio_detailed(
            account_id=account_id,
            change_id=change_id,
            client=client,
            accept_language=accept_language,
        )
    ).parsed

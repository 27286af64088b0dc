from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.signatory_change_out import SignatoryChangeOut
from ...models.signatory_policy import SignatoryPolicy
from ...types import UNSET, Response, Unset


def _get_kwargs(
    account_id: UUID,
    *,
    body: SignatoryPolicy,
    if_match: None | str | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    if not isinstance(accept_language, Unset):
        headers["Accept-Language"] = accept_language

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/budget/accounts/{account_id}/signatories".format(
            account_id=quote(str(account_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | SignatoryChangeOut | None:
    if response.status_code == 202:
        response_202 = SignatoryChangeOut.from_dict(response.json())

        return response_202

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

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 428:
        response_428 = Problem.from_dict(response.json())

        return response_428

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
    *,
    client: AuthenticatedClient | Client,
    body: SignatoryPolicy,
    if_match: None | str | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> Response[Problem | SignatoryChangeOut]:
    """Propose new signatories for an account (a new resolution; another person confirms)

     Propose a new signatory set by resolution (202): it takes effect only when a *different* user with
    budget:admin, or a national committee member, confirms it. Until then the old set stands.

    Send ``If-Match`` with the account's ``ETag`` from your last GET: 428 without it, 412 when the
    account
    changed since (read it again and check the signatories you are replacing).

    Args:
        account_id (UUID):
        if_match (None | str | Unset): The ETag of your last GET of the account (428 without it,
            412 stale)
        accept_language (str | Unset):
        body (SignatoryPolicy):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SignatoryChangeOut]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        body=body,
        if_match=if_match,
        accept_language=accept_language,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    account_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: SignatoryPolicy,
    if_match: None | str | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> Problem | SignatoryChangeOut | None:
    """Propose new signatories for an account (a new resolution; another person confirms)

     Propose a new signatory set by resolution (202): it takes effect only when a *different* user with
    budget:admin, or a national committee member, confirms it. Until then the old set stands.

    Send ``If-Match`` with the account's ``ETag`` from your last GET: 428 without it, 412 when the
    account
    changed since (read it again and check the signatories you are replacing).

    Args:
        account_id (UUID):
        if_match (None | str | Unset): The ETag of your last GET of the account (428 without it,
            412 stale)
        accept_language (str | Unset):
        body (SignatoryPolicy):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SignatoryChangeOut
    """

    return sync_detailed(
        account_id=account_id,
        client=client,
        body=body,
        if_match=if_match,
        accept_language=accept_language,
    ).parsed


async def asyncio_detailed(
    account_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: SignatoryPolicy,
    if_match: None | str | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> Response[Problem | SignatoryChangeOut]:
    """Propose new signatories for an account (a new resolution; another person confirms)

     Propose a new signatory set by resolution (202): it takes effect only when a *different* user with
    budget:admin, or a national committee member, confirms it. Until then the old set stands.

    Send ``If-Match`` with the account's ``ETag`` from your last GET: 428 without it, 412 when the
    account
    changed since (read it again and check the signatories you are replacing).

    Args:
        account_id (UUID):
        if_match (None | str | Unset): The ETag of your last GET of the account (428 without it,
            412 stale)
        accept_language (str | Unset):
        body (SignatoryPolicy):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SignatoryChangeOut]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        body=body,
        if_match=if_match,
        accept_language=accept_language,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    account_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: SignatoryPolicy,
    if_match: None | str | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> Problem | SignatoryChangeOut | None:
    """Propose new signatories for an account (a new resolution; another person confirms)

     Propose a new signatory set by resolution (202): it takes effect only when a *different* user with
    budget:admin, or a national committee member, confirms it. Until then the old set stands.

    Send ``If-Match`` with the account's ``ETag`` from your last GET: 428 without it, 412 when the
    account
    changed since (read it again and check the signatories you are replacing).

    Args:
        account_id (UUID):
        if_match (None | str | Unset): The ETag of your last GET of the account (428 without it,
            412 stale)
        accept_language (str | Unset):
        body (SignatoryPolicy):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SignatoryChangeOut
    """

    return (
        await asyncio_detailed(
            account_id=account_id,
            client=client,
            body=body,
            if_match=if_match,
            accept_language=accept_language,
        )
    ).parsed

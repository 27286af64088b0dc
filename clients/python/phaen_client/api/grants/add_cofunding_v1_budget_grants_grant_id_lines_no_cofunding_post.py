from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.budget_cofunding_input import BudgetCofundingInput
from ...models.budget_phaen_budget_grants_schemas_line_out import BudgetPhaenBudgetGrantsSchemasLineOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    grant_id: UUID,
    no: int,
    *,
    body: BudgetCofundingInput,
    accept_language: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(accept_language, Unset):
        headers["Accept-Language"] = accept_language

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/budget/grants/{grant_id}/lines/{no}/cofunding".format(
            grant_id=quote(str(grant_id), safe=""),
            no=quote(str(no), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BudgetPhaenBudgetGrantsSchemasLineOut | Problem | None:
    if response.status_code == 201:
        response_201 = BudgetPhaenBudgetGrantsSchemasLineOut.from_dict(response.json())

        return response_201

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

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

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
) -> Response[BudgetPhaenBudgetGrantsSchemasLineOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    grant_id: UUID,
    no: int,
    *,
    client: AuthenticatedClient | Client,
    body: BudgetCofundingInput,
    accept_language: str | Unset = UNSET,
) -> Response[BudgetPhaenBudgetGrantsSchemasLineOut | Problem]:
    """Add co-funding to a grant line

     Record a second funder's share of a line (e.g. ThaiHealth on the festival line).

    Args:
        grant_id (UUID):
        no (int):
        accept_language (str | Unset):
        body (BudgetCofundingInput):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BudgetPhaenBudgetGrantsSchemasLineOut | Problem]
    """

    kwargs = _get_kwargs(
        grant_id=grant_id,
        no=no,
        body=body,
        accept_language=accept_language,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    grant_id: UUID,
    no: int,
    *,
    client: AuthenticatedClient | Client,
    body: BudgetCofundingInput,
    accept_language: str | Unset = UNSET,
) -> BudgetPhaenBudgetGrantsSchemasLineOut | Problem | None:
    """Add co-funding to a grant line

     Record a second funder's share of a line (e.g. ThaiHealth on the festival line).

    Args:
        grant_id (UUID):
        no (int):
        accept_language (str | Unset):
        body (BudgetCofundingInput):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BudgetPhaenBudgetGrantsSchemasLineOut | Problem
    """

    return sync_detailed(
        grant_id=grant_id,
        no=no,
        client=client,
        body=body,
        accept_language=accept_language,
    ).parsed


async def asyncio_detailed(
    grant_id: UUID,
    no: int,
    *,
    client: AuthenticatedClient | Client,
    body: BudgetCofundingInput,
    accept_language: str | Unset = UNSET,
) -> Response[BudgetPhaenBudgetGrantsSchemasLineOut | Problem]:
    """Add co-funding to a grant line

     Record a second funder's share of a line (e.g. ThaiHealth on the festival line).

    Args:
        grant_id (UUID):
        no (int):
        accept_language (str | Unset):
        body (BudgetCofundingInput):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BudgetPhaenBudgetGrantsSchemasLineOut | Problem]
    """

    kwargs = _get_kwargs(
        grant_id=grant_id,
        no=no,
        body=body,
        accept_language=accept_language,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    grant_id: UUID,
    no: int,
    *,
    client: AuthenticatedClient | Client,
    body: BudgetCofundingInput,
    accept_language: str | Unset = UNSET,
) -> BudgetPhaenBudgetGrantsSchemasLineOut | Problem | None:
    """Add co-funding to a grant line

     Record a second funder's share of a line (e.g. ThaiHealth on the festival line).

    Args:
        grant_id (UUID):
        no (int):
        accept_language (str | Unset):
        body (BudgetCofundingInput):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BudgetPhaenBudgetGrantsSchemasLineOut | Problem
    """

    return (
        await asyncio_detailed(
            grant_id=grant_id,
            no=no,
            client=client,
            body=body,
            accept_language=accept_language,
        )
    ).parsed

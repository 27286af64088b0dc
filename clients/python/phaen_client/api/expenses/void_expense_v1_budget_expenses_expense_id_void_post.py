from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.expense_out import ExpenseOut
from ...models.problem import Problem
from ...models.reason import Reason
from ...types import UNSET, Response, Unset


def _get_kwargs(
    expense_id: UUID,
    *,
    body: Reason,
    accept_language: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(accept_language, Unset):
        headers["Accept-Language"] = accept_language

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/budget/expenses/{expense_id}/void".format(
            expense_id=quote(str(expense_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ExpenseOut | Problem | None:
    if response.status_code == 200:
        response_200 = ExpenseOut.from_dict(response.json())

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
) -> Response[ExpenseOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    expense_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: Reason,
    accept_language: str | Unset = UNSET,
) -> Response[ExpenseOut | Problem]:
    """Void an expense (it stays on record)

     Void with a reason: the expense stops counting in the line's actual (nothing is deleted).

    Args:
        expense_id (UUID):
        accept_language (str | Unset):
        body (Reason): Why an action was taken (suspension, cancellation, voiding).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ExpenseOut | Problem]
    """

    kwargs = _get_kwargs(
        expense_id=expense_id,
        body=body,
        accept_language=accept_language,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    expense_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: Reason,
    accept_language: str | Unset = UNSET,
) -> ExpenseOut | Problem | None:
    """Void an expense (it stays on record)

     Void with a reason: the expense stops counting in the line's actual (nothing is deleted).

    Args:
        expense_id (UUID):
        accept_language (str | Unset):
        body (Reason): Why an action was taken (suspension, cancellation, voiding).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ExpenseOut | Problem
    """

    return sync_detailed(
        expense_id=expense_id,
        client=client,
        body=body,
        accept_language=accept_language,
    ).parsed


async def asyncio_detailed(
    expense_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: Reason,
    accept_language: str | Unset = UNSET,
) -> Response[ExpenseOut | Problem]:
    """Void an expense (it stays on record)

     Void with a reason: the expense stops counting in the line's actual (nothing is deleted).

    Args:
        expense_id (UUID):
        accept_language (str | Unset):
        body (Reason): Why an action was taken (suspension, cancellation, voiding).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ExpenseOut | Problem]
    """

    kwargs = _get_kwargs(
        expense_id=expense_id,
        body=body,
        accept_language=accept_language,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    expense_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: Reason,
    accept_language: str | Unset = UNSET,
) -> ExpenseOut | Problem | None:
    """Void an expense (it stays on record)

     Void with a reason: the expense stops counting in the line's actual (nothing is deleted).

    Args:
        expense_id (UUID):
        accept_language (str | Unset):
        body (Reason): Why an action was taken (suspension, cancellation, voiding).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ExpenseOut | Problem
    """

    return (
        await asyncio_detailed(
            expense_id=expense_id,
            client=client,
            body=body,
            accept_language=accept_language,
        )
    ).parsed

from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.budget_statement import BudgetStatement
from ...models.budget_statement_v1_reports_reconcile_budget_statement_post_format import (
    BudgetStatementV1ReportsReconcileBudgetStatementPostFormat,
)
from ...models.problem import Problem
from ...models.reconciliation import Reconciliation
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: BudgetStatement,
    format_: BudgetStatementV1ReportsReconcileBudgetStatementPostFormat
    | Unset = BudgetStatementV1ReportsReconcileBudgetStatementPostFormat.JSON,
    accept_language: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(accept_language, Unset):
        headers["Accept-Language"] = accept_language

    params: dict[str, Any] = {}

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/reports/reconcile/budget-statement",
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | Reconciliation | None:
    if response.status_code == 200:
        response_200 = Reconciliation.from_dict(response.json())

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
) -> Response[Problem | Reconciliation]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BudgetStatement,
    format_: BudgetStatementV1ReportsReconcileBudgetStatementPostFormat
    | Unset = BudgetStatementV1ReportsReconcileBudgetStatementPostFormat.JSON,
    accept_language: str | Unset = UNSET,
) -> Response[Problem | Reconciliation]:
    """Check a printed budget statement's sums

     Check a legacy table's arithmetic: each cell as ``line <no> <column>`` or ``total <column>``.

    Args:
        format_ (BudgetStatementV1ReportsReconcileBudgetStatementPostFormat | Unset):  Default:
            BudgetStatementV1ReportsReconcileBudgetStatementPostFormat.JSON.
        accept_language (str | Unset):
        body (BudgetStatement):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Reconciliation]
    """

    kwargs = _get_kwargs(
        body=body,
        format_=format_,
        accept_language=accept_language,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: BudgetStatement,
    format_: BudgetStatementV1ReportsReconcileBudgetStatementPostFormat
    | Unset = BudgetStatementV1ReportsReconcileBudgetStatementPostFormat.JSON,
    accept_language: str | Unset = UNSET,
) -> Problem | Reconciliation | None:
    """Check a printed budget statement's sums

     Check a legacy table's arithmetic: each cell as ``line <no> <column>`` or ``total <column>``.

    Args:
        format_ (BudgetStatementV1ReportsReconcileBudgetStatementPostFormat | Unset):  Default:
            BudgetStatementV1ReportsReconcileBudgetStatementPostFormat.JSON.
        accept_language (str | Unset):
        body (BudgetStatement):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Reconciliation
    """

    return sync_detailed(
        client=client,
        body=body,
        format_=format_,
        accept_language=accept_language,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BudgetStatement,
    format_: BudgetStatementV1ReportsReconcileBudgetStatementPostFormat
    | Unset = BudgetStatementV1ReportsReconcileBudgetStatementPostFormat.JSON,
    accept_language: str | Unset = UNSET,
) -> Response[Problem | Reconciliation]:
    """Check a printed budget statement's sums

     Check a legacy table's arithmetic: each cell as ``line <no> <column>`` or ``total <column>``.

    Args:
        format_ (BudgetStatementV1ReportsReconcileBudgetStatementPostFormat | Unset):  Default:
            BudgetStatementV1ReportsReconcileBudgetStatementPostFormat.JSON.
        accept_language (str | Unset):
        body (BudgetStatement):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Reconciliation]
    """

    kwargs = _get_kwargs(
        body=body,
        format_=format_,
        accept_language=accept_language,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: BudgetStatement,
    format_: BudgetStatementV1ReportsReconcileBudgetStatementPostFormat
    | Unset = BudgetStatementV1ReportsReconcileBudgetStatementPostFormat.JSON,
    accept_language: str | Unset = UNSET,
) -> Problem | Reconciliation | None:
    """Check a printed budget statement's sums

     Check a legacy table's arithmetic: each cell as ``line <no> <column>`` or ``total <column>``.

    Args:
        format_ (BudgetStatementV1ReportsReconcileBudgetStatementPostFormat | Unset):  Default:
            BudgetStatementV1ReportsReconcileBudgetStatementPostFormat.JSON.
        accept_language (str | Unset):
        body (BudgetStatement):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Reconciliation
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            format_=format_,
            accept_language=accept_language,
        )
    ).parsed

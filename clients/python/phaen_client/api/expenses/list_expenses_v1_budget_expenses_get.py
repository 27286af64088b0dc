from http import HTTPStatus
from typing import Any, cast
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_expenses_v1_budget_expenses_get_flag_type_0 import ListExpensesV1BudgetExpensesGetFlagType0
from ...models.list_expenses_v1_budget_expenses_get_status_type_0 import ListExpensesV1BudgetExpensesGetStatusType0
from ...models.page_expense_out import PageExpenseOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    project_id: None | Unset | UUID = UNSET,
    grant_id: None | Unset | UUID = UNSET,
    line_no: int | None | Unset = UNSET,
    category: None | str | Unset = UNSET,
    status: ListExpensesV1BudgetExpensesGetStatusType0 | None | Unset = UNSET,
    flag: ListExpensesV1BudgetExpensesGetFlagType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    if not isinstance(accept_language, Unset):
        headers["Accept-Language"] = accept_language

    params: dict[str, Any] = {}

    json_project_id: None | str | Unset
    if isinstance(project_id, Unset):
        json_project_id = UNSET
    elif isinstance(project_id, UUID):
        json_project_id = str(project_id)
    else:
        json_project_id = project_id
    params["project_id"] = json_project_id

    json_grant_id: None | str | Unset
    if isinstance(grant_id, Unset):
        json_grant_id = UNSET
    elif isinstance(grant_id, UUID):
        json_grant_id = str(grant_id)
    else:
        json_grant_id = grant_id
    params["grant_id"] = json_grant_id

    json_line_no: int | None | Unset
    if isinstance(line_no, Unset):
        json_line_no = UNSET
    else:
        json_line_no = line_no
    params["line_no"] = json_line_no

    json_category: None | str | Unset
    if isinstance(category, Unset):
        json_category = UNSET
    else:
        json_category = category
    params["category"] = json_category

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, ListExpensesV1BudgetExpensesGetStatusType0):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_flag: None | str | Unset
    if isinstance(flag, Unset):
        json_flag = UNSET
    elif isinstance(flag, ListExpensesV1BudgetExpensesGetFlagType0):
        json_flag = flag.value
    else:
        json_flag = flag
    params["flag"] = json_flag

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
        "url": "/v1/budget/expenses",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | PageExpenseOut | Problem | None:
    if response.status_code == 200:
        response_200 = PageExpenseOut.from_dict(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

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
) -> Response[Any | PageExpenseOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    project_id: None | Unset | UUID = UNSET,
    grant_id: None | Unset | UUID = UNSET,
    line_no: int | None | Unset = UNSET,
    category: None | str | Unset = UNSET,
    status: ListExpensesV1BudgetExpensesGetStatusType0 | None | Unset = UNSET,
    flag: ListExpensesV1BudgetExpensesGetFlagType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> Response[Any | PageExpenseOut | Problem]:
    """List expenses

     Expenses within the caller's scope (`?flag=beyond_paid_out` for the ones an auditor should look at).

    Args:
        project_id (None | Unset | UUID):
        grant_id (None | Unset | UUID):
        line_no (int | None | Unset):
        category (None | str | Unset):
        status (ListExpensesV1BudgetExpensesGetStatusType0 | None | Unset):
        flag (ListExpensesV1BudgetExpensesGetFlagType0 | None | Unset):
        limit (int | Unset): Page size (max 500) Default: 50.
        cursor (None | str | Unset): Opaque cursor from next_cursor
        if_none_match (str | Unset):
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | PageExpenseOut | Problem]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        grant_id=grant_id,
        line_no=line_no,
        category=category,
        status=status,
        flag=flag,
        limit=limit,
        cursor=cursor,
        if_none_match=if_none_match,
        accept_language=accept_language,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    project_id: None | Unset | UUID = UNSET,
    grant_id: None | Unset | UUID = UNSET,
    line_no: int | None | Unset = UNSET,
    category: None | str | Unset = UNSET,
    status: ListExpensesV1BudgetExpensesGetStatusType0 | None | Unset = UNSET,
    flag: ListExpensesV1BudgetExpensesGetFlagType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> Any | PageExpenseOut | Problem | None:
    """List expenses

     Expenses within the caller's scope (`?flag=beyond_paid_out` for the ones an auditor should look at).

    Args:
        project_id (None | Unset | UUID):
        grant_id (None | Unset | UUID):
        line_no (int | None | Unset):
        category (None | str | Unset):
        status (ListExpensesV1BudgetExpensesGetStatusType0 | None | Unset):
        flag (ListExpensesV1BudgetExpensesGetFlagType0 | None | Unset):
        limit (int | Unset): Page size (max 500) Default: 50.
        cursor (None | str | Unset): Opaque cursor from next_cursor
        if_none_match (str | Unset):
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | PageExpenseOut | Problem
    """

    return sync_detailed(
        client=client,
        project_id=project_id,
        grant_id=grant_id,
        line_no=line_no,
        category=category,
        status=status,
        flag=flag,
        limit=limit,
        cursor=cursor,
        if_none_match=if_none_match,
        accept_language=accept_language,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    project_id: None | Unset | UUID = UNSET,
    grant_id: None | Unset | UUID = UNSET,
    line_no: int | None | Unset = UNSET,
    category: None | str | Unset = UNSET,
    status: ListExpensesV1BudgetExpensesGetStatusType0 | None | Unset = UNSET,
    flag: ListExpensesV1BudgetExpensesGetFlagType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> Response[Any | PageExpenseOut | Problem]:
    """List expenses

     Expenses within the caller's scope (`?flag=beyond_paid_out` for the ones an auditor should look at).

    Args:
        project_id (None | Unset | UUID):
        grant_id (None | Unset | UUID):
        line_no (int | None | Unset):
        category (None | str | Unset):
        status (ListExpensesV1BudgetExpensesGetStatusType0 | None | Unset):
        flag (ListExpensesV1BudgetExpensesGetFlagType0 | None | Unset):
        limit (int | Unset): Page size (max 500) Default: 50.
        cursor (None | str | Unset): Opaque cursor from next_cursor
        if_none_match (str | Unset):
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | PageExpenseOut | Problem]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        grant_id=grant_id,
        line_no=line_no,
        category=category,
        status=status,
        flag=flag,
        limit=limit,
        cursor=cursor,
        if_none_match=if_none_match,
        accept_language=accept_language,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    project_id: None | Unset | UUID = UNSET,
    grant_id: None | Unset | UUID = UNSET,
    line_no: int | None | Unset = UNSET,
    category: None | str | Unset = UNSET,
    status: ListExpensesV1BudgetExpensesGetStatusType0 | None | Unset = UNSET,
    flag: ListExpensesV1BudgetExpensesGetFlagType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> Any | PageExpenseOut | Problem | None:
    """List expenses

     Expenses within the caller's scope (`?flag=beyond_paid_out` for the ones an auditor should look at).

    Args:
        project_id (None | Unset | UUID):
        grant_id (None | Unset | UUID):
        line_no (int | None | Unset):
        category (None | str | Unset):
        status (ListExpensesV1BudgetExpensesGetStatusType0 | None | Unset):
        flag (ListExpensesV1BudgetExpensesGetFlagType0 | None | Unset):
        limit (int | Unset): Page size (max 500) Default: 50.
        cursor (None | str | Unset): Opaque cursor from next_cursor
        if_none_match (str | Unset):
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | PageExpenseOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            project_id=project_id,
            grant_id=grant_id,
            line_no=line_no,
            category=category,
            status=status,
            flag=flag,
            limit=limit,
            cursor=cursor,
            if_none_match=if_none_match,
            accept_language=accept_language,
        )
    ).parsed

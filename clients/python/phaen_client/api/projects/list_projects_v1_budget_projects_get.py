from http import HTTPStatus
from typing import Any, cast
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_projects_v1_budget_projects_get_level_type_0 import ListProjectsV1BudgetProjectsGetLevelType0
from ...models.list_projects_v1_budget_projects_get_status_type_0 import ListProjectsV1BudgetProjectsGetStatusType0
from ...models.page_project_out import PageProjectOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    grant_id: None | Unset | UUID = UNSET,
    status: ListProjectsV1BudgetProjectsGetStatusType0 | None | Unset = UNSET,
    region: None | str | Unset = UNSET,
    tambon: None | str | Unset = UNSET,
    level: ListProjectsV1BudgetProjectsGetLevelType0 | None | Unset = UNSET,
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

    json_grant_id: None | str | Unset
    if isinstance(grant_id, Unset):
        json_grant_id = UNSET
    elif isinstance(grant_id, UUID):
        json_grant_id = str(grant_id)
    else:
        json_grant_id = grant_id
    params["grant_id"] = json_grant_id

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, ListProjectsV1BudgetProjectsGetStatusType0):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_region: None | str | Unset
    if isinstance(region, Unset):
        json_region = UNSET
    else:
        json_region = region
    params["region"] = json_region

    json_tambon: None | str | Unset
    if isinstance(tambon, Unset):
        json_tambon = UNSET
    else:
        json_tambon = tambon
    params["tambon"] = json_tambon

    json_level: None | str | Unset
    if isinstance(level, Unset):
        json_level = UNSET
    elif isinstance(level, ListProjectsV1BudgetProjectsGetLevelType0):
        json_level = level.value
    else:
        json_level = level
    params["level"] = json_level

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
        "url": "/v1/budget/projects",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | PageProjectOut | Problem | None:
    if response.status_code == 200:
        response_200 = PageProjectOut.from_dict(response.json())

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
) -> Response[Any | PageProjectOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    grant_id: None | Unset | UUID = UNSET,
    status: ListProjectsV1BudgetProjectsGetStatusType0 | None | Unset = UNSET,
    region: None | str | Unset = UNSET,
    tambon: None | str | Unset = UNSET,
    level: ListProjectsV1BudgetProjectsGetLevelType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> Response[Any | PageProjectOut | Problem]:
    """List projects

     Projects within the caller's scope (a bank or signatory: the projects of the accounts it reaches).

    Args:
        grant_id (None | Unset | UUID):
        status (ListProjectsV1BudgetProjectsGetStatusType0 | None | Unset):
        region (None | str | Unset):
        tambon (None | str | Unset):
        level (ListProjectsV1BudgetProjectsGetLevelType0 | None | Unset):
        limit (int | Unset): Page size (max 500) Default: 50.
        cursor (None | str | Unset): Opaque cursor from next_cursor
        if_none_match (str | Unset):
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | PageProjectOut | Problem]
    """

    kwargs = _get_kwargs(
        grant_id=grant_id,
        status=status,
        region=region,
        tambon=tambon,
        level=level,
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
    grant_id: None | Unset | UUID = UNSET,
    status: ListProjectsV1BudgetProjectsGetStatusType0 | None | Unset = UNSET,
    region: None | str | Unset = UNSET,
    tambon: None | str | Unset = UNSET,
    level: ListProjectsV1BudgetProjectsGetLevelType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> Any | PageProjectOut | Problem | None:
    """List projects

     Projects within the caller's scope (a bank or signatory: the projects of the accounts it reaches).

    Args:
        grant_id (None | Unset | UUID):
        status (ListProjectsV1BudgetProjectsGetStatusType0 | None | Unset):
        region (None | str | Unset):
        tambon (None | str | Unset):
        level (ListProjectsV1BudgetProjectsGetLevelType0 | None | Unset):
        limit (int | Unset): Page size (max 500) Default: 50.
        cursor (None | str | Unset): Opaque cursor from next_cursor
        if_none_match (str | Unset):
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | PageProjectOut | Problem
    """

    return sync_detailed(
        client=client,
        grant_id=grant_id,
        status=status,
        region=region,
        tambon=tambon,
        level=level,
        limit=limit,
        cursor=cursor,
        if_none_match=if_none_match,
        accept_language=accept_language,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    grant_id: None | Unset | UUID = UNSET,
    status: ListProjectsV1BudgetProjectsGetStatusType0 | None | Unset = UNSET,
    region: None | str | Unset = UNSET,
    tambon: None | str | Unset = UNSET,
    level: ListProjectsV1BudgetProjectsGetLevelType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> Response[Any | PageProjectOut | Problem]:
    """List projects

     Projects within the caller's scope (a bank or signatory: the projects of the accounts it reaches).

    Args:
        grant_id (None | Unset | UUID):
        status (ListProjectsV1BudgetProjectsGetStatusType0 | None | Unset):
        region (None | str | Unset):
        tambon (None | str | Unset):
        level (ListProjectsV1BudgetProjectsGetLevelType0 | None | Unset):
        limit (int | Unset): Page size (max 500) Default: 50.
        cursor (None | str | Unset): Opaque cursor from next_cursor
        if_none_match (str | Unset):
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | PageProjectOut | Problem]
    """

    kwargs = _get_kwargs(
        grant_id=grant_id,
        status=status,
        region=region,
        tambon=tambon,
        level=level,
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
    grant_id: None | Unset | UUID = UNSET,
    status: ListProjectsV1BudgetProjectsGetStatusType0 | None | Unset = UNSET,
    region: None | str | Unset = UNSET,
    tambon: None | str | Unset = UNSET,
    level: ListProjectsV1BudgetProjectsGetLevelType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> Any | PageProjectOut | Problem | None:
    """List projects

     Projects within the caller's scope (a bank or signatory: the projects of the accounts it reaches).

    Args:
        grant_id (None | Unset | UUID):
        status (ListProjectsV1BudgetProjectsGetStatusType0 | None | Unset):
        region (None | str | Unset):
        tambon (None | str | Unset):
        level (ListProjectsV1BudgetProjectsGetLevelType0 | None | Unset):
        limit (int | Unset): Page size (max 500) Default: 50.
        cursor (None | str | Unset): Opaque cursor from next_cursor
        if_none_match (str | Unset):
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | PageProjectOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            grant_id=grant_id,
            status=status,
            region=region,
            tambon=tambon,
            level=level,
            limit=limit,
            cursor=cursor,
            if_none_match=if_none_match,
            accept_language=accept_language,
        )
    ).parsed

from http import HTTPStatus
from typing import Any, cast
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.tranche_report import TrancheReport
from ...models.tranches_v1_reports_tranches_get_format import TranchesV1ReportsTranchesGetFormat
from ...models.tranches_v1_reports_tranches_get_region_type_0 import TranchesV1ReportsTranchesGetRegionType0
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    region: None | TranchesV1ReportsTranchesGetRegionType0 | Unset = UNSET,
    project: None | Unset | UUID = UNSET,
    grant: None | Unset | UUID = UNSET,
    format_: TranchesV1ReportsTranchesGetFormat | Unset = TranchesV1ReportsTranchesGetFormat.JSON,
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

    json_region: None | str | Unset
    if isinstance(region, Unset):
        json_region = UNSET
    elif isinstance(region, TranchesV1ReportsTranchesGetRegionType0):
        json_region = region.value
    else:
        json_region = region
    params["region"] = json_region

    json_project: None | str | Unset
    if isinstance(project, Unset):
        json_project = UNSET
    elif isinstance(project, UUID):
        json_project = str(project)
    else:
        json_project = project
    params["project"] = json_project

    json_grant: None | str | Unset
    if isinstance(grant, Unset):
        json_grant = UNSET
    elif isinstance(grant, UUID):
        json_grant = str(grant)
    else:
        json_grant = grant
    params["grant"] = json_grant

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

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
        "url": "/v1/reports/tranches",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Problem | TrancheReport | None:
    if response.status_code == 200:
        response_200 = TrancheReport.from_dict(response.json())

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
) -> Response[Any | Problem | TrancheReport]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    region: None | TranchesV1ReportsTranchesGetRegionType0 | Unset = UNSET,
    project: None | Unset | UUID = UNSET,
    grant: None | Unset | UUID = UNSET,
    format_: TranchesV1ReportsTranchesGetFormat | Unset = TranchesV1ReportsTranchesGetFormat.JSON,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> Response[Any | Problem | TrancheReport]:
    """Tranche releases and what is still to come

     Per project: each tranche's state and what blocks the next (JSON paginated; documents list all).

    Args:
        region (None | TranchesV1ReportsTranchesGetRegionType0 | Unset):
        project (None | Unset | UUID):
        grant (None | Unset | UUID):
        format_ (TranchesV1ReportsTranchesGetFormat | Unset): json (default), csv (UTF-8 with
            BOM), xlsx or pdf (Thai) Default: TranchesV1ReportsTranchesGetFormat.JSON.
        limit (int | Unset): Page size (max 500) Default: 50.
        cursor (None | str | Unset): Opaque cursor from next_cursor
        if_none_match (str | Unset):
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | TrancheReport]
    """

    kwargs = _get_kwargs(
        region=region,
        project=project,
        grant=grant,
        format_=format_,
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
    region: None | TranchesV1ReportsTranchesGetRegionType0 | Unset = UNSET,
    project: None | Unset | UUID = UNSET,
    grant: None | Unset | UUID = UNSET,
    format_: TranchesV1ReportsTranchesGetFormat | Unset = TranchesV1ReportsTranchesGetFormat.JSON,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> Any | Problem | TrancheReport | None:
    """Tranche releases and what is still to come

     Per project: each tranche's state and what blocks the next (JSON paginated; documents list all).

    Args:
        region (None | TranchesV1ReportsTranchesGetRegionType0 | Unset):
        project (None | Unset | UUID):
        grant (None | Unset | UUID):
        format_ (TranchesV1ReportsTranchesGetFormat | Unset): json (default), csv (UTF-8 with
            BOM), xlsx or pdf (Thai) Default: TranchesV1ReportsTranchesGetFormat.JSON.
        limit (int | Unset): Page size (max 500) Default: 50.
        cursor (None | str | Unset): Opaque cursor from next_cursor
        if_none_match (str | Unset):
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | TrancheReport
    """

    return sync_detailed(
        client=client,
        region=region,
        project=project,
        grant=grant,
        format_=format_,
        limit=limit,
        cursor=cursor,
        if_none_match=if_none_match,
        accept_language=accept_language,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    region: None | TranchesV1ReportsTranchesGetRegionType0 | Unset = UNSET,
    project: None | Unset | UUID = UNSET,
    grant: None | Unset | UUID = UNSET,
    format_: TranchesV1ReportsTranchesGetFormat | Unset = TranchesV1ReportsTranchesGetFormat.JSON,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> Response[Any | Problem | TrancheReport]:
    """Tranche releases and what is still to come

     Per project: each tranche's state and what blocks the next (JSON paginated; documents list all).

    Args:
        region (None | TranchesV1ReportsTranchesGetRegionType0 | Unset):
        project (None | Unset | UUID):
        grant (None | Unset | UUID):
        format_ (TranchesV1ReportsTranchesGetFormat | Unset): json (default), csv (UTF-8 with
            BOM), xlsx or pdf (Thai) Default: TranchesV1ReportsTranchesGetFormat.JSON.
        limit (int | Unset): Page size (max 500) Default: 50.
        cursor (None | str | Unset): Opaque cursor from next_cursor
        if_none_match (str | Unset):
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | TrancheReport]
    """

    kwargs = _get_kwargs(
        region=region,
        project=project,
        grant=grant,
        format_=format_,
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
    region: None | TranchesV1ReportsTranchesGetRegionType0 | Unset = UNSET,
    project: None | Unset | UUID = UNSET,
    grant: None | Unset | UUID = UNSET,
    format_: TranchesV1ReportsTranchesGetFormat | Unset = TranchesV1ReportsTranchesGetFormat.JSON,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> Any | Problem | TrancheReport | None:
    """Tranche releases and what is still to come

     Per project: each tranche's state and what blocks the next (JSON paginated; documents list all).

    Args:
        region (None | TranchesV1ReportsTranchesGetRegionType0 | Unset):
        project (None | Unset | UUID):
        grant (None | Unset | UUID):
        format_ (TranchesV1ReportsTranchesGetFormat | Unset): json (default), csv (UTF-8 with
            BOM), xlsx or pdf (Thai) Default: TranchesV1ReportsTranchesGetFormat.JSON.
        limit (int | Unset): Page size (max 500) Default: 50.
        cursor (None | str | Unset): Opaque cursor from next_cursor
        if_none_match (str | Unset):
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | TrancheReport
    """

    return (
        await asyncio_detailed(
            client=client,
            region=region,
            project=project,
            grant=grant,
            format_=format_,
            limit=limit,
            cursor=cursor,
            if_none_match=if_none_match,
            accept_language=accept_language,
        )
    ).parsed

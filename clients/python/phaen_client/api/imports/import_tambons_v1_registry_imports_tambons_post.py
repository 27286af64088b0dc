from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.import_report import ImportReport
from ...models.problem import Problem
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    *,
    body: File,
    dry_run: bool | Unset = True,
    accept_language: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(accept_language, Unset):
        headers["Accept-Language"] = accept_language

    params: dict[str, Any] = {}

    params["dry_run"] = dry_run

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/registry/imports/tambons",
        "params": params,
    }

    _kwargs["content"] = body.payload
    headers["Content-Type"] = "text/csv"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ImportReport | Problem | None:
    if response.status_code == 200:
        response_200 = ImportReport.from_dict(response.json())

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
) -> Response[ImportReport | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: File,
    dry_run: bool | Unset = True,
    accept_language: str | Unset = UNSET,
) -> Response[ImportReport | Problem]:
    """Import network tambons from a CSV file (dry run first)

     Import network tambons from a UTF-8 CSV (by code, or by name + province through resolve).

    A dry run (the default) reports every row: ok, unresolved, ambiguous (with candidates) or invalid.
    The real run (``dry_run=false``) writes all rows or, if any row is not ok, none (422
    ``import_rejected``
    with the report).

    Args:
        dry_run (bool | Unset): Report only; write nothing Default: True.
        accept_language (str | Unset):
        body (File): A UTF-8 CSV file (a BOM, as Excel writes it, is fine) with a header row;
            columns in any order, names case-insensitive:

            | column | meaning |
            |---|---|
            | `code` | 6-digit DOPA tambon code; or give `name` + `province` (+ `district`) instead |
            | `name`, `province`, `district` | Thai or English names, resolved like `GET
            /v1/registry/resolve` |
            | `tier` | `model`, `pilot` or `expansion` (required) |
            | `joined_on` | date joined, `YYYY-MM-DD`; a Buddhist-Era year (2567) is accepted |
            | `villages_total`, `villages_with_plan` | whole numbers |
            | `plans_80pct`, `facilitator_team`, `joint_plans`, `ongoing_activities`, `linked_tao`,
            `tao_support`, `spread` | the seven selection criteria |
            | `tao_plan_integrated`, `tao_funded` | the TAO integration fields |

            Yes/no cells take `1`/`0`, `true`/`false`, `yes`/`no` or `ใช่`/`ไม่ใช่`. Send it as the
            raw body (`Content-Type: text/csv`). At most 10,000 rows.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportReport | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        dry_run=dry_run,
        accept_language=accept_language,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: File,
    dry_run: bool | Unset = True,
    accept_language: str | Unset = UNSET,
) -> ImportReport | Problem | None:
    """Import network tambons from a CSV file (dry run first)

     Import network tambons from a UTF-8 CSV (by code, or by name + province through resolve).

    A dry run (the default) reports every row: ok, unresolved, ambiguous (with candidates) or invalid.
    The real run (``dry_run=false``) writes all rows or, if any row is not ok, none (422
    ``import_rejected``
    with the report).

    Args:
        dry_run (bool | Unset): Report only; write nothing Default: True.
        accept_language (str | Unset):
        body (File): A UTF-8 CSV file (a BOM, as Excel writes it, is fine) with a header row;
            columns in any order, names case-insensitive:

            | column | meaning |
            |---|---|
            | `code` | 6-digit DOPA tambon code; or give `name` + `province` (+ `district`) instead |
            | `name`, `province`, `district` | Thai or English names, resolved like `GET
            /v1/registry/resolve` |
            | `tier` | `model`, `pilot` or `expansion` (required) |
            | `joined_on` | date joined, `YYYY-MM-DD`; a Buddhist-Era year (2567) is accepted |
            | `villages_total`, `villages_with_plan` | whole numbers |
            | `plans_80pct`, `facilitator_team`, `joint_plans`, `ongoing_activities`, `linked_tao`,
            `tao_support`, `spread` | the seven selection criteria |
            | `tao_plan_integrated`, `tao_funded` | the TAO integration fields |

            Yes/no cells take `1`/`0`, `true`/`false`, `yes`/`no` or `ใช่`/`ไม่ใช่`. Send it as the
            raw body (`Content-Type: text/csv`). At most 10,000 rows.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportReport | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        dry_run=dry_run,
        accept_language=accept_language,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: File,
    dry_run: bool | Unset = True,
    accept_language: str | Unset = UNSET,
) -> Response[ImportReport | Problem]:
    """Import network tambons from a CSV file (dry run first)

     Import network tambons from a UTF-8 CSV (by code, or by name + province through resolve).

    A dry run (the default) reports every row: ok, unresolved, ambiguous (with candidates) or invalid.
    The real run (``dry_run=false``) writes all rows or, if any row is not ok, none (422
    ``import_rejected``
    with the report).

    Args:
        dry_run (bool | Unset): Report only; write nothing Default: True.
        accept_language (str | Unset):
        body (File): A UTF-8 CSV file (a BOM, as Excel writes it, is fine) with a header row;
            columns in any order, names case-insensitive:

            | column | meaning |
            |---|---|
            | `code` | 6-digit DOPA tambon code; or give `name` + `province` (+ `district`) instead |
            | `name`, `province`, `district` | Thai or English names, resolved like `GET
            /v1/registry/resolve` |
            | `tier` | `model`, `pilot` or `expansion` (required) |
            | `joined_on` | date joined, `YYYY-MM-DD`; a Buddhist-Era year (2567) is accepted |
            | `villages_total`, `villages_with_plan` | whole numbers |
            | `plans_80pct`, `facilitator_team`, `joint_plans`, `ongoing_activities`, `linked_tao`,
            `tao_support`, `spread` | the seven selection criteria |
            | `tao_plan_integrated`, `tao_funded` | the TAO integration fields |

            Yes/no cells take `1`/`0`, `true`/`false`, `yes`/`no` or `ใช่`/`ไม่ใช่`. Send it as the
            raw body (`Content-Type: text/csv`). At most 10,000 rows.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportReport | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        dry_run=dry_run,
        accept_language=accept_language,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: File,
    dry_run: bool | Unset = True,
    accept_language: str | Unset = UNSET,
) -> ImportReport | Problem | None:
    """Import network tambons from a CSV file (dry run first)

     Import network tambons from a UTF-8 CSV (by code, or by name + province through resolve).

    A dry run (the default) reports every row: ok, unresolved, ambiguous (with candidates) or invalid.
    The real run (``dry_run=false``) writes all rows or, if any row is not ok, none (422
    ``import_rejected``
    with the report).

    Args:
        dry_run (bool | Unset): Report only; write nothing Default: True.
        accept_language (str | Unset):
        body (File): A UTF-8 CSV file (a BOM, as Excel writes it, is fine) with a header row;
            columns in any order, names case-insensitive:

            | column | meaning |
            |---|---|
            | `code` | 6-digit DOPA tambon code; or give `name` + `province` (+ `district`) instead |
            | `name`, `province`, `district` | Thai or English names, resolved like `GET
            /v1/registry/resolve` |
            | `tier` | `model`, `pilot` or `expansion` (required) |
            | `joined_on` | date joined, `YYYY-MM-DD`; a Buddhist-Era year (2567) is accepted |
            | `villages_total`, `villages_with_plan` | whole numbers |
            | `plans_80pct`, `facilitator_team`, `joint_plans`, `ongoing_activities`, `linked_tao`,
            `tao_support`, `spread` | the seven selection criteria |
            | `tao_plan_integrated`, `tao_funded` | the TAO integration fields |

            Yes/no cells take `1`/`0`, `true`/`false`, `yes`/`no` or `ใช่`/`ไม่ใช่`. Send it as the
            raw body (`Content-Type: text/csv`). At most 10,000 rows.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportReport | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            dry_run=dry_run,
            accept_language=accept_language,
        )
    ).parsed

from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.release_body import ReleaseBody
from ...models.tranche_out import TrancheOut
from ...types import UNSET, Response, Unset


def _get_kwargs(
    project_id: UUID,
    n: int,
    *,
    body: ReleaseBody,
    idempotency_key: str | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    if not isinstance(accept_language, Unset):
        headers["Accept-Language"] = accept_language

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/budget/projects/{project_id}/tranches/{n}/release".format(
            project_id=quote(str(project_id), safe=""),
            n=quote(str(n), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | TrancheOut | None:
    if response.status_code == 200:
        response_200 = TrancheOut.from_dict(response.json())

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
) -> Response[Problem | TrancheOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    project_id: UUID,
    n: int,
    *,
    client: AuthenticatedClient | Client,
    body: ReleaseBody,
    idempotency_key: str | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> Response[Problem | TrancheOut]:
    """Release a tranche into the project's account

     Release tranche n into the project's account, citing the resolution that released it.

    The amount is the project's amount x the tranche's share unless `amount` is given; it may never
    exceed
    that share less what the tranche already released (409 `tranche_amount_exceeded`). Idempotency-Key
    honoured.

    Args:
        project_id (UUID):
        n (int):
        idempotency_key (str | Unset):
        accept_language (str | Unset):
        body (ReleaseBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TrancheOut]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        n=n,
        body=body,
        idempotency_key=idempotency_key,
        accept_language=accept_language,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    project_id: UUID,
    n: int,
    *,
    client: AuthenticatedClient | Client,
    body: ReleaseBody,
    idempotency_key: str | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> Problem | TrancheOut | None:
    """Release a tranche into the project's account

     Release tranche n into the project's account, citing the resolution that released it.

    The amount is the project's amount x the tranche's share unless `amount` is given; it may never
    exceed
    that share less what the tranche already released (409 `tranche_amount_exceeded`). Idempotency-Key
    honoured.

    Args:
        project_id (UUID):
        n (int):
        idempotency_key (str | Unset):
        accept_language (str | Unset):
        body (ReleaseBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TrancheOut
    """

    return sync_detailed(
        project_id=project_id,
        n=n,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
        accept_language=accept_language,
    ).parsed


async def asyncio_detailed(
    project_id: UUID,
    n: int,
    *,
    client: AuthenticatedClient | Client,
    body: ReleaseBody,
    idempotency_key: str | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> Response[Problem | TrancheOut]:
    """Release a tranche into the project's account

     Release tranche n into the project's account, citing the resolution that released it.

    The amount is the project's amount x the tranche's share unless `amount` is given; it may never
    exceed
    that share less what the tranche already released (409 `tranche_amount_exceeded`). Idempotency-Key
    honoured.

    Args:
        project_id (UUID):
        n (int):
        idempotency_key (str | Unset):
        accept_language (str | Unset):
        body (ReleaseBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TrancheOut]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        n=n,
        body=body,
        idempotency_key=idempotency_key,
        accept_language=accept_language,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    project_id: UUID,
    n: int,
    *,
    client: AuthenticatedClient | Client,
    body: ReleaseBody,
    idempotency_key: str | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> Problem | TrancheOut | None:
    """Release a tranche into the project's account

     Release tranche n into the project's account, citing the resolution that released it.

    The amount is the project's amount x the tranche's share unless `amount` is given; it may never
    exceed
    that share less what the tranche already released (409 `tranche_amount_exceeded`). Idempotency-Key
    honoured.

    Args:
        project_id (UUID):
        n (int):
        idempotency_key (str | Unset):
        accept_language (str | Unset):
        body (ReleaseBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TrancheOut
    """

    return (
        await asyncio_detailed(
            project_id=project_id,
            n=n,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
            accept_language=accept_language,
        )
    ).parsed

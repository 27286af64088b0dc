from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.tambon_in import TambonIn
from ...models.tambon_out import TambonOut
from ...types import UNSET, Response, Unset


def _get_kwargs(
    code: str,
    *,
    body: TambonIn,
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
        "url": "/v1/registry/tambons/{code}".format(
            code=quote(str(code), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | TambonOut | None:
    if response.status_code == 200:
        response_200 = TambonOut.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = TambonOut.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | TambonOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    code: str,
    *,
    client: AuthenticatedClient | Client,
    body: TambonIn,
    if_match: None | str | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> Response[Problem | TambonOut]:
    """Enrol a tambon in the network, or update its enrolment

     Enrol a tambon in the network (201) or update it (200); tier changes are kept with who and when.

    An update needs ``If-Match`` with the ``ETag`` of your last GET (428 without it, 412 when someone
    changed
    the tambon since); the first enrolment needs none. ``villages_with_plan`` may not exceed
    ``villages_total`` (422). ``meets_model_criteria`` is derived: all 7 criteria, with plans in at
    least 80 %
    of the villages.

    Args:
        code (str): 6-digit DOPA subdistrict code
        if_match (None | str | Unset): The ETag of your last GET of this tambon; required to
            update an enrolled tambon
        accept_language (str | Unset):
        body (TambonIn): Enrol a tambon in the network or update it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TambonOut]
    """

    kwargs = _get_kwargs(
        code=code,
        body=body,
        if_match=if_match,
        accept_language=accept_language,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    code: str,
    *,
    client: AuthenticatedClient | Client,
    body: TambonIn,
    if_match: None | str | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> Problem | TambonOut | None:
    """Enrol a tambon in the network, or update its enrolment

     Enrol a tambon in the network (201) or update it (200); tier changes are kept with who and when.

    An update needs ``If-Match`` with the ``ETag`` of your last GET (428 without it, 412 when someone
    changed
    the tambon since); the first enrolment needs none. ``villages_with_plan`` may not exceed
    ``villages_total`` (422). ``meets_model_criteria`` is derived: all 7 criteria, with plans in at
    least 80 %
    of the villages.

    Args:
        code (str): 6-digit DOPA subdistrict code
        if_match (None | str | Unset): The ETag of your last GET of this tambon; required to
            update an enrolled tambon
        accept_language (str | Unset):
        body (TambonIn): Enrol a tambon in the network or update it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TambonOut
    """

    return sync_detailed(
        code=code,
        client=client,
        body=body,
        if_match=if_match,
        accept_language=accept_language,
    ).parsed


async def asyncio_detailed(
    code: str,
    *,
    client: AuthenticatedClient | Client,
    body: TambonIn,
    if_match: None | str | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> Response[Problem | TambonOut]:
    """Enrol a tambon in the network, or update its enrolment

     Enrol a tambon in the network (201) or update it (200); tier changes are kept with who and when.

    An update needs ``If-Match`` with the ``ETag`` of your last GET (428 without it, 412 when someone
    changed
    the tambon since); the first enrolment needs none. ``villages_with_plan`` may not exceed
    ``villages_total`` (422). ``meets_model_criteria`` is derived: all 7 criteria, with plans in at
    least 80 %
    of the villages.

    Args:
        code (str): 6-digit DOPA subdistrict code
        if_match (None | str | Unset): The ETag of your last GET of this tambon; required to
            update an enrolled tambon
        accept_language (str | Unset):
        body (TambonIn): Enrol a tambon in the network or update it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TambonOut]
    """

    kwargs = _get_kwargs(
        code=code,
        body=body,
        if_match=if_match,
        accept_language=accept_language,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    code: str,
    *,
    client: AuthenticatedClient | Client,
    body: TambonIn,
    if_match: None | str | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> Problem | TambonOut | None:
    """Enrol a tambon in the network, or update its enrolment

     Enrol a tambon in the network (201) or update it (200); tier changes are kept with who and when.

    An update needs ``If-Match`` with the ``ETag`` of your last GET (428 without it, 412 when someone
    changed
    the tambon since); the first enrolment needs none. ``villages_with_plan`` may not exceed
    ``villages_total`` (422). ``meets_model_criteria`` is derived: all 7 criteria, with plans in at
    least 80 %
    of the villages.

    Args:
        code (str): 6-digit DOPA subdistrict code
        if_match (None | str | Unset): The ETag of your last GET of this tambon; required to
            update an enrolled tambon
        accept_language (str | Unset):
        body (TambonIn): Enrol a tambon in the network or update it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TambonOut
    """

    return (
        await asyncio_detailed(
            code=code,
            client=client,
            body=body,
            if_match=if_match,
            accept_language=accept_language,
        )
    ).parsed

from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.resolve_out import ResolveOut
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    name: str,
    province: str,
    district: None | str | Unset = UNSET,
    limit: int | Unset = 10,
    if_none_match: str | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    if not isinstance(accept_language, Unset):
        headers["Accept-Language"] = accept_language

    params: dict[str, Any] = {}

    params["name"] = name

    params["province"] = province

    json_district: None | str | Unset
    if isinstance(district, Unset):
        json_district = UNSET
    else:
        json_district = district
    params["district"] = json_district

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/registry/resolve",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Problem | ResolveOut | None:
    if response.status_code == 200:
        response_200 = ResolveOut.from_dict(response.json())

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
) -> Response[Any | Problem | ResolveOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    name: str,
    province: str,
    district: None | str | Unset = UNSET,
    limit: int | Unset = 10,
    if_none_match: str | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> Response[Any | Problem | ResolveOut]:
    """Find the DOPA code of a tambon from its name and province

     Match a legacy or misspelt tambon name within a province; candidates best first, exact = 1.0.

    Forgives tone-mark and vowel variants, sound-alike consonants (ษ/ศ/ส...), a character or two extra
    or
    missing, and a level word or abbreviation (ต., อ., จ.) in the text. A name or code of an abolished
    tambon points at its successors. Candidates outside the named district score lower.

    Args:
        name (str): Tambon name or code
        province (str): Province: Thai or English name, or code
        district (None | str | Unset):
        limit (int | Unset):  Default: 10.
        if_none_match (str | Unset):
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | ResolveOut]
    """

    kwargs = _get_kwargs(
        name=name,
        province=province,
        district=district,
        limit=limit,
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
    name: str,
    province: str,
    district: None | str | Unset = UNSET,
    limit: int | Unset = 10,
    if_none_match: str | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> Any | Problem | ResolveOut | None:
    """Find the DOPA code of a tambon from its name and province

     Match a legacy or misspelt tambon name within a province; candidates best first, exact = 1.0.

    Forgives tone-mark and vowel variants, sound-alike consonants (ษ/ศ/ส...), a character or two extra
    or
    missing, and a level word or abbreviation (ต., อ., จ.) in the text. A name or code of an abolished
    tambon points at its successors. Candidates outside the named district score lower.

    Args:
        name (str): Tambon name or code
        province (str): Province: Thai or English name, or code
        district (None | str | Unset):
        limit (int | Unset):  Default: 10.
        if_none_match (str | Unset):
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | ResolveOut
    """

    return sync_detailed(
        client=client,
        name=name,
        province=province,
        district=district,
        limit=limit,
        if_none_match=if_none_match,
        accept_language=accept_language,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    name: str,
    province: str,
    district: None | str | Unset = UNSET,
    limit: int | Unset = 10,
    if_none_match: str | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> Response[Any | Problem | ResolveOut]:
    """Find the DOPA code of a tambon from its name and province

     Match a legacy or misspelt tambon name within a province; candidates best first, exact = 1.0.

    Forgives tone-mark and vowel variants, sound-alike consonants (ษ/ศ/ส...), a character or two extra
    or
    missing, and a level word or abbreviation (ต., อ., จ.) in the text. A name or code of an abolished
    tambon points at its successors. Candidates outside the named district score lower.

    Args:
        name (str): Tambon name or code
        province (str): Province: Thai or English name, or code
        district (None | str | Unset):
        limit (int | Unset):  Default: 10.
        if_none_match (str | Unset):
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | ResolveOut]
    """

    kwargs = _get_kwargs(
        name=name,
        province=province,
        district=district,
        limit=limit,
        if_none_match=if_none_match,
        accept_language=accept_language,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    name: str,
    province: str,
    district: None | str | Unset = UNSET,
    limit: int | Unset = 10,
    if_none_match: str | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> Any | Problem | ResolveOut | None:
    """Find the DOPA code of a tambon from its name and province

     Match a legacy or misspelt tambon name within a province; candidates best first, exact = 1.0.

    Forgives tone-mark and vowel variants, sound-alike consonants (ษ/ศ/ส...), a character or two extra
    or
    missing, and a level word or abbreviation (ต., อ., จ.) in the text. A name or code of an abolished
    tambon points at its successors. Candidates outside the named district score lower.

    Args:
        name (str): Tambon name or code
        province (str): Province: Thai or English name, or code
        district (None | str | Unset):
        limit (int | Unset):  Default: 10.
        if_none_match (str | Unset):
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | ResolveOut
    """

    return (
        await asyncio_detailed(
            client=client,
            name=name,
            province=province,
            district=district,
            limit=limit,
            if_none_match=if_none_match,
            accept_language=accept_language,
        )
    ).parsed

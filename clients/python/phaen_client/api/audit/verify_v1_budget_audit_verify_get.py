from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.verify_out import VerifyOut
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    head_seq: int | None | Unset = UNSET,
    head_hash: None | str | Unset = UNSET,
    head_signature: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    if not isinstance(accept_language, Unset):
        headers["Accept-Language"] = accept_language

    params: dict[str, Any] = {}

    json_head_seq: int | None | Unset
    if isinstance(head_seq, Unset):
        json_head_seq = UNSET
    else:
        json_head_seq = head_seq
    params["head_seq"] = json_head_seq

    json_head_hash: None | str | Unset
    if isinstance(head_hash, Unset):
        json_head_hash = UNSET
    else:
        json_head_hash = head_hash
    params["head_hash"] = json_head_hash

    json_head_signature: None | str | Unset
    if isinstance(head_signature, Unset):
        json_head_signature = UNSET
    else:
        json_head_signature = head_signature
    params["head_signature"] = json_head_signature

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/budget/audit/verify",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Problem | VerifyOut | None:
    if response.status_code == 200:
        response_200 = VerifyOut.from_dict(response.json())

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
) -> Response[Any | Problem | VerifyOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    head_seq: int | None | Unset = UNSET,
    head_hash: None | str | Unset = UNSET,
    head_signature: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> Response[Any | Problem | VerifyOut]:
    """Verify the audit chain end to end

     Check the chain is intact and complete up to the latest signed head, and reconcile the ledger with
    the
    chain and every account's cached balance with its ledger: `ok` false with `findings` naming what
    failed.

    Args:
        head_seq (int | None | Unset): seq of a signed head you kept
        head_hash (None | str | Unset): its hash
        head_signature (None | str | Unset): its signature, base64
        if_none_match (str | Unset):
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | VerifyOut]
    """

    kwargs = _get_kwargs(
        head_seq=head_seq,
        head_hash=head_hash,
        head_signature=head_signature,
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
    head_seq: int | None | Unset = UNSET,
    head_hash: None | str | Unset = UNSET,
    head_signature: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> Any | Problem | VerifyOut | None:
    """Verify the audit chain end to end

     Check the chain is intact and complete up to the latest signed head, and reconcile the ledger with
    the
    chain and every account's cached balance with its ledger: `ok` false with `findings` naming what
    failed.

    Args:
        head_seq (int | None | Unset): seq of a signed head you kept
        head_hash (None | str | Unset): its hash
        head_signature (None | str | Unset): its signature, base64
        if_none_match (str | Unset):
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | VerifyOut
    """

    return sync_detailed(
        client=client,
        head_seq=head_seq,
        head_hash=head_hash,
        head_signature=head_signature,
        if_none_match=if_none_match,
        accept_language=accept_language,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    head_seq: int | None | Unset = UNSET,
    head_hash: None | str | Unset = UNSET,
    head_signature: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> Response[Any | Problem | VerifyOut]:
    """Verify the audit chain end to end

     Check the chain is intact and complete up to the latest signed head, and reconcile the ledger with
    the
    chain and every account's cached balance with its ledger: `ok` false with `findings` naming what
    failed.

    Args:
        head_seq (int | None | Unset): seq of a signed head you kept
        head_hash (None | str | Unset): its hash
        head_signature (None | str | Unset): its signature, base64
        if_none_match (str | Unset):
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | VerifyOut]
    """

    kwargs = _get_kwargs(
        head_seq=head_seq,
        head_hash=head_hash,
        head_signature=head_signature,
        if_none_match=if_none_match,
        accept_language=accept_language,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    head_seq: int | None | Unset = UNSET,
    head_hash: None | str | Unset = UNSET,
    head_signature: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> Any | Problem | VerifyOut | None:
    """Verify the audit chain end to end

     Check the chain is intact and complete up to the latest signed head, and reconcile the ledger with
    the
    chain and every account's cached balance with its ledger: `ok` false with `findings` naming what
    failed.

    Args:
        head_seq (int | None | Unset): seq of a signed head you kept
        head_hash (None | str | Unset): its hash
        head_signature (None | str | Unset): its signature, base64
        if_none_match (str | Unset):
        accept_language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | VerifyOut
    """

    return (
        await asyncio_detailed(
            client=client,
            head_seq=head_seq,
            head_hash=head_hash,
            head_signature=head_signature,
            if_none_match=if_none_match,
            accept_language=accept_language,
        )
    ).parsed

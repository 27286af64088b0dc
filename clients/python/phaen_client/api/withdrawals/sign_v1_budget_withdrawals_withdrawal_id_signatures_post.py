from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.sign_body import SignBody
from ...models.withdrawal_out import WithdrawalOut
from ...types import UNSET, Response, Unset


def _get_kwargs(
    withdrawal_id: UUID,
    *,
    body: None | SignBody | Unset = UNSET,
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
        "url": "/v1/budget/withdrawals/{withdrawal_id}/signatures".format(
            withdrawal_id=quote(str(withdrawal_id), safe=""),
        ),
    }

    if isinstance(body, SignBody):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | WithdrawalOut | None:
    if response.status_code == 201:
        response_201 = WithdrawalOut.from_dict(response.json())

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
) -> Response[Problem | WithdrawalOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    withdrawal_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: None | SignBody | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> Response[Problem | WithdrawalOut]:
    """Co-sign a withdrawal (signatory)

     Co-sign as the caller's person; the signature that reaches `threshold` distinct persons approves it.

    The requester may not sign (403); a second user id of a person who signed is refused (409
    `already_signed`).
    With `digest`, the signature binds to that version: another than the current one is 409
    `stale_signature`.

    Offline (`key_id`, `digest`, `signature`): a device key's Ed25519 signature over the signing
    payload, sent by
    anyone who sees the withdrawal; it counts as the key owner's signature. 422 `bad_signature`, 403
    `key_revoked`; the same signature again is answered like the first. Answers the withdrawal.

    Args:
        withdrawal_id (UUID):
        idempotency_key (str | Unset):
        accept_language (str | Unset):
        body (None | SignBody | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WithdrawalOut]
    """

    kwargs = _get_kwargs(
        withdrawal_id=withdrawal_id,
        body=body,
        idempotency_key=idempotency_key,
        accept_language=accept_language,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    withdrawal_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: None | SignBody | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> Problem | WithdrawalOut | None:
    """Co-sign a withdrawal (signatory)

     Co-sign as the caller's person; the signature that reaches `threshold` distinct persons approves it.

    The requester may not sign (403); a second user id of a person who signed is refused (409
    `already_signed`).
    With `digest`, the signature binds to that version: another than the current one is 409
    `stale_signature`.

    Offline (`key_id`, `digest`, `signature`): a device key's Ed25519 signature over the signing
    payload, sent by
    anyone who sees the withdrawal; it counts as the key owner's signature. 422 `bad_signature`, 403
    `key_revoked`; the same signature again is answered like the first. Answers the withdrawal.

    Args:
        withdrawal_id (UUID):
        idempotency_key (str | Unset):
        accept_language (str | Unset):
        body (None | SignBody | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WithdrawalOut
    """

    return sync_detailed(
        withdrawal_id=withdrawal_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
        accept_language=accept_language,
    ).parsed


async def asyncio_detailed(
    withdrawal_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: None | SignBody | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> Response[Problem | WithdrawalOut]:
    """Co-sign a withdrawal (signatory)

     Co-sign as the caller's person; the signature that reaches `threshold` distinct persons approves it.

    The requester may not sign (403); a second user id of a person who signed is refused (409
    `already_signed`).
    With `digest`, the signature binds to that version: another than the current one is 409
    `stale_signature`.

    Offline (`key_id`, `digest`, `signature`): a device key's Ed25519 signature over the signing
    payload, sent by
    anyone who sees the withdrawal; it counts as the key owner's signature. 422 `bad_signature`, 403
    `key_revoked`; the same signature again is answered like the first. Answers the withdrawal.

    Args:
        withdrawal_id (UUID):
        idempotency_key (str | Unset):
        accept_language (str | Unset):
        body (None | SignBody | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WithdrawalOut]
    """

    kwargs = _get_kwargs(
        withdrawal_id=withdrawal_id,
        body=body,
        idempotency_key=idempotency_key,
        accept_language=accept_language,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    withdrawal_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: None | SignBody | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> Problem | WithdrawalOut | None:
    """Co-sign a withdrawal (signatory)

     Co-sign as the caller's person; the signature that reaches `threshold` distinct persons approves it.

    The requester may not sign (403); a second user id of a person who signed is refused (409
    `already_signed`).
    With `digest`, the signature binds to that version: another than the current one is 409
    `stale_signature`.

    Offline (`key_id`, `digest`, `signature`): a device key's Ed25519 signature over the signing
    payload, sent by
    anyone who sees the withdrawal; it counts as the key owner's signature. 422 `bad_signature`, 403
    `key_revoked`; the same signature again is answered like the first. Answers the withdrawal.

    Args:
        withdrawal_id (UUID):
        idempotency_key (str | Unset):
        accept_language (str | Unset):
        body (None | SignBody | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WithdrawalOut
    """

    return (
        await asyncio_detailed(
            withdrawal_id=withdrawal_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
            accept_language=accept_language,
        )
    ).parsed

from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.statement_out import StatementOut
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    account_id: UUID,
    *,
    body: File | File | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(accept_language, Unset):
        headers["Accept-Language"] = accept_language

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/budget/accounts/{account_id}/statements".format(
            account_id=quote(str(account_id), safe=""),
        ),
    }

    if isinstance(body, File):
        _kwargs["content"] = body.payload
        headers["Content-Type"] = "application/xml"
    if isinstance(body, File):
        _kwargs["content"] = body.payload
        headers["Content-Type"] = "text/csv"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | StatementOut | None:
    if response.status_code == 201:
        response_201 = StatementOut.from_dict(response.json())

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

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

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
) -> Response[Problem | StatementOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    account_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: File | File | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> Response[Problem | StatementOut]:
    """Import the bank's monthly statement (camt.053 or CSV)

     Import the bank's statement and reconcile it with the ledger (the account's own bank, secretariat,
    admin).

    Debits match payouts and fees, credits match deposits, tranches and interest: by bank reference,
    then by
    amount within the match window. Findings become alerts (`unauthorised_debit`, `unbooked_payout`,
    `missing_on_statement`, `balance_mismatch`). The same statement again returns the first answer
    (header `Idempotent-Replayed: true`) and changes nothing.

    Args:
        account_id (UUID):
        accept_language (str | Unset):
        body (File): ISO 20022 camt.053 (BkToCstmrStmt), one THB statement
        body (File): UTF-8 (BOM allowed); header
            date,description,reference,withdrawal,deposit,balance; dates YYYY-MM-DD or DD/MM/YYYY in
            the Buddhist Era; amounts with 2 decimals, one of withdrawal/deposit per line

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StatementOut]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        body=body,
        accept_language=accept_language,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    account_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: File | File | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> Problem | StatementOut | None:
    """Import the bank's monthly statement (camt.053 or CSV)

     Import the bank's statement and reconcile it with the ledger (the account's own bank, secretariat,
    admin).

    Debits match payouts and fees, credits match deposits, tranches and interest: by bank reference,
    then by
    amount within the match window. Findings become alerts (`unauthorised_debit`, `unbooked_payout`,
    `missing_on_statement`, `balance_mismatch`). The same statement again returns the first answer
    (header `Idempotent-Replayed: true`) and changes nothing.

    Args:
        account_id (UUID):
        accept_language (str | Unset):
        body (File): ISO 20022 camt.053 (BkToCstmrStmt), one THB statement
        body (File): UTF-8 (BOM allowed); header
            date,description,reference,withdrawal,deposit,balance; dates YYYY-MM-DD or DD/MM/YYYY in
            the Buddhist Era; amounts with 2 decimals, one of withdrawal/deposit per line

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StatementOut
    """

    return sync_detailed(
        account_id=account_id,
        client=client,
        body=body,
        accept_language=accept_language,
    ).parsed


async def asyncio_detailed(
    account_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: File | File | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> Response[Problem | StatementOut]:
    """Import the bank's monthly statement (camt.053 or CSV)

     Import the bank's statement and reconcile it with the ledger (the account's own bank, secretariat,
    admin).

    Debits match payouts and fees, credits match deposits, tranches and interest: by bank reference,
    then by
    amount within the match window. Findings become alerts (`unauthorised_debit`, `unbooked_payout`,
    `missing_on_statement`, `balance_mismatch`). The same statement again returns the first answer
    (header `Idempotent-Replayed: true`) and changes nothing.

    Args:
        account_id (UUID):
        accept_language (str | Unset):
        body (File): ISO 20022 camt.053 (BkToCstmrStmt), one THB statement
        body (File): UTF-8 (BOM allowed); header
            date,description,reference,withdrawal,deposit,balance; dates YYYY-MM-DD or DD/MM/YYYY in
            the Buddhist Era; amounts with 2 decimals, one of withdrawal/deposit per line

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StatementOut]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        body=body,
        accept_language=accept_language,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    account_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: File | File | Unset = UNSET,
    accept_language: str | Unset = UNSET,
) -> Problem | StatementOut | None:
    """Import the bank's monthly statement (camt.053 or CSV)

     Import the bank's statement and reconcile it with the ledger (the account's own bank, secretariat,
    admin).

    Debits match payouts and fees, credits match deposits, tranches and interest: by bank reference,
    then by
    amount within the match window. Findings become alerts (`unauthorised_debit`, `unbooked_payout`,
    `missing_on_statement`, `balance_mismatch`). The same statement again returns the first answer
    (header `Idempotent-Replayed: true`) and changes nothing.

    Args:
        account_id (UUID):
        accept_language (str | Unset):
        body (File): ISO 20022 camt.053 (BkToCstmrStmt), one THB statement
        body (File): UTF-8 (BOM allowed); header
            date,description,reference,withdrawal,deposit,balance; dates YYYY-MM-DD or DD/MM/YYYY in
            the Buddhist Era; amounts with 2 decimals, one of withdrawal/deposit per line

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StatementOut
    """

    return (
        await asyncio_detailed(
            account_id=account_id,
            client=client,
            body=body,
            accept_language=accept_language,
        )
    ).parsed

from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.attachment_out import AttachmentOut
from ...models.body_upload_attachment_v1_budget_expenses_expense_id_attachments_post import (
    BodyUploadAttachmentV1BudgetExpensesExpenseIdAttachmentsPost,
)
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    expense_id: UUID,
    *,
    body: BodyUploadAttachmentV1BudgetExpensesExpenseIdAttachmentsPost,
    accept_language: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(accept_language, Unset):
        headers["Accept-Language"] = accept_language

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/budget/expenses/{expense_id}/attachments".format(
            expense_id=quote(str(expense_id), safe=""),
        ),
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AttachmentOut | Problem | None:
    if response.status_code == 201:
        response_201 = AttachmentOut.from_dict(response.json())

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
) -> Response[AttachmentOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    expense_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: BodyUploadAttachmentV1BudgetExpensesExpenseIdAttachmentsPost,
    accept_language: str | Unset = UNSET,
) -> Response[AttachmentOut | Problem]:
    """Attach a scan or photo of the evidence

     Attach a photo or PDF of the paper evidence; its SHA-256 is recorded.

    Args:
        expense_id (UUID):
        accept_language (str | Unset):
        body (BodyUploadAttachmentV1BudgetExpensesExpenseIdAttachmentsPost):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AttachmentOut | Problem]
    """

    kwargs = _get_kwargs(
        expense_id=expense_id,
        body=body,
        accept_language=accept_language,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    expense_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: BodyUploadAttachmentV1BudgetExpensesExpenseIdAttachmentsPost,
    accept_language: str | Unset = UNSET,
) -> AttachmentOut | Problem | None:
    """Attach a scan or photo of the evidence

     Attach a photo or PDF of the paper evidence; its SHA-256 is recorded.

    Args:
        expense_id (UUID):
        accept_language (str | Unset):
        body (BodyUploadAttachmentV1BudgetExpensesExpenseIdAttachmentsPost):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AttachmentOut | Problem
    """

    return sync_detailed(
        expense_id=expense_id,
        client=client,
        body=body,
        accept_language=accept_language,
    ).parsed


async def asyncio_detailed(
    expense_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: BodyUploadAttachmentV1BudgetExpensesExpenseIdAttachmentsPost,
    accept_language: str | Unset = UNSET,
) -> Response[AttachmentOut | Problem]:
    """Attach a scan or photo of the evidence

     Attach a photo or PDF of the paper evidence; its SHA-256 is recorded.

    Args:
        expense_id (UUID):
        accept_language (str | Unset):
        body (BodyUploadAttachmentV1BudgetExpensesExpenseIdAttachmentsPost):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AttachmentOut | Problem]
    """

    kwargs = _get_kwargs(
        expense_id=expense_id,
        body=body,
        accept_language=accept_language,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    expense_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: BodyUploadAttachmentV1BudgetExpensesExpenseIdAttachmentsPost,
    accept_language: str | Unset = UNSET,
) -> AttachmentOut | Problem | None:
    """Attach a scan or photo of the evidence

     Attach a photo or PDF of the paper evidence; its SHA-256 is recorded.

    Args:
        expense_id (UUID):
        accept_language (str | Unset):
        body (BodyUploadAttachmentV1BudgetExpensesExpenseIdAttachmentsPost):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AttachmentOut | Problem
    """

    return (
        await asyncio_detailed(
            expense_id=expense_id,
            client=client,
            body=body,
            accept_language=accept_language,
        )
    ).parsed

"""Events of bank statements and the alerts they raise (budget service, ``/v1/budget/events``)."""

from __future__ import annotations

import datetime as dt
import uuid

from pydantic import BaseModel, ConfigDict, Field

from phaen_common.events.base import Amount, Day, EventData, event

SOURCE = "budget"


class StatementLine(BaseModel):
    """One line of a bank statement and what the ledger says about it."""

    model_config = ConfigDict(extra="forbid")

    id: uuid.UUID
    no: int
    booked_on: Day
    amount: Amount = Field(description="+ deposit, - withdrawal")
    reference: str | None
    description: str
    balance: Amount | None
    status: str = Field(description="matched or unmatched")
    matched_by: str | None
    ledger_entry_id: uuid.UUID | None
    withdrawal_id: uuid.UUID | None


@event("statement.imported", source=SOURCE, entity="bank_statement")
class StatementImported(EventData):
    """A bank statement was imported and reconciled against the account's ledger."""

    id: uuid.UUID
    account_id: uuid.UUID
    project_id: uuid.UUID
    format: str = Field(description="camt053 or csv")
    bank_statement_id: str | None
    period_from: Day
    period_to: Day
    opening_balance: Amount | None
    closing_balance: Amount | None
    ledger_closing_balance: Amount
    lines: int
    matched: int
    imported_by: str
    imported_at: dt.datetime
    lines_detail: list[StatementLine]
    alerts: list[uuid.UUID] = Field(description="the alerts this import raised")


class AlertState(EventData):
    """A finding on an account (e.g. a debit no approved withdrawal explains)."""

    id: uuid.UUID
    account_id: uuid.UUID
    project_id: uuid.UUID
    code: str = Field(examples=["unauthorised_debit"])
    severity: str = Field(description="critical, high or medium")
    subject: str
    detail: dict[str, str]
    statement_id: uuid.UUID | None
    line_id: uuid.UUID | None
    ledger_entry_id: uuid.UUID | None
    withdrawal_id: uuid.UUID | None
    raised_at: dt.datetime
    open: bool
    resolved_at: dt.datetime | None
    resolved_by: str | None
    resolution_note: str | None


@event("alert.raised", source=SOURCE, entity="alert")
class AlertRaised(AlertState):
    """A statement alert was raised on an account."""


@event("alert.resolved", source=SOURCE, entity="alert")
class AlertResolved(AlertState):
    """A statement alert was resolved, with a note."""

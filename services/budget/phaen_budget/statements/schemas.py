"""Statement bodies: the reconciliation answer, the lines as read back."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Literal

from pydantic import BaseModel, Field

from phaen_budget.alerts.schemas import AlertOut
from phaen_common.money import SignedMoney

LedgerKind = Literal["transfer", "interest", "payout", "fee", "tranche", "reversal"]


class LineOut(BaseModel):
    id: uuid.UUID
    no: int = Field(description="position in the statement, from 1")
    booked_on: dt.date
    amount: SignedMoney = Field(description="+ deposit, - withdrawal")
    reference: str | None
    description: str
    balance: SignedMoney | None
    status: Literal["matched", "unmatched"]
    matched_by: Literal["reference", "amount"] | None = Field(
        description="reference: same bank reference and amount; amount: same amount on the nearest day in the window"
    )
    ledger_entry_id: uuid.UUID | None
    withdrawal_id: uuid.UUID | None = Field(description="an approved withdrawal this debit pays, not yet booked")


class LedgerMiss(BaseModel):
    id: uuid.UUID
    kind: str
    amount: SignedMoney
    reference: str | None
    booked_on: dt.date = Field(description="the day in Thailand the entry was booked")
    withdrawal_id: uuid.UUID | None


class StatementSummary(BaseModel):
    id: uuid.UUID
    account_id: uuid.UUID
    format: Literal["camt053", "csv"]
    bank_statement_id: str | None = Field(description="the bank's own id of the statement (camt.053 Stmt/Id)")
    period_from: dt.date
    period_to: dt.date
    opening_balance: SignedMoney | None
    closing_balance: SignedMoney | None = Field(description="as the bank states it")
    ledger_closing_balance: SignedMoney = Field(description="the ledger's balance at the end of period_to")
    lines: int
    matched: int
    imported_by: str
    imported_at: dt.datetime


class StatementOut(StatementSummary):
    """The answer of an import (and of importing the same statement again)."""

    unmatched_bank_lines: list[LineOut]
    unmatched_ledger_entries: list[LedgerMiss]
    alerts: list[AlertOut]


class StatementDetail(StatementOut):
    items: list[LineOut] = Field(description="every line of the statement, with what it matched")

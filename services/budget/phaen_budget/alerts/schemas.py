"""Alert bodies."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Literal

from pydantic import BaseModel, Field

from phaen_budget.core.schemas import Input

AlertCode = Literal["unauthorised_debit", "unbooked_payout", "missing_on_statement", "balance_mismatch"]


class AlertOut(BaseModel):
    id: uuid.UUID
    account_id: uuid.UUID
    project_id: uuid.UUID
    code: AlertCode
    severity: Literal["critical", "high", "medium"] = Field(
        description="unauthorised_debit is critical; missing_on_statement and balance_mismatch high"
    )
    subject: str = Field(description="what the alert is about: a bank line, a ledger entry or a day's balance")
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


class AlertResolve(Input):
    note: str = Field(min_length=1, max_length=2000, description="what was found and done (e.g. the bank reversed it)")

"""Account, signatory and ledger schemas."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Literal

from pydantic import BaseModel, Field, model_validator

from phaen_budget.core.schemas import Input, Resolution
from phaen_common.money import Money, PositiveMoney, SignedMoney

UserId = str


class SignatoryPolicy(Input):
    signatories: list[UserId] = Field(min_length=2, max_length=7, description="gateway user ids (token `sub`)")
    threshold: int = Field(default=2, ge=2, le=7)
    resolution: Resolution

    @model_validator(mode="after")
    def _policy(self) -> SignatoryPolicy:
        if any(not s or len(s) > 200 for s in self.signatories):
            raise ValueError("each signatory is a user id of 1-200 characters")
        if len(set(self.signatories)) != len(self.signatories):
            raise ValueError("signatories must be distinct")
        if not 2 <= self.threshold <= len(self.signatories) <= 7:
            raise ValueError("2 <= threshold <= number of signatories <= 7")
        return self


class AccountCreate(SignatoryPolicy):
    project_id: uuid.UUID
    bank: str = Field(min_length=1, max_length=120)
    branch: str = Field(min_length=1, max_length=120)
    number: str = Field(pattern=r"^[0-9][0-9-]{3,39}$")
    name: str = Field(min_length=1, max_length=300)
    type: Literal["savings"] = Field(default="savings", description="savings accounts only")
    atm_card: Literal[False] = Field(default=False, description="no ATM card, ever")


class AccountOut(BaseModel):
    id: uuid.UUID
    project_id: uuid.UUID
    bank: str
    branch: str
    number: str = Field(description="shown in full to admin, secretariat, auditor and bank; else last 4 digits")
    name: str
    type: str
    atm_card: bool
    threshold: int
    signatories: list[UserId]
    resolution: Resolution
    balance: Money = Field(description="sum of the ledger")
    interest_balance: Money = Field(description="the interest part of the balance, kept apart")
    grant_balance: Money
    reserved: Money = Field(description="approved, unpaid withdrawals")
    available: Money = Field(description="balance less approved, unpaid withdrawals")
    available_interest: Money
    fees_owed_by_codi: Money = Field(
        description="bank fees debited from the account so far, which CODI pays back (seed: CODI pays transfer fees)"
    )
    created_at: dt.datetime


class DepositCreate(Input):
    amount: PositiveMoney
    kind: Literal["transfer", "interest"]
    bank_reference: str = Field(min_length=1, max_length=120)


class FeeCreate(Input):
    amount: PositiveMoney
    bank_reference: str = Field(min_length=1, max_length=120)


class EntryOut(BaseModel):
    id: uuid.UUID
    seq: int
    account_id: uuid.UUID
    project_id: uuid.UUID
    kind: Literal["transfer", "interest", "payout", "fee", "tranche"]
    fund: Literal["grant", "interest"]
    amount: SignedMoney = Field(description="+ in, - out")
    reference: str | None = Field(description="the bank's own reference")
    internal_reference: str | None = Field(
        default=None, description="a reference Phaen made itself (e.g. `tranche:<project>:<n>`); no bank writes it"
    )
    owed_by: Literal["CODI"] | None = Field(default=None, description="a fee is owed back to the account by CODI")
    withdrawal_id: uuid.UUID | None
    actor: str
    booked_at: dt.datetime
    duplicate: bool = Field(default=False, description="true when this bank_reference was already recorded")

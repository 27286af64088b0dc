"""Expense and evidence schemas (seed §1.4: receipt, or payment voucher where no receipt can be had)."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, field_validator

from phaen_budget.core.schemas import Input
from phaen_common.dates import IsoDate
from phaen_common.money import Money, PositiveMoney
from phaen_common.thai_id import national_id_ok

CATEGORIES = ("1.1", "1.2", "1.3", "1.4", "1.5", "2.1", "2.2", "2.3", "2.4", "3", "4", "5", "6")
Category = Literal["1.1", "1.2", "1.3", "1.4", "1.5", "2.1", "2.2", "2.3", "2.4", "3", "4", "5", "6"]


class Item(Input):
    description: str = Field(min_length=1, max_length=500)
    amount: PositiveMoney
    quantity: Decimal | None = Field(default=None, gt=0)


class Receipt(Input):
    """A receipt (ใบเสร็จรับเงิน)."""

    kind: Literal["receipt"]
    seller_name: str = Field(min_length=1, max_length=300)
    seller_address: str = Field(min_length=1, max_length=500)
    book_no: str = Field(min_length=1, max_length=40)
    receipt_no: str = Field(min_length=1, max_length=40)
    date: IsoDate
    items: list[Item] = Field(min_length=1, max_length=200)
    receiver_signed: Literal[True] = Field(description="the receiver's signature is on the paper")
    buyer_name: str | None = Field(default=None, max_length=300, description="if given, must be the project's name")


class Voucher(Input):
    """A payment voucher (ใบสำคัญรับเงิน), where no receipt can be had."""

    kind: Literal["voucher"]
    payee_name: str = Field(min_length=1, max_length=300)
    payee_address: str = Field(min_length=1, max_length=500)
    payee_national_id: str = Field(description="13 digits with a valid check digit")
    items: list[Item] = Field(min_length=1, max_length=200)
    payee_signed: Literal[True]
    payer_signed: Literal[True]
    head_certified: Literal[True] = Field(description="the project head certified the payment")
    payer_name: str | None = Field(default=None, max_length=300, description="who paid (named under the signature)")
    head_name: str | None = Field(default=None, max_length=300, description="the project head who certified it")

    @field_validator("payee_national_id")
    @classmethod
    def _check_digit(cls, value: str) -> str:
        digits = value.replace("-", "").replace(" ", "")
        if not national_id_ok(digits):
            raise ValueError("not a valid Thai national ID (13 digits with a check digit)")
        return digits


Evidence = Annotated[Receipt | Voucher, Field(discriminator="kind")]


class ExpenseCreate(Input):
    project_id: uuid.UUID
    category: Category
    amount: PositiveMoney
    spent_on: IsoDate
    description: str = Field(min_length=1, max_length=2000)
    evidence: Evidence


ExpenseFlag = Literal["beyond_paid_out", "duplicate_receipt"]


class ExpenseOut(BaseModel):
    id: uuid.UUID
    project_id: uuid.UUID
    grant_id: uuid.UUID
    line_no: int
    category: str
    amount: Money
    spent_on: dt.date
    description: str
    evidence_kind: Literal["receipt", "voucher"]
    evidence: dict[str, Any] = Field(description="national IDs masked except for admin, secretariat and auditor")
    status: Literal["recorded", "void"]
    flags: list[ExpenseFlag] = Field(
        default_factory=list,
        description="auditor flags set when recorded: beyond_paid_out = the project's live expenses, this one "
        "included, exceeded what its account had paid out (withdrawals paid); duplicate_receipt = recorded before "
        "receipts were normalised, and the same receipt as an earlier live expense once they are",
    )
    void_reason: str | None
    voided_by: str | None
    voided_at: dt.datetime | None
    created_by: str
    created_at: dt.datetime


class AttachmentOut(BaseModel):
    id: uuid.UUID
    expense_id: uuid.UUID
    filename: str
    content_type: str
    size: int
    sha256: str
    uploaded_by: str
    uploaded_at: dt.datetime

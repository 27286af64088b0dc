"""Response bodies of the reports (money as 2-decimal strings, dates ISO 8601 CE)."""

from __future__ import annotations

import datetime as dt
import uuid

from pydantic import BaseModel, Field

from phaen_common.events.budget import TrancheBlock
from phaen_common.money import Percent, SignedMoney


class Fresh(BaseModel):
    """Every report says how fresh it is."""

    as_of: dt.datetime | None = None
    stale: bool = False


class GrantInfo(BaseModel):
    id: uuid.UUID
    name: str | None
    funder: str | None
    amount: SignedMoney | None
    fiscal_year: int | None


class Cofunding(BaseModel):
    funder: str
    amount: SignedMoney


class PlanLine(BaseModel):
    no: int
    title: str | None
    planned: SignedMoney
    percent: Percent
    actual: SignedMoney
    variance: SignedMoney
    cofunding: list[Cofunding] = []


class PlanTotals(BaseModel):
    planned: SignedMoney
    percent: Percent
    actual: SignedMoney
    variance: SignedMoney


class PlanVsActual(Fresh):
    """Plan vs actual per grant line; variance = planned - actual."""

    grant: GrantInfo
    lines: list[PlanLine]
    totals: PlanTotals


class CoverageRow(BaseModel):
    region: str
    name_th: str = ""
    model: int = 0
    pilot: int = 0
    expansion: int = 0
    tambons: int = 0
    districts: int = 0
    provinces: int = 0
    tao_plan_integrated: int = 0
    tao_funded: int = 0


class Coverage(Fresh):
    regions: list[CoverageRow]
    totals: CoverageRow


class FacilitatorRow(BaseModel):
    region: str
    name_th: str = ""
    community: int = 0
    intensive: int = 0
    other: int = 0
    total: int = 0


class Facilitators(Fresh):
    regions: list[FacilitatorRow]
    totals: FacilitatorRow


class TrancheState(BaseModel):
    n: int
    percent: Percent | None
    planned_amount: SignedMoney | None
    status: str  # released | ready | blocked | pending
    amount: SignedMoney | None = None
    released_at: dt.datetime | None = None
    activity_report: bool = False


class ProjectTranches(BaseModel):
    project_id: uuid.UUID
    name: str | None
    region: str | None
    tambon: str | None
    tambon_name: str | None = Field(default=None, description="the tambon's Thai name (from the registry's feed)")
    status: str | None
    amount: SignedMoney | None
    tranches: list[TrancheState]
    next_tranche: int | None
    blocked_by: list[TrancheBlock]


class TrancheReport(Fresh):
    items: list[ProjectTranches]
    total: int
    next_cursor: str | None = None


class AccountInfo(BaseModel):
    id: uuid.UUID
    project_id: uuid.UUID | None
    name: str | None
    bank: str | None
    branch: str | None
    number_last4: str | None
    grant_name: str | None = Field(default=None, description="the name of the grant the account's project spends from")


class StatementEntry(BaseModel):
    id: uuid.UUID
    booked_at: dt.datetime | None
    kind: str | None
    reference: str | None
    receipt: SignedMoney
    payment: SignedMoney
    balance: SignedMoney


class MonthlyStatement(Fresh):
    """Monthly income-expense statement (รายงานรับ-จ่ายเงินประจำเดือน)."""

    account: AccountInfo
    month: str
    opening: SignedMoney
    receipts: SignedMoney
    payments: SignedMoney
    closing: SignedMoney
    entries: list[StatementEntry]


class ProjectInfo(BaseModel):
    id: uuid.UUID
    name: str | None
    grant_id: uuid.UUID | None
    line_no: int | None
    level: str | None
    region: str | None
    tambon: str | None
    amount: SignedMoney | None
    status: str | None
    tambon_name: str | None = Field(default=None, description="the tambon's Thai name (from the registry's feed)")
    grant_name: str | None = Field(default=None, description="the name of the grant the project spends from")


class CategoryRow(BaseModel):
    category: str
    name_th: str
    count: int
    amount: SignedMoney


class ExpenseSummary(Fresh):
    """Activity expense summary (สรุปค่าใช้จ่ายกิจกรรม) by category."""

    project: ProjectInfo
    categories: list[CategoryRow]
    groups: list[CategoryRow]
    total: SignedMoney
    count: int
    voided: int


class ChecklistItem(BaseModel):
    no: str
    title_th: str
    title_en: str
    status: str  # present | missing | not_applicable
    evidence: list[str]
    missing: list[str]


class AuditPackage(Fresh):
    project: ProjectInfo
    items: list[ChecklistItem]
    present: int
    missing: int


class VoucherItem(BaseModel):
    description: str
    amount: SignedMoney


class Voucher(Fresh):
    """A payment voucher (ใบสำคัญรับเงิน) as far as the expense event describes it."""

    expense_id: uuid.UUID
    project: ProjectInfo
    spent_on: dt.date | None
    category: str | None
    category_th: str | None
    amount: SignedMoney
    status: str | None
    payee_name: str | None
    payee_address: str | None
    payee_national_id: str | None
    items: list[VoucherItem]
    payee_signed: bool | None
    payer_signed: bool | None
    head_certified: bool | None
    payer_name: str | None = Field(default=None, description="who paid, named under the payer's signature line")
    head_name: str | None = Field(default=None, description="the project head who certified the payment")

"""Events of the budget service (``/v1/budget/events``): grants, projects, proposals, tranches, accounts, money."""

from __future__ import annotations

import datetime as dt
import uuid
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from phaen_common.events.base import Amount, Day, EventData, event

SOURCE = "budget"


@event("grant.created", source=SOURCE, entity="grant")
class GrantCreated(EventData):
    """A grant from a funder was recorded."""

    id: uuid.UUID
    name: str
    funder: str
    amount: Amount
    fiscal_year: int = Field(description="Buddhist Era fiscal year", examples=[2547])


class LineCofunding(BaseModel):
    """Another funder's money on a grant line (outside the grant's own amount)."""

    model_config = ConfigDict(extra="forbid")

    funder: str
    amount: Amount


class GrantLineState(EventData):
    """A line (แผนงาน) of a grant."""

    grant_id: uuid.UUID
    no: int
    title: str
    planned: Amount
    reserved: Amount
    cofunding: list[LineCofunding]


@event("grant_line.created", source=SOURCE, entity="grant_line")
class GrantLineCreated(GrantLineState):
    """A grant line was added."""


@event("grant_line.updated", source=SOURCE, entity="grant_line")
class GrantLineUpdated(GrantLineState):
    """A grant line changed (co-funding added)."""


class ProjectState(EventData):
    """A project (โครงการ) funded from a grant line."""

    id: uuid.UUID
    grant_id: uuid.UUID
    line_no: int
    name: str
    level: str
    region: str | None
    tambon: str | None
    tier: str | None
    amount: Amount | None = Field(description="none until the amount is set (tranches then need an amount each)")
    tranches: list[Amount] = Field(description="each tranche's share in percent", examples=[["50.00", "50.00"]])
    status: str


class ProjectChange(ProjectState):
    """A project's state after a change, with who made it and why."""

    reason: str | None = None
    actor: str | None = None


@event("project.created", source=SOURCE, entity="project")
class ProjectCreated(ProjectState):
    """A project was created."""


@event("project.updated", source=SOURCE, entity="project")
class ProjectUpdated(ProjectChange):
    """A project changed (closed, or its tambon's tier refreshed)."""


@event("project.suspended", source=SOURCE, entity="project")
class ProjectSuspended(ProjectChange):
    """A project was suspended: no money moves on it until reinstated."""


@event("project.reinstated", source=SOURCE, entity="project")
class ProjectReinstated(ProjectChange):
    """A suspended project was reinstated."""


class ProposalResolution(BaseModel):
    """The committee resolution (มติที่ประชุม) that decided a proposal."""

    model_config = ConfigDict(extra="forbid")

    number: str
    meeting_date: Day


class ProposalState(EventData):
    """A spending proposal and the route that decides it."""

    id: uuid.UUID
    project_id: uuid.UUID
    amount: Amount
    kind: str
    title: str
    route: str = Field(description="regional or national")
    route_rule: str
    status: str
    resolution: ProposalResolution | None
    tier: str | None
    fiscal_year: int | None = Field(default=None, description="the Thai fiscal year (BE) it was proposed in")
    route_total: Amount | None = Field(
        default=None, description="the project's standard proposals of that year, this one included (splitting rule)"
    )


@event("proposal.created", source=SOURCE, entity="proposal")
class ProposalCreated(ProposalState):
    """A proposal was submitted."""


@event("proposal.decided", source=SOURCE, entity="proposal")
class ProposalDecided(ProposalState):
    """A committee approved or rejected a proposal."""


class ReleaseResolution(EventData):
    """The committee resolution (มติ) a tranche release cites."""

    number: str
    meeting_date: dt.date


@event("tranche.released", source=SOURCE, entity="tranche")
class TrancheReleased(EventData):
    """A tranche (งวด) of a project's money was released into its account."""

    project_id: uuid.UUID
    n: int
    amount: Amount
    account_id: uuid.UUID
    released_at: dt.datetime
    resolution: ReleaseResolution | None = Field(None, description="the resolution that released it (since 11/2026)")


@event("activity_report.submitted", source=SOURCE, entity="activity_report")
class ActivityReportSubmitted(EventData):
    """An activity report for a tranche was submitted (the next tranche waits for it)."""

    id: uuid.UUID
    project_id: uuid.UUID
    tranche: int
    submitted_at: dt.datetime


class AccountState(EventData):
    """A project's bank account; the number only by its last 4 digits."""

    id: uuid.UUID
    project_id: uuid.UUID
    bank: str
    branch: str
    name: str
    number_last4: str = Field(pattern=r"^[0-9]{0,4}$", examples=["4567"])
    threshold: int = Field(description="signatures needed to approve a withdrawal")
    signatory_count: int


@event("account.opened", source=SOURCE, entity="account")
class AccountOpened(AccountState):
    """A bank account was opened for a project."""


@event("account.updated", source=SOURCE, entity="account")
class AccountUpdated(AccountState):
    """An account's signatories or threshold changed."""


@event("ledger.entry", source=SOURCE, entity="ledger_entry")
class LedgerEntry(EventData):
    """One row of an account's ledger: + money in, - money out."""

    id: uuid.UUID
    account_id: uuid.UUID
    project_id: uuid.UUID
    kind: str = Field(description="transfer, interest, payout, fee, tranche, ...")
    fund: str
    amount: Amount = Field(description="signed: + in, - out")
    booked_at: dt.datetime
    reference: str | None
    withdrawal_id: uuid.UUID | None
    internal_reference: str | None = Field(None, description="Phaen's own reference, e.g. tranche:<project>:<n>")
    owed_by: str | None = Field(None, description="who owes this debit back to the account (a fee: CODI)")


class WithdrawalState(EventData):
    """A withdrawal (การถอนเงิน) from a project account."""

    id: uuid.UUID
    account_id: uuid.UUID
    project_id: uuid.UUID
    amount: Amount
    fund: str
    status: str
    bank_reference: str | None
    version: int | None = Field(None, description="bumped by every change that voids signatures")


@event("withdrawal.requested", source=SOURCE, entity="withdrawal")
class WithdrawalRequested(WithdrawalState):
    """A withdrawal was requested and waits for its signatures."""


@event("withdrawal.approved", source=SOURCE, entity="withdrawal")
class WithdrawalApproved(WithdrawalState):
    """A withdrawal has all its signatures: the bank may pay it out."""


@event("withdrawal.paid", source=SOURCE, entity="withdrawal")
class WithdrawalPaid(WithdrawalState):
    """The bank paid a withdrawal out."""


@event("withdrawal.cancelled", source=SOURCE, entity="withdrawal")
class WithdrawalCancelled(WithdrawalState):
    """A withdrawal was cancelled before payout."""


@event("withdrawal.expired", source=SOURCE, entity="withdrawal")
class WithdrawalExpired(WithdrawalState):
    """A withdrawal was not paid in time: its signatures are void and any reservation released."""


class SignatoryChangeState(EventData):
    """A proposed change of an account's signatory set (who is in it: the audit chain, not the feed)."""

    change_id: uuid.UUID
    account_id: uuid.UUID
    status: str = Field(description="pending, confirmed, rejected, withdrawn")


@event("account.signatory_change_proposed", source=SOURCE, entity="account")
class SignatoryChangeProposed(SignatoryChangeState):
    """A new signatory set was proposed; the old set stands until a different user confirms it."""


@event("account.signatory_change_confirmed", source=SOURCE, entity="account")
class SignatoryChangeConfirmed(SignatoryChangeState):
    """A second user confirmed the change: the new set is in force."""


@event("account.signatory_change_rejected", source=SOURCE, entity="account")
class SignatoryChangeRejected(SignatoryChangeState):
    """A checker rejected the change; the set is unchanged."""


@event("account.signatory_change_withdrawn", source=SOURCE, entity="account")
class SignatoryChangeWithdrawn(SignatoryChangeState):
    """The proposer withdrew the change; the set is unchanged."""


class ExpenseState(EventData):
    """An expense against a grant line, with its evidence (a voucher's national ID by its last 4 digits only)."""

    id: uuid.UUID
    project_id: uuid.UUID
    grant_id: uuid.UUID
    line_no: int
    category: str = Field(examples=["1.1"])
    amount: Amount
    spent_on: Day
    evidence_kind: str
    status: str = Field(description="recorded or void")
    description: str | None
    evidence: dict[str, Any]
    flags: list[str] = Field(
        default_factory=list, description="auditor flags set when recorded (beyond_paid_out, duplicate_receipt)"
    )


@event("expense.recorded", source=SOURCE, entity="expense")
class ExpenseRecorded(ExpenseState):
    """An expense was recorded."""


@event("expense.voided", source=SOURCE, entity="expense")
class ExpenseVoided(ExpenseState):
    """An expense was voided; it stops counting, nothing is deleted."""


class TrancheBlock(StrEnum):
    """Why the next tranche cannot be released: the same words in the budget's answers and in the reports."""

    PROJECT_SUSPENDED = "project_suspended"
    ACCOUNT_REQUIRED = "account_required"
    PREVIOUS_TRANCHE_NOT_RELEASED = "previous_tranche_not_released"
    ACTIVITY_REPORT_REQUIRED = "activity_report_required"

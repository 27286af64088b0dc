"""The budget's closed vocabularies (statuses, funds, ledger kinds) as ``StrEnum``s.

They are ``str`` subclasses, so they compare equal to the strings stored in the database and in events,
and the CHECK constraints of the migrations list the same values.
"""

from __future__ import annotations

from enum import StrEnum


class Fund(StrEnum):
    """Which money of an account: the grant, or the interest it earned (spent only by resolution)."""

    GRANT = "grant"
    INTEREST = "interest"


class LedgerKind(StrEnum):
    """How money moved (the ledger's ``kind``): three ways in, two ways out."""

    TRANSFER = "transfer"
    INTEREST = "interest"
    TRANCHE = "tranche"
    PAYOUT = "payout"
    FEE = "fee"

    @property
    def is_credit(self) -> bool:
        return self in (LedgerKind.TRANSFER, LedgerKind.INTEREST, LedgerKind.TRANCHE)


class ProjectStatus(StrEnum):
    """A project's state: money moves only while it is active."""

    ACTIVE = "active"
    SUSPENDED = "suspended"
    CLOSED = "closed"


class WithdrawalStatus(StrEnum):
    """A withdrawal's state (การเบิกถอน)."""

    PENDING = "pending"
    APPROVED = "approved"
    PAID = "paid"
    CANCELLED = "cancelled"
    EXPIRED = "expired"


class ProposalStatus(StrEnum):
    """A proposal's state."""

    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


class ExpenseStatus(StrEnum):
    """An expense's state (a void one stays, with its reason)."""

    RECORDED = "recorded"
    VOID = "void"

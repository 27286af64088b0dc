from enum import StrEnum


class ListProposalsV1BudgetProposalsGetStatusType0(StrEnum):
    APPROVED = "approved"
    PENDING = "pending"
    REJECTED = "rejected"

    def __str__(self) -> str:
        return str(self.value)

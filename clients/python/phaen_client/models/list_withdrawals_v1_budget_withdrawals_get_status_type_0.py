from enum import StrEnum


class ListWithdrawalsV1BudgetWithdrawalsGetStatusType0(StrEnum):
    APPROVED = "approved"
    CANCELLED = "cancelled"
    EXPIRED = "expired"
    PAID = "paid"
    PENDING = "pending"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class WithdrawalOutStatus(StrEnum):
    APPROVED = "approved"
    CANCELLED = "cancelled"
    EXPIRED = "expired"
    PAID = "paid"
    PENDING = "pending"

    def __str__(self) -> str:
        return str(self.value)

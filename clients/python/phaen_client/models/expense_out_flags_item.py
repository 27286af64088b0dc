from enum import StrEnum


class ExpenseOutFlagsItem(StrEnum):
    BEYOND_PAID_OUT = "beyond_paid_out"
    DUPLICATE_RECEIPT = "duplicate_receipt"

    def __str__(self) -> str:
        return str(self.value)

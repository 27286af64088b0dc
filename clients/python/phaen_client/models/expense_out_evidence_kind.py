from enum import StrEnum


class ExpenseOutEvidenceKind(StrEnum):
    RECEIPT = "receipt"
    VOUCHER = "voucher"

    def __str__(self) -> str:
        return str(self.value)

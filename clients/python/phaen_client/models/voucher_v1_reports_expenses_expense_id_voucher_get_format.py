from enum import StrEnum


class VoucherV1ReportsExpensesExpenseIdVoucherGetFormat(StrEnum):
    JSON = "json"
    PDF = "pdf"

    def __str__(self) -> str:
        return str(self.value)

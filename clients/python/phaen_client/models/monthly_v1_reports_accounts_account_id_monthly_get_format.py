from enum import StrEnum


class MonthlyV1ReportsAccountsAccountIdMonthlyGetFormat(StrEnum):
    CSV = "csv"
    JSON = "json"
    PDF = "pdf"
    XLSX = "xlsx"

    def __str__(self) -> str:
        return str(self.value)

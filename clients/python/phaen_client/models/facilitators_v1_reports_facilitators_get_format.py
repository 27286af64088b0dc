from enum import StrEnum


class FacilitatorsV1ReportsFacilitatorsGetFormat(StrEnum):
    CSV = "csv"
    JSON = "json"
    PDF = "pdf"
    XLSX = "xlsx"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class AuditV1ReportsProjectsProjectIdAuditPackageGetFormat(StrEnum):
    CSV = "csv"
    JSON = "json"
    PDF = "pdf"
    XLSX = "xlsx"
    ZIP = "zip"

    def __str__(self) -> str:
        return str(self.value)

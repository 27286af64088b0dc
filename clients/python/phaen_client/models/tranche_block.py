from enum import StrEnum


class TrancheBlock(StrEnum):
    ACCOUNT_REQUIRED = "account_required"
    ACTIVITY_REPORT_REQUIRED = "activity_report_required"
    PREVIOUS_TRANCHE_NOT_RELEASED = "previous_tranche_not_released"
    PROJECT_SUSPENDED = "project_suspended"

    def __str__(self) -> str:
        return str(self.value)

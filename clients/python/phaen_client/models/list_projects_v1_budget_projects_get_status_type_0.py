from enum import StrEnum


class ListProjectsV1BudgetProjectsGetStatusType0(StrEnum):
    ACTIVE = "active"
    CLOSED = "closed"
    SUSPENDED = "suspended"

    def __str__(self) -> str:
        return str(self.value)

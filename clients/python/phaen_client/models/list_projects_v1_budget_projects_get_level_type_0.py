from enum import StrEnum


class ListProjectsV1BudgetProjectsGetLevelType0(StrEnum):
    NETWORK = "network"
    REGIONAL = "regional"
    TAMBON = "tambon"

    def __str__(self) -> str:
        return str(self.value)

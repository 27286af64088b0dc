from enum import StrEnum


class ListProposalsV1BudgetProposalsGetRouteType0(StrEnum):
    NATIONAL = "national"
    REGIONAL = "regional"

    def __str__(self) -> str:
        return str(self.value)

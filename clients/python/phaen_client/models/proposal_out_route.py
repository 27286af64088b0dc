from enum import StrEnum


class ProposalOutRoute(StrEnum):
    NATIONAL = "national"
    REGIONAL = "regional"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class ProposalCreateKind(StrEnum):
    CHANGE = "change"
    STANDARD = "standard"

    def __str__(self) -> str:
        return str(self.value)

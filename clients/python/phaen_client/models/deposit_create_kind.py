from enum import StrEnum


class DepositCreateKind(StrEnum):
    INTEREST = "interest"
    TRANSFER = "transfer"

    def __str__(self) -> str:
        return str(self.value)

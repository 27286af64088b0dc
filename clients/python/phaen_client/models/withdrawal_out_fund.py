from enum import StrEnum


class WithdrawalOutFund(StrEnum):
    GRANT = "grant"
    INTEREST = "interest"

    def __str__(self) -> str:
        return str(self.value)

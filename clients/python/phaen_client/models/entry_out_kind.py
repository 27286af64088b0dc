from enum import StrEnum


class EntryOutKind(StrEnum):
    FEE = "fee"
    INTEREST = "interest"
    PAYOUT = "payout"
    TRANCHE = "tranche"
    TRANSFER = "transfer"

    def __str__(self) -> str:
        return str(self.value)

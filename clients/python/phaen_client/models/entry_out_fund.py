from enum import StrEnum


class EntryOutFund(StrEnum):
    GRANT = "grant"
    INTEREST = "interest"

    def __str__(self) -> str:
        return str(self.value)

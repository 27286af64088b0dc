from enum import StrEnum


class ExpenseOutStatus(StrEnum):
    RECORDED = "recorded"
    VOID = "void"

    def __str__(self) -> str:
        return str(self.value)

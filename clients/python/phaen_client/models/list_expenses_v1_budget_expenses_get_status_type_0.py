from enum import StrEnum


class ListExpensesV1BudgetExpensesGetStatusType0(StrEnum):
    RECORDED = "recorded"
    VOID = "void"

    def __str__(self) -> str:
        return str(self.value)

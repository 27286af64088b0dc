from enum import StrEnum


class BudgetPhaenBudgetStatementsSchemasLineOutStatus(StrEnum):
    MATCHED = "matched"
    UNMATCHED = "unmatched"

    def __str__(self) -> str:
        return str(self.value)

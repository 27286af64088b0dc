from enum import StrEnum


class BudgetPhaenBudgetStatementsSchemasLineOutMatchedByType0(StrEnum):
    AMOUNT = "amount"
    REFERENCE = "reference"

    def __str__(self) -> str:
        return str(self.value)

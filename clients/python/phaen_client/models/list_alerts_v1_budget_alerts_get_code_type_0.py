from enum import StrEnum


class ListAlertsV1BudgetAlertsGetCodeType0(StrEnum):
    BALANCE_MISMATCH = "balance_mismatch"
    MISSING_ON_STATEMENT = "missing_on_statement"
    UNAUTHORISED_DEBIT = "unauthorised_debit"
    UNBOOKED_PAYOUT = "unbooked_payout"

    def __str__(self) -> str:
        return str(self.value)

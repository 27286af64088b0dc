from enum import StrEnum


class FindingOutCode(StrEnum):
    BALANCE_MISMATCH = "balance_mismatch"
    CHAIN_BROKEN = "chain_broken"
    HEAD_MISMATCH = "head_mismatch"
    HEAD_SIGNATURE_INVALID = "head_signature_invalid"
    LEDGER_ENTRY_ALTERED = "ledger_entry_altered"
    LEDGER_ENTRY_MISSING = "ledger_entry_missing"
    LEDGER_ENTRY_UNAUDITED = "ledger_entry_unaudited"
    MISSING_TAIL = "missing_tail"
    RESERVED_MISMATCH = "reserved_mismatch"

    def __str__(self) -> str:
        return str(self.value)

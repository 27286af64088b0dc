from enum import StrEnum


class CheckedHeadOutSource(StrEnum):
    ANCHOR_FILE = "anchor_file"
    CALLER = "caller"
    DATABASE = "database"

    def __str__(self) -> str:
        return str(self.value)

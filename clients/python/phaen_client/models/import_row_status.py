from enum import StrEnum


class ImportRowStatus(StrEnum):
    AMBIGUOUS = "ambiguous"
    INVALID = "invalid"
    OK = "ok"
    UNRESOLVED = "unresolved"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class ImportRowActionType0(StrEnum):
    ENROL = "enrol"
    UPDATE = "update"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class TambonInTier(StrEnum):
    EXPANSION = "expansion"
    MODEL = "model"
    PILOT = "pilot"

    def __str__(self) -> str:
        return str(self.value)

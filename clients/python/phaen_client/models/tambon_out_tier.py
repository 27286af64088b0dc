from enum import StrEnum


class TambonOutTier(StrEnum):
    EXPANSION = "expansion"
    MODEL = "model"
    PILOT = "pilot"

    def __str__(self) -> str:
        return str(self.value)

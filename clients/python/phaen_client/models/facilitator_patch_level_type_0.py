from enum import StrEnum


class FacilitatorPatchLevelType0(StrEnum):
    COMMUNITY = "community"
    INTENSIVE = "intensive"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class FacilitatorOutLevel(StrEnum):
    COMMUNITY = "community"
    INTENSIVE = "intensive"

    def __str__(self) -> str:
        return str(self.value)

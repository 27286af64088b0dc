from enum import StrEnum


class CommitteeInLevel(StrEnum):
    NATIONAL = "national"
    PROVINCIAL = "provincial"
    REGIONAL = "regional"
    TAMBON = "tambon"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class ProjectCreateLevel(StrEnum):
    NETWORK = "network"
    REGIONAL = "regional"
    TAMBON = "tambon"

    def __str__(self) -> str:
        return str(self.value)

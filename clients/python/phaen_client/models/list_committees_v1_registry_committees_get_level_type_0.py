from enum import StrEnum


class ListCommitteesV1RegistryCommitteesGetLevelType0(StrEnum):
    NATIONAL = "national"
    PROVINCIAL = "provincial"
    REGIONAL = "regional"
    TAMBON = "tambon"

    def __str__(self) -> str:
        return str(self.value)

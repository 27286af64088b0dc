from enum import StrEnum


class ProjectCreateRegionType0(StrEnum):
    CENTRAL = "central"
    NORTH = "north"
    NORTHEAST = "northeast"
    SOUTH = "south"

    def __str__(self) -> str:
        return str(self.value)

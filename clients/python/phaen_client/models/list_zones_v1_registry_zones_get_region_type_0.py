from enum import StrEnum


class ListZonesV1RegistryZonesGetRegionType0(StrEnum):
    CENTRAL = "central"
    NORTH = "north"
    NORTHEAST = "northeast"
    SOUTH = "south"

    def __str__(self) -> str:
        return str(self.value)

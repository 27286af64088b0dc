from enum import StrEnum


class SearchItemLevel(StrEnum):
    DISTRICT = "district"
    PROVINCE = "province"
    SUBDISTRICT = "subdistrict"

    def __str__(self) -> str:
        return str(self.value)

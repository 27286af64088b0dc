from enum import StrEnum


class SearchV1RegistrySearchGetLevelType0(StrEnum):
    DISTRICT = "district"
    PROVINCE = "province"
    SUBDISTRICT = "subdistrict"

    def __str__(self) -> str:
        return str(self.value)

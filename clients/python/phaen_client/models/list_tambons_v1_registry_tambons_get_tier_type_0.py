from enum import StrEnum


class ListTambonsV1RegistryTambonsGetTierType0(StrEnum):
    EXPANSION = "expansion"
    MODEL = "model"
    PILOT = "pilot"

    def __str__(self) -> str:
        return str(self.value)

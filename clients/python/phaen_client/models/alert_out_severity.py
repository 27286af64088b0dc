from enum import StrEnum


class AlertOutSeverity(StrEnum):
    CRITICAL = "critical"
    HIGH = "high"
    MEDIUM = "medium"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class MemberOutRole(StrEnum):
    CHAIR = "chair"
    COORDINATOR = "coordinator"
    FINANCE = "finance"
    MEMBER = "member"
    SECRETARY = "secretary"

    def __str__(self) -> str:
        return str(self.value)

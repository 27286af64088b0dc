from enum import StrEnum


class MemberPatchRoleType0(StrEnum):
    CHAIR = "chair"
    COORDINATOR = "coordinator"
    FINANCE = "finance"
    MEMBER = "member"
    SECRETARY = "secretary"

    def __str__(self) -> str:
        return str(self.value)

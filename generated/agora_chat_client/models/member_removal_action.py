from enum import StrEnum


class MemberRemovalAction(StrEnum):
    REMOVE_MEMBER = "remove_member"

    def __str__(self) -> str:
        return str(self.value)

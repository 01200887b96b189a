from enum import StrEnum


class MembershipAction(StrEnum):
    ADD_MEMBER = "add_member"
    REMOVE_MEMBER = "remove_member"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class MembersAddedAction(StrEnum):
    ADD_MEMBER = "add_member"

    def __str__(self) -> str:
        return str(self.value)

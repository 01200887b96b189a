from enum import StrEnum


class ChatType(StrEnum):
    CHATGROUP = "chatgroup"
    USER = "user"

    def __str__(self) -> str:
        return str(self.value)

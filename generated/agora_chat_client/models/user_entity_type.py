from enum import StrEnum


class UserEntityType(StrEnum):
    USER = "user"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class PushMode(StrEnum):
    ALL = "ALL"
    AT = "AT"
    DEFAULT = "DEFAULT"
    NONE = "NONE"

    def __str__(self) -> str:
        return str(self.value)

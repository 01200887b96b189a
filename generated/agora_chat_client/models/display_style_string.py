from enum import StrEnum


class DisplayStyleString(StrEnum):
    DETAILED = "1"
    SUMMARY = "0"

    def __str__(self) -> str:
        return str(self.value)

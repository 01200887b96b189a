from enum import IntEnum


class DisplayStyle(IntEnum):
    SUMMARY = 0
    DETAILED = 1

    def __str__(self) -> str:
        return str(self.value)

"""A wall clock with a controllable offset, so tests can make tokens and DND expire."""

from __future__ import annotations

import time


class Clock:
    """Real time in epoch milliseconds plus an adjustable offset."""

    def __init__(self) -> None:
        # A single int attribute: reads and writes are atomic under the GIL, so no lock.
        self._offset_ms = 0

    @property
    def offset_ms(self) -> int:
        return self._offset_ms

    def now_ms(self) -> int:
        return time.time_ns() // 1_000_000 + self._offset_ms

    def advance(self, ms: int) -> None:
        self._offset_ms += ms

    def set(self, now_ms: int) -> None:
        """Shift the offset so that ``now_ms()`` returns ``now_ms`` at this instant."""
        self._offset_ms = now_ms - time.time_ns() // 1_000_000

    def reset(self) -> None:
        self._offset_ms = 0

"""Per-bucket pacing from the spec's ``x-agora-rate-limit``: never more than a bucket allows.

A sliding one-second log per bucket, one call short of the limit, so a server counting fixed
one-second windows (as the service does) is never pushed over by this process's calls.
"""

from __future__ import annotations

import time
from collections import deque
from functools import cache

from agora_chat_emulator.spec import operations


@cache
def _buckets() -> dict[str, tuple[str, int]]:
    return {
        f"{op.method} {op.path}": (op.rate_limit.bucket, max(op.rate_limit.limit - 1, 1))
        for op in operations().values()
        if op.rate_limit is not None
    }


_calls: dict[str, deque[float]] = {}


def wait_for(label: str) -> None:
    """Block until the operation ``METHOD /path`` may be called without exceeding its bucket."""
    bucket = _buckets().get(label)
    if bucket is None:
        return
    name, allowed = bucket
    log = _calls.setdefault(name, deque())
    now = time.monotonic()
    while log and now - log[0] >= 1.0:
        log.popleft()
    if len(log) >= allowed:
        time.sleep(1.0 - (now - log[0]))
        log.popleft()
    log.append(time.monotonic())

"""Staying inside a target's rate limits: per-bucket pacing read from the spec, and 429 retries.

The spec gives each operation an ``x-agora-rate-limit`` bucket (calls per second per app, shared
by the operations naming the same bucket) under each rate-limit model: the vendors document
different buckets (D117), and which one a deployment enforces is not visible from outside. So
every request the contract run sends (schemathesis's and the runner's own) first waits for room
in its bucket under every model at once, which stays inside whichever the target enforces (D122),
and the runner's own requests retry a 429 with backoff, honouring ``Retry-After``.
"""

from __future__ import annotations

import threading
import time
from collections import deque

import httpx
from httpx_retries import Retry, RetryTransport

from agora_chat_contract.routes import OperationMatcher
from agora_chat_emulator.spec import operations

SHARE_OF_LIMIT = 0.8
"""Pace to this share of each bucket: checks such as ``ignored_auth`` send extra requests that
no hook sees, and the service counts them too."""
WINDOW_S = 1.0
RETRY = Retry(
    total=8,
    allowed_methods=["GET", "HEAD", "PUT", "POST", "DELETE", "PATCH"],
    status_forcelist=[429, 503],
    retry_on_exceptions=[httpx.ConnectError, httpx.ReadTimeout, httpx.RemoteProtocolError],
    backoff_factor=0.25,
    backoff_jitter=0.5,
    respect_retry_after_header=True,
    max_backoff_wait=10.0,
)
"""What the runner's own requests do on a 429 or 503: back off (0.25 s, doubling, jittered, or the
server's ``Retry-After``) and try again, up to 8 times."""


class Pacer:
    """Spaces calls so that no bucket, under any rate-limit model, sees more than its share of
    the limit in any one second.

    A sliding window of ``budget`` calls per second also keeps every fixed one-second window the
    service may count in within the budget. Thread-safe (schemathesis ``--workers``).
    """

    def __init__(self, *, enabled: bool = True, share: float = SHARE_OF_LIMIT) -> None:
        self.enabled = enabled
        # Buckets are named per model: two models may use one name for different groups.
        self._budgets = {
            op.operation_id: tuple(
                (f"{model}/{limit.bucket}", max(1, int(limit.limit * share)))
                for model, limit in op.rate_limits.items()
            )
            for op in operations().values()
        }
        self._sent: dict[str, deque[float]] = {}
        self._lock = threading.Lock()
        self.waited_s = 0.0

    def wait(self, operation_id: str) -> None:
        budgets = self._budgets.get(operation_id)
        if not self.enabled or not budgets:
            return
        while True:
            with self._lock:
                now = time.monotonic()
                delay = 0.0
                for bucket, limit in budgets:
                    sent = self._sent.setdefault(bucket, deque())
                    while sent and now - sent[0] >= WINDOW_S:
                        sent.popleft()
                    if len(sent) >= limit:
                        delay = max(delay, WINDOW_S - (now - sent[0]))
                if not delay:
                    for bucket, _limit in budgets:
                        self._sent[bucket].append(now)
                    return
                self.waited_s += delay
            time.sleep(delay)


def paced_client(
    base_url: str,
    pacer: Pacer,
    *,
    token: str | None = None,
    headers: dict[str, str] | None = None,
    timeout: float = 30.0,
) -> httpx.Client:
    """An httpx client for the runner's own calls: paced per bucket, retrying 429 and 503."""
    matcher = OperationMatcher()

    def pace(request: httpx.Request) -> None:
        operation, _params = matcher.match(request.method, request.url.path)
        if operation is not None:
            pacer.wait(operation.operation_id)

    all_headers = dict(headers or {})
    if token is not None:
        all_headers["Authorization"] = f"Bearer {token}"
    return httpx.Client(
        base_url=base_url,
        headers=all_headers,
        timeout=timeout,
        transport=RetryTransport(retry=RETRY),
        event_hooks={"request": [pace]},
    )

"""The contract run's pacing (``pacing.Pacer``, D122): it keeps inside the buckets of every
rate-limit model at once, so an emulator at its default settings (rate limits on), or under the
other model, never answers 429 to paced calls."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import httpx
import pytest

from agora_chat_contract.pacing import Pacer
from agora_chat_emulator.process import start_emulator, stop_emulator

# Nine user-account calls (one 100/s budget under Easemob's model, paced to 80/s) to each
# template call (10/s, paced to 8/s): about two seconds of calls.
PLAN = [
    *[("getUser", "GET", "/users/nobody")] * 3,
    *[("deleteUser", "DELETE", "/users/nobody")] * 3,
    *[("setPushProfile", "PUT", "/users/nobody")] * 3,
    ("getPushTemplate", "GET", "/notification/template/missing"),
]
CALLS = 16 * len(PLAN)


@pytest.mark.parametrize(
    "behaviour",
    [(), ("--behaviour", "rate-limit-model=agora")],
    ids=["default-settings", "agora-model"],
)
def test_paced_calls_get_no_429_from_a_rate_limited_emulator(
    tmp_path: Path, behaviour: tuple[str, ...]
) -> None:
    emulator = start_emulator(tmp_path / "paced.db", *behaviour)
    pacer = Pacer()
    statuses: Counter[int] = Counter()
    try:
        # No retrying transport: a 429 would show here.
        with httpx.Client(base_url=emulator.base_url, headers=emulator.auth_headers) as client:
            for made in range(CALLS):
                operation_id, method, path = PLAN[made % len(PLAN)]
                pacer.wait(operation_id)
                statuses[client.request(method, path).status_code] += 1
    finally:
        stop_emulator(emulator)

    assert statuses[429] == 0, statuses
    assert sum(statuses.values()) == CALLS
    assert pacer.waited_s > 0, "the calls were never paced, so the test proved nothing"


def test_pacing_off_waits_for_nothing() -> None:
    pacer = Pacer(enabled=False)
    for _ in range(50):
        pacer.wait("getPushTemplate")

    assert pacer.waited_s == 0

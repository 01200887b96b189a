"""Expired tokens leave memory and the table on a schedule: memory stays flat under token churn."""

from __future__ import annotations

from pathlib import Path

from agora_chat_emulator.clock import Clock
from agora_chat_emulator.store import Store
from agora_chat_emulator.tokens import TOKEN_PURGE_INTERVAL_MS

ISSUES = 100_000
PER_PURGE = 10_000
RSS_BOUND_BYTES = 8 * 1024 * 1024
"""Growth allowed over 100k issues; keeping every token costs about 22 MB (issue #13: ~217 B
each), keeping the 10k of one purge interval about 2 MB."""


def rss_bytes() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise AssertionError("no VmRSS in /proc/self/status")


def test_expired_tokens_are_purged_so_memory_stays_flat(tmp_path: Path) -> None:
    clock = Clock()
    store = Store(str(tmp_path / "t.db"), clock, client_id="i", client_secret="s")  # noqa: S106
    try:
        for _ in range(PER_PURGE):  # one interval's worth first: the arenas it needs exist
            store.issue_token("client_credentials", "i", "s", 30)
        before = rss_bytes()
        for issued in range(ISSUES):
            if issued % PER_PURGE == 0:
                clock.advance(TOKEN_PURGE_INTERVAL_MS)
            last = store.issue_token("client_credentials", "i", "s", 30)
        grown = rss_bytes() - before
        with store.transaction(write=False) as db:
            rows = db.execute("SELECT count(*) FROM tokens").fetchone()[0]
        store.check_token(last.token)  # the newest is still live
    finally:
        store.close()
    assert rows <= PER_PURGE
    assert grown < RSS_BOUND_BYTES, f"RSS grew {grown / 1e6:.1f} MB over {ISSUES} issues"

"""The write-ahead log is copied into the database file off the request path, and stays bounded.

Checkpoints run in the store's own thread (see ``sqlite.Checkpointer``), not inside a commit; a
PASSIVE checkpoint alone never lets the log start over while writes never pause, so the store
finishes one between two transactions once the log is past ``WAL_RESTART_FRAMES``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from agora_chat_emulator import sqlite as sqlite_module
from agora_chat_emulator.clock import Clock
from agora_chat_emulator.seed import SEED_ROOM_BASE, bulk_seed
from agora_chat_emulator.store import Store

PAGE_FRAME_BYTES = 4096 + 24


def open_store(path: Path) -> Store:
    return Store(str(path), Clock(), client_id="i", client_secret="s")  # noqa: S106


def test_commits_do_not_checkpoint(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.db")
    try:
        # SQLite's own checkpoint would run inside the commit that crosses 1000 log pages.
        assert store._db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 0
    finally:
        store.close()


def test_log_starts_over_under_writes_without_a_pause(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sqlite_module, "CHECKPOINT_INTERVAL_S", 0.005)
    monkeypatch.setattr(sqlite_module, "WAL_RESTART_FRAMES", 100)
    store = open_store(tmp_path / "s.db")
    wal = tmp_path / "s.db-wal"
    try:
        bulk_seed(store, users=50, rooms=50, attributes=0, prefix="u")
        checkpointer = store._checkpointer
        assert checkpointer is not None
        largest, writes = 0, 0
        # Enough checkpoint rounds for the log to start over several times, however fast the
        # machine writes; bounded in writes so a stuck checkpointer fails instead of hanging.
        while checkpointer.rounds < 200 and writes < 200_000:
            n = writes % 50
            store.set_attributes(
                str(SEED_ROOM_BASE + n), f"u{n}", {"k": str(writes)}, "DELETE", forced=False
            )
            writes += 1
            largest = max(largest, wal.stat().st_size)
    finally:
        store.close()
    # Every write adds at least a page to the log: a log that never started over would hold
    # them all. Started over, it holds what the writes between two checkpoints added.
    assert checkpointer.rounds >= 200, writes
    assert largest < writes * PAGE_FRAME_BYTES / 10, (writes, largest)

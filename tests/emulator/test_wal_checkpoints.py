"""The write-ahead log is copied into the database file off the request path, and stays bounded.

Checkpoints run in the store's own thread (see ``sqlite.Checkpointer``), not inside a commit; a
PASSIVE checkpoint alone never lets the log start over while writes never pause, so the store
finishes one between two transactions once the log is past ``WAL_RESTART_FRAMES``.
"""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from agora_chat_emulator import sqlite as sqlite_module
from agora_chat_emulator.clock import Clock
from agora_chat_emulator.seed import SEED_ROOM_BASE, bulk_seed
from agora_chat_emulator.store import Store


def open_store(path: Path) -> Store:
    return Store(str(path), Clock(), client_id="i", client_secret="s")  # noqa: S106


def test_commits_do_not_checkpoint(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.db")
    try:
        # SQLite's own checkpoint would run inside the commit that crosses 1000 log pages.
        assert store._db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 0
    finally:
        store.close()


def restarts(wal: Path) -> int:
    """How often the log has started over: the checkpoint sequence number in the WAL header."""
    with wal.open("rb") as log:
        header = log.read(16)
    sequence: int = struct.unpack(">I", header[12:16])[0]
    return sequence


def test_log_starts_over_under_writes_without_a_pause(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Counted, not timed: every write adds a page, so the log passes 100 pages unless it
    starts over, and the first round to see it past them finishes the checkpoint, after which
    the next write starts it over. However slow the machine, the count only waits for writes
    and rounds; bounded in writes, so a checkpointer that never restarts the log fails. How
    large the log grows, with the lock pass and without it (a single Python writer still
    pauses between transactions now and then, so the log also starts over without it, later),
    is the figure of bench/wal_size.py."""
    monkeypatch.setattr(sqlite_module, "CHECKPOINT_INTERVAL_S", 0.005)
    monkeypatch.setattr(sqlite_module, "WAL_RESTART_FRAMES", 100)
    store = open_store(tmp_path / "s.db")
    wal = tmp_path / "s.db-wal"
    try:
        bulk_seed(store, users=50, rooms=50, attributes=0, prefix="u")
        first, writes = restarts(wal), 0
        while restarts(wal) - first < 3 and writes < 200_000:
            n = writes % 50
            store.set_attributes(
                str(SEED_ROOM_BASE + n), f"u{n}", {"k": str(writes)}, "DELETE", forced=False
            )
            writes += 1
        started_over = restarts(wal) - first
    finally:
        store.close()
    assert started_over >= 3, writes

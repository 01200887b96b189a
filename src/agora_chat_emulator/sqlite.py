"""The emulator's SQLite file: identity check on open, PRAGMAs, schema, transactions, checkpoints.

A file is this emulator's when its header carries ``APPLICATION_ID``; its ``user_version`` is the
schema version. Anything else (another program's database, random bytes, a stale ``-wal`` of
another database, a newer schema) is refused before anything is written, so the file is left as
it was (docs/decisions.md, D58).
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Final

logger = logging.getLogger(__name__)

APPLICATION_ID: Final = 0x41474345  # "AGCE": Agora Chat Emulator
SCHEMA_VERSION: Final = 1
CHECKPOINT_INTERVAL_S: Final = 0.5
WAL_RESTART_FRAMES: Final = 16_384  # 64 MiB of 4 KiB pages
SQLITE_INT_MAX: Final = 2**63 - 1

_SQLITE_HEADER: Final = b"SQLite format 3\x00"

_SCHEMA: Final = (
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
    """CREATE TABLE IF NOT EXISTS tokens (
        token TEXT PRIMARY KEY, expires_at_ms INTEGER) WITHOUT ROWID""",
    """CREATE TABLE IF NOT EXISTS users (
        username TEXT PRIMARY KEY, uuid TEXT NOT NULL, created INTEGER NOT NULL,
        modified INTEGER NOT NULL, activated INTEGER NOT NULL DEFAULT 1, nickname TEXT,
        display_style INTEGER, legacy TEXT) WITHOUT ROWID""",
    """CREATE TABLE IF NOT EXISTS push_settings (
        username TEXT NOT NULL REFERENCES users(username) ON DELETE CASCADE,
        chattype TEXT NOT NULL, key TEXT NOT NULL, type TEXT, interval TEXT, expiry_ms INTEGER,
        PRIMARY KEY (username, chattype, key)) WITHOUT ROWID""",
    """CREATE TABLE IF NOT EXISTS languages (
        username TEXT PRIMARY KEY REFERENCES users(username) ON DELETE CASCADE,
        language TEXT NOT NULL) WITHOUT ROWID""",
    """CREATE TABLE IF NOT EXISTS push_bindings (
        username TEXT NOT NULL REFERENCES users(username) ON DELETE CASCADE,
        device_id TEXT NOT NULL, notifier_name TEXT NOT NULL, device_token TEXT NOT NULL,
        bound_at INTEGER NOT NULL,
        PRIMARY KEY (username, device_id, notifier_name)) WITHOUT ROWID""",
    """CREATE TABLE IF NOT EXISTS templates (
        name TEXT PRIMARY KEY, title_pattern TEXT NOT NULL, content_pattern TEXT NOT NULL,
        create_at INTEGER NOT NULL, update_at INTEGER NOT NULL) WITHOUT ROWID""",
    """CREATE TABLE IF NOT EXISTS rooms (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, description TEXT NOT NULL,
        owner TEXT NOT NULL REFERENCES users(username), maxusers INTEGER NOT NULL,
        custom TEXT NOT NULL, created INTEGER NOT NULL) WITHOUT ROWID""",
    "CREATE INDEX IF NOT EXISTS rooms_owner ON rooms (owner)",
    """CREATE TABLE IF NOT EXISTS members (
        room_id TEXT NOT NULL REFERENCES rooms(id) ON DELETE CASCADE,
        username TEXT NOT NULL REFERENCES users(username),
        role TEXT NOT NULL CHECK (role IN ('owner', 'member')), joined_seq INTEGER NOT NULL,
        PRIMARY KEY (room_id, username)) WITHOUT ROWID""",
    "CREATE INDEX IF NOT EXISTS members_username ON members (username)",
    "CREATE INDEX IF NOT EXISTS members_order ON members (room_id, joined_seq)",
    # owner has no foreign key: NO_DELETE attributes outlive their owner's membership and account.
    """CREATE TABLE IF NOT EXISTS attributes (
        room_id TEXT NOT NULL REFERENCES rooms(id) ON DELETE CASCADE, key TEXT NOT NULL,
        value TEXT NOT NULL, owner TEXT NOT NULL, auto_delete INTEGER NOT NULL,
        PRIMARY KEY (room_id, key)) WITHOUT ROWID""",
    "CREATE INDEX IF NOT EXISTS attributes_owner ON attributes (room_id, owner)",
    # Tables added after schema version 1 (created on open; _TABLES keeps version 1's set).
    """CREATE TABLE IF NOT EXISTS passwords (
        username TEXT PRIMARY KEY REFERENCES users(username) ON DELETE CASCADE,
        salt BLOB NOT NULL, digest BLOB NOT NULL) WITHOUT ROWID""",
    """CREATE TABLE IF NOT EXISTS user_tokens (
        token TEXT PRIMARY KEY,
        username TEXT NOT NULL REFERENCES users(username) ON DELETE CASCADE,
        expires_at_ms INTEGER) WITHOUT ROWID""",
    "CREATE INDEX IF NOT EXISTS user_tokens_username ON user_tokens (username)",
    """CREATE TABLE IF NOT EXISTS receiver_templates (
        username TEXT PRIMARY KEY REFERENCES users(username) ON DELETE CASCADE,
        name TEXT NOT NULL) WITHOUT ROWID""",
)
# The tables of the schema version 1 files written before the application_id stamp; tables added
# since (push_bindings) are created when such a file is opened.
_TABLES: Final = frozenset(
    {"meta", "tokens", "users", "push_settings", "languages", "templates", "rooms", "members"}
    | {"attributes"}
)


class ForeignDatabaseError(Exception):
    """The file is not an emulator database this version can open; nothing was written to it."""

    def __init__(self, path: str, cause: str) -> None:
        super().__init__(f"{path}: {cause}")


def check_identity(path: str) -> None:
    """Refuse a file that is not this emulator's, reading it without changing it."""
    if path == ":memory:":
        return
    db_file = Path(path)
    wal = Path(f"{path}-wal")
    if not db_file.exists():
        if wal.exists() and wal.stat().st_size:
            raise ForeignDatabaseError(path, f"a write-ahead log {wal} exists without its database")
        return
    with db_file.open("rb") as handle:
        header = handle.read(100)
    if not header:
        return  # an empty file is a new database
    if not header.startswith(_SQLITE_HEADER):
        raise ForeignDatabaseError(path, "not an SQLite database")
    on_disk_id = int.from_bytes(header[68:72], "big")
    try:
        # Read-only: a foreign -wal is read, never replayed into the file or truncated.
        probe = sqlite3.connect(f"{db_file.resolve().as_uri()}?mode=ro", uri=True)
        try:
            application_id = probe.execute("PRAGMA application_id").fetchone()[0]
            version = probe.execute("PRAGMA user_version").fetchone()[0]
            tables = {
                row[0]
                for row in probe.execute("SELECT name FROM sqlite_schema WHERE type = 'table'")
            }
        finally:
            probe.close()
    except sqlite3.DatabaseError as exc:
        raise ForeignDatabaseError(path, f"unreadable as SQLite ({exc})") from None
    if on_disk_id == APPLICATION_ID and application_id != on_disk_id:
        raise ForeignDatabaseError(path, f"its write-ahead log {wal} belongs to another database")
    if application_id == 0 and tables and not (version == 1 and tables == _TABLES):
        # Schema version 1 files were written before the application_id stamp; others are not ours.
        shown = ", ".join(sorted(tables)[:5])
        raise ForeignDatabaseError(path, f"another program's database (tables: {shown})")
    if application_id not in (0, APPLICATION_ID):
        raise ForeignDatabaseError(
            path, f"another program's database (application_id {application_id:#x})"
        )
    if version > SCHEMA_VERSION:
        raise ForeignDatabaseError(
            path, f"schema version {version} is newer than this emulator's ({SCHEMA_VERSION})"
        )


class Database:
    """One SQLite connection behind one lock; every transaction runs under that lock."""

    def __init__(self, path: str) -> None:
        check_identity(path)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._db.row_factory = sqlite3.Row
        self._checkpointer: Checkpointer | None = None
        if path != ":memory:":
            mode = self._db.execute("PRAGMA journal_mode=WAL").fetchone()[0]
            if mode == "wal":
                # Checkpoints run in a thread of their own (see Checkpointer), not in a commit.
                self._db.execute("PRAGMA wal_autocheckpoint=0")
                self._checkpointer = Checkpointer(path, self._lock)
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA foreign_keys=ON")
        self._db.execute("PRAGMA busy_timeout=5000")
        with self.transaction() as db:
            for statement in _SCHEMA:
                db.execute(statement)
            db.execute(f"PRAGMA application_id={APPLICATION_ID}")
            db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
            db.execute(
                "INSERT OR IGNORE INTO meta (key, value) VALUES ('app_uuid', ?)",
                (str(uuid.uuid4()),),
            )
            self.app_uuid: str = db.execute(
                "SELECT value FROM meta WHERE key = 'app_uuid'"
            ).fetchone()[0]

    @contextmanager
    def transaction(self, *, write: bool = True) -> Iterator[sqlite3.Connection]:
        """Serialise on the lock and run the block in one transaction (all or nothing)."""
        with self._lock:
            # Readers take a deferred transaction so they never block another process's writer.
            self._db.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            try:
                yield self._db
                self._db.execute("COMMIT")
            except BaseException:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise

    def close(self) -> None:
        if self._checkpointer is not None:
            self._checkpointer.close()
        with self._lock:
            self._db.close()


class Checkpointer:
    """Copies the write-ahead log into the database file from a thread and connection of its own.

    SQLite's automatic checkpoint runs inside the commit that takes the log past 1000 pages, on the
    event loop, stalling every request queued behind it. Here a PASSIVE checkpoint, which blocks
    neither readers nor writers, runs every CHECKPOINT_INTERVAL_S. Under writes without a pause
    it never quite reaches the log's end, and the log only starts over once it has: so past
    WAL_RESTART_FRAMES the checkpointer finishes the last pages under the store's lock, between
    two transactions. Commits are as durable as before (docs/decisions.md, D45).
    """

    def __init__(self, path: str, store_lock: threading.Lock) -> None:
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA busy_timeout=5000")
        self._store_lock = store_lock
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="wal-checkpointer", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(CHECKPOINT_INTERVAL_S):
            try:
                if self._checkpoint() > WAL_RESTART_FRAMES:
                    with self._store_lock:
                        self._checkpoint()
            except sqlite3.Error:
                # Busy past the timeout or an I/O error: the next round tries again.
                logger.warning("WAL checkpoint failed", exc_info=True)

    def _checkpoint(self) -> int:
        """A PASSIVE checkpoint; returns the number of pages in the log."""
        frames: int = self._db.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()[1]
        return frames

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self._db.close()

"""``serve`` refuses an SQLite file that is not its own, in one line, leaving the file unchanged
(docs/decisions.md, D58)."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from agora_chat_emulator.clock import Clock
from agora_chat_emulator.sqlite import APPLICATION_ID, SCHEMA_VERSION
from agora_chat_emulator.store import Store


def other_program(path: Path) -> None:
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")


def random_bytes(path: Path) -> None:
    path.write_bytes(bytes(range(256)) * 20)


def newer_schema(path: Path) -> None:
    Store(str(path), Clock(), client_id="i", client_secret="s").close()  # noqa: S106
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")


def stale_foreign_wal(path: Path) -> None:
    Store(str(path), Clock(), client_id="i", client_secret="s").close()  # noqa: S106
    other = path.with_name("other.db")
    db = sqlite3.connect(other, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA wal_autocheckpoint=0")
    db.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    # Copied while the other database is open, so its log still holds the pages.
    shutil.copy(other.with_name("other.db-wal"), path.with_name(path.name + "-wal"))
    db.close()


def digest(path: Path) -> list[str]:
    files = [path, path.with_name(path.name + "-wal")]
    return [hashlib.sha256(f.read_bytes()).hexdigest() for f in files if f.exists()]


@pytest.mark.parametrize(
    ("make", "cause"),
    [
        (other_program, "another program's database (tables: invoices)"),
        (random_bytes, "not an SQLite database"),
        (newer_schema, f"schema version {SCHEMA_VERSION + 1} is newer"),
        (stale_foreign_wal, "belongs to another database"),
    ],
)
def test_a_file_that_is_not_ours_is_refused_and_left_unchanged(
    tmp_path: Path, make: Callable[[Path], None], cause: str
) -> None:
    db = tmp_path / "state.db"
    make(db)
    before = digest(db)

    result = subprocess.run(
        [sys.executable, "-m", "agora_chat_emulator", "serve", "--port", "0", "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1, result.stderr
    assert str(db) in result.stderr
    assert cause in result.stderr
    assert digest(db) == before


def test_a_new_file_is_stamped_with_the_emulator_identity(tmp_path: Path) -> None:
    db = tmp_path / "state.db"
    Store(str(db), Clock(), client_id="i", client_secret="s").close()  # noqa: S106

    with sqlite3.connect(db) as check:
        assert check.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert check.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION

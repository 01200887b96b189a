"""``serve`` fails to start in one line naming the file and the cause (exit 1, no traceback), and
a full disk while serving is the service's 500 body with the reason, nothing stored lost."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from agora_chat_emulator.app import create_app
from agora_chat_emulator.clock import Clock
from agora_chat_emulator.config import Settings
from agora_chat_emulator.store import Store


def serve(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "agora_chat_emulator", "serve", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def our_database(path: Path) -> None:
    store = Store(str(path), Clock(), client_id="i", client_secret="s")  # noqa: S106
    store.register_users([{"username": f"user{i}"} for i in range(200)], batch=True)
    store.close()


def truncated(path: Path) -> None:
    our_database(path)
    path.write_bytes(path.read_bytes()[:3000])


@contextmanager
def read_only(path: Path) -> Iterator[None]:
    our_database(path)
    if os.geteuid() != 0:
        path.chmod(0o444)
        path.parent.chmod(0o555)
        try:
            yield
        finally:
            path.parent.chmod(0o755)
        return
    # root ignores permission bits; the immutable attribute binds it too.
    if subprocess.run(["chattr", "+i", str(path)], check=False).returncode != 0:
        pytest.skip("running as root without chattr: no way to make the file read-only")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


def test_missing_directory_truncated_or_read_only_file_is_one_line_exit_1(tmp_path: Path) -> None:
    cases: list[tuple[Path, Callable[[Path], None] | None, str]] = [
        (tmp_path / "no-such-dir" / "state.db", None, "directory"),
        (tmp_path / "truncated.db", truncated, "malformed"),
    ]
    for db, make, cause in cases:
        if make is not None:
            make(db)
        result = serve("--port", "0", "--db", str(db))
        assert result.returncode == 1, result.stderr
        assert result.stderr.count("\n") == 1, result.stderr
        assert str(db) in result.stderr
        assert cause in result.stderr, result.stderr
    db = tmp_path / "ro" / "state.db"
    db.parent.mkdir()
    with read_only(db):
        result = serve("--port", "0", "--db", str(db))
    assert result.returncode == 1, result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert str(db) in result.stderr
    assert "read-only" in result.stderr


def test_port_in_use_is_one_line_exit_1(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        result = serve("--port", port, "--db", str(tmp_path / "e.db"))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1, result.stderr
    assert port in result.stderr


def test_full_disk_is_a_500_with_the_reason_and_loses_nothing(tmp_path: Path) -> None:
    settings = Settings(db=str(tmp_path / "full.db"))
    app = create_app(settings)
    store: Store = app.state.emulator.store
    token = store.issue_token("client_credentials", settings.client_id, settings.client_secret, 0)
    prefix = f"/{settings.org}/{settings.app}"

    async def calls() -> tuple[httpx.Response, httpx.Response, httpx.Response]:
        transport = httpx.ASGITransport(app=app)
        headers = {"Authorization": f"Bearer {token.token}"}
        async with httpx.AsyncClient(
            transport=transport, base_url="http://emulator", headers=headers
        ) as http:
            first = await http.post(f"{prefix}/users", json=[{"username": "kept"}])
            with store.transaction() as db:  # from here the file may not grow by one page
                pages = db.execute("PRAGMA page_count").fetchone()[0]
                db.execute(f"PRAGMA max_page_count = {pages}")
            big = [{"username": f"u{i}", "nickname": "n" * 60} for i in range(60)]
            refused = await http.post(f"{prefix}/users", json=big)
            kept = await http.get(f"{prefix}/users/kept")
        return first, refused, kept

    try:
        first, refused, kept = asyncio.run(calls())
    finally:
        app.state.emulator.close()
    assert first.status_code == 200, first.text
    assert refused.status_code == 500
    body = refused.json()
    assert body["error"] == "internal_error"
    assert "full" in body["error_description"], body
    assert kept.status_code == 200

"""State survives a hard kill: every write answered with 200 is on disk (SQLite WAL)."""

from __future__ import annotations

from pathlib import Path

from agora_chat_emulator.pytest_plugin import start_emulator, stop_emulator

from .helpers import Api

CLI_ARGS = ("--rate-limits", "off", "--validate-responses")


def test_writes_answered_before_sigkill_are_read_back_after_restart(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    first = start_emulator(db, *CLI_ARGS)
    writer = Api(first)
    try:
        writer.register("alice", "bob")
        writer.ok("PUT", "/users/alice", json={"nickname": "Al", "notification_display_style": 1})
        room = writer.create_room("alice", "bob")
        writer.set_attributes(room, "bob", {"topic": "tea", "mood": "calm"})
        template = writer.ok(
            "POST",
            "/notification/template",
            json={"name": "hello", "title_pattern": "t {0}", "content_pattern": "c {0}"},
        )["data"]
        first.process.kill()  # SIGKILL right after the last 200: no shutdown, no checkpoint
        first.process.wait()
    finally:
        writer.close()
        stop_emulator(first)

    second = start_emulator(db, *CLI_ARGS)
    second.token = first.token  # the token issued before the crash
    reader = Api(second)
    try:
        alice = reader.ok("GET", "/users/alice")["entities"][0]
        assert (alice["nickname"], alice["notification_display_style"]) == ("Al", 1)
        assert reader.members(room) == [{"owner": "alice"}, {"member": "bob"}]
        assert reader.attributes(room) == {"mood": "calm", "topic": "tea"}
        assert reader.ok("GET", "/notification/template/hello")["data"] == template
        # Ownership survived too: alice may not take bob's key without forcing.
        refused = reader.delete_attributes(room, "alice", ["topic"])
        assert refused["errorKeys"] == {"topic": "key 'topic' is not part of you"}
    finally:
        reader.close()
        stop_emulator(second)

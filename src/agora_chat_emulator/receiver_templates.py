"""The push template a receiving user chose (``/users/{username}/notification/template``).

A mixin of ``store.Store`` like ``rooms.RoomRules``; every public method runs in exactly one
transaction of ``sqlite.Database`` and raises ``errors.ApiError``.
"""

from __future__ import annotations

import sqlite3

from agora_chat_emulator import errors
from agora_chat_emulator.rooms import user_row
from agora_chat_emulator.sqlite import Database


class ReceiverTemplateRules(Database):
    def set_receiver_template(self, username: str, name: str) -> str:
        """Choose an existing template; the choice outlives the template (D101)."""
        username = username.lower()
        with self.transaction() as db:
            _require_receiver(db, username)
            if db.execute("SELECT 1 FROM templates WHERE name = ?", (name,)).fetchone() is None:
                raise errors.template_not_found(name)
            db.execute(
                "INSERT INTO receiver_templates (username, name) VALUES (?, ?)"
                " ON CONFLICT (username) DO UPDATE SET name = excluded.name",
                (username, name),
            )
        return name

    def get_receiver_template(self, username: str) -> str:
        """The chosen template's name, "" when none was chosen."""
        username = username.lower()
        with self.transaction(write=False) as db:
            _require_receiver(db, username)
            row = db.execute(
                "SELECT name FROM receiver_templates WHERE username = ?", (username,)
            ).fetchone()
        return "" if row is None else str(row[0])


def _require_receiver(db: sqlite3.Connection, username: str) -> None:
    # The push family's answer for an unknown user (D15); a user token ends with its user, so
    # only a deletion racing the call meets it.
    if user_row(db, username) is None:
        raise errors.push_user_not_found()

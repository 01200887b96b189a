"""Offline push: settings, language, templates (the receiver's too), device bindings, nicknames:
the store's push rules.

Every public method runs in exactly one transaction of ``sqlite.Database``; rules raise
``errors.ApiError``, results are plain values of ``domain``. ``store.Store`` mixes this in.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Mapping, Sequence
from typing import Final

from agora_chat_emulator import errors
from agora_chat_emulator.behaviours import Behaviours
from agora_chat_emulator.clock import Clock
from agora_chat_emulator.domain import PushBinding, PushSetting, Template
from agora_chat_emulator.rooms import user_row
from agora_chat_emulator.sqlite import Database

_MIDNIGHT_TO_MIDNIGHT: Final = re.compile(r"0?0:0?0-0?0:0?0", re.ASCII)


class PushRules(Database):
    """The push half of the store (``store.Store`` adds tokens and users, ``rooms`` rooms)."""

    clock: Clock
    behaviours: Behaviours

    # --- push settings, language, templates -----------------------------------------------

    def set_push_setting(
        self,
        username: str,
        chattype: str,
        key: str,
        *,
        mode: str | None,
        interval: str | None,
        duration_ms: int | None,
    ) -> PushSetting:
        """Update the DND/push mode of the app (key == username) or of one conversation.

        None, "" and 0 mean "not given": the stored value is kept.
        """
        username, key = username.lower(), _conversation_key(chattype, key)
        app_level = _is_app_level(username, chattype, key)
        if (
            interval
            and _MIDNIGHT_TO_MIDNIGHT.fullmatch(interval)
            and self.behaviours["dnd-zero-interval"] == "off"
        ):
            interval = ""  # stored as "no window", which COALESCE keeps (D96)
        else:
            interval = interval or None
        with self.transaction() as db:
            _require_push_user(db, username)
            now = self.clock.now_ms()
            db.execute(
                "INSERT INTO push_settings (username, chattype, key, type, interval, expiry_ms)"
                " VALUES (?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (username, chattype, key) DO UPDATE SET"
                " type = COALESCE(excluded.type, type),"
                " interval = COALESCE(excluded.interval, interval),"
                " expiry_ms = COALESCE(excluded.expiry_ms, expiry_ms)",
                (
                    username,
                    chattype,
                    key,
                    mode or None,
                    # Stored and echoed for conversations too (D86); only the app-level one acts.
                    interval,
                    now + duration_ms if duration_ms else None,
                ),
            )
            return _push_setting(db, username, chattype, key, app_level=app_level, now=now)

    def get_push_setting(self, username: str, chattype: str, key: str) -> PushSetting:
        username, key = username.lower(), _conversation_key(chattype, key)
        with self.transaction(write=False) as db:
            _require_push_user(db, username)
            return _push_setting(
                db,
                username,
                chattype,
                key,
                app_level=_is_app_level(username, chattype, key),
                now=self.clock.now_ms(),
            )

    def set_language(self, username: str, language: str) -> str:
        username = username.lower()
        with self.transaction() as db:
            _require_push_user(db, username)
            db.execute(
                "INSERT INTO languages (username, language) VALUES (?, ?)"
                " ON CONFLICT (username) DO UPDATE SET language = excluded.language",
                (username, language),
            )
        return language

    def get_language(self, username: str) -> str:
        """The preferred push language, "" when never set."""
        username = username.lower()
        with self.transaction(write=False) as db:
            _require_push_user(db, username)
            row = db.execute(
                "SELECT language FROM languages WHERE username = ?", (username,)
            ).fetchone()
        return "" if row is None else str(row[0])

    def create_template(self, name: str, title_pattern: str, content_pattern: str) -> Template:
        with self.transaction() as db:
            if _template_row(db, name) is not None:
                raise errors.template_exists(name)
            now = self.clock.now_ms()
            db.execute(
                "INSERT INTO templates (name, title_pattern, content_pattern, create_at, update_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (name, title_pattern, content_pattern, now, now),
            )
            return _template(_require_template(db, name))

    def get_template(self, name: str) -> Template:
        with self.transaction(write=False) as db:
            return _template(_require_template(db, name))

    def delete_template(self, name: str) -> Template:
        with self.transaction() as db:
            template = _template(_require_template(db, name))
            db.execute("DELETE FROM templates WHERE name = ?", (name,))
        return template

    def set_receiver_template(self, username: str, name: str) -> str:
        """The receiver's template: choose an existing one; the choice outlives it (D101)."""
        username = username.lower()
        with self.transaction() as db:
            _require_push_user(db, username)
            _require_template(db, name)
            db.execute(
                "INSERT INTO receiver_templates (username, name) VALUES (?, ?)"
                " ON CONFLICT (username) DO UPDATE SET name = excluded.name",
                (username, name),
            )
        return name

    def get_receiver_template(self, username: str) -> str:
        """The receiver's chosen template's name, "" when none was chosen."""
        username = username.lower()
        with self.transaction(write=False) as db:
            _require_push_user(db, username)
            row = db.execute(
                "SELECT name FROM receiver_templates WHERE username = ?", (username,)
            ).fetchone()
        return "" if row is None else str(row[0])

    # --- device bindings and batch nicknames ----------------------------------------------

    def bind_device(
        self, username: str, device_id: str, device_token: str, notifier_name: str
    ) -> list[PushBinding]:
        """Bind or unbind one device; returns the device's bindings afterwards (D92).

        An empty ``notifier_name`` unbinds the device from every certificate; an empty
        ``device_token`` unbinds it from ``notifier_name`` only.
        """
        username = username.lower()
        with self.transaction() as db:
            _require_push_user(db, username)
            if not notifier_name:
                db.execute(
                    "DELETE FROM push_bindings WHERE username = ? AND device_id = ?",
                    (username, device_id),
                )
            elif not device_token:
                db.execute(
                    "DELETE FROM push_bindings"
                    " WHERE username = ? AND device_id = ? AND notifier_name = ?",
                    (username, device_id, notifier_name),
                )
            else:
                db.execute(
                    "INSERT INTO push_bindings"
                    " (username, device_id, notifier_name, device_token, bound_at)"
                    " VALUES (?, ?, ?, ?, ?)"
                    " ON CONFLICT (username, device_id, notifier_name)"
                    " DO UPDATE SET device_token = excluded.device_token",
                    (username, device_id, notifier_name, device_token, self.clock.now_ms()),
                )
            return _bindings(db, username, device_id)

    def get_bindings(self, username: str) -> list[PushBinding]:
        """Every binding of every device of the user, oldest first."""
        username = username.lower()
        with self.transaction(write=False) as db:
            _require_push_user(db, username)
            return _bindings(db, username)

    def set_push_nicknames(self, items: Sequence[Mapping[str, str]]) -> list[tuple[str, str]]:
        """Set the push nickname of each user, all or none; returns (username, nickname) pairs.

        The nickname is the one ``setPushProfile`` writes and ``getUser`` shows (D93).
        """
        pairs = [(str(item["username"]).lower(), str(item["push_nickname"])) for item in items]
        with self.transaction() as db:
            for username, _nickname in pairs:
                _require_push_user(db, username)
            now = self.clock.now_ms()
            # A name given twice ends with its last nickname, as if the items were sent in turn.
            db.executemany(
                "UPDATE users SET nickname = ?, modified = ? WHERE username = ?",
                [(nickname, now, username) for username, nickname in pairs],
            )
        return pairs

    def _require_profile_user(self, db: sqlite3.Connection, username: str) -> sqlite3.Row:
        """The user a push-profile call names; the answer for a missing one is a switch (D97)."""
        row = user_row(db, username)
        if row is not None:
            return row
        if self.behaviours["push-profile-unknown-user"] == "required-property-400":
            raise errors.push_user_not_found()
        raise errors.user_not_found(username)


# --- row helpers (run inside a transaction) --------------------------------------------------


def _require_push_user(db: sqlite3.Connection, username: str) -> None:
    if user_row(db, username) is None:
        raise errors.push_user_not_found()


def _conversation_key(chattype: str, key: str) -> str:
    # A one-to-one conversation is keyed by a username, and usernames are case-insensitive.
    return key.lower() if chattype == "user" else key


def _is_app_level(username: str, chattype: str, key: str) -> bool:
    return chattype == "user" and key == username


def _push_setting(
    db: sqlite3.Connection, username: str, chattype: str, key: str, *, app_level: bool, now: int
) -> PushSetting:
    row = db.execute(
        "SELECT type, interval, expiry_ms FROM push_settings"
        " WHERE username = ? AND chattype = ? AND key = ?",
        (username, chattype, key),
    ).fetchone()
    mode, interval, expiry = (None, None, None) if row is None else tuple(row)
    return PushSetting(
        mode=mode or ("ALL" if app_level else "DEFAULT"),
        interval=interval or "",
        expiry_ms=expiry if expiry is not None and expiry > now else 0,
    )


def _template_row(db: sqlite3.Connection, name: str) -> sqlite3.Row | None:
    row: sqlite3.Row | None = db.execute(
        "SELECT * FROM templates WHERE name = ?", (name,)
    ).fetchone()
    return row


def _require_template(db: sqlite3.Connection, name: str) -> sqlite3.Row:
    row = _template_row(db, name)
    if row is None:
        raise errors.template_not_found(name)
    return row


def _template(row: sqlite3.Row) -> Template:
    return Template(
        name=row["name"],
        created=row["create_at"],
        updated=row["update_at"],
        title_pattern=row["title_pattern"],
        content_pattern=row["content_pattern"],
    )


def _bindings(
    db: sqlite3.Connection, username: str, device_id: str | None = None
) -> list[PushBinding]:
    query = "SELECT device_id, device_token, notifier_name FROM push_bindings WHERE username = ?"
    params: tuple[str, ...] = (username,)
    if device_id is not None:
        query += " AND device_id = ?"
        params += (device_id,)
    rows = db.execute(query + " ORDER BY bound_at, device_id, notifier_name", params).fetchall()
    return [PushBinding(*row) for row in rows]

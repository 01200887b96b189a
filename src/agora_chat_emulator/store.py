"""The state of one emulated Agora Chat app: users (tokens: ``tokens``; push: ``push``; rooms:
``rooms``).

Every public method runs under one lock in exactly one transaction, so each call is atomic and
calls are serialised. Methods return the plain values of ``domain`` and raise ``errors.ApiError``;
nothing here knows about HTTP or the wire shapes (``views`` does).
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Mapping, Sequence
from typing import Any, Final

from agora_chat_emulator import errors
from agora_chat_emulator.behaviours import Behaviours
from agora_chat_emulator.clock import Clock
from agora_chat_emulator.domain import UNSET, RegisterFailure, Unset, User
from agora_chat_emulator.push import PushRules
from agora_chat_emulator.rooms import RoomRules, leave, user_row
from agora_chat_emulator.tokens import TokenRules, remember_password

# Children before parents, so foreign keys hold at every step of reset().
_CLEAR_DATA: Final = (
    "DELETE FROM receiver_templates",
    "DELETE FROM user_tokens",
    "DELETE FROM passwords",
    "DELETE FROM attributes",
    "DELETE FROM members",
    "DELETE FROM rooms",
    "DELETE FROM push_settings",
    "DELETE FROM push_bindings",
    "DELETE FROM languages",
    "DELETE FROM templates",
    "DELETE FROM users",
)


class Store(TokenRules, RoomRules, PushRules):
    """The emulator's domain state for one app, persisted in one SQLite file."""

    def __init__(
        self,
        path: str,
        clock: Clock,
        *,
        client_id: str,
        client_secret: str,
        org: str = "",
        app: str = "",
        behaviours: Behaviours | None = None,
    ) -> None:
        super().__init__(path, clock)
        self.behaviours = behaviours or Behaviours()
        self._init_tokens(org, app, client_id, client_secret)

    def _to_user(self, row: sqlite3.Row) -> User:
        return _user(row)

    def reset(self) -> None:
        """Delete all data but the app UUID and the issued app tokens, which clients keep cached
        (user tokens end with their users)."""
        with self.transaction() as db:
            for statement in _CLEAR_DATA:
                db.execute(statement)

    # --- users ----------------------------------------------------------------------------

    def register_users(
        self, items: Sequence[Mapping[str, Any]], *, batch: bool
    ) -> tuple[list[User], list[RegisterFailure]]:
        """Create users; returns (created, failures). The object form raises on a duplicate."""
        _check_passwords(items, required=self.behaviours["registration-password"] == "required")
        created: list[User] = []
        failures: list[RegisterFailure] = []
        with self.transaction() as db:
            now = self.clock.now_ms()
            for item in items:
                username = str(item["username"]).lower()
                if user_row(db, username) is not None or any(
                    u.username == username for u in created
                ):
                    if not batch:
                        raise errors.user_exists(self.app_uuid, username)
                    failures.append(RegisterFailure(username, f"the {username} already exists"))
                    continue
                db.execute(
                    "INSERT INTO users (username, uuid, created, modified, nickname)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (username, str(uuid.uuid1()), now, now, item.get("nickname")),
                )
                remember_password(db, username, item.get("password"))
                created.append(_user(_require_user(db, username)))
        return created, failures

    def get_user(self, username: str) -> User:
        with self.transaction(write=False) as db:
            return _user(_require_user(db, username.lower()))

    def delete_user(self, username: str) -> User:
        """Delete a user, the rooms they own, their memberships and push settings."""
        username = username.lower()
        with self.transaction() as db:
            user = _user(_require_user(db, username))
            # Owned rooms go first, so the owner's membership rows vanish with them.
            db.execute("DELETE FROM rooms WHERE owner = ?", (username,))
            rooms = db.execute(
                "SELECT room_id FROM members WHERE username = ?", (username,)
            ).fetchall()
            for (room_id,) in rooms:
                leave(db, room_id, username)
            db.execute("DELETE FROM users WHERE username = ?", (username,))
        return user

    def update_user(
        self,
        username: str,
        *,
        nickname: str | Unset = UNSET,
        display_style: int | Unset = UNSET,
        no_disturbing: bool | Unset = UNSET,
        no_disturbing_start: float | str | Unset = UNSET,
        no_disturbing_end: float | str | Unset = UNSET,
    ) -> User:
        """Apply the given fields; with none given, return the user untouched."""
        username = username.lower()
        with self.transaction() as db:
            row = self._require_profile_user(db, username)
            # The legacy column keeps the older DND fields as JSON under their request names.
            legacy: dict[str, Any] = json.loads(row["legacy"]) if row["legacy"] else {}
            if not isinstance(no_disturbing, Unset):
                legacy["notification_no_disturbing"] = no_disturbing
            if not isinstance(no_disturbing_start, Unset):
                legacy["notification_no_disturbing_start"] = _legacy_hour(no_disturbing_start)
            if not isinstance(no_disturbing_end, Unset):
                legacy["notification_no_disturbing_end"] = _legacy_hour(no_disturbing_end)
            given = (nickname, display_style, no_disturbing, no_disturbing_start, no_disturbing_end)
            if all(isinstance(value, Unset) for value in given):
                return _user(row)
            db.execute(
                "UPDATE users SET nickname = ?, display_style = ?, legacy = ?, modified = ?"
                " WHERE username = ?",
                (
                    row["nickname"] if isinstance(nickname, Unset) else nickname,
                    row["display_style"] if isinstance(display_style, Unset) else display_style,
                    json.dumps(legacy) if legacy else None,
                    self.clock.now_ms(),
                    username,
                ),
            )
            return _user(_require_user(db, username))


# --- row helpers (run inside a transaction) --------------------------------------------------


def _legacy_hour(value: float | str) -> str:
    """The hour as the service returns it, a string of digits: ``23.0`` (a JSON integer to the
    schema) becomes ``"23"``, the form the same API accepts back; strings stay as sent (D83)."""
    return value if isinstance(value, str) else str(int(value))


def _check_passwords(items: Sequence[Mapping[str, Any]], *, required: bool) -> None:
    """Refuse the whole request for a missing password (where required, D108) or for one
    username sent with two different passwords (D109); a name repeated with one password is a
    per-user failure instead."""
    passwords: dict[str, list[str]] = {}
    for item in items:
        password = item.get("password")
        if password is None:
            if required:
                raise errors.password_missing()
            continue
        seen = passwords.setdefault(str(item["username"]).lower(), [])
        if password not in seen:
            seen.append(password)
    for username, seen in passwords.items():
        if len(seen) > 1:
            raise errors.different_passwords(username, seen)


def _require_user(db: sqlite3.Connection, username: str) -> sqlite3.Row:
    row = user_row(db, username)
    if row is None:
        raise errors.user_not_found(username)
    return row


def _user(row: sqlite3.Row) -> User:
    return User(
        username=row["username"],
        uuid=row["uuid"],
        created=row["created"],
        modified=row["modified"],
        activated=bool(row["activated"]),
        nickname=row["nickname"],
        display_style=row["display_style"],
        legacy=json.loads(row["legacy"]) if row["legacy"] else {},
    )

"""The state of one emulated Agora Chat app: tokens and users (rooms: ``rooms``, push: ``push``).

Every public method runs under one lock in exactly one transaction, so each call is atomic and
calls are serialised. Methods return the plain values of ``domain`` and raise ``errors.ApiError``;
nothing here knows about HTTP or the wire shapes (``views`` does).
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import secrets
import sqlite3
import uuid
from collections.abc import Mapping, Sequence
from typing import Any, Final

from agora_chat_emulator import errors
from agora_chat_emulator.behaviours import Behaviours
from agora_chat_emulator.clock import Clock
from agora_chat_emulator.domain import UNSET, RegisterFailure, Token, Unset, User
from agora_chat_emulator.push import PushRules
from agora_chat_emulator.rooms import RoomRules, leave, user_row
from agora_chat_emulator.sqlite import SQLITE_INT_MAX

DEFAULT_TOKEN_TTL_S: Final = 5_184_000
TOKEN_PURGE_INTERVAL_MS: Final = 60_000
"""Expired tokens leave the table and the cache this often (emulator time), on the next issue."""

TOKEN_PREFIX: Final = "YWMt"  # noqa: S105 - the service's token format marker
_TOKEN_RE: Final = re.compile(TOKEN_PREFIX + r"[A-Za-z0-9_-]+", re.ASCII)
_EXPIRY_RE: Final = re.compile(r"[0-9a-f]{16}", re.ASCII)

# Children before parents, so foreign keys hold at every step of reset().
_CLEAR_DATA: Final = (
    "DELETE FROM attributes",
    "DELETE FROM members",
    "DELETE FROM rooms",
    "DELETE FROM push_settings",
    "DELETE FROM push_bindings",
    "DELETE FROM languages",
    "DELETE FROM templates",
    "DELETE FROM users",
)


class Store(RoomRules, PushRules):
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
        self._client_id = client_id
        self._client_secret = client_secret
        # Tokens start with a tag of the org, app and client ID they were issued for, so an
        # instance serving another app over the same file refuses them (D72). The secret is not
        # part of it: a rotated secret leaves issued tokens valid until they expire.
        self._token_tag = _token_tag(org, app, client_id)
        self._next_purge_ms = 0
        # token -> expiry (None = never); check_token runs on every request.
        self._token_cache: dict[str, int | None] = {}

    def reset(self) -> None:
        """Delete all data but the app UUID and the issued tokens, which clients keep cached."""
        with self.transaction() as db:
            for statement in _CLEAR_DATA:
                db.execute(statement)

    # --- tokens ---------------------------------------------------------------------------

    def issue_token(
        self, grant_type: str, client_id: str, client_secret: str, ttl: int | None
    ) -> Token:
        if grant_type != "client_credentials":
            raise errors.unsupported_grant_type()
        if client_id != self._client_id:
            raise errors.client_id_mismatch()
        if client_secret != self._client_secret:
            raise errors.client_secret_mismatch()
        expires_in = DEFAULT_TOKEN_TTL_S if ttl is None else ttl
        with self.transaction() as db:
            now = self.clock.now_ms()
            # Also when the clock was set back past the last purge.
            if not now < self._next_purge_ms <= now + TOKEN_PURGE_INTERVAL_MS:
                self._purge_expired_tokens(db, now)
            # A ttl past SQLite's 64-bit range is as good as "never": clamp, do not overflow.
            expires_at = None if expires_in == 0 else min(now + expires_in * 1000, SQLITE_INT_MAX)
            # The expiry is part of the token, so a purged token is still told apart as expired.
            token = f"{self._token_tag}{expires_at or 0:016x}{secrets.token_urlsafe(48)}"
            db.execute(
                "INSERT INTO tokens (token, expires_at_ms) VALUES (?, ?)", (token, expires_at)
            )
            self._token_cache[token] = expires_at
        return Token(token, expires_in, self.app_uuid)

    def _purge_expired_tokens(self, db: sqlite3.Connection, now: int) -> None:
        """Without this, every token ever issued stays in memory and in the file (D80)."""
        db.execute("DELETE FROM tokens WHERE expires_at_ms <= ?", (now,))
        self._token_cache = {
            token: expires
            for token, expires in self._token_cache.items()
            if expires is None or expires > now
        }
        self._next_purge_ms = now + TOKEN_PURGE_INTERVAL_MS

    def check_token(self, token: str | None) -> None:
        """Raise the service's 401 unless ``token`` is a live token of this app."""
        if not token:
            raise errors.missing_token()
        if not _TOKEN_RE.fullmatch(token):
            raise errors.malformed_token()
        expiry = token[len(self._token_tag) :][:16]
        if not token.startswith(self._token_tag) or not _EXPIRY_RE.fullmatch(expiry):
            raise errors.unknown_token()
        expires_at = int(expiry, 16) or None
        if expires_at is not None and self.clock.now_ms() >= expires_at:
            raise errors.expired_token()
        if token not in self._token_cache:
            with self.transaction(write=False) as db:
                row = db.execute("SELECT 1 FROM tokens WHERE token = ?", (token,)).fetchone()
                if row is None:
                    raise errors.unknown_token()
                self._token_cache[token] = expires_at

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


def _token_tag(org: str, app: str, client_id: str) -> str:
    digest = hashlib.sha256("\0".join((org, app, client_id)).encode()).digest()
    return TOKEN_PREFIX + base64.urlsafe_b64encode(digest[:9]).decode()


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

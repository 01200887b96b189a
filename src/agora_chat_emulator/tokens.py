"""Tokens: app tokens (client credentials), user tokens (password, inherit) and their check.

The token half of ``store.Store``, a mixin like ``rooms.RoomRules``. Every public method runs in
exactly one transaction of ``sqlite.Database``; rules raise ``errors.ApiError``.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
import sqlite3
import uuid
from collections.abc import Collection
from typing import Final

from agora_chat_emulator import errors
from agora_chat_emulator.clock import Clock
from agora_chat_emulator.domain import Token, User, UserToken
from agora_chat_emulator.rooms import user_row
from agora_chat_emulator.sqlite import SQLITE_INT_MAX, Database

DEFAULT_TOKEN_TTL_S: Final = 5_184_000
TOKEN_PURGE_INTERVAL_MS: Final = 60_000
"""Expired tokens leave the tables and the cache this often (emulator time), on the next issue."""
USERNAME_MAX: Final = 64

TOKEN_PREFIX: Final = "YWMt"  # noqa: S105 - the service's token format marker
_TOKEN_RE: Final = re.compile(TOKEN_PREFIX + r"[A-Za-z0-9_-]+", re.ASCII)
_EXPIRY_RE: Final = re.compile(r"[0-9a-f]{16}", re.ASCII)
_LEGAL_USERNAME: Final = re.compile(r"[A-Za-z0-9_.-]+", re.ASCII)
APP_TOKEN: Final = frozenset({"app"})


class TokenRules(Database):
    """Issues and checks tokens; ``store.Store`` sets the attributes declared here."""

    clock: Clock

    def _init_tokens(self, org: str, app: str, client_id: str, client_secret: str) -> None:
        self._client_id = client_id
        self._client_secret = client_secret
        # Tokens start with a tag of the org, app and client ID they were issued for, so an
        # instance serving another app over the same file refuses them (D72). The secret is not
        # part of it: a rotated secret leaves issued tokens valid until they expire.
        self._token_tag = _token_tag(org, app, client_id)
        self._next_purge_ms = 0
        # app token -> expiry (None = never); check_token runs on every request. User tokens
        # are not cached: they end with their user, which the table's foreign key sees.
        self._token_cache: dict[str, int | None] = {}

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
            token = self._new_token(db, expires_in, None)
        return Token(token, expires_in, self.app_uuid)

    def user_token_by_password(self, username: str, password: str, ttl: int | None) -> UserToken:
        """Grant ``password``: the user's registration password for a user token."""
        username = username.lower()
        with self.transaction() as db:
            row = _require_token_user(db, username)
            stored = db.execute(
                "SELECT salt, digest FROM passwords WHERE username = ?", (username,)
            ).fetchone()
            if stored is None or not hmac.compare_digest(
                _digest(stored["salt"], password), stored["digest"]
            ):
                raise errors.wrong_password()
            return self._user_token(db, row, ttl)

    def user_token_by_user_id(
        self, username: str, *, auto_create: bool, ttl: int | None
    ) -> UserToken:
        """Grant ``inherit`` (the caller checked the app token): a user token by user ID."""
        username = username.lower()
        with self.transaction() as db:
            if auto_create and user_row(db, username) is None:
                if len(username) > USERNAME_MAX:
                    raise errors.username_too_long()
                if not _LEGAL_USERNAME.fullmatch(username):
                    raise errors.username_not_legal(username)
                now = self.clock.now_ms()
                db.execute(
                    "INSERT INTO users (username, uuid, created, modified) VALUES (?, ?, ?, ?)",
                    (username, str(uuid.uuid1()), now, now),
                )
            return self._user_token(db, _require_token_user(db, username), ttl)

    def _to_user(self, row: sqlite3.Row) -> User:
        """The user entity of a ``users`` row (``store.Store`` owns that conversion)."""
        raise NotImplementedError

    def _user_token(self, db: sqlite3.Connection, row: sqlite3.Row, ttl: int | None) -> UserToken:
        expires_in = DEFAULT_TOKEN_TTL_S if ttl is None else ttl
        token = self._new_token(db, expires_in, row["username"])
        return UserToken(token, expires_in, self._to_user(row))

    def _new_token(self, db: sqlite3.Connection, expires_in: int, username: str | None) -> str:
        """A new token of ``username`` (None: the app's), stored in its table."""
        now = self.clock.now_ms()
        # Also when the clock was set back past the last purge.
        if not now < self._next_purge_ms <= now + TOKEN_PURGE_INTERVAL_MS:
            self._purge_expired_tokens(db, now)
        # A ttl past SQLite's 64-bit range is as good as "never": clamp, do not overflow.
        expires_at = None if expires_in == 0 else min(now + expires_in * 1000, SQLITE_INT_MAX)
        # The expiry is part of the token, so a purged token is still told apart as expired.
        token = f"{self._token_tag}{expires_at or 0:016x}{secrets.token_urlsafe(48)}"
        if username is None:
            db.execute(
                "INSERT INTO tokens (token, expires_at_ms) VALUES (?, ?)", (token, expires_at)
            )
            self._token_cache[token] = expires_at
        else:
            db.execute(
                "INSERT INTO user_tokens (token, username, expires_at_ms) VALUES (?, ?, ?)",
                (token, username, expires_at),
            )
        return token

    def _purge_expired_tokens(self, db: sqlite3.Connection, now: int) -> None:
        """Without this, every token ever issued stays in memory and in the file (D80)."""
        db.execute("DELETE FROM tokens WHERE expires_at_ms <= ?", (now,))
        db.execute("DELETE FROM user_tokens WHERE expires_at_ms <= ?", (now,))
        self._token_cache = {
            token: expires
            for token, expires in self._token_cache.items()
            if expires is None or expires > now
        }
        self._next_purge_ms = now + TOKEN_PURGE_INTERVAL_MS

    def check_token(self, token: str | None, kinds: Collection[str] = APP_TOKEN) -> str | None:
        """Raise the service's 401 unless ``token`` is a live token of this app of one of
        ``kinds`` ("app", "user"); returns the user of a user token, None for the app token."""
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
        username: str | None = None
        if token not in self._token_cache:
            with self.transaction(write=False) as db:
                if db.execute("SELECT 1 FROM tokens WHERE token = ?", (token,)).fetchone():
                    self._token_cache[token] = expires_at
                else:
                    row = db.execute(
                        "SELECT username FROM user_tokens WHERE token = ?", (token,)
                    ).fetchone()
                    if row is None:
                        raise errors.unknown_token()
                    username = str(row[0])
        if ("app" if username is None else "user") not in kinds:
            raise errors.wrong_token_kind()
        return username


def remember_password(db: sqlite3.Connection, username: str, password: str | None) -> None:
    """Keep a registered user's password for the ``password`` grant (none: the grant fails).

    Salted and hashed, so the file never holds it in the clear; one round of SHA-256 is enough
    for test credentials and keeps batch registration fast."""
    if password is None:
        return
    salt = secrets.token_bytes(16)
    db.execute(
        "INSERT OR REPLACE INTO passwords (username, salt, digest) VALUES (?, ?, ?)",
        (username, salt, _digest(salt, password)),
    )


def _digest(salt: bytes, password: str) -> bytes:
    return hashlib.sha256(salt + password.encode("utf-8", "surrogatepass")).digest()


def _require_token_user(db: sqlite3.Connection, username: str) -> sqlite3.Row:
    row = user_row(db, username)
    if row is None:
        raise errors.token_user_not_found()
    return row


def _token_tag(org: str, app: str, client_id: str) -> str:
    digest = hashlib.sha256("\0".join((org, app, client_id)).encode()).digest()
    return TOKEN_PREFIX + base64.urlsafe_b64encode(digest[:9]).decode()

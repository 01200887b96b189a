"""SQLite-backed state of one emulated Agora Chat app: tokens, users, push settings, rooms.

Every public method runs under one lock in exactly one transaction, so each call is atomic and
calls are serialised. Methods return JSON-ready dicts and raise ``errors.ApiError``; nothing here
knows about HTTP.
"""

from __future__ import annotations

import enum
import json
import logging
import re
import secrets
import sqlite3
import threading
import uuid
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any, Final

from agora_chat_emulator import errors
from agora_chat_emulator.clock import Clock

Json = dict[str, Any]
logger = logging.getLogger(__name__)

SCHEMA_VERSION: Final = 1
DEFAULT_TOKEN_TTL_S: Final = 5_184_000
DEFAULT_MAXUSERS: Final = 1000
MEMBER_PAGE_MAX: Final = 1000
KEY_MAX: Final = 128
VALUE_MAX: Final = 4096
ROOM_MAX_ATTRIBUTES: Final = 100
BATCH_MAX: Final = 10
CHECKPOINT_INTERVAL_S: Final = 0.5
WAL_RESTART_FRAMES: Final = 16_384  # 64 MiB of 4 KiB pages
# Seeded rooms get ids from this base: generated ids start with the current epoch ms (17…),
# so the two ranges cannot meet for centuries.
SEED_ROOM_BASE: Final = 900_000_000_000_000

TOKEN_PREFIX: Final = "YWMt"  # noqa: S105 - the service's token format marker
_TOKEN_RE: Final = re.compile(TOKEN_PREFIX + r"[A-Za-z0-9_-]+", re.ASCII)
_KEY_RE: Final = re.compile(r"[A-Za-z0-9_.-]+", re.ASCII)
_AUTO_DELETE: Final = {"DELETE": 1, "NO_DELETE": 0}


class Unset(enum.Enum):
    """Sentinel type for "field not given" in partial updates (``None`` may be a value)."""

    UNSET = enum.auto()


UNSET: Final = Unset.UNSET

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
)
_SQLITE_INT_MAX: Final = 2**63 - 1

# Children before parents, so foreign keys hold at every step of reset().
_CLEAR_DATA: Final = (
    "DELETE FROM attributes",
    "DELETE FROM members",
    "DELETE FROM rooms",
    "DELETE FROM push_settings",
    "DELETE FROM languages",
    "DELETE FROM templates",
    "DELETE FROM users",
)


class Store:
    """The emulator's domain state for one org/app, persisted in one SQLite file."""

    def __init__(
        self,
        path: str,
        clock: Clock,
        *,
        org: str,
        app: str,
        client_id: str,
        client_secret: str,
    ) -> None:
        self.org = org
        self.app = app
        self._client_id = client_id
        self._client_secret = client_secret
        self._clock = clock
        self._lock = threading.Lock()
        # token -> expiry (None = never); check_token runs on every request.
        self._token_cache: dict[str, int | None] = {}
        self._last_room_id = 0
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._db.row_factory = sqlite3.Row
        self._checkpointer: _Checkpointer | None = None
        if path != ":memory:":
            mode = self._db.execute("PRAGMA journal_mode=WAL").fetchone()[0]
            if mode == "wal":
                # Checkpoints run in a thread of their own (see _Checkpointer), not in a commit.
                self._db.execute("PRAGMA wal_autocheckpoint=0")
                self._checkpointer = _Checkpointer(path, self._lock)
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA foreign_keys=ON")
        self._db.execute("PRAGMA busy_timeout=5000")
        with self._tx() as db:
            for statement in _SCHEMA:
                db.execute(statement)
            db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
            db.execute(
                "INSERT OR IGNORE INTO meta (key, value) VALUES ('app_uuid', ?)",
                (str(uuid.uuid4()),),
            )
            self.app_uuid: str = db.execute(
                "SELECT value FROM meta WHERE key = 'app_uuid'"
            ).fetchone()[0]

    # --- infrastructure -------------------------------------------------------------------

    @contextmanager
    def _tx(self, *, write: bool = True) -> Iterator[sqlite3.Connection]:
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

    def reset(self) -> None:
        """Delete all data but the app UUID and the issued tokens, which clients keep cached."""
        with self._tx() as db:
            for statement in _CLEAR_DATA:
                db.execute(statement)

    # --- tokens ---------------------------------------------------------------------------

    def issue_token(
        self, grant_type: str, client_id: str, client_secret: str, ttl: int | None
    ) -> Json:
        if grant_type != "client_credentials":
            raise errors.unsupported_grant_type()
        if client_id != self._client_id:
            raise errors.client_id_mismatch()
        if client_secret != self._client_secret:
            raise errors.client_secret_mismatch()
        expires_in = DEFAULT_TOKEN_TTL_S if ttl is None else ttl
        token = TOKEN_PREFIX + secrets.token_urlsafe(48)
        with self._tx() as db:
            # A ttl past SQLite's 64-bit range is as good as "never": clamp, do not overflow.
            expires_at = (
                None
                if expires_in == 0
                else min(self._clock.now_ms() + expires_in * 1000, _SQLITE_INT_MAX)
            )
            db.execute(
                "INSERT INTO tokens (token, expires_at_ms) VALUES (?, ?)", (token, expires_at)
            )
            self._token_cache[token] = expires_at
        return {"access_token": token, "expires_in": expires_in, "application": self.app_uuid}

    def check_token(self, token: str | None) -> None:
        """Raise the service's 401 unless ``token`` is a live token of this app."""
        if not token:
            raise errors.missing_token()
        if not _TOKEN_RE.fullmatch(token):
            raise errors.malformed_token()
        if token in self._token_cache:
            expires_at = self._token_cache[token]
        else:
            with self._tx(write=False) as db:
                row = db.execute(
                    "SELECT expires_at_ms FROM tokens WHERE token = ?", (token,)
                ).fetchone()
                if row is None:
                    raise errors.unknown_token()
                expires_at = row[0]
                self._token_cache[token] = expires_at
        if expires_at is not None and self._clock.now_ms() >= expires_at:
            raise errors.expired_token()

    # --- users ----------------------------------------------------------------------------

    def register_users(
        self, items: Sequence[Mapping[str, Any]], *, batch: bool
    ) -> tuple[list[Json], list[Json]]:
        """Create users; returns (entities, failures). The object form raises on a duplicate."""
        entities: list[Json] = []
        failures: list[Json] = []
        with self._tx() as db:
            now = self._clock.now_ms()
            for item in items:
                username = str(item["username"]).lower()
                if _user_row(db, username) is not None or any(
                    e["username"] == username for e in entities
                ):
                    if not batch:
                        raise errors.user_exists(self.app_uuid, username)
                    failures.append(
                        {
                            "username": username,
                            "registerUserFailReason": f"the {username} already exists",
                        }
                    )
                    continue
                db.execute(
                    "INSERT INTO users (username, uuid, created, modified, nickname)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (username, str(uuid.uuid1()), now, now, item.get("nickname")),
                )
                entities.append(_entity(_require_user(db, username)))
        return entities, failures

    def get_user(self, username: str) -> Json:
        with self._tx(write=False) as db:
            return _entity(_require_user(db, username.lower()))

    def delete_user(self, username: str) -> Json:
        """Delete a user, the rooms they own, their memberships and push settings."""
        username = username.lower()
        with self._tx() as db:
            entity = _entity(_require_user(db, username))
            # Owned rooms go first, so the owner's membership rows vanish with them.
            db.execute("DELETE FROM rooms WHERE owner = ?", (username,))
            rooms = db.execute(
                "SELECT room_id FROM members WHERE username = ?", (username,)
            ).fetchall()
            for (room_id,) in rooms:
                _leave(db, room_id, username)
            db.execute("DELETE FROM users WHERE username = ?", (username,))
        return entity

    def update_user(
        self,
        username: str,
        *,
        nickname: str | Unset = UNSET,
        display_style: int | Unset = UNSET,
        no_disturbing: bool | Unset = UNSET,
        no_disturbing_start: int | str | Unset = UNSET,
        no_disturbing_end: int | str | Unset = UNSET,
    ) -> Json:
        """Apply the given fields; with none given, return the entity untouched."""
        username = username.lower()
        with self._tx() as db:
            row = _require_user(db, username)
            legacy: Json = json.loads(row["legacy"]) if row["legacy"] else {}
            if not isinstance(no_disturbing, Unset):
                legacy["notification_no_disturbing"] = no_disturbing
            if not isinstance(no_disturbing_start, Unset):
                legacy["notification_no_disturbing_start"] = str(no_disturbing_start)
            if not isinstance(no_disturbing_end, Unset):
                legacy["notification_no_disturbing_end"] = str(no_disturbing_end)
            given = (nickname, display_style, no_disturbing, no_disturbing_start, no_disturbing_end)
            if all(isinstance(value, Unset) for value in given):
                return _entity(row)
            db.execute(
                "UPDATE users SET nickname = ?, display_style = ?, legacy = ?, modified = ?"
                " WHERE username = ?",
                (
                    row["nickname"] if isinstance(nickname, Unset) else nickname,
                    row["display_style"] if isinstance(display_style, Unset) else display_style,
                    json.dumps(legacy) if legacy else None,
                    self._clock.now_ms(),
                    username,
                ),
            )
            return _entity(_require_user(db, username))

    # --- push settings, language, templates -----------------------------------------------

    def set_push_setting(
        self,
        username: str,
        chattype: str,
        key: str,
        *,
        type: str | None,
        interval: str | None,
        duration_ms: int | None,
    ) -> Json:
        """Update the DND/push mode of the app (key == username) or of one conversation.

        None, "" and 0 mean "not given": the stored value is kept.
        """
        username, key = username.lower(), _conversation_key(chattype, key)
        app_level = _is_app_level(username, chattype, key)
        with self._tx() as db:
            _require_push_user(db, username)
            now = self._clock.now_ms()
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
                    type or None,
                    # The interval is an app-wide window; conversations silently drop it.
                    (interval or None) if app_level else None,
                    now + duration_ms if duration_ms else None,
                ),
            )
            return _push_setting(db, username, chattype, key, app_level=app_level, now=now)

    def get_push_setting(self, username: str, chattype: str, key: str) -> Json:
        username, key = username.lower(), _conversation_key(chattype, key)
        with self._tx(write=False) as db:
            _require_push_user(db, username)
            return _push_setting(
                db,
                username,
                chattype,
                key,
                app_level=_is_app_level(username, chattype, key),
                now=self._clock.now_ms(),
            )

    def set_language(self, username: str, language: str) -> Json:
        username = username.lower()
        with self._tx() as db:
            _require_push_user(db, username)
            db.execute(
                "INSERT INTO languages (username, language) VALUES (?, ?)"
                " ON CONFLICT (username) DO UPDATE SET language = excluded.language",
                (username, language),
            )
        return {"language": language}

    def get_language(self, username: str) -> Json:
        """The preferred push language, "" when never set."""
        username = username.lower()
        with self._tx(write=False) as db:
            _require_push_user(db, username)
            row = db.execute(
                "SELECT language FROM languages WHERE username = ?", (username,)
            ).fetchone()
        return {"language": "" if row is None else row[0]}

    def create_template(self, name: str, title_pattern: str, content_pattern: str) -> Json:
        with self._tx() as db:
            if _template_row(db, name) is not None:
                raise errors.template_exists(name)
            now = self._clock.now_ms()
            db.execute(
                "INSERT INTO templates (name, title_pattern, content_pattern, create_at, update_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (name, title_pattern, content_pattern, now, now),
            )
            return _template(_require_template(db, name))

    def get_template(self, name: str) -> Json:
        with self._tx(write=False) as db:
            return _template(_require_template(db, name))

    def delete_template(self, name: str) -> Json:
        with self._tx() as db:
            template = _template(_require_template(db, name))
            db.execute("DELETE FROM templates WHERE name = ?", (name,))
        return template

    # --- chat rooms -----------------------------------------------------------------------

    def create_room(
        self,
        name: str,
        description: str,
        owner: str,
        *,
        maxusers: int = DEFAULT_MAXUSERS,
        members: Sequence[str] | None = None,
        custom: str = "",
        room_id: str | None = None,
    ) -> str:
        """Create a room owned by ``owner``; returns its id (generated unless given)."""
        owner = owner.lower()
        # dict.fromkeys de-duplicates while keeping the caller's order (= join order).
        others = [u for u in dict.fromkeys(m.lower() for m in members or ()) if u != owner]
        with self._tx() as db:
            for username in (owner, *others):
                if _user_row(db, username) is None:
                    raise errors.username_not_found(username)
            if 1 + len(others) > maxusers:
                raise errors.exceed_limit()
            if room_id is None:
                room_id = self._new_room_id(db)
            elif _room_row(db, room_id) is not None:
                raise errors.room_id_taken(room_id)
            db.execute(
                "INSERT INTO rooms (id, name, description, owner, maxusers, custom, created)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (room_id, name, description, owner, maxusers, custom, self._clock.now_ms()),
            )
            db.executemany(
                "INSERT INTO members (room_id, username, role, joined_seq) VALUES (?, ?, ?, ?)",
                [
                    (room_id, username, "owner" if seq == 0 else "member", seq)
                    for seq, username in enumerate((owner, *others))
                ],
            )
        return room_id

    def _new_room_id(self, db: sqlite3.Connection) -> str:
        """A fresh 15-digit id: epoch ms * 100, bumped past ids handed out or stored."""
        candidate = max(self._clock.now_ms() * 100, self._last_room_id + 1)
        while _room_row(db, str(candidate)) is not None:
            candidate += 1
        self._last_room_id = candidate
        return str(candidate)

    def get_rooms(self, room_ids: Sequence[str]) -> list[Json]:
        """Details of the existing rooms among ``room_ids``, in request order."""
        rooms: list[Json] = []
        with self._tx(write=False) as db:
            for room_id in dict.fromkeys(room_ids):
                row = _room_row(db, room_id)
                if row is None:
                    continue
                affiliations = _affiliations(db, room_id, -1, 0)
                rooms.append(
                    {
                        "id": row["id"],
                        "name": row["name"],
                        "description": row["description"],
                        "membersonly": False,
                        "allowinvites": False,
                        "maxusers": row["maxusers"],
                        "owner": row["owner"],
                        "created": row["created"],
                        "custom": row["custom"],
                        "mute": False,
                        "affiliations_count": len(affiliations),
                        "affiliations": affiliations,
                        "public": True,
                    }
                )
        if not rooms:
            raise errors.group_not_found(room_ids[0] if room_ids else "")
        return rooms

    def delete_room(self, room_id: str) -> Json:
        with self._tx() as db:
            _require_room(db, room_id)
            # Members and attributes follow by ON DELETE CASCADE.
            db.execute("DELETE FROM rooms WHERE id = ?", (room_id,))
        return {"success": True, "id": room_id}

    def add_member(self, room_id: str, username: str) -> Json:
        """Add a member; adding an existing member or the owner succeeds without a change."""
        username = username.lower()
        with self._tx() as db:
            room = _require_room(db, room_id)
            _require_member_user(db, username)
            if not _is_member(db, room_id, username):
                count = db.execute(
                    "SELECT COUNT(*) FROM members WHERE room_id = ?", (room_id,)
                ).fetchone()[0]
                if count >= room["maxusers"]:
                    raise errors.exceed_limit()
                db.execute(
                    "INSERT INTO members (room_id, username, role, joined_seq)"
                    " VALUES (?, ?, 'member',"
                    " (SELECT MAX(joined_seq) + 1 FROM members WHERE room_id = ?))",
                    (room_id, username, room_id),
                )
        return {"result": True, "action": "add_member", "id": room_id, "user": username}

    def remove_member(self, room_id: str, username: str) -> Json:
        username = username.lower()
        with self._tx() as db:
            room = _require_room(db, room_id)
            _require_member_user(db, username)
            if username == room["owner"]:
                raise errors.forbidden_owner()
            if not _is_member(db, room_id, username):
                raise errors.not_members(username)
            _leave(db, room_id, username)
        return {"result": True, "action": "remove_member", "user": username, "id": room_id}

    def list_members(
        self, room_id: str, pagenum: int = 1, pagesize: int = MEMBER_PAGE_MAX
    ) -> tuple[list[Json], int]:
        """One page of ``{owner: u}`` / ``{member: u}`` in join order, plus the total count."""
        if pagesize <= 0 or pagesize > MEMBER_PAGE_MAX:
            pagesize = MEMBER_PAGE_MAX
        pagenum = max(pagenum, 1)
        with self._tx(write=False) as db:
            if _room_row(db, room_id) is None:
                raise errors.group_not_found(room_id)
            # A page past any room's size is empty; clamp so SQLite's 64-bit OFFSET never overflows.
            offset = min((pagenum - 1) * pagesize, _SQLITE_INT_MAX)
            page = _affiliations(db, room_id, pagesize, offset)
            total = db.execute(
                "SELECT COUNT(*) FROM members WHERE room_id = ?", (room_id,)
            ).fetchone()[0]
        return page, total

    # --- chat-room attributes -------------------------------------------------------------

    def set_attributes(
        self,
        room_id: str,
        username: str,
        metadata: Mapping[str, str],
        auto_delete: str,
        *,
        forced: bool,
    ) -> Json:
        """Upsert attributes owned by ``username``; per-key failures land in ``errorKeys``."""
        username = username.lower()
        if auto_delete not in _AUTO_DELETE:
            raise errors.invalid_argument(f"autoDelete must be DELETE or NO_DELETE: {auto_delete}")
        with self._tx() as db:
            _require_metadata_access(db, room_id, username, len(metadata), check_member=True)
            count: int = db.execute(
                "SELECT COUNT(*) FROM attributes WHERE room_id = ?", (room_id,)
            ).fetchone()[0]
            success: list[str] = []
            failed: dict[str, str] = {}
            for key, value in metadata.items():
                row = _attribute_row(db, room_id, key) if _KEY_RE.fullmatch(key) else None
                reason = _set_rejection(
                    key, value, row, username=username, forced=forced, count=count
                )
                if reason is not None:
                    failed[key] = reason
                    continue
                if row is None:
                    count += 1
                db.execute(
                    "INSERT INTO attributes (room_id, key, value, owner, auto_delete)"
                    " VALUES (?, ?, ?, ?, ?) ON CONFLICT (room_id, key) DO UPDATE SET"
                    " value = excluded.value, owner = excluded.owner,"
                    " auto_delete = excluded.auto_delete",
                    (room_id, key, value, username, _AUTO_DELETE[auto_delete]),
                )
                success.append(key)
        return {"successKeys": success, "errorKeys": failed}

    def get_attributes(self, room_id: str, keys: Sequence[str] | None = None) -> dict[str, str]:
        """All attributes (ordered by key) when ``keys`` is empty, else the existing ones."""
        with self._tx(write=False) as db:
            _require_room(db, room_id)
            if not keys:
                rows = db.execute(
                    "SELECT key, value FROM attributes WHERE room_id = ? ORDER BY key", (room_id,)
                ).fetchall()
                return {row["key"]: row["value"] for row in rows}
            found: dict[str, str] = {}
            for key in keys:
                row = _attribute_row(db, room_id, key)
                if row is not None:
                    found[key] = row["value"]
            return found

    def delete_attributes(
        self, room_id: str, username: str, keys: Sequence[str], *, forced: bool
    ) -> Json:
        """Delete keys; forced deletes anyone's keys and skips the membership check."""
        username = username.lower()
        with self._tx() as db:
            _require_metadata_access(db, room_id, username, len(keys), check_member=not forced)
            success: list[str] = []
            failed: dict[str, str] = {}
            for key in keys:
                row = _attribute_row(db, room_id, key)
                if row is None:
                    failed[key] = f"key '{key}' is not exist"
                elif not forced and row["owner"] != username:
                    failed[key] = f"key '{key}' is not part of you"
                else:
                    db.execute(
                        "DELETE FROM attributes WHERE room_id = ? AND key = ?", (room_id, key)
                    )
                    success.append(key)
        return {"successKeys": success, "errorKeys": failed}

    # --- benchmarks -----------------------------------------------------------------------

    def bulk_seed(self, *, users: int, rooms: int, attributes: int, prefix: str = "seed") -> Json:
        """Insert synthetic data fast, for scale tests. Names are deterministic:

        user i = f"{prefix}{i}"; room i = str(SEED_ROOM_BASE + i), owned by user i % users (its
        only member); attributes are dealt round-robin over the rooms, key f"k{n}" = f"v{n}",
        owned by the room owner with autoDelete DELETE. Fails (and rolls back) on a name clash.
        """
        if rooms and not users:
            raise errors.invalid_argument("rooms need at least one user")
        if attributes and (not rooms or attributes > rooms * ROOM_MAX_ATTRIBUTES):
            raise errors.invalid_argument("too many attributes for the rooms")
        prefix = prefix.lower()
        with self._tx() as db:
            now = self._clock.now_ms()
            db.executemany(
                "INSERT INTO users (username, uuid, created, modified) VALUES (?, ?, ?, ?)",
                ((f"{prefix}{i}", str(uuid.uuid1()), now, now) for i in range(users)),
            )
            db.executemany(
                "INSERT INTO rooms (id, name, description, owner, maxusers, custom, created)"
                " VALUES (?, ?, '', ?, ?, '', ?)",
                (
                    (str(SEED_ROOM_BASE + i), f"room{i}", f"{prefix}{i % users}", 1000, now)
                    for i in range(rooms)
                ),
            )
            db.executemany(
                "INSERT INTO members (room_id, username, role, joined_seq)"
                " VALUES (?, ?, 'owner', 0)",
                ((str(SEED_ROOM_BASE + i), f"{prefix}{i % users}") for i in range(rooms)),
            )
            db.executemany(
                "INSERT INTO attributes (room_id, key, value, owner, auto_delete)"
                " VALUES (?, ?, ?, ?, 1)",
                (
                    (
                        str(SEED_ROOM_BASE + n % rooms),
                        f"k{n}",
                        f"v{n}",
                        f"{prefix}{n % rooms % users}",
                    )
                    for n in range(attributes)
                ),
            )
        return {"users": users, "rooms": rooms, "attributes": attributes}


class _Checkpointer:
    """Copies the write-ahead log into the database file from a thread and connection of its own.

    SQLite's automatic checkpoint runs inside the commit that takes the log past 1000 pages, on the
    event loop: on a large store it writes thousands of scattered pages and fsyncs, a stall of
    tens of milliseconds for every request queued behind it, every few hundred writes (the p99 of
    bench/ row 6). Here a PASSIVE checkpoint, which blocks neither readers nor writers, runs every
    CHECKPOINT_INTERVAL_S. Under writes without a pause it never quite reaches the log's end, and
    the log only starts over once it has: so past WAL_RESTART_FRAMES the checkpointer finishes
    the last pages under the store's lock, between two transactions (one short stall per ~64 MiB
    of log instead of a long one per 4 MiB). Commits are as durable as before; only when their
    pages reach the database file changes.
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


# --- row helpers (run inside a transaction) --------------------------------------------------


def _user_row(db: sqlite3.Connection, username: str) -> sqlite3.Row | None:
    row: sqlite3.Row | None = db.execute(
        "SELECT * FROM users WHERE username = ?", (username,)
    ).fetchone()
    return row


def _require_user(db: sqlite3.Connection, username: str) -> sqlite3.Row:
    row = _user_row(db, username)
    if row is None:
        raise errors.user_not_found(username)
    return row


def _require_push_user(db: sqlite3.Connection, username: str) -> None:
    if _user_row(db, username) is None:
        raise errors.push_user_not_found()


def _require_member_user(db: sqlite3.Connection, username: str) -> None:
    if _user_row(db, username) is None:
        raise errors.username_not_found(username)


def _entity(row: sqlite3.Row) -> Json:
    entity: Json = {
        "uuid": row["uuid"],
        "type": "user",
        "created": row["created"],
        "modified": row["modified"],
        "username": row["username"],
        "activated": bool(row["activated"]),
    }
    if row["nickname"] is not None:
        entity["nickname"] = row["nickname"]
    if row["display_style"] is not None:
        entity["notification_display_style"] = row["display_style"]
    if row["legacy"]:
        entity.update(json.loads(row["legacy"]))
    return entity


def _conversation_key(chattype: str, key: str) -> str:
    # A one-to-one conversation is keyed by a username, and usernames are case-insensitive.
    return key.lower() if chattype == "user" else key


def _is_app_level(username: str, chattype: str, key: str) -> bool:
    return chattype == "user" and key == username


def _push_setting(
    db: sqlite3.Connection, username: str, chattype: str, key: str, *, app_level: bool, now: int
) -> Json:
    row = db.execute(
        "SELECT type, interval, expiry_ms FROM push_settings"
        " WHERE username = ? AND chattype = ? AND key = ?",
        (username, chattype, key),
    ).fetchone()
    mode, interval, expiry = (None, None, None) if row is None else tuple(row)
    return {
        "type": mode or ("ALL" if app_level else "DEFAULT"),
        "ignoreInterval": interval or "",
        "ignoreDuration": expiry if expiry is not None and expiry > now else 0,
    }


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


def _template(row: sqlite3.Row) -> Json:
    return {
        "name": row["name"],
        "createAt": row["create_at"],
        "updateAt": row["update_at"],
        "title_pattern": row["title_pattern"],
        "content_pattern": row["content_pattern"],
    }


def _room_row(db: sqlite3.Connection, room_id: str) -> sqlite3.Row | None:
    row: sqlite3.Row | None = db.execute("SELECT * FROM rooms WHERE id = ?", (room_id,)).fetchone()
    return row


def _require_room(db: sqlite3.Connection, room_id: str) -> sqlite3.Row:
    row = _room_row(db, room_id)
    if row is None:
        raise errors.room_not_found(room_id)
    return row


def _is_member(db: sqlite3.Connection, room_id: str, username: str) -> bool:
    """True for members and the owner (who holds a membership row with role 'owner')."""
    return (
        db.execute(
            "SELECT 1 FROM members WHERE room_id = ? AND username = ?", (room_id, username)
        ).fetchone()
        is not None
    )


def _affiliations(db: sqlite3.Connection, room_id: str, limit: int, offset: int) -> list[Json]:
    """``{owner: u}`` then ``{member: u}`` in join order; limit -1 means all."""
    rows = db.execute(
        "SELECT role, username FROM members WHERE room_id = ? ORDER BY joined_seq LIMIT ? OFFSET ?",
        (room_id, limit, offset),
    ).fetchall()
    return [{row["role"]: row["username"]} for row in rows]


def _leave(db: sqlite3.Connection, room_id: str, username: str) -> None:
    """Drop a membership and, per autoDelete, the attributes that member set with DELETE."""
    db.execute("DELETE FROM members WHERE room_id = ? AND username = ?", (room_id, username))
    db.execute(
        "DELETE FROM attributes WHERE room_id = ? AND owner = ? AND auto_delete = 1",
        (room_id, username),
    )


def _require_metadata_access(
    db: sqlite3.Connection, room_id: str, username: str, batch: int, *, check_member: bool
) -> None:
    _require_room(db, room_id)
    if batch > BATCH_MAX:
        raise errors.metadata_batch_too_large()
    if check_member and not _is_member(db, room_id, username):
        raise errors.metadata_not_member()


def _attribute_row(db: sqlite3.Connection, room_id: str, key: str) -> sqlite3.Row | None:
    row: sqlite3.Row | None = db.execute(
        "SELECT value, owner FROM attributes WHERE room_id = ? AND key = ?", (room_id, key)
    ).fetchone()
    return row


def _set_rejection(
    key: str, value: str, row: sqlite3.Row | None, *, username: str, forced: bool, count: int
) -> str | None:
    """The first rule a key/value breaks on set, as the service's errorKeys reason."""
    if len(key) > KEY_MAX:
        return f"properties key '{key}' is exceeding maximum limit {KEY_MAX}"
    if not _KEY_RE.fullmatch(key):
        return f"key '{key}' is not Legal"
    if len(value) > VALUE_MAX:
        return f"properties value '{key}' is exceeding maximum limit {VALUE_MAX}"
    if row is not None and not forced and row["owner"] != username:
        return f"key '{key}' is not part of you"
    if row is None and count >= ROOM_MAX_ATTRIBUTES:
        return (
            "size of metadata for this single chatroom exceeds the user defined limit "
            f"{ROOM_MAX_ATTRIBUTES}"
        )
    return None

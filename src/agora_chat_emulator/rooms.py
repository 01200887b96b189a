"""Chat rooms, their members and their custom attributes: the store's room rules.

Every public method runs in exactly one transaction of ``sqlite.Database``; rules raise
``errors.ApiError``, results are plain values of ``domain``.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Mapping, Sequence
from typing import Final

from agora_chat_emulator import errors
from agora_chat_emulator.behaviours import Behaviours
from agora_chat_emulator.clock import Clock
from agora_chat_emulator.domain import Affiliation, KeyResults, Removal, Room
from agora_chat_emulator.sqlite import SQLITE_INT_MAX, Database

DEFAULT_MAXUSERS: Final = 1000
MEMBER_PAGE_MAX: Final = 1000
KEY_MAX: Final = 128
VALUE_MAX: Final = 4096
ROOM_MAX_ATTRIBUTES: Final = 100
BATCH_MAX: Final = 10

_KEY_RE: Final = re.compile(r"[A-Za-z0-9_.-]+", re.ASCII)
_AUTO_DELETE: Final = {"DELETE": 1, "NO_DELETE": 0}


class RoomRules(Database):
    """The room half of the store (``store.Store`` adds tokens, users and push settings)."""

    behaviours: Behaviours

    def __init__(self, path: str, clock: Clock) -> None:
        super().__init__(path)
        self.clock = clock
        self._last_room_id = 0

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
        with self.transaction() as db:
            for username in (owner, *others):
                if user_row(db, username) is None:
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
                (room_id, name, description, owner, maxusers, custom, self.clock.now_ms()),
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
        candidate = max(self.clock.now_ms() * 100, self._last_room_id + 1)
        while _room_row(db, str(candidate)) is not None:
            candidate += 1
        self._last_room_id = candidate
        return str(candidate)

    def get_rooms(self, room_ids: Sequence[str]) -> list[Room]:
        """The existing rooms among ``room_ids``, in request order."""
        rooms: list[Room] = []
        with self.transaction(write=False) as db:
            for room_id in dict.fromkeys(room_ids):
                row = _room_row(db, room_id)
                if row is None:
                    continue
                rooms.append(
                    Room(
                        id=row["id"],
                        name=row["name"],
                        description=row["description"],
                        maxusers=row["maxusers"],
                        owner=row["owner"],
                        created=row["created"],
                        custom=row["custom"],
                        affiliations=_affiliations(db, room_id, -1, 0),
                    )
                )
        if not rooms:
            raise errors.group_not_found(room_ids[0] if room_ids else "")
        return rooms

    def delete_room(self, room_id: str) -> None:
        with self.transaction() as db:
            _require_room(db, room_id)
            # Members and attributes follow by ON DELETE CASCADE.
            db.execute("DELETE FROM rooms WHERE id = ?", (room_id,))

    def add_member(self, room_id: str, username: str) -> str:
        """Add a member; an existing member (or the owner) is no change, or a 400 under the
        ``existing-member-add`` switch's ``reject`` (D106). Returns the username."""
        reject = self.behaviours["existing-member-add"] == "reject"
        self.add_members(room_id, [username], reject_existing=reject)
        return username.lower()

    def add_members(
        self, room_id: str, usernames: list[str], *, reject_existing: bool = False
    ) -> list[str]:
        """Add several users at once (all or none); returns those not in the room before."""
        wanted = list(dict.fromkeys(name.lower() for name in usernames))
        with self.transaction() as db:
            room = _require_room(db, room_id)
            for username in wanted:
                _require_member_user(db, username)
            added = [name for name in wanted if not _is_member(db, room_id, name)]
            if reject_existing and len(added) < len(wanted):
                existing = next(name for name in wanted if name not in added)
                raise errors.already_member(existing, room_id)
            count = db.execute(
                "SELECT COUNT(*) FROM members WHERE room_id = ?", (room_id,)
            ).fetchone()[0]
            if count + len(added) > room["maxusers"]:
                raise errors.exceed_limit()
            for username in added:
                _insert_member(db, room_id, username)
        return added

    def remove_member(self, room_id: str, username: str) -> str:
        """Remove a member and their autoDelete attributes; returns the username."""
        username = username.lower()
        with self.transaction() as db:
            room = _require_room(db, room_id)
            _require_member_user(db, username)
            if username == room["owner"]:
                raise errors.forbidden_owner()
            if not _is_member(db, room_id, username):
                raise errors.not_members(username)
            leave(db, room_id, username)
        return username

    def remove_members(self, room_id: str, usernames: Sequence[str]) -> list[Removal]:
        """Remove several members (D104): each name is removed or reported with a reason; the
        call fails only for an unknown room (the spec bounds the list at 60 names)."""
        results: list[Removal] = []
        with self.transaction() as db:
            room = _require_room(db, room_id)
            for username in dict.fromkeys(name.lower() for name in usernames):
                if username == room["owner"]:
                    results.append(Removal(username, "forbidden operation on group owner!"))
                elif not _is_member(db, room_id, username):
                    reason = f"user: {username} doesn't exist in group: {room_id}"
                    results.append(Removal(username, reason))
                else:
                    leave(db, room_id, username)
                    results.append(Removal(username, None))
        return results

    def list_members(
        self, room_id: str, pagenum: int = 1, pagesize: int = MEMBER_PAGE_MAX
    ) -> tuple[list[Affiliation], int]:
        """One page of (role, username) in join order, plus the total count."""
        if pagesize <= 0 or pagesize > MEMBER_PAGE_MAX:
            pagesize = MEMBER_PAGE_MAX
        pagenum = max(pagenum, 1)
        with self.transaction(write=False) as db:
            if _room_row(db, room_id) is None:
                raise errors.group_not_found(room_id)
            # A page past any room's size is empty; clamp so SQLite's 64-bit OFFSET never overflows.
            offset = min((pagenum - 1) * pagesize, SQLITE_INT_MAX)
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
    ) -> KeyResults:
        """Upsert attributes owned by ``username``; each refused key comes back with a reason.
        Under the ``others-key-write`` switch's ``reject``, a key another member owns refuses
        the whole request instead (D107)."""
        username = username.lower()
        reject_others = self.behaviours["others-key-write"] == "reject"
        if auto_delete not in _AUTO_DELETE:
            raise errors.invalid_argument(f"autoDelete must be DELETE or NO_DELETE: {auto_delete}")
        with self.transaction() as db:
            _require_metadata_access(db, room_id, username, len(metadata), check_member=True)
            count: int = db.execute(
                "SELECT COUNT(*) FROM attributes WHERE room_id = ?", (room_id,)
            ).fetchone()[0]
            results = KeyResults([], {})
            for key, value in metadata.items():
                row = _attribute_row(db, room_id, key) if _KEY_RE.fullmatch(key) else None
                reason = _set_rejection(
                    key, value, row, username=username, forced=forced, count=count
                )
                if reject_others and _owned_by_another(row, username, forced=forced):
                    raise errors.metadata_others_key()
                if reason is not None:
                    results.failed[key] = reason
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
                results.succeeded.append(key)
        return results

    def get_attributes(self, room_id: str, keys: Sequence[str] | None = None) -> dict[str, str]:
        """All attributes (ordered by key) when ``keys`` is empty, else the existing ones."""
        with self.transaction(write=False) as db:
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
    ) -> KeyResults:
        """Delete keys; forced deletes anyone's keys and skips the membership check."""
        username = username.lower()
        with self.transaction() as db:
            _require_metadata_access(db, room_id, username, len(keys), check_member=not forced)
            results = KeyResults([], {})
            for key in keys:
                row = _attribute_row(db, room_id, key)
                if row is None:
                    results.failed[key] = f"key '{key}' is not exist"
                elif not forced and row["owner"] != username:
                    results.failed[key] = f"key '{key}' is not part of you"
                else:
                    db.execute(
                        "DELETE FROM attributes WHERE room_id = ? AND key = ?", (room_id, key)
                    )
                    results.succeeded.append(key)
        return results


# --- row helpers (run inside a transaction) --------------------------------------------------


def user_row(db: sqlite3.Connection, username: str) -> sqlite3.Row | None:
    row: sqlite3.Row | None = db.execute(
        "SELECT * FROM users WHERE username = ?", (username,)
    ).fetchone()
    return row


def _require_member_user(db: sqlite3.Connection, username: str) -> None:
    if user_row(db, username) is None:
        raise errors.username_not_found(username)


def _room_row(db: sqlite3.Connection, room_id: str) -> sqlite3.Row | None:
    row: sqlite3.Row | None = db.execute("SELECT * FROM rooms WHERE id = ?", (room_id,)).fetchone()
    return row


def _require_room(db: sqlite3.Connection, room_id: str) -> sqlite3.Row:
    row = _room_row(db, room_id)
    if row is None:
        raise errors.room_not_found(room_id)
    return row


def _insert_member(db: sqlite3.Connection, room_id: str, username: str) -> None:
    db.execute(
        "INSERT INTO members (room_id, username, role, joined_seq)"
        " VALUES (?, ?, 'member', (SELECT MAX(joined_seq) + 1 FROM members WHERE room_id = ?))",
        (room_id, username, room_id),
    )


def _is_member(db: sqlite3.Connection, room_id: str, username: str) -> bool:
    """True for members and the owner (who holds a membership row with role 'owner')."""
    return (
        db.execute(
            "SELECT 1 FROM members WHERE room_id = ? AND username = ?", (room_id, username)
        ).fetchone()
        is not None
    )


def _affiliations(
    db: sqlite3.Connection, room_id: str, limit: int, offset: int
) -> list[Affiliation]:
    """(role, username) in join order, the owner first; limit -1 means all."""
    rows = db.execute(
        "SELECT role, username FROM members WHERE room_id = ? ORDER BY joined_seq LIMIT ? OFFSET ?",
        (room_id, limit, offset),
    ).fetchall()
    return [(row["role"], row["username"]) for row in rows]


def leave(db: sqlite3.Connection, room_id: str, username: str) -> None:
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
    """The first rule a key/value breaks on set, as the service words the reason."""
    if len(key) > KEY_MAX:
        return f"properties key '{key}' is exceeding maximum limit {KEY_MAX}"
    if not _KEY_RE.fullmatch(key):
        return f"key '{key}' is not Legal"
    if len(value) > VALUE_MAX:
        return f"properties value '{key}' is exceeding maximum limit {VALUE_MAX}"
    if _owned_by_another(row, username, forced=forced):
        return f"key '{key}' is not part of you"
    if row is None and count >= ROOM_MAX_ATTRIBUTES:
        return (
            "size of metadata for this single chatroom exceeds the user defined limit "
            f"{ROOM_MAX_ATTRIBUTES}"
        )
    return None


def _owned_by_another(row: sqlite3.Row | None, username: str, *, forced: bool) -> bool:
    return row is not None and not forced and row["owner"] != username

"""Bulk seeding of synthetic data, for bench/ and scale tests (not reachable over HTTP)."""

from __future__ import annotations

import uuid
from typing import Final

from agora_chat_emulator import errors
from agora_chat_emulator.rooms import DEFAULT_MAXUSERS, ROOM_MAX_ATTRIBUTES
from agora_chat_emulator.store import Store

SEED_ROOM_BASE: Final = 900_000_000_000_000
"""Seeded rooms get ids from this base: generated ids start with the current epoch ms (17…),
so the two ranges cannot meet for centuries."""


def bulk_seed(
    store: Store, *, users: int, rooms: int, attributes: int, prefix: str = "seed"
) -> None:
    """Insert synthetic data fast. Names are deterministic:

    user i = f"{prefix}{i}"; room i = str(SEED_ROOM_BASE + i), owned by user i % users (its
    only member); attributes are dealt round-robin over the rooms, key f"k{n}" = f"v{n}",
    owned by the room owner with autoDelete DELETE. Fails (and rolls back) on a name clash.
    """
    if rooms and not users:
        raise errors.invalid_argument("rooms need at least one user")
    if attributes and (not rooms or attributes > rooms * ROOM_MAX_ATTRIBUTES):
        raise errors.invalid_argument("too many attributes for the rooms")
    prefix = prefix.lower()
    with store.transaction() as db:
        now = store.clock.now_ms()
        db.executemany(
            "INSERT INTO users (username, uuid, created, modified) VALUES (?, ?, ?, ?)",
            ((f"{prefix}{i}", str(uuid.uuid1()), now, now) for i in range(users)),
        )
        db.executemany(
            "INSERT INTO rooms (id, name, description, owner, maxusers, custom, created)"
            " VALUES (?, ?, '', ?, ?, '', ?)",
            (
                (str(SEED_ROOM_BASE + i), f"room{i}", f"{prefix}{i % users}", DEFAULT_MAXUSERS, now)
                for i in range(rooms)
            ),
        )
        db.executemany(
            "INSERT INTO members (room_id, username, role, joined_seq) VALUES (?, ?, 'owner', 0)",
            ((str(SEED_ROOM_BASE + i), f"{prefix}{i % users}") for i in range(rooms)),
        )
        db.executemany(
            "INSERT INTO attributes (room_id, key, value, owner, auto_delete)"
            " VALUES (?, ?, ?, ?, 1)",
            (
                (str(SEED_ROOM_BASE + n % rooms), f"k{n}", f"v{n}", f"{prefix}{n % rooms % users}")
                for n in range(attributes)
            ),
        )

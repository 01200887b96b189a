"""The data the contract run needs to reach success paths, created through the API itself.

Names match the examples in openapi.yaml (users alice/bob/carol, the "Tea room", template
"hello"), so the examples phase hits existing resources. Nothing reaches into a database, so the
same set-up works against a real deployment (where a custom room ID needs the feature enabled;
without it the attribute operations reach success through the stateful phase's links instead).
"""

from __future__ import annotations

from typing import Any

import httpx

USERS = ("alice", "bob", "carol")
ROOM_ID = "262934788276225"
ROOM = {
    "name": "Tea room",
    "description": "Where alice and bob talk about tea",
    "owner": "alice",
    "maxusers": 200,
    "members": ["bob"],
    "roomid": ROOM_ID,
}
TEMPLATE = {"name": "hello", "title_pattern": "{$fromNickname} says", "content_pattern": "{0}"}
ATTRIBUTES = {"metaData": {"topic": "green tea", "mood": "calm"}, "autoDelete": "NO_DELETE"}


def ensure(client: httpx.Client) -> None:
    """Create whatever of the fixture data is missing; idempotent, a few requests when complete."""
    _expect(client.post("/users", json=[{"username": name} for name in USERS]))
    room = client.get(f"/chatrooms/{ROOM_ID}")
    if room.status_code == 404:
        _expect(client.post("/chatrooms", json=ROOM))
    else:
        _expect(room)
        _expect(client.post(f"/chatrooms/{ROOM_ID}/users/bob"))
    _expect(client.put(f"/metadata/chatroom/{ROOM_ID}/user/alice/forced", json=ATTRIBUTES))
    if client.get(f"/notification/template/{TEMPLATE['name']}").status_code != 200:
        _expect(client.post("/notification/template", json=TEMPLATE))


def _expect(response: httpx.Response) -> Any:
    if response.status_code != 200:
        raise RuntimeError(
            f"contract fixture set-up failed: {response.request.method} {response.request.url}"
            f" -> {response.status_code} {response.text}"
        )
    return response.json()

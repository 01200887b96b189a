"""The data the contract run needs to reach success paths, created through the API itself.

Names match the examples in openapi.yaml (users alice/bob/carol, the "Tea room", template
"hello"), so the examples phase hits existing resources. Nothing reaches into a database, so the
same set-up works against a real deployment (where a custom room ID needs the feature enabled;
without it the attribute operations reach success through the stateful phase's links instead).
"""

from __future__ import annotations

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


def ensure(client: httpx.Client) -> list[str]:
    """Create whatever of the fixture data is missing; idempotent, a few requests when complete.

    Best effort: returns what could not be set up (e.g. a deployment without custom room IDs, or
    a wrong token) instead of raising, so the run still goes ahead and reports the consequences.
    """
    problems: list[str] = []

    def expect(response: httpx.Response) -> None:
        if response.status_code != 200:
            problems.append(
                f"{response.request.method} {response.request.url.path} -> "
                f"{response.status_code} {response.text[:200]}"
            )

    expect(client.post("/users", json=[{"username": name} for name in USERS]))
    room = client.get(f"/chatrooms/{ROOM_ID}")
    if room.status_code == 404:
        expect(client.post("/chatrooms", json=ROOM))
    else:
        expect(room)
        expect(client.post(f"/chatrooms/{ROOM_ID}/users/bob"))
    expect(client.put(f"/metadata/chatroom/{ROOM_ID}/user/alice/forced", json=ATTRIBUTES))
    if client.get(f"/notification/template/{TEMPLATE['name']}").status_code != 200:
        expect(client.post("/notification/template", json=TEMPLATE))
    return problems

"""The data the contract run needs to reach success paths, created through the API itself.

Names match the examples in openapi.yaml (users alice/bob/carol, the "Tea room", template
"hello"), so the examples phase hits existing resources. Nothing reaches into a database, so the
same set-up works against a real deployment (where a custom room ID needs the feature enabled;
without it the attribute operations reach success through the stateful phase's links instead).
"""

from __future__ import annotations

from typing import Any

import httpx

from agora_chat_emulator.spec import load_spec

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
TOKEN_EXAMPLE = load_spec()["paths"]["/token"]["post"]["requestBody"]["content"][
    "application/json"
]["example"]
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


def adjust_request(case: Any, client_id: str | None, client_secret: str | None) -> None:
    """Adjust a generated schemathesis case before it is sent, for two reasons of the run's own:

    * user IDs are case-insensitive and come back lower-case, but schemathesis tracks created
      resources by exact path (a user registered as ``Bob`` and deleted as ``bob`` would look like
      a resource that vanished), so registrations go out lower-case; case-insensitive lookups are
      covered by tests/emulator;
    * the spec's token example carries placeholder credentials; the target's real ones (when
      known) go out instead, so ``createAppToken`` can answer 200.

    The body is assigned only when it changes: assigning marks it as edited in schemathesis.
    """
    label, body = case.operation.label, case.body
    if label == "POST /users":
        lowered = _lower_usernames(body)
        if lowered != body:
            case.body = lowered
    elif (
        label == "POST /token"
        and client_id is not None
        and client_secret is not None
        and isinstance(body, dict)
        and body.get("client_id") == TOKEN_EXAMPLE["client_id"]
        and body.get("client_secret") == TOKEN_EXAMPLE["client_secret"]
    ):
        case.body = {**body, "client_id": client_id, "client_secret": client_secret}


def _lower_usernames(body: Any) -> Any:
    if isinstance(body, list):
        return [_lower_usernames(item) for item in body]
    if isinstance(body, dict) and isinstance(body.get("username"), str):
        return {**body, "username": body["username"].lower()}
    return body

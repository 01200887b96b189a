"""The data a contract run creates on its target, under a run prefix, and its removal.

Names match the examples in openapi.yaml (users alice/bob/carol, the "Tea room", template
"hello") with the run's prefix in front, and the requests schemathesis generates get the same
prefix (``RunNames``), so the examples phase hits the run's own resources and never a resource
the target already held. Everything is created through the API; nothing reaches into a database,
so the same set-up works against a real deployment. Every resource a call of the run creates is
written to a journal, and ``teardown`` deletes all of it, whatever stopped the run.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import httpx

from agora_chat_emulator.spec import load_spec, operations

USERS = ("alice", "bob", "carol")
OWNER, MEMBER = "alice", "bob"
EXAMPLE_ROOM_ID = load_spec()["components"]["parameters"]["ChatroomId"]["example"]
TEMPLATE = {"name": "hello", "title_pattern": "{$fromNickname} says", "content_pattern": "{0}"}
ATTRIBUTES = {"metaData": {"topic": "green tea", "mood": "calm"}, "autoDelete": "NO_DELETE"}
TOKEN_EXAMPLES = {
    name: example["value"]
    for name, example in load_spec()["paths"]["/token"]["post"]["requestBody"]["content"][
        "application/json"
    ]["examples"].items()
}
TOKEN_EXAMPLE = TOKEN_EXAMPLES["appToken"]
PASSWORD = TOKEN_EXAMPLES["userTokenByPassword"]["password"]
"""The run's users are registered with the password of the spec's ``password`` grant example."""


def _path_validator(operation_id: str, name: str) -> Any:
    parameter = operations()[operation_id].parameter("path", name)
    if parameter is None:
        raise LookupError(f"openapi.yaml: {operation_id} has no path parameter {name}")
    return parameter.validator


_USERNAME = _path_validator("getUser", "username")
_TEMPLATE_NAME = _path_validator("getPushTemplate", "name")


def new_prefix() -> str:
    """``ct`` and six hex digits: valid at the start of a user ID and of a template name."""
    return "ct" + secrets.token_hex(3)


@dataclass
class RunState:
    """What the runner hands to the hooks in schemathesis's process (a JSON file)."""

    base_url: str
    token: str
    prefix: str
    journal: str
    client_id: str | None = None
    client_secret: str | None = None
    pacing: bool = True
    room_id: str | None = None

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(asdict(self)), encoding="utf-8")
        path.chmod(0o600)

    @classmethod
    def load(cls, path: Path) -> RunState:
        return cls(**json.loads(path.read_text(encoding="utf-8")))


@dataclass
class Created:
    """Everything a run created, read back from its journal."""

    users: set[str] = field(default_factory=set)
    rooms: set[str] = field(default_factory=set)
    templates: set[str] = field(default_factory=set)

    @classmethod
    def read(cls, journal: Path) -> Created:
        created = cls()
        if journal.exists():
            for line in journal.read_text(encoding="utf-8").splitlines():
                kind, name = json.loads(line)
                getattr(created, kind).add(name)
        return created


def record(journal: Path, kind: str, name: str) -> None:
    with journal.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps([kind, name]) + "\n")


def record_response(journal: Path, operation_id: str, response_json: Any) -> None:
    """Journal what a 200 of a creating operation made (users, a room, a template)."""
    if not isinstance(response_json, dict):
        return
    if operation_id == "registerUsers":
        for entity in response_json.get("entities") or []:
            if isinstance(entity, dict) and isinstance(entity.get("username"), str):
                record(journal, "users", entity["username"])
    elif operation_id == "createChatroom":
        room = (response_json.get("data") or {}).get("id")
        if room is not None:
            record(journal, "rooms", str(room))
    elif operation_id == "createPushTemplate":
        name = (response_json.get("data") or {}).get("name")
        if isinstance(name, str):
            record(journal, "templates", name)
    elif operation_id == "createAppToken":
        # `inherit` with `autoCreateUser` registers the user it answers for.
        user = response_json.get("user")
        if isinstance(user, dict) and isinstance(user.get("username"), str):
            record(journal, "users", user["username"])


def lower_usernames(body: Any) -> Any:
    """A registration body with its user IDs lower-case (the service stores them so)."""
    if isinstance(body, list):
        return [lower_usernames(item) for item in body]
    if isinstance(body, dict) and isinstance(body.get("username"), str):
        return {**body, "username": body["username"].lower()}
    return body


class RunNames:
    """Puts the run prefix on user IDs and template names, where both forms are valid.

    An invalid value is left alone (prefixing ``""`` would make a negative test case valid), and
    so is one too long to carry the prefix (the journal still has it, so teardown deletes it).
    Responses have the prefix taken out again (``strip``), so the run's view of the target is
    one consistent world without prefixes, which schemathesis's stateful checks rely on.
    """

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix

    def _prefixed(self, value: Any, validator: Any) -> Any:
        if not self.prefix or not isinstance(value, str):
            return value
        candidate = self.prefix + value
        if validator.is_valid(value) and validator.is_valid(candidate):
            return candidate
        return value

    def user(self, value: Any) -> Any:
        lowered = value.lower() if isinstance(value, str) else value
        return self._prefixed(lowered, _USERNAME)

    def template(self, value: Any) -> Any:
        return self._prefixed(value, _TEMPLATE_NAME)

    def strip(self, content: bytes) -> bytes:
        return content.replace(self.prefix.encode(), b"") if self.prefix else content


def ensure(client: httpx.Client, state: RunState) -> list[str]:
    """Create whatever of the run's fixture data is missing; idempotent.

    Returns what could not be set up instead of raising, so the run still goes ahead and reports
    the consequences. Updates ``state.room_id`` when the room had to be (re)created.
    """
    names = RunNames(state.prefix)
    journal = Path(state.journal)
    problems: list[str] = []

    def expect(response: httpx.Response, operation_id: str | None = None) -> bool:
        if response.status_code == 200:
            if operation_id is not None:
                record_response(journal, operation_id, response.json())
            return True
        problems.append(
            f"{response.request.method} {response.request.url.path} -> "
            f"{response.status_code} {response.text[:200]}"
        )
        return False

    users = [names.user(name) for name in USERS]
    missing = [name for name in users if client.get(f"/users/{name}").status_code != 200]
    if missing:
        expect(
            client.post(
                "/users", json=[{"username": name, "password": PASSWORD} for name in missing]
            ),
            "registerUsers",
        )
    room_ok = False
    if state.room_id is not None:
        room = client.get(f"/chatrooms/{state.room_id}")
        room_ok = room.status_code == 200
        if room_ok:
            expect(client.post(f"/chatrooms/{state.room_id}/users/{names.user(MEMBER)}"))
    if not room_ok:
        room_body = {
            "name": f"{state.prefix} Tea room".strip(),
            "description": "Where alice and bob talk about tea",
            "owner": names.user(OWNER),
            "maxusers": 200,
            "members": [names.user(MEMBER)],
        }
        created = None
        if state.room_id is not None:
            # Re-create under the same ID where the target allows custom room IDs.
            created = client.post("/chatrooms", json={**room_body, "roomid": state.room_id})
        if created is None or created.status_code != 200:
            created = client.post("/chatrooms", json=room_body)
        if expect(created, "createChatroom"):
            state.room_id = str(created.json()["data"]["id"])
    if state.room_id is not None:
        expect(
            client.put(
                f"/metadata/chatroom/{state.room_id}/user/{names.user(OWNER)}/forced",
                json=ATTRIBUTES,
            )
        )
    template = names.template(TEMPLATE["name"])
    if client.get(f"/notification/template/{template}").status_code != 200:
        expect(
            client.post("/notification/template", json={**TEMPLATE, "name": template}),
            "createPushTemplate",
        )
    return problems


def user_token(client: httpx.Client, username: str) -> str | None:
    """A user token of ``username`` (grant ``inherit``, with the client's app token), or None
    when the target gives none (an unknown user: the call then goes out with the app token)."""
    response = client.post("/token", json={"grant_type": "inherit", "username": username})
    token = response.json().get("access_token") if response.status_code == 200 else None
    return token if isinstance(token, str) else None


def teardown(client: httpx.Client, state: RunState) -> list[str]:
    """Delete every room, user and template the run created; returns what could not be."""
    created = Created.read(Path(state.journal))
    if state.room_id is not None:
        created.rooms.add(state.room_id)
    problems = []
    deletions = [
        *(f"/chatrooms/{room}" for room in sorted(created.rooms)),
        *(f"/notification/template/{name}" for name in sorted(created.templates)),
        *(f"/users/{name}" for name in sorted(created.users)),
    ]
    for path in deletions:
        try:
            response = client.delete(path)
        except httpx.HTTPError as exc:
            problems.append(f"DELETE {path}: {exc}")
            continue
        # Gone already (the run deleted it): 404, or 400 for templates.
        if response.status_code not in (200, 400, 404):
            problems.append(f"DELETE {path} -> {response.status_code} {response.text[:200]}")
    return problems

"""Issue #12, round two for chat rooms, membership, attributes and registration (D104-D110).

The rules a vendor contradicts are switches (D91): the default runs on the session emulator,
the other choice on an in-process emulator started with it (``switched``).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from agora_chat_emulator.app import create_app
from agora_chat_emulator.behaviours import Behaviours
from agora_chat_emulator.config import Settings

from .helpers import Api, assert_error


class InProcess:
    """Requests to an in-process emulator under ``/{org}/{app}``, with its token once issued."""

    def __init__(self, app: Any, settings: Settings) -> None:
        self.app = app
        self.prefix = f"/{settings.org}/{settings.app}"
        self.headers: dict[str, str] = {}

    def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        async def send() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app)
            async with httpx.AsyncClient(
                transport=transport, base_url="http://127.0.0.1", headers=self.headers
            ) as http:
                return await http.request(method, self.prefix + path, **kwargs)

        response = asyncio.run(send())
        assert response.status_code < 500, response.text
        return response


Switched = Callable[[str], InProcess]


@pytest.fixture
def switched(tmp_path: Path) -> Iterator[Switched]:
    """Start an in-process emulator with one ``NAME=CHOICE`` (responses checked against
    openapi.yaml: a mismatch is a 500); its client carries a token."""
    apps: list[Any] = []

    def start(behaviour: str) -> InProcess:
        settings = Settings(
            db=str(tmp_path / f"emulator-{len(apps)}.db"),
            rate_limits=False,
            validate_responses=True,
            behaviours=Behaviours.parse([behaviour]),
        )
        app = create_app(settings)
        apps.append(app)
        emulator = InProcess(app, settings)
        credentials = {
            "grant_type": "client_credentials",
            "client_id": settings.client_id,
            "client_secret": settings.client_secret,
        }
        token = _ok(emulator.request("POST", "/token", json=credentials))["access_token"]
        emulator.headers["Authorization"] = f"Bearer {token}"
        return emulator

    yield start
    for app in apps:
        app.state.emulator.close()


def _ok(response: httpx.Response) -> dict[str, Any]:
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


# --- batch remove (D104) ------------------------------------------------------------------------


def test_batch_remove_with_a_non_member_removes_the_others_and_reports_it_false(api: Api) -> None:
    api.register("alice", "bob", "carol", "dave")
    room = api.create_room("alice", "bob", "carol")

    body = api.ok("DELETE", f"/chatrooms/{room}/users/bob%2Cdave%2Ccarol")

    assert body["data"] == [
        {"result": True, "action": "remove_member", "user": "bob", "id": room},
        {
            "result": False,
            "action": "remove_member",
            "reason": f"user: dave doesn't exist in group: {room}",
            "user": "dave",
            "id": room,
        },
        {"result": True, "action": "remove_member", "user": "carol", "id": room},
    ]
    assert api.members(room) == [{"owner": "alice"}]


def test_batch_remove_takes_a_literal_comma_collapses_repeats_and_keeps_the_owner(
    api: Api,
) -> None:
    api.register("alice", "bob")
    room = api.create_room("alice", "bob")

    data = api.ok("DELETE", f"/chatrooms/{room}/users/Bob,bob,alice")["data"]

    assert [(entry["user"], entry["result"]) for entry in data] == [("bob", True), ("alice", False)]
    assert data[1]["reason"] == "forbidden operation on group owner!"
    assert api.members(room) == [{"owner": "alice"}]


def test_batch_remove_drops_the_removed_members_auto_delete_attributes(api: Api) -> None:
    api.register("alice", "bob", "carol")
    room = api.create_room("alice", "bob", "carol")
    api.set_attributes(room, "bob", {"b": "1"})
    api.set_attributes(room, "carol", {"c": "1"}, auto_delete="NO_DELETE")

    api.ok("DELETE", f"/chatrooms/{room}/users/bob,carol")

    assert api.attributes(room) == {"c": "1"}


def test_batch_remove_over_60_names_400_invalid_parameter_removes_nobody(api: Api) -> None:
    api.register("alice", "bob")
    room = api.create_room("alice", "bob")
    names = ",".join(["bob"] + [f"u{n}" for n in range(60)])

    response = api.request("DELETE", f"/chatrooms/{room}/users/{names}")

    assert_error(
        response,
        400,
        "invalid_parameter",
        description="kickMember: kickMembers number more than maxSize : 60",
    )
    assert api.members(room) == [{"owner": "alice"}, {"member": "bob"}]


def test_batch_remove_from_an_unknown_room_404(api: Api) -> None:
    response = api.request("DELETE", "/chatrooms/404404/users/bob,carol")

    assert_error(response, 404, "resource_not_found", description="grpID 404404 does not exist!")


def test_single_remove_keeps_its_object_reply(api: Api) -> None:
    api.register("alice", "bob")
    room = api.create_room("alice", "bob")

    data = api.ok("DELETE", f"/chatrooms/{room}/users/bob")["data"]

    assert data == {"result": True, "action": "remove_member", "user": "bob", "id": room}


# --- add-member errors and an existing member (D105, D106) --------------------------------------


def test_adding_an_unregistered_user_404_resource_not_found_username_doesnt_exist(
    api: Api,
) -> None:
    api.register("alice")
    room = api.create_room("alice")

    response = api.request("POST", f"/chatrooms/{room}/users/ghost")

    assert_error(response, 404, "resource_not_found", description="username ghost doesn't exist!")


def test_adding_an_existing_member_with_reject_400_forbidden_op(switched: Switched) -> None:
    http = switched("existing-member-add=reject")
    _ok(http.request("POST", "/users", json=[{"username": "alice"}, {"username": "bob"}]))
    room = _ok(
        http.request("POST", "/chatrooms", json={"name": "r", "description": "d", "owner": "alice"})
    )
    room_id = room["data"]["id"]
    _ok(http.request("POST", f"/chatrooms/{room_id}/users/bob"))

    again = http.request("POST", f"/chatrooms/{room_id}/users/bob")
    owner = http.request("POST", f"/chatrooms/{room_id}/users/alice")

    reason = f"can not join this group, reason:user: bob already in group: {room_id}"
    assert_error(again, 400, "forbidden_op", description=reason)
    assert_error(owner, 400, "forbidden_op")
    # The batch add keeps counting existing members as success.
    batch = _ok(http.request("POST", f"/chatrooms/{room_id}/users", json={"usernames": ["bob"]}))
    assert batch["data"]["newmembers"] == []


# --- another member's attribute key (D107) ------------------------------------------------------


def test_setting_another_members_key_400_others_not_allowed_writes_nothing(api: Api) -> None:
    api.register("alice", "bob", "carol")
    room = api.create_room("alice", "bob", "carol")
    api.set_attributes(room, "bob", {"shared": "bob's"})
    path = f"/metadata/chatroom/{room}/user/carol"

    response = api.request("PUT", path, json={"metaData": {"mine": "c", "shared": "carol's"}})

    assert_error(
        response,
        400,
        "illegal_argument",
        exception="MetadataException",
        description="others are not allowed to be set",
    )
    assert api.attributes(room) == {"shared": "bob's"}


def test_setting_another_members_key_with_per_key_fails_that_key_alone(
    switched: Switched,
) -> None:
    http = switched("others-key-write=per-key")
    users = [{"username": name} for name in ("alice", "bob", "carol")]
    _ok(http.request("POST", "/users", json=users))
    room = _ok(
        http.request(
            "POST",
            "/chatrooms",
            json={"name": "r", "description": "d", "owner": "alice", "members": ["bob", "carol"]},
        )
    )["data"]["id"]
    _ok(
        http.request(
            "PUT", f"/metadata/chatroom/{room}/user/bob", json={"metaData": {"shared": "b"}}
        )
    )

    body = {"metaData": {"mine": "c", "shared": "c"}}
    data = _ok(http.request("PUT", f"/metadata/chatroom/{room}/user/carol", json=body))["data"]

    assert data == {
        "successKeys": ["mine"],
        "errorKeys": {"shared": "key 'shared' is not part of you"},
    }


# --- registration (D108, D109) ------------------------------------------------------------------


def test_registration_without_password_is_accepted_by_default(api: Api) -> None:
    body = api.ok("POST", "/users", json={"username": "alice"})

    assert body["entities"][0]["username"] == "alice"


def test_registration_without_password_with_required_400_password_or_pin(
    switched: Switched,
) -> None:
    http = switched("registration-password=required")

    refused = http.request(
        "POST", "/users", json=[{"username": "alice", "password": "p"}, {"username": "b"}]
    )
    accepted = http.request("POST", "/users", json={"username": "alice", "password": "p"})

    assert_error(refused, 400, "illegal_argument", description="password or pin must provided")
    assert _ok(accepted)["entities"][0]["username"] == "alice"


def test_batch_registration_of_one_name_with_two_passwords_400_creates_nobody(api: Api) -> None:
    batch = [
        {"username": "carol", "password": "c"},
        {"username": "bob", "password": "one"},
        {"username": "BOB", "password": "two"},
    ]

    response = api.request("POST", "/users", json=batch)

    assert_error(
        response,
        400,
        "duplicate_unique_property_exists",
        description="the same user bob has a different password, the passwords are one,two",
    )
    assert_error(api.request("GET", "/users/carol"), 404, "service_resource_not_found")


def test_batch_registration_of_one_name_with_one_password_fails_that_entry_alone(
    api: Api,
) -> None:
    batch = [{"username": "bob", "password": "one"}, {"username": "bob", "password": "one"}]

    body = api.ok("POST", "/users", json=batch)

    assert [user["username"] for user in body["entities"]] == ["bob"]
    assert body["data"] == [{"username": "bob", "registerUserFailReason": "the bob already exists"}]


@pytest.mark.parametrize(
    ("body", "description"),
    [
        ({"username": "not legal"}, "username not legal is not legal"),
        ([{"username": "ok"}, {"username": "bad/name"}], "username bad/name is not legal"),
        ({"username": "u" * 65}, "USERNAME_TOO_LONG"),
        ({"username": "alice", "nickname": "n" * 101}, "NICKNAME_TOO_LONG"),
        (
            [{"username": f"u{n}"} for n in range(61)],
            "Request body array size[61] had almost reached or been greater than the upper "
            "range value[60]",
        ),
    ],
    ids=["illegal-username", "illegal-in-batch", "username-too-long", "nickname-too-long", "61"],
)
def test_registration_refusals_use_the_services_sentences(
    api: Api, body: Any, description: str
) -> None:
    response = api.request("POST", "/users", json=body)

    assert_error(response, 400, "illegal_argument", description=description)


# --- create chat room (D110) --------------------------------------------------------------------


def test_create_room_custom_up_to_8_kb(api: Api) -> None:
    api.register("alice")
    room = {"name": "r", "description": "d", "owner": "alice"}

    created = api.ok("POST", "/chatrooms", json=room | {"custom": "c" * 8192})
    refused = api.request("POST", "/chatrooms", json=room | {"custom": "c" * 8193})

    [details] = api.ok("GET", f"/chatrooms/{created['data']['id']}")["data"]
    assert len(details["custom"]) == 8192
    assert_error(refused, 400, "illegal_argument")


def test_create_room_with_an_empty_members_list_400(api: Api) -> None:
    api.register("alice")

    response = api.request(
        "POST",
        "/chatrooms",
        json={"name": "r", "description": "d", "owner": "alice", "members": []},
    )

    assert_error(response, 400, "illegal_argument")

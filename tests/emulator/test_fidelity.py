"""Issue #12: what real client SDKs send and expect back (D86-D89)."""

from __future__ import annotations

from typing import Any

from .helpers import Api, assert_error


def test_conversation_ignore_interval_round_trips_without_effect_on_app_level(api: Api) -> None:
    api.register("alice")
    body = {"type": "NONE", "ignoreInterval": "21:30-08:00", "ignoreDuration": 0}

    written = api.ok("PUT", "/users/alice/notification/chatgroup/g1", json=body)["data"]

    assert written["ignoreInterval"] == "21:30-08:00"
    read = api.ok("GET", "/users/alice/notification/chatgroup/g1")["data"]
    assert read["ignoreInterval"] == "21:30-08:00"
    # Only the app-level window silences pushes; the conversation's one leaves it untouched.
    app_level = api.ok("GET", "/users/alice/notification/user/alice")["data"]
    assert app_level == {"type": "ALL", "ignoreInterval": "", "ignoreDuration": 0}


def test_null_optional_fields_mean_absent(api: Api) -> None:
    api.register("alice")
    payload: dict[str, Any] = {
        "name": "room",
        "description": "a Go SDK create",
        "owner": "alice",
        "maxusers": None,
        "members": None,
        "custom": None,
        "roomid": None,
        "groupid": None,
    }

    room_id = api.ok("POST", "/chatrooms", json=payload)["data"]["id"]

    [room] = api.ok("GET", f"/chatrooms/{room_id}")["data"]
    assert room["maxusers"] == 1000
    assert room["affiliations"] == [{"owner": "alice"}]


def test_null_for_a_required_field_is_still_refused(api: Api) -> None:
    api.register("alice")
    payload = {"name": "room", "description": "d", "owner": None}

    assert_error(api.request("POST", "/chatrooms", json=payload), 400, "illegal_argument")


def test_empty_query_values_mean_the_defaults(api: Api) -> None:
    api.register("alice", "bob")
    room = api.create_room("alice", "bob")

    body = api.ok("GET", f"/chatrooms/{room}/users?pagenum=&pagesize=")

    assert body["data"] == [{"owner": "alice"}, {"member": "bob"}]
    assert body["count"] == 2


def test_batch_add_members_lists_only_the_new_ones(api: Api) -> None:
    api.register("alice", "bob", "carol")
    room = api.create_room("alice", "bob")

    body = api.ok("POST", f"/chatrooms/{room}/users", json={"usernames": ["bob", "Carol", "alice"]})

    assert body["data"] == {"newmembers": ["carol"], "action": "add_member", "id": room}
    assert api.members(room) == [{"owner": "alice"}, {"member": "bob"}, {"member": "carol"}]


def test_batch_add_over_60_names_400_invalid_parameter(api: Api) -> None:
    api.register("alice")
    room = api.create_room("alice")
    names = [f"user{index}" for index in range(61)]

    response = api.request("POST", f"/chatrooms/{room}/users", json={"usernames": names})

    body = assert_error(response, 400, "invalid_parameter")
    assert body["error_description"] == "addMembers: addMembers number more than maxSize : 60"


def test_batch_add_with_an_unknown_user_404_adds_nobody(api: Api) -> None:
    api.register("alice", "bob")
    room = api.create_room("alice")

    response = api.request("POST", f"/chatrooms/{room}/users", json={"usernames": ["bob", "zed"]})

    body = assert_error(response, 404, "resource_not_found")
    assert body["error_description"] == "username zed doesn't exist!"
    assert api.members(room) == [{"owner": "alice"}]


def test_batch_add_past_maxusers_403_adds_nobody(api: Api) -> None:
    api.register("alice", "bob", "carol")
    room = api.create_room("alice", maxusers=2)

    response = api.request("POST", f"/chatrooms/{room}/users", json={"usernames": ["bob", "carol"]})

    assert_error(response, 403, "exceed_limit")
    assert api.members(room) == [{"owner": "alice"}]


def test_batch_add_to_an_unknown_room_404(api: Api) -> None:
    api.register("bob")

    response = api.request("POST", "/chatrooms/999/users", json={"usernames": ["bob"]})

    assert response.status_code == 404

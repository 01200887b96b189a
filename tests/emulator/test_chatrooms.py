"""Chat rooms and membership: create, details, member add/remove/list, room deletion."""

from __future__ import annotations

from .helpers import Api, assert_error


def test_create_room_returns_its_id(api: Api) -> None:
    api.register("alice")

    body = api.ok(
        "POST",
        "/chatrooms",
        json={"name": "Tea", "description": "tea talk", "owner": "alice", "maxusers": 50},
    )

    room_id = body["data"]["id"]
    assert room_id.isdigit()
    assert body["entities"] == []
    assert api.ok("GET", f"/chatrooms/{room_id}")["data"][0]["maxusers"] == 50


def test_room_details_are_a_data_array_with_the_owner_first_in_affiliations(api: Api) -> None:
    api.register("alice", "bob", "carol")
    room = api.create_room("alice", "carol", "bob")

    body = api.ok("GET", f"/chatrooms/{room}")

    [details] = body["data"]
    assert body["count"] == 1
    assert (details["id"], details["owner"]) == (room, "alice")
    assert details["affiliations"][0] == {"owner": "alice"}
    assert sorted(a["member"] for a in details["affiliations"][1:]) == ["bob", "carol"]
    assert details["affiliations_count"] == 3


def test_room_details_accept_a_comma_list_of_ids_and_skip_unknown_ones(api: Api) -> None:
    api.register("alice")
    first, second = api.create_room("alice"), api.create_room("alice")

    body = api.ok("GET", f"/chatrooms/{second},999,{first}")

    assert [room["id"] for room in body["data"]] == [second, first]
    encoded = api.ok("GET", f"/chatrooms/{first}%2C{second}")
    assert [room["id"] for room in encoded["data"]] == [first, second]


def test_room_details_of_unknown_room_404(api: Api) -> None:
    assert_error(
        api.request("GET", "/chatrooms/123456"),
        404,
        "service_resource_not_found",
        description="do not find this group:123456",
    )


def test_add_member(api: Api) -> None:
    api.register("alice", "bob")
    room = api.create_room("alice")

    body = api.ok("POST", f"/chatrooms/{room}/users/bob")

    assert body["data"] == {"result": True, "action": "add_member", "id": room, "user": "bob"}
    assert api.members(room) == [{"owner": "alice"}, {"member": "bob"}]


def test_re_adding_a_member_is_idempotent_200_result_true(api: Api) -> None:
    api.register("alice", "bob")
    room = api.create_room("alice", "bob")

    again = api.ok("POST", f"/chatrooms/{room}/users/bob")
    owner = api.ok("POST", f"/chatrooms/{room}/users/alice")

    assert again["data"]["result"] is True
    assert owner["data"]["result"] is True
    assert api.members(room) == [{"owner": "alice"}, {"member": "bob"}]


def test_adding_to_a_full_room_403_exceed_limit(api: Api) -> None:
    api.register("alice", "bob", "carol")
    room = api.create_room("alice", "bob", maxusers=2)

    response = api.request("POST", f"/chatrooms/{room}/users/carol")

    assert_error(response, 403, "exceed_limit")
    assert api.members(room) == [{"owner": "alice"}, {"member": "bob"}]


def test_remove_member(api: Api) -> None:
    api.register("alice", "bob")
    room = api.create_room("alice", "bob")

    body = api.ok("DELETE", f"/chatrooms/{room}/users/bob")

    assert body["data"] == {"result": True, "action": "remove_member", "user": "bob", "id": room}
    assert api.members(room) == [{"owner": "alice"}]


def test_removing_a_non_member_400_forbidden_op(api: Api) -> None:
    api.register("alice", "bob")
    room = api.create_room("alice")

    assert_error(
        api.request("DELETE", f"/chatrooms/{room}/users/bob"),
        400,
        "forbidden_op",
        description="users [bob] are not members of this group!",
    )


def test_removing_the_owner_403_forbidden_op(api: Api) -> None:
    api.register("alice")
    room = api.create_room("alice")

    assert_error(api.request("DELETE", f"/chatrooms/{room}/users/alice"), 403, "forbidden_op")
    assert api.members(room) == [{"owner": "alice"}]


def test_list_members_pages_in_join_order_and_echoes_the_params(api: Api) -> None:
    api.register("alice", "bob", "carol", "dave")
    room = api.create_room("alice", "bob", "carol", "dave")
    path = f"/chatrooms/{room}/users"

    first = api.ok("GET", path, params={"pagenum": 1, "pagesize": 3})
    second = api.ok("GET", path, params={"pagenum": 2, "pagesize": 3})

    assert first["data"] == [{"owner": "alice"}, {"member": "bob"}, {"member": "carol"}]
    assert first["count"] == 3
    assert first["params"] == {"pagenum": ["1"], "pagesize": ["3"]}
    assert second["data"] == [{"member": "dave"}]
    assert second["count"] == 1
    assert second["params"] == {"pagenum": ["2"], "pagesize": ["3"]}


def test_delete_room_removes_its_attributes(api: Api) -> None:
    api.register("alice")
    room = api.create_room("alice")
    api.set_attributes(room, "alice", {"k": "v"}, auto_delete="NO_DELETE")

    body = api.ok("DELETE", f"/chatrooms/{room}")

    assert body["data"] == {"success": True, "id": room}
    assert_error(
        api.request("POST", f"/metadata/chatroom/{room}"),
        404,
        "resource_not_found",
        description=f"grpID {room} does not exist!",
    )


def test_delete_unknown_room_404_resource_not_found(api: Api) -> None:
    assert_error(
        api.request("DELETE", "/chatrooms/123456"),
        404,
        "resource_not_found",
        description="grpID 123456 does not exist!",
    )

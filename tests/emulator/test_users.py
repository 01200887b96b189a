"""Users: registration (object and array forms), case-insensitive names, 404s, delete cascades."""

from __future__ import annotations

from .helpers import Api, assert_error


def test_register_one_user_object_form(api: Api) -> None:
    body = api.ok("POST", "/users", json={"username": "alice", "nickname": "Alice"})

    [entity] = body["entities"]
    assert entity["username"] == "alice"
    assert entity["nickname"] == "Alice"
    assert entity["type"] == "user"
    assert entity["activated"] is True
    assert "data" not in body
    assert api.ok("GET", "/users/alice")["entities"][0]["uuid"] == entity["uuid"]


def test_register_array_with_existing_user_creates_the_others_and_lists_failures_in_data(
    api: Api,
) -> None:
    api.register("bob")

    body = api.ok("POST", "/users", json=[{"username": "alice"}, {"username": "bob"}])

    assert [e["username"] for e in body["entities"]] == ["alice"]
    assert body["data"] == [{"username": "bob", "registerUserFailReason": "the bob already exists"}]
    api.ok("GET", "/users/alice")


def test_register_object_form_duplicate_400_duplicate_unique_property_exists(api: Api) -> None:
    api.register("alice")

    response = api.request("POST", "/users", json={"username": "alice"})

    body = assert_error(response, 400, "duplicate_unique_property_exists")
    assert "value of alice exists" in body["error_description"]


def test_usernames_are_case_insensitive(api: Api) -> None:
    body = api.ok("POST", "/users", json={"username": "Alice"})
    assert body["entities"][0]["username"] == "alice"

    assert api.ok("GET", "/users/alice")["entities"][0]["username"] == "alice"
    assert api.ok("GET", "/users/ALICE")["entities"][0]["username"] == "alice"
    duplicate = api.request("POST", "/users", json={"username": "aLiCe"})
    assert_error(duplicate, 400, "duplicate_unique_property_exists")


def test_get_unknown_user_404_service_resource_not_found(api: Api) -> None:
    assert_error(
        api.request("GET", "/users/nobody"),
        404,
        "service_resource_not_found",
        exception="UserNotFoundException",
    )


def test_delete_unknown_user_404_service_resource_not_found(api: Api) -> None:
    assert_error(api.request("DELETE", "/users/nobody"), 404, "service_resource_not_found")


def test_delete_user_returns_the_entity_and_the_user_is_gone(api: Api) -> None:
    api.register("alice")

    body = api.ok("DELETE", "/users/alice")

    assert body["entities"][0]["username"] == "alice"
    assert_error(api.request("GET", "/users/alice"), 404, "service_resource_not_found")


def test_delete_user_deletes_the_rooms_it_owns(api: Api) -> None:
    api.register("alice", "bob")
    owned = api.create_room("alice", "bob")
    api.set_attributes(owned, "bob", {"k": "v"}, auto_delete="NO_DELETE")

    api.ok("DELETE", "/users/alice")

    assert_error(api.request("GET", f"/chatrooms/{owned}"), 404, "service_resource_not_found")
    assert_error(api.request("POST", f"/metadata/chatroom/{owned}"), 404, "resource_not_found")


def test_delete_user_removes_its_memberships(api: Api) -> None:
    api.register("alice", "bob", "carol")
    room = api.create_room("alice", "bob", "carol")

    api.ok("DELETE", "/users/bob")

    assert api.members(room) == [{"owner": "alice"}, {"member": "carol"}]


def test_delete_user_removes_its_auto_delete_attributes_in_rooms_it_did_not_own(
    api: Api,
) -> None:
    api.register("alice", "bob")
    room = api.create_room("alice", "bob")
    api.set_attributes(room, "bob", {"bob-key": "1"}, auto_delete="DELETE")
    api.set_attributes(room, "alice", {"alice-key": "2"})

    api.ok("DELETE", "/users/bob")

    assert api.attributes(room) == {"alice-key": "2"}


def test_delete_user_keeps_its_no_delete_attributes(api: Api) -> None:
    api.register("alice", "bob")
    room = api.create_room("alice", "bob")
    api.set_attributes(room, "bob", {"kept": "1"}, auto_delete="NO_DELETE")
    api.set_attributes(room, "bob", {"dropped": "2"}, auto_delete="DELETE")

    api.ok("DELETE", "/users/bob")

    assert api.attributes(room) == {"kept": "1"}


def test_legacy_do_not_disturb_hours_sent_as_numbers_come_back_as_hour_strings(api: Api) -> None:
    api.register("alice")
    body = {
        "notification_no_disturbing": True,
        "notification_no_disturbing_start": 23.0,
        "notification_no_disturbing_end": 7,
    }
    entity = api.ok("PUT", "/users/alice", json=body)["entities"][0]
    assert entity["notification_no_disturbing_start"] == "23"
    assert entity["notification_no_disturbing_end"] == "7"
    echoed = {key: entity[key] for key in body}  # what a client read back, sent again
    assert api.request("PUT", "/users/alice", json=echoed).status_code == 200
    fetched = api.ok("GET", "/users/alice")["entities"][0]
    assert fetched["notification_no_disturbing_start"] == "23"

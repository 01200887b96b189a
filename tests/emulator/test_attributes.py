"""Chat-room attributes: membership, batch size, per-key rules, ownership, forced calls, reads."""

from __future__ import annotations

from typing import Any

import pytest

from .helpers import Api, assert_error

LIMIT_REASON = "size of metadata for this single chatroom exceeds the user defined limit 100"


@pytest.fixture
def room(api: Api) -> str:
    """A room owned by alice with members bob and carol; dave is registered but not a member."""
    api.register("alice", "bob", "carol", "dave")
    return api.create_room("alice", "bob", "carol")


def path(room_id: str, username: str, *, forced: bool = False) -> str:
    return f"/metadata/chatroom/{room_id}/user/{username}" + ("/forced" if forced else "")


def pairs(count: int, prefix: str = "k") -> dict[str, str]:
    return {f"{prefix}{n}": f"v{n}" for n in range(count)}


def test_member_sets_and_reads_attributes(api: Api, room: str) -> None:
    body = api.ok("PUT", path(room, "bob"), json={"metaData": {"topic": "tea", "mood": "calm"}})

    assert body["action"] == "put"
    assert body["data"] == {"successKeys": ["topic", "mood"], "errorKeys": {}}
    assert api.attributes(room) == {"mood": "calm", "topic": "tea"}


def test_owner_may_set_attributes(api: Api, room: str) -> None:
    assert api.set_attributes(room, "alice", {"k": "v"})["successKeys"] == ["k"]


def test_non_member_cannot_set_attributes_401_metadata_exception(api: Api, room: str) -> None:
    response = api.request("PUT", path(room, "dave"), json={"metaData": {"k": "v"}})

    body = assert_error(
        response,
        401,
        "unauthorized",
        exception="MetadataException",
        description="user is not in chatroom",
    )
    assert body["error_code"] == 60011
    assert api.attributes(room) == {}


def test_non_member_cannot_force_set_attributes_401_metadata_exception(api: Api, room: str) -> None:
    response = api.request("PUT", path(room, "dave", forced=True), json={"metaData": {"k": "v"}})

    assert_error(response, 401, "unauthorized", exception="MetadataException")
    assert api.attributes(room) == {}


def test_non_member_cannot_delete_attributes_401_metadata_exception(api: Api, room: str) -> None:
    api.set_attributes(room, "bob", {"k": "v"})

    response = api.request("DELETE", path(room, "dave"), json={"keys": ["k"]})

    assert_error(response, 401, "unauthorized", exception="MetadataException")
    assert api.attributes(room) == {"k": "v"}


@pytest.mark.parametrize(
    ("method", "suffix", "body"),
    [
        ("PUT", "/user/bob", {"metaData": {"k": "v"}}),
        ("PUT", "/user/bob/forced", {"metaData": {"k": "v"}}),
        ("DELETE", "/user/bob", {"keys": ["k"]}),
        ("DELETE", "/user/bob/forced", {"keys": ["k"]}),
        ("POST", "", None),
    ],
)
def test_unknown_room_404_resource_not_found(
    api: Api, room: str, method: str, suffix: str, body: dict[str, Any] | None
) -> None:
    assert_error(
        api.request(method, f"/metadata/chatroom/404404{suffix}", json=body),
        404,
        "resource_not_found",
        description="grpID 404404 does not exist!",
    )


@pytest.mark.parametrize("forced", [False, True])
def test_more_than_10_pairs_400_exceed_batch_size_and_nothing_is_stored(
    api: Api, room: str, forced: bool
) -> None:
    response = api.request("PUT", path(room, "bob", forced=forced), json={"metaData": pairs(11)})

    assert_error(response, 400, "illegal_argument", description="exceed allowed batch size 10")
    assert api.attributes(room) == {}


@pytest.mark.parametrize("forced", [False, True])
def test_more_than_10_keys_on_delete_400_exceed_batch_size_and_nothing_is_deleted(
    api: Api, room: str, forced: bool
) -> None:
    api.set_attributes(room, "bob", pairs(10))
    api.set_attributes(room, "bob", {"k10": "v10"})

    response = api.request(
        "DELETE", path(room, "bob", forced=forced), json={"keys": list(pairs(11))}
    )

    assert_error(response, 400, "illegal_argument", description="exceed allowed batch size 10")
    assert api.attributes(room) == pairs(11)


def test_key_of_129_characters_fails_alone_with_200(api: Api, room: str) -> None:
    long_key = "k" * 129

    data = api.set_attributes(room, "bob", {long_key: "v", "ok": "v"})

    assert data["successKeys"] == ["ok"]
    assert data["errorKeys"] == {
        long_key: f"properties key '{long_key}' is exceeding maximum limit 128"
    }
    assert api.attributes(room) == {"ok": "v"}


@pytest.mark.parametrize("key", ["has space", "semi;colon", "ключ", "a/b", ""])
def test_key_with_illegal_characters_fails_alone_with_200(api: Api, room: str, key: str) -> None:
    data = api.set_attributes(room, "bob", {key: "v", "ok": "v"})

    assert data == {"successKeys": ["ok"], "errorKeys": {key: f"key '{key}' is not Legal"}}
    assert api.attributes(room) == {"ok": "v"}


def test_value_of_4097_characters_fails_alone_with_200(api: Api, room: str) -> None:
    data = api.set_attributes(room, "bob", {"big": "v" * 4097, "ok": "v"})

    assert data == {
        "successKeys": ["ok"],
        "errorKeys": {"big": "properties value 'big' is exceeding maximum limit 4096"},
    }
    assert api.attributes(room) == {"ok": "v"}


def test_key_of_128_characters_and_value_of_4096_characters_succeed(api: Api, room: str) -> None:
    key = "Az09_-." + "k" * 121
    assert len(key) == 128

    data = api.set_attributes(room, "bob", {key: "é" * 4096})

    assert data == {"successKeys": [key], "errorKeys": {}}
    assert api.attributes(room) == {key: "é" * 4096}


def test_101st_attribute_fails_with_the_room_limit_reason(api: Api, room: str) -> None:
    for batch in range(10):
        api.set_attributes(room, "bob", pairs(10, prefix=f"b{batch}-"))

    data = api.set_attributes(room, "carol", {"extra": "v"})
    update = api.set_attributes(room, "bob", {"b0-0": "updated"})

    assert data == {"successKeys": [], "errorKeys": {"extra": LIMIT_REASON}}
    assert update == {"successKeys": ["b0-0"], "errorKeys": {}}
    assert len(api.attributes(room)) == 100


def test_non_forced_delete_cannot_delete_another_members_key(api: Api, room: str) -> None:
    api.set_attributes(room, "bob", {"shared": "bob's"})
    api.set_attributes(room, "carol", {"mine": "c"})

    data = api.delete_attributes(room, "carol", ["shared", "mine"])

    assert data == {
        "successKeys": ["mine"],
        "errorKeys": {"shared": "key 'shared' is not part of you"},
    }
    assert api.attributes(room) == {"shared": "bob's"}


def test_deleting_a_missing_key_fails_alone_with_200(api: Api, room: str) -> None:
    api.set_attributes(room, "bob", {"k": "v"})

    body = api.ok("DELETE", path(room, "bob"), json={"keys": ["gone", "k"]})

    assert body["status"] == "ok"
    assert body["data"] == {"successKeys": ["k"], "errorKeys": {"gone": "key 'gone' is not exist"}}


def test_forced_set_overwrites_another_members_key_and_takes_ownership(api: Api, room: str) -> None:
    api.set_attributes(room, "bob", {"shared": "bob's"})

    forced = api.set_attributes(room, "carol", {"shared": "carol's"}, forced=True)

    assert forced == {"successKeys": ["shared"], "errorKeys": {}}
    assert api.attributes(room) == {"shared": "carol's"}
    refused = api.delete_attributes(room, "bob", ["shared"])
    assert refused["errorKeys"] == {"shared": "key 'shared' is not part of you"}
    assert api.delete_attributes(room, "carol", ["shared"])["successKeys"] == ["shared"]
    assert api.attributes(room) == {}


def test_forced_delete_deletes_another_members_keys(api: Api, room: str) -> None:
    api.set_attributes(room, "bob", {"b": "1"})
    api.set_attributes(room, "carol", {"c": "2"})

    data = api.delete_attributes(room, "carol", ["b", "c", "gone"], forced=True)

    assert data == {"successKeys": ["b", "c"], "errorKeys": {"gone": "key 'gone' is not exist"}}
    assert api.attributes(room) == {}


def test_forced_delete_works_as_admin_who_is_neither_member_nor_registered(
    api: Api, room: str
) -> None:
    api.set_attributes(room, "bob", {"b": "1", "keep": "2"})

    data = api.delete_attributes(room, "admin", ["b"], forced=True)

    assert data == {"successKeys": ["b"], "errorKeys": {}}
    assert api.attributes(room) == {"keep": "2"}


@pytest.mark.parametrize(
    "request_body",
    [
        {},
        {"content": b""},
        {"json": {}},
        {"json": {"keys": None}},
        {"json": {"keys": []}},
    ],
    ids=["no-body", "empty-body", "empty-object", "null-keys", "empty-keys"],
)
def test_get_without_keys_returns_every_attribute(
    api: Api, room: str, request_body: dict[str, Any]
) -> None:
    api.set_attributes(room, "bob", {"b": "1"})
    api.set_attributes(room, "carol", {"c": "2"})

    body = api.ok("POST", f"/metadata/chatroom/{room}", **request_body)

    assert body["data"] == {"b": "1", "c": "2"}


def test_get_of_named_keys_leaves_unknown_keys_out(api: Api, room: str) -> None:
    api.set_attributes(room, "bob", {"b": "1", "c": "2"})

    body = api.ok("POST", f"/metadata/chatroom/{room}", json={"keys": ["c", "nope"]})

    assert body["data"] == {"c": "2"}


def test_auto_delete_in_lower_case_is_accepted(api: Api, room: str) -> None:
    api.set_attributes(room, "bob", {"dropped": "1"}, auto_delete="delete")
    api.set_attributes(room, "bob", {"kept": "2"}, auto_delete="no_delete")

    api.remove_member(room, "bob")

    assert api.attributes(room) == {"kept": "2"}


def test_auto_delete_delete_attributes_go_when_their_member_is_removed(api: Api, room: str) -> None:
    api.set_attributes(room, "bob", {"bob-default": "1"})
    api.set_attributes(room, "bob", {"bob-explicit": "2"}, auto_delete="DELETE")
    api.set_attributes(room, "carol", {"carol": "3"}, auto_delete="DELETE")

    api.remove_member(room, "bob")

    assert api.attributes(room) == {"carol": "3"}


def test_auto_delete_no_delete_attributes_stay_when_their_member_is_removed(
    api: Api, room: str
) -> None:
    api.set_attributes(room, "bob", {"kept": "1"}, auto_delete="NO_DELETE")

    api.remove_member(room, "bob")

    assert api.attributes(room) == {"kept": "1"}


def test_error_keys_are_always_present(api: Api, room: str) -> None:
    writes = [
        api.ok("PUT", path(room, "bob"), json={"metaData": {"a": "1"}}),
        api.ok("PUT", path(room, "bob", forced=True), json={"metaData": {"b": "2"}}),
        api.ok("DELETE", path(room, "bob"), json={"keys": ["a"]}),
        api.ok("DELETE", path(room, "bob", forced=True), json={"keys": ["b"]}),
    ]

    for body in writes:
        assert body["data"]["errorKeys"] == {}, body
        assert len(body["data"]["successKeys"]) == 1, body

"""Issue #12, the rest of the push area: device bindings, batch nicknames, the built-in templates,
and the two switches on push settings (D92-D97)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from agora_chat_emulator import errors
from agora_chat_emulator.behaviours import Behaviours
from agora_chat_emulator.clock import Clock
from agora_chat_emulator.store import Store

from .helpers import Api, assert_error

DEVICE = "8ce08cad-9369-4bdd-86c8-695a0d247cda"
OTHER_DEVICE = "0a1b2c3d-0000-4000-8000-000000000002"
BINDING = "/users/alice/push/binding"
REQUIRED_PROPERTY = {
    "exception": "RequiredPropertyNotFoundException",
    "description": "Entity user requires a property named username",
}


@pytest.fixture
def alice(api: Api) -> str:
    api.register("alice")
    return "alice"


def bind(api: Api, device: str, token: str, notifier: str) -> list[dict[str, str]]:
    body = {"device_id": device, "device_token": token, "notifier_name": notifier}
    entities: list[dict[str, str]] = api.ok("PUT", BINDING, json=body)["entities"]
    return entities


def bindings(api: Api) -> list[tuple[str, str, str]]:
    """The user's bindings, sorted: no source documents their order across devices."""
    entities = api.ok("GET", BINDING)["entities"]
    return sorted((b["device_id"], b["notifier_name"], b["device_token"]) for b in entities)


@contextmanager
def store_with(choice: str) -> Iterator[Store]:
    """A store in memory with one switch set and user alice registered."""
    store = Store(
        ":memory:",
        Clock(),
        client_id="id",
        client_secret="secret",  # noqa: S106 - a test app's credentials
        behaviours=Behaviours.parse([choice]),
    )
    try:
        store.register_users([{"username": "alice"}], batch=False)
        yield store
    finally:
        store.close()


# --- device bindings (D92) ---------------------------------------------------------------------


def test_binding_unbind_with_an_empty_token_removes_that_certificate_only(
    api: Api, alice: str
) -> None:
    bind(api, DEVICE, "fcm-token", "fcm-demo")
    assert bind(api, DEVICE, "huawei-token", "huawei-demo") == [
        {"device_id": DEVICE, "device_token": "fcm-token", "notifier_name": "fcm-demo"},
        {"device_id": DEVICE, "device_token": "huawei-token", "notifier_name": "huawei-demo"},
    ]
    bind(api, OTHER_DEVICE, "fcm-token-2", "fcm-demo")

    after = bind(api, DEVICE, "", "fcm-demo")

    assert [b["notifier_name"] for b in after] == ["huawei-demo"]
    assert bindings(api) == sorted(
        [
            (DEVICE, "huawei-demo", "huawei-token"),
            (OTHER_DEVICE, "fcm-demo", "fcm-token-2"),
        ]
    )


def test_binding_unbind_with_an_empty_notifier_removes_every_certificate_of_the_device(
    api: Api, alice: str
) -> None:
    bind(api, DEVICE, "fcm-token", "fcm-demo")
    bind(api, DEVICE, "huawei-token", "huawei-demo")
    bind(api, OTHER_DEVICE, "fcm-token-2", "fcm-demo")

    assert bind(api, DEVICE, "any-token", "") == []

    assert bindings(api) == [(OTHER_DEVICE, "fcm-demo", "fcm-token-2")]


def test_binding_the_same_device_and_certificate_again_replaces_the_token(
    api: Api, alice: str
) -> None:
    bind(api, DEVICE, "old-token", "fcm-demo")

    bind(api, DEVICE, "new-token", "fcm-demo")

    assert bindings(api) == [(DEVICE, "fcm-demo", "new-token")]


def test_binding_of_a_user_never_bound_is_an_empty_list(api: Api, alice: str) -> None:
    assert api.ok("GET", BINDING)["entities"] == []


def test_bindings_go_with_their_user(api: Api, alice: str) -> None:
    bind(api, DEVICE, "fcm-token", "fcm-demo")
    api.ok("DELETE", "/users/alice")
    api.register("alice")

    assert bindings(api) == []


@pytest.mark.parametrize("method", ["PUT", "GET"])
def test_binding_for_an_unknown_user_400_required_property_not_found(api: Api, method: str) -> None:
    body = {"device_id": DEVICE, "device_token": "t", "notifier_name": "fcm-demo"}
    response = api.request(method, "/users/nobody/push/binding", json=body)

    assert_error(response, 400, "illegal_argument", **REQUIRED_PROPERTY)


@pytest.mark.parametrize(
    "change",
    [{"device_id": ""}, {"device_token": "t" * 4097}, {"notifier_name": None}],
    ids=["empty device_id", "token over 4096", "notifier_name missing"],
)
def test_binding_fields_are_required_and_bounded(
    api: Api, alice: str, change: dict[str, Any]
) -> None:
    body = {"device_id": DEVICE, "device_token": "t", "notifier_name": "fcm-demo", **change}
    body = {name: value for name, value in body.items() if value is not None}

    assert_error(api.request("PUT", BINDING, json=body), 400, "illegal_argument")
    assert bindings(api) == []


# --- batch push nicknames (D93) ----------------------------------------------------------------


def test_batch_nickname_sets_each_user_as_get_user_shows_it(api: Api) -> None:
    api.register("alice", "bob")
    items = [
        {"username": "Alice", "push_nickname": "推送昵称-1"},
        {"username": "bob", "push_nickname": "Bob"},
        {"username": "bob", "push_nickname": "Bob the builder"},
    ]

    body = api.ok("PUT", "/push/nickname", json=items)

    assert body["path"] == "/push"
    assert body["entities"] == [
        {"push_nickname": "推送昵称-1", "username": "alice"},
        {"push_nickname": "Bob", "username": "bob"},
        {"push_nickname": "Bob the builder", "username": "bob"},
    ]
    assert api.ok("GET", "/users/alice")["entities"][0]["nickname"] == "推送昵称-1"
    assert api.ok("GET", "/users/bob")["entities"][0]["nickname"] == "Bob the builder"


@pytest.mark.parametrize(
    ("body", "description"),
    [
        (None, "put user push nicknames illegal empty request body"),
        ([], "put user push nicknames illegal empty request body"),
        (
            [{"username": "alice", "push_nickname": "A"}] * 51,
            "put user push nicknames exceeds the limit",
        ),
        (
            [
                {"username": "bob", "push_nickname": "B"},
                {"username": "alice", "push_nickname": "n" * 101},
            ],
            "alice push nickname length exceeds the limit",
        ),
    ],
    ids=["no body", "empty array", "51 users", "nickname of 101"],
)
def test_batch_nickname_errors(api: Api, body: Any, description: str) -> None:
    api.register("alice", "bob")

    response = api.request("PUT", "/push/nickname", json=body)

    assert_error(response, 400, "illegal_argument", description=description)
    for name in ("alice", "bob"):
        assert "nickname" not in api.ok("GET", f"/users/{name}")["entities"][0]


def test_batch_nickname_with_an_unknown_user_changes_nobody(api: Api) -> None:
    api.register("alice")
    items = [
        {"username": "alice", "push_nickname": "Alice"},
        {"username": "nobody", "push_nickname": "Nobody"},
    ]

    response = api.request("PUT", "/push/nickname", json=items)

    assert_error(response, 400, "illegal_argument", **REQUIRED_PROPERTY)
    assert "nickname" not in api.ok("GET", "/users/alice")["entities"][0]


# --- built-in templates (D94) ------------------------------------------------------------------


@pytest.mark.parametrize("name", ["detail", "default"])
def test_detail_and_default_templates_are_created_read_and_deleted(api: Api, name: str) -> None:
    template = {"name": name, "title_pattern": "{$dynamicFrom}", "content_pattern": "{$msg}"}

    created = api.ok("POST", "/notification/template", json=template)["data"]

    assert {k: created[k] for k in template} == template
    assert api.ok("GET", f"/notification/template/{name}")["data"] == created
    assert api.ok("DELETE", f"/notification/template/{name}")["data"] == created
    assert_error(
        api.request("GET", f"/notification/template/{name}"),
        400,
        "illegal_argument",
        exception="EntityNotFoundException",
    )


def test_modifying_a_template_with_put_is_not_modelled_405(api: Api) -> None:
    response = api.request("PUT", "/notification/template/detail", json={"title_pattern": "x"})

    assert_error(response, 405, "method_not_allowed")
    assert set(response.headers["allow"].replace(" ", "").split(",")) >= {"GET", "DELETE"}


# --- `0:0-0:0` (D96) ---------------------------------------------------------------------------


def set_interval(api: Api, interval: str) -> str:
    path = "/users/alice/notification/user/alice"
    api.ok("PUT", path, json={"ignoreInterval": interval})
    stored: str = api.ok("GET", path)["data"]["ignoreInterval"]
    return stored


@pytest.mark.parametrize("interval", ["0:0-0:0", "00:00-00:00"])
def test_zero_interval_is_all_day_dnd_stored_as_sent_by_default(
    api: Api, alice: str, interval: str
) -> None:
    set_interval(api, "22:00-7:00")

    assert set_interval(api, interval) == interval


@pytest.mark.parametrize("interval", ["0:0-0:0", "00:00-0:00"])
def test_zero_interval_turns_dnd_off_under_dnd_zero_interval_off(interval: str) -> None:
    with store_with("dnd-zero-interval=off") as store:
        setting: dict[str, Any] = {"mode": None, "duration_ms": None}
        store.set_push_setting("alice", "user", "alice", interval="22:00-7:00", **setting)

        cleared = store.set_push_setting("alice", "user", "alice", interval=interval, **setting)

        assert cleared.interval == ""
        assert store.get_push_setting("alice", "user", "alice").interval == ""
        kept = store.set_push_setting("alice", "user", "alice", interval="", **setting)
        assert kept.interval == ""
        other = store.set_push_setting("alice", "user", "alice", interval="8:0-8:0", **setting)
        assert other.interval == "8:0-8:0"


def test_zero_interval_is_kept_under_dnd_zero_interval_all_day() -> None:
    with store_with("dnd-zero-interval=all-day") as store:
        setting: dict[str, Any] = {"mode": None, "duration_ms": None}

        stored = store.set_push_setting("alice", "user", "alice", interval="0:0-0:0", **setting)

        assert stored.interval == "0:0-0:0"


# --- unknown user on setPushProfile (D97) ------------------------------------------------------


def test_push_profile_of_an_unknown_user_400_required_property_not_found_by_default(
    api: Api,
) -> None:
    response = api.request("PUT", "/users/nobody", json={"nickname": "N"})

    assert_error(response, 400, "illegal_argument", **REQUIRED_PROPERTY)
    assert_error(api.request("GET", "/users/nobody"), 404, "service_resource_not_found")


@pytest.mark.parametrize(
    ("choice", "status", "error"),
    [
        ("push-profile-unknown-user=required-property-400", 400, "illegal_argument"),
        ("push-profile-unknown-user=not-found-404", 404, "service_resource_not_found"),
    ],
)
def test_push_profile_of_an_unknown_user_follows_push_profile_unknown_user(
    choice: str, status: int, error: str
) -> None:
    with store_with(choice) as store:
        with pytest.raises(errors.ApiError) as refused:
            store.update_user("nobody", nickname="N")

        assert (refused.value.status, refused.value.error) == (status, error)
        assert store.update_user("alice", nickname="A").nickname == "A"

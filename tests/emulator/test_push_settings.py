"""Push profile (nickname, display style), push mode and do-not-disturb, push language."""

from __future__ import annotations

from typing import Any

import pytest

from .helpers import Api, assert_error

SEVEN_DAYS_MS = 604_800_000


@pytest.fixture
def alice(api: Api) -> str:
    api.register("alice")
    return "alice"


def put_setting(api: Api, chattype: str, key: str, body: dict[str, Any]) -> dict[str, Any]:
    data: dict[str, Any] = api.ok("PUT", f"/users/alice/notification/{chattype}/{key}", json=body)[
        "data"
    ]
    return data


def get_setting(api: Api, chattype: str, key: str) -> dict[str, Any]:
    data: dict[str, Any] = api.ok("GET", f"/users/alice/notification/{chattype}/{key}")["data"]
    return data


def test_nickname_and_display_style_set_in_one_put(api: Api, alice: str) -> None:
    body = api.ok(
        "PUT", f"/users/{alice}", json={"nickname": "Al", "notification_display_style": 1}
    )

    [entity] = body["entities"]
    assert entity["nickname"] == "Al"
    assert entity["notification_display_style"] == 1
    stored = api.ok("GET", f"/users/{alice}")["entities"][0]
    assert (stored["nickname"], stored["notification_display_style"]) == ("Al", 1)


def test_display_style_string_is_stored_and_returned_as_a_number(api: Api, alice: str) -> None:
    body = api.ok("PUT", f"/users/{alice}", json={"notification_display_style": "1"})

    assert body["entities"][0]["notification_display_style"] == 1
    stored = api.ok("GET", f"/users/{alice}")["entities"][0]["notification_display_style"]
    assert stored == 1
    assert isinstance(stored, int)


def test_nickname_of_101_characters_400(api: Api, alice: str) -> None:
    api.ok("PUT", f"/users/{alice}", json={"nickname": "n" * 100})

    response = api.request("PUT", f"/users/{alice}", json={"nickname": "n" * 101})

    body = assert_error(response, 400, "illegal_argument")
    assert "nickname" in body["error_description"]
    assert api.ok("GET", f"/users/{alice}")["entities"][0]["nickname"] == "n" * 100


def test_conversation_settings_are_stored_per_user_chattype_and_key(api: Api, alice: str) -> None:
    api.register("bob")
    put_setting(api, "user", "bob", {"type": "NONE"})
    put_setting(api, "chatgroup", "bob", {"type": "AT"})
    put_setting(api, "chatgroup", "g1", {"type": "ALL"})
    api.ok("PUT", "/users/bob/notification/user/alice", json={"type": "AT"})

    assert get_setting(api, "user", "bob")["type"] == "NONE"
    assert get_setting(api, "chatgroup", "bob")["type"] == "AT"
    assert get_setting(api, "chatgroup", "g1")["type"] == "ALL"
    assert get_setting(api, "chatgroup", "g2")["type"] == "DEFAULT"
    assert get_setting(api, "user", alice)["type"] == "ALL"
    bob_view = api.ok("GET", "/users/bob/notification/user/alice")["data"]
    assert bob_view["type"] == "AT"


def test_app_level_setting_is_the_one_whose_key_is_the_user_itself(api: Api, alice: str) -> None:
    data = put_setting(api, "user", alice, {"type": "AT", "ignoreInterval": "21:30-08:00"})

    assert data["type"] == "AT"
    assert get_setting(api, "user", alice) == {
        "type": "AT",
        "ignoreInterval": "21:30-08:00",
        "ignoreDuration": 0,
    }
    assert get_setting(api, "user", "bob")["type"] == "DEFAULT"


def test_unpadded_interval_is_accepted(api: Api, alice: str) -> None:
    data = put_setting(api, "user", alice, {"ignoreInterval": "8:5-22:30"})

    assert data["ignoreInterval"] == "8:5-22:30"
    assert get_setting(api, "user", alice)["ignoreInterval"] == "8:5-22:30"


def test_empty_string_and_zero_leave_stored_values_unchanged(api: Api, alice: str) -> None:
    first = put_setting(
        api,
        "user",
        alice,
        {"type": "NONE", "ignoreInterval": "22:00-07:00", "ignoreDuration": 3_600_000},
    )

    go_client_body = {"type": "", "ignoreInterval": "", "ignoreDuration": 0}
    second = put_setting(api, "user", alice, go_client_body)

    assert second == first
    assert get_setting(api, "user", alice) == first


def test_ignore_duration_is_returned_as_expiry_timestamp_on_the_emulator_clock(
    api: Api, alice: str
) -> None:
    api.emulator.advance_clock(5 * 86_400_000)  # the emulator's time, not the wall clock
    before = api.emulator.now_ms()
    data = put_setting(api, "chatgroup", "g1", {"ignoreDuration": 86_400_000})
    after = api.emulator.now_ms()

    assert before + 86_400_000 <= data["ignoreDuration"] <= after + 86_400_000
    assert get_setting(api, "chatgroup", "g1")["ignoreDuration"] == data["ignoreDuration"]


def test_ignore_duration_reads_zero_once_the_clock_passes_the_expiry(api: Api, alice: str) -> None:
    data = put_setting(api, "user", alice, {"ignoreDuration": 60_000})
    assert data["ignoreDuration"] > 0
    api.emulator.advance_clock(59_000)
    assert get_setting(api, "user", alice)["ignoreDuration"] == data["ignoreDuration"]

    api.emulator.advance_clock(2_000)

    assert get_setting(api, "user", alice)["ignoreDuration"] == 0


def test_ignore_duration_over_seven_days_400(api: Api, alice: str) -> None:
    put_setting(api, "user", alice, {"ignoreDuration": SEVEN_DAYS_MS})

    response = api.request(
        "PUT",
        f"/users/{alice}/notification/user/{alice}",
        json={"ignoreDuration": SEVEN_DAYS_MS + 1},
    )

    assert_error(
        response, 400, "illegal_argument", description="parameters is invalid : ignoreDuration"
    )


def test_unknown_push_mode_type_400(api: Api, alice: str) -> None:
    response = api.request(
        "PUT", f"/users/{alice}/notification/user/{alice}", json={"type": "SOMETIMES"}
    )

    assert_error(response, 400, "illegal_argument", description="parameters is invalid : type")
    assert get_setting(api, "user", alice)["type"] == "ALL"


def test_never_set_app_level_setting_defaults_to_all_empty_interval_zero_duration(
    api: Api, alice: str
) -> None:
    expected = {"type": "ALL", "ignoreInterval": "", "ignoreDuration": 0}
    assert get_setting(api, "user", alice) == expected


def test_never_set_conversation_setting_defaults_to_default_empty_interval_zero_duration(
    api: Api, alice: str
) -> None:
    expected = {"type": "DEFAULT", "ignoreInterval": "", "ignoreDuration": 0}
    assert get_setting(api, "user", "bob") == expected
    assert get_setting(api, "chatgroup", "g1") == expected


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("PUT", "/users/nobody/notification/user/nobody", {"type": "NONE"}),
        ("GET", "/users/nobody/notification/chatgroup/g1", None),
        ("PUT", "/users/nobody/notification/language", {"translationLanguage": "EU"}),
        ("GET", "/users/nobody/notification/language", None),
    ],
)
def test_unknown_user_on_notification_and_language_calls_400_required_property_not_found(
    api: Api, method: str, path: str, body: dict[str, Any] | None
) -> None:
    assert_error(
        api.request(method, path, json=body),
        400,
        "illegal_argument",
        exception="RequiredPropertyNotFoundException",
        description="Entity user requires a property named username",
    )


def test_push_language_is_set_and_read_back(api: Api, alice: str) -> None:
    path = f"/users/{alice}/notification/language"

    set_body = api.ok("PUT", path, json={"translationLanguage": "EU"})

    assert set_body["data"] == {"language": "EU"}
    assert api.ok("GET", path)["data"] == {"language": "EU"}
    api.ok("PUT", path, json={"translationLanguage": ""})
    assert api.ok("GET", path)["data"] == {"language": ""}


def test_push_language_never_set_is_empty_string(api: Api, alice: str) -> None:
    assert api.ok("GET", f"/users/{alice}/notification/language")["data"] == {"language": ""}

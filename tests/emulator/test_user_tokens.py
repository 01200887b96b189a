"""User tokens (grants ``password`` and ``inherit``), where they are accepted and refused, and the
receiver's push template they unlock (D98-D101)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from .helpers import Api, assert_error

PASSWORD = "alice-secret-1"  # noqa: S105 - a test user's password
WRONG_KIND = "Unable to authenticate due to corrupt access token"
TEMPLATE = {"name": "hello", "title_pattern": "{$fromNickname} says", "content_pattern": "{0}"}


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def register_with_password(api: Api, username: str, password: str = PASSWORD) -> None:
    api.ok("POST", "/users", json={"username": username, "password": password})


def token_call(api: Api, body: dict[str, Any], headers: dict[str, str] | None = None) -> Any:
    return api.raw("POST", api.app_path("/token"), json=body, headers=headers or {})


def password_token(api: Api, username: str, password: str = PASSWORD, **extra: Any) -> str:
    body = {"grant_type": "password", "username": username, "password": password, **extra}
    response = token_call(api, body)
    assert response.status_code == 200, response.text
    token: str = response.json()["access_token"]
    return token


def as_user(api: Api, token: str, method: str, path: str, **kwargs: Any) -> httpx.Response:
    return api.raw(method, api.app_path(path), headers=bearer(token), **kwargs)


# --- issuing ---------------------------------------------------------------------------------


def test_password_grant_returns_a_user_token_with_the_user_entity(api: Api) -> None:
    register_with_password(api, "alice")

    response = token_call(
        api, {"grant_type": "password", "username": "Alice", "password": PASSWORD, "ttl": "60"}
    )

    assert response.status_code == 200, response.text
    body = response.json()
    assert body["access_token"].startswith("YWMt")
    assert body["expires_in"] == 60
    assert body["user"]["username"] == "alice"
    assert body["user"]["type"] == "user"
    assert "application" not in body


def test_password_grant_with_a_bad_password_400_invalid_grant(api: Api) -> None:
    register_with_password(api, "alice")
    body = {"grant_type": "password", "username": "alice", "password": "not-it"}

    assert_error(
        token_call(api, body), 400, "invalid_grant", description="invalid username or password"
    )


def test_password_grant_for_a_user_registered_without_password_400_invalid_grant(
    api: Api,
) -> None:
    api.register("alice")
    body = {"grant_type": "password", "username": "alice", "password": ""}

    assert_error(
        token_call(api, body), 400, "invalid_grant", description="invalid username or password"
    )


def test_password_grant_for_an_unknown_user_404_invalid_grant_user_not_found(api: Api) -> None:
    body = {"grant_type": "password", "username": "nobody", "password": PASSWORD}

    assert_error(token_call(api, body), 404, "invalid_grant", description="user not found")


def test_password_grant_needs_no_authorization_and_ignores_a_stale_one(api: Api) -> None:
    register_with_password(api, "alice")
    body = {"grant_type": "password", "username": "alice", "password": PASSWORD}

    assert token_call(api, body, bearer("abc!")).status_code == 200


def test_password_grant_without_password_names_the_missing_field(api: Api) -> None:
    assert_error(
        token_call(api, {"grant_type": "password", "username": "alice"}),
        400,
        "illegal_argument",
        description="password must be provided.",
    )


def test_unknown_grant_type_400_names_grant_type(api: Api) -> None:
    assert_error(
        token_call(api, {"grant_type": "magic", "username": "alice"}),
        400,
        "illegal_argument",
        description="parameters is invalid : grant_type",
    )


def test_inherit_grant_needs_the_app_token(api: Api) -> None:
    api.register("alice")
    body = {"grant_type": "inherit", "username": "alice"}

    assert_error(token_call(api, body), 401, "unauthorized")
    response = token_call(api, body, api.emulator.auth_headers)
    assert response.status_code == 200, response.text
    assert response.json()["user"]["username"] == "alice"


def test_inherit_grant_refuses_a_user_token_in_authorization(api: Api) -> None:
    register_with_password(api, "alice")
    user_token = password_token(api, "alice")
    body = {"grant_type": "inherit", "username": "alice"}

    assert_error(
        token_call(api, body, bearer(user_token)),
        401,
        "auth_bad_access_token",
        description=WRONG_KIND,
    )


def test_inherit_grant_for_an_unknown_user_404_unless_auto_created(api: Api) -> None:
    body: dict[str, Any] = {"grant_type": "inherit", "username": "dave"}
    headers = api.emulator.auth_headers

    assert_error(token_call(api, body, headers), 404, "invalid_grant", description="user not found")
    created = token_call(api, {**body, "autoCreateUser": True}, headers)

    assert created.status_code == 200, created.text
    assert created.json()["user"]["username"] == "dave"
    assert api.ok("GET", "/users/dave")["entities"][0]["username"] == "dave"


@pytest.mark.parametrize(
    ("username", "description"),
    [("a" * 65, "USERNAME_TOO_LONG"), ("dave!", "username [dave!] is not legal")],
)
def test_inherit_auto_create_refuses_an_illegal_username(
    api: Api, username: str, description: str
) -> None:
    body = {"grant_type": "inherit", "username": username, "autoCreateUser": True}

    assert_error(
        token_call(api, body, api.emulator.auth_headers),
        400,
        "illegal_argument",
        description=description,
    )


# --- where a user token is accepted and refused ------------------------------------------------


def test_user_token_accepted_on_its_own_push_settings_and_language(api: Api) -> None:
    register_with_password(api, "alice")
    token = password_token(api, "alice")

    setting = as_user(
        api, token, "PUT", "/users/alice/notification/user/alice", json={"type": "AT"}
    )
    language = as_user(
        api, token, "PUT", "/users/alice/notification/language", json={"translationLanguage": "en"}
    )

    assert setting.status_code == 200, setting.text
    assert setting.json()["data"]["type"] == "AT"
    assert language.status_code == 200, language.text
    read = as_user(api, token, "GET", "/users/alice/notification/user/alice")
    assert read.json()["data"]["type"] == "AT"


def test_user_token_refused_on_app_token_only_operations(api: Api) -> None:
    register_with_password(api, "alice")
    token = password_token(api, "alice")

    for method, path in (("GET", "/users/alice"), ("POST", "/notification/template")):
        assert_error(
            as_user(api, token, method, path, json=TEMPLATE),
            401,
            "auth_bad_access_token",
            description=WRONG_KIND,
        )


def test_user_token_refused_on_another_users_settings(api: Api) -> None:
    register_with_password(api, "alice")
    api.register("bob")
    token = password_token(api, "alice")

    assert_error(
        as_user(api, token, "PUT", "/users/bob/notification/user/bob", json={"type": "NONE"}),
        401,
        "auth_bad_access_token",
        description=WRONG_KIND,
    )
    assert api.ok("GET", "/users/bob/notification/user/bob")["data"]["type"] == "ALL"


def test_expired_user_token_401_expired_access_token(api: Api) -> None:
    register_with_password(api, "alice")
    token = password_token(api, "alice", ttl=1)
    api.emulator.advance_clock(2_000)

    assert_error(
        as_user(api, token, "GET", "/users/alice/notification/language"),
        401,
        "unauthorized",
        description="Unable to authenticate due to expired access token",
    )


def test_user_token_ends_with_its_user(api: Api) -> None:
    register_with_password(api, "alice")
    token = password_token(api, "alice")
    api.ok("DELETE", "/users/alice")
    register_with_password(api, "alice")

    assert_error(
        as_user(api, token, "GET", "/users/alice/notification/language"),
        401,
        "auth_bad_access_token",
        description="Unable to authenticate",
    )


# --- the receiver's push template ------------------------------------------------------------


def test_receiver_template_set_and_read_back_with_a_user_token(api: Api) -> None:
    register_with_password(api, "alice")
    api.ok("POST", "/notification/template", json=TEMPLATE)
    token = password_token(api, "alice")

    unset = as_user(api, token, "GET", "/users/alice/notification/template")
    chosen = as_user(
        api, token, "PUT", "/users/alice/notification/template", json={"templateName": "hello"}
    )

    assert unset.json()["data"] == {"templateName": ""}
    assert chosen.status_code == 200, chosen.text
    assert chosen.json()["data"] == {"templateName": "hello"}
    read = as_user(api, token, "GET", "/users/alice/notification/template")
    assert read.json()["data"] == {"templateName": "hello"}


def test_receiver_template_refuses_the_app_token(api: Api) -> None:
    api.register("alice")
    api.ok("POST", "/notification/template", json=TEMPLATE)

    for method, body in (("PUT", {"templateName": "hello"}), ("GET", None)):
        assert_error(
            api.request(method, "/users/alice/notification/template", json=body),
            401,
            "auth_bad_access_token",
            description=WRONG_KIND,
        )


def test_receiver_template_unknown_name_400_template_is_not_exist(api: Api) -> None:
    register_with_password(api, "alice")
    token = password_token(api, "alice")

    assert_error(
        as_user(
            api, token, "PUT", "/users/alice/notification/template", json={"templateName": "nope"}
        ),
        400,
        "illegal_argument",
        exception="EntityNotFoundException",
        description="nope template is not exist",
    )


def test_receiver_template_choice_outlives_the_template(api: Api) -> None:
    register_with_password(api, "alice")
    api.ok("POST", "/notification/template", json=TEMPLATE)
    token = password_token(api, "alice")
    as_user(api, token, "PUT", "/users/alice/notification/template", json={"templateName": "hello"})
    api.ok("DELETE", "/notification/template/hello")

    read = as_user(api, token, "GET", "/users/alice/notification/template")

    assert read.json()["data"] == {"templateName": "hello"}

"""App tokens: the client-credentials grant, ttl forms, expiry on the emulator clock, 401 bodies."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path
from typing import Any

import httpx

from agora_chat_emulator.app import create_app
from agora_chat_emulator.config import Settings

from .helpers import Api, assert_error

DEFAULT_TTL_S = 5_184_000
YEAR_MS = 365 * 24 * 3600 * 1000


def token_request(api: Api, **overrides: Any) -> httpx.Response:
    body: dict[str, Any] = {
        "grant_type": "client_credentials",
        "client_id": api.emulator.client_id,
        "client_secret": api.emulator.client_secret,
        **overrides,
    }
    return api.raw("POST", api.app_path("/token"), json=body)


def get_user_with(api: Api, headers: dict[str, str]) -> httpx.Response:
    """GET user alice with explicit auth headers (in place of the session token)."""
    return api.raw("GET", api.app_path("/users/alice"), headers=headers)


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_client_credentials_grant_returns_access_token_expires_in_and_application(
    api: Api,
) -> None:
    api.register("alice")
    response = token_request(api)

    assert response.status_code == 200
    body = response.json()
    assert body["access_token"].startswith("YWMt")
    assert body["expires_in"] == DEFAULT_TTL_S
    user = get_user_with(api, bearer(body["access_token"]))
    assert user.status_code == 200
    assert body["application"] == user.json()["application"]


def test_ttl_as_number_is_honoured(api: Api) -> None:
    assert token_request(api, ttl=3600).json()["expires_in"] == 3600


def test_ttl_as_numeric_string_is_honoured(api: Api) -> None:
    assert token_request(api, ttl="1024000").json()["expires_in"] == 1024000


def test_empty_ttl_string_means_the_default_5184000(api: Api) -> None:
    assert token_request(api, ttl="").json()["expires_in"] == DEFAULT_TTL_S


def test_ttl_as_an_integral_float_is_answered_as_an_integer(api: Api) -> None:
    expires_in = token_request(api, ttl=60.0).json()["expires_in"]

    assert expires_in == 60
    assert isinstance(expires_in, int)


def test_huge_ttl_is_accepted_and_the_token_outlives_any_clock_advance(api: Api) -> None:
    api.register("alice")
    response = token_request(api, ttl=10**30)

    assert response.status_code == 200, response.text
    assert response.json()["expires_in"] == 10**30
    api.emulator.advance_clock(1000 * YEAR_MS)
    assert get_user_with(api, bearer(response.json()["access_token"])).status_code == 200


def test_ttl_zero_never_expires_even_years_later(api: Api) -> None:
    api.register("alice")
    response = token_request(api, ttl=0)
    assert response.json()["expires_in"] == 0

    api.emulator.advance_clock(10 * YEAR_MS)

    assert get_user_with(api, bearer(response.json()["access_token"])).status_code == 200


def test_token_expires_after_its_ttl_401_expired_access_token(api: Api) -> None:
    api.register("alice")
    token = api.emulator.fetch_token(ttl=60)
    api.emulator.advance_clock(59_000)
    assert get_user_with(api, bearer(token)).status_code == 200

    api.emulator.advance_clock(2_000)

    assert_error(
        get_user_with(api, bearer(token)),
        401,
        "unauthorized",
        description="Unable to authenticate due to expired access token",
    )


def test_missing_token_401_says_expired_access_token_as_the_token_error_table_does(
    api: Api,
) -> None:
    api.register("alice")
    assert_error(
        get_user_with(api, {}),
        401,
        "unauthorized",
        description="Unable to authenticate due to expired access token",
    )


def test_registration_with_a_refused_token_401_registration_is_not_open(api: Api) -> None:
    for headers in ({}, bearer("abc!"), bearer("YWMt" + "A1b2-C3d_" * 7 + "x")):
        assert_error(
            api.raw("POST", api.app_path("/users"), json={"username": "alice"}, headers=headers),
            401,
            "unauthorized",
            description="registration is not open, please contact the app admin",
        )


def test_malformed_token_401_auth_bad_access_token(api: Api) -> None:
    api.register("alice")
    assert_error(
        get_user_with(api, bearer("abc!")),
        401,
        "auth_bad_access_token",
        description="Unable to authenticate due to corrupt access token",
    )


def test_unknown_well_formed_token_401_auth_bad_access_token(api: Api) -> None:
    api.register("alice")
    unknown = "YWMt" + "A1b2-C3d_" * 7 + "x"  # 64 url-safe characters after the prefix
    assert len(unknown) == 4 + 64

    assert_error(
        get_user_with(api, bearer(unknown)),
        401,
        "auth_bad_access_token",
        description="Unable to authenticate",
    )


def test_wrong_client_id_400_invalid_grant(api: Api) -> None:
    assert_error(
        token_request(api, client_id="someone-else"),
        400,
        "invalid_grant",
        description="client_id does not match",
    )


def test_wrong_client_secret_400_invalid_grant(api: Api) -> None:
    assert_error(
        token_request(api, client_secret="not-the-secret"),  # noqa: S106 - a wrong one
        400,
        "invalid_grant",
        description="client_secret does not match",
    )


def test_wrong_org_or_app_404_organization_application_not_found(api: Api) -> None:
    body = {"grant_type": "client_credentials", "client_id": "x", "client_secret": "y"}
    for org, app in (("other-org", api.emulator.app), (api.emulator.org, "other-app")):
        response = api.raw("POST", f"/{org}/{app}/token", json=body)
        assert_error(
            response,
            404,
            "organization_application_not_found",
            description=f"Could not find application for {org}/{app} from URI: {org}/{app}/token",
        )
    secured = api.raw("GET", "/other-org/other-app/users/alice/notification/language")
    assert_error(secured, 404, "organization_application_not_found")


def test_the_app_id_prefix_serves_the_same_app_and_other_app_ids_404(api: Api) -> None:
    api.register("alice")
    headers = {"Authorization": f"Bearer {api.emulator.token}"}
    prefix = "/app-id/0123456789abcdef0123456789abcdef"

    response = api.raw("GET", f"{prefix}/users/alice", headers=headers)

    assert response.status_code == 200, response.text
    assert response.json()["entities"][0]["username"] == "alice"
    other = api.raw("GET", "/app-id/ffffffffffffffffffffffffffffffff/users/alice", headers=headers)
    assert_error(other, 404, "organization_application_not_found")


def _in_process(app: Any, method: str, path: str, **kwargs: Any) -> httpx.Response:
    async def send() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://emulator") as http:
            return await http.request(method, path, **kwargs)

    return asyncio.run(send())


def _in_process_token(app: Any, settings: Settings) -> str:
    credentials = {
        "grant_type": "client_credentials",
        "client_id": settings.client_id,
        "client_secret": settings.client_secret,
    }
    response = _in_process(app, "POST", f"/{settings.org}/{settings.app}/token", json=credentials)
    assert response.status_code == 200, response.text
    token: str = response.json()["access_token"]
    return token


def _users_status(app: Any, settings: Settings, token: str) -> httpx.Response:
    return _in_process(
        app, "GET", f"/{settings.org}/{settings.app}/users/alice", headers=bearer(token)
    )


def test_token_of_another_app_is_401(tmp_path: Path) -> None:
    db = str(tmp_path / "shared.db")
    ours = Settings(db=db, org="org-a", app="app-a", client_id="id-a", client_secret="s-a")  # noqa: S106
    others = [
        replace(ours, org="org-b", client_id="id-b", client_secret="s-b"),  # noqa: S106
        replace(ours, app="app-b"),
        replace(ours, client_id="id-b"),
    ]
    ours_app = create_app(ours)
    try:
        token = _in_process_token(ours_app, ours)
        for settings in others:
            other_app = create_app(settings)
            try:
                refused = _users_status(other_app, settings, token)
                assert_error(refused, 401, "auth_bad_access_token")
            finally:
                other_app.state.emulator.close()
        assert _users_status(ours_app, ours, token).status_code == 404  # authenticated: no alice
    finally:
        ours_app.state.emulator.close()


def test_rotated_client_secret_keeps_issued_tokens_valid_until_they_expire(tmp_path: Path) -> None:
    settings = Settings(db=str(tmp_path / "app.db"))
    before = create_app(settings)
    try:
        token = _in_process_token(before, settings)
    finally:
        before.state.emulator.close()
    rotated = replace(settings, client_secret="rotated-secret")  # noqa: S106
    after = create_app(rotated)
    try:
        assert _users_status(after, rotated, token).status_code == 404  # authenticated: no alice
    finally:
        after.state.emulator.close()

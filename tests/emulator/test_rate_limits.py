"""Rate limits (``--rate-limits on``): per-bucket calls per second, 429 ``reach_limit``; the
bucket model of each vendor (``rate-limit-model``, D117, D118) and the app-wide cap (D119)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from agora_chat_emulator import app as app_module
from agora_chat_emulator import errors
from agora_chat_emulator.app import RateLimiter
from agora_chat_emulator.pytest_plugin import RunningEmulator, start_emulator, stop_emulator
from agora_chat_emulator.spec import operations

from .helpers import Api, assert_error


@pytest.fixture(scope="module")
def limited_emulator(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningEmulator]:
    db: Path = tmp_path_factory.mktemp("rate-limits") / "emulator.db"
    emulator = start_emulator(db, "--rate-limits", "on", "--validate-responses")
    yield emulator
    stop_emulator(emulator)


@pytest.fixture
def limited(limited_emulator: RunningEmulator) -> Iterator[Api]:
    limited_emulator.reset()
    api = Api(limited_emulator)
    yield api
    api.close()


def start_of_a_second() -> None:
    """Wait for the next whole second (CLOCK_MONOTONIC, shared with the emulator process), so a
    burst lands in one fixed one-second window instead of straddling two."""
    time.sleep(1.0 - time.monotonic() % 1.0)


def test_eleventh_template_call_within_one_second_429_reach_limit(limited: Api) -> None:
    start_of_a_second()
    # 31 calls over at most three one-second windows put 11 or more into one of them (the
    # pigeonhole, not a timing assertion): at 10 calls per second some call must get 429.
    responses = [limited.request("GET", "/notification/template/missing") for _ in range(31)]
    statuses = [response.status_code for response in responses]
    assert statuses.count(429) >= 1, statuses
    assert set(statuses) == {400, 429}, statuses
    for response in responses:
        if response.status_code == 429:
            assert_error(
                response,
                429,
                "reach_limit",
                description="This request has reached API limit.",
            )


def test_token_endpoint_is_not_limited_by_the_template_bucket(limited: Api) -> None:
    start_of_a_second()
    statuses = [
        limited.request("GET", "/notification/template/missing").status_code for _ in range(11)
    ]
    assert 429 in statuses

    token = limited.emulator.fetch_token()

    assert token.startswith("YWMt")


def test_unauthenticated_calls_do_not_consume_the_bucket(limited: Api) -> None:
    path = limited.app_path("/notification/template/missing")
    start_of_a_second()
    started = time.monotonic()
    refused = [limited.raw("GET", path).status_code for _ in range(20)]
    refused += [
        limited.raw("GET", path, headers={"Authorization": "Bearer YWMtforged"}).status_code
        for _ in range(20)
    ]
    counted = [
        limited.request("GET", "/notification/template/missing").status_code for _ in range(5)
    ]
    elapsed = time.monotonic() - started

    assert elapsed < 1.0, "the burst straddled two windows; rerun"
    assert set(refused) == {401}, refused
    assert set(counted) == {400}, counted


class FrozenSecond:
    """``time`` for ``app.RateLimiter``: every call lands in one fixed one-second window."""

    @staticmethod
    def monotonic() -> float:
        return 1000.5


@pytest.fixture
def one_window(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(app_module, "time", FrozenSecond)


def calls_until_refused(limiter: RateLimiter, *operation_ids: str, most: int = 1000) -> int:
    """How many calls, cycling through ``operation_ids``, pass before the first 429."""
    for made in range(most):
        try:
            limiter.check(operations()[operation_ids[made % len(operation_ids)]])
        except errors.ApiError as refused:
            refusal = refused
            break
    else:
        return most
    assert (refusal.status, refusal.error) == (429, "reach_limit")
    return made


USER_ACCOUNT_AND_PUSH = ("registerUsers", "getUser", "setPushProfile", "deleteUser")


@pytest.mark.usefixtures("one_window")
def test_easemob_model_user_account_and_push_profile_calls_share_one_100_budget() -> None:
    limiter = RateLimiter(enabled=True, model="easemob")

    assert calls_until_refused(limiter, *USER_ACCOUNT_AND_PUSH) == 100


@pytest.mark.usefixtures("one_window")
def test_agora_model_user_account_and_push_profile_calls_have_100_each() -> None:
    limiter = RateLimiter(enabled=True, model="agora")

    assert calls_until_refused(limiter, *USER_ACCOUNT_AND_PUSH) == 400


@pytest.mark.usefixtures("one_window")
@pytest.mark.parametrize(("model", "limit"), [("easemob", 10), ("agora", 100)])
def test_each_push_template_call_has_its_own_budget(model: str, limit: int) -> None:
    limiter = RateLimiter(enabled=True, model=model)

    assert calls_until_refused(limiter, "getPushTemplate", "deletePushTemplate") == 2 * limit
    assert calls_until_refused(limiter, "createPushTemplate") == limit


@pytest.mark.usefixtures("one_window")
@pytest.mark.parametrize("model", ["easemob", "agora"])
def test_notification_setting_put_and_get_have_a_budget_each(model: str) -> None:
    limiter = RateLimiter(enabled=True, model=model)

    assert calls_until_refused(limiter, "setNotificationSetting", "getNotificationSetting") == 200


@pytest.mark.usefixtures("one_window")
def test_app_wide_cap_counts_every_operation_and_a_refused_call_uses_nothing() -> None:
    limiter = RateLimiter(enabled=True, app_limit=3)

    assert calls_until_refused(limiter, "getUser", "getChatroom", "createAppToken") == 3
    small = RateLimiter(enabled=True, app_limit=15)
    # The template bucket refuses the 11th call; the cap then still has room for 5 more calls.
    assert calls_until_refused(small, "getPushTemplate") == 10
    assert calls_until_refused(small, "getUser") == 5


def test_agora_model_reaches_a_running_emulator(tmp_path: Path) -> None:
    emulator = start_emulator(
        tmp_path / "agora.db", "--rate-limits", "on", "--behaviour", "rate-limit-model=agora"
    )
    api = Api(emulator)
    try:
        # 90 calls of each of the four: at most 90 in any bucket of Agora's model, whatever the
        # windows (no timing assumption); Easemob's shared budget would refuse some of these 360.
        statuses = {
            api.request(method, path).status_code
            for _ in range(90)
            for method, path in [
                ("GET", "/users/nobody"),
                ("DELETE", "/users/nobody"),
                ("PUT", "/users/nobody"),
                ("GET", "/notification/template/missing"),
            ]
        }
        health = api.raw("GET", "/_emulator/health").json()
    finally:
        api.close()
        stop_emulator(emulator)

    assert 429 not in statuses, statuses
    assert health["behaviours"]["rate-limit-model"] == "agora"


def test_app_rate_limit_option_caps_a_running_emulator(tmp_path: Path) -> None:
    emulator = start_emulator(tmp_path / "capped.db", "--app-rate-limit", "5")
    api = Api(emulator)
    try:
        start_of_a_second()
        started = time.monotonic()
        # 16 calls of two operations over at most three one-second windows put 6 or more into
        # one of them (the pigeonhole): at 5 calls per second across the app, one must get 429.
        statuses = [
            api.request("GET", path).status_code
            for path in ["/users/nobody", "/notification/template/missing"] * 8
        ]
        elapsed = time.monotonic() - started
    finally:
        api.close()
        stop_emulator(emulator)

    assert elapsed < 2.0, "the calls spread over more than three windows; rerun"
    assert 429 in statuses, statuses
    assert set(statuses) <= {400, 404, 429}, statuses

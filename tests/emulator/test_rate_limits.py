"""Rate limits (``--rate-limits on``): per-bucket calls per second, 429 ``reach_limit``."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from agora_chat_emulator.pytest_plugin import RunningEmulator, start_emulator, stop_emulator

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
                description="This request has reached api limit",
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

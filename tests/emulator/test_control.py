"""Control endpoints under ``/_emulator/``: health, reset, clock."""

from __future__ import annotations

import time

from .helpers import Api, assert_error

HOUR_MS = 3_600_000


def wall_ms() -> int:
    return time.time_ns() // 1_000_000


def test_health_200(api: Api) -> None:
    response = api.raw("GET", "/_emulator/health")

    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "org": api.emulator.org,
        "app": api.emulator.app,
    }


def test_reset_empties_state_but_the_token_keeps_working(api: Api) -> None:
    api.register("alice")
    room = api.create_room("alice")
    api.ok(
        "POST",
        "/notification/template",
        json={"name": "t", "title_pattern": "a", "content_pattern": "b"},
    )

    assert api.raw("POST", "/_emulator/reset").status_code == 200

    assert_error(api.request("GET", "/users/alice"), 404, "service_resource_not_found")
    assert_error(api.request("GET", f"/chatrooms/{room}"), 404, "service_resource_not_found")
    assert_error(api.request("GET", "/notification/template/t"), 400, "illegal_argument")
    api.register("alice")


def test_reset_puts_the_clock_back_to_real_time(api: Api) -> None:
    api.emulator.advance_clock(HOUR_MS)

    api.emulator.reset()

    clock = api.raw("GET", "/_emulator/clock").json()
    assert clock["offset_ms"] == 0
    assert abs(clock["now_ms"] - wall_ms()) < 5_000


def test_clock_get_returns_the_emulator_time(api: Api) -> None:
    before = wall_ms()
    clock = api.raw("GET", "/_emulator/clock").json()
    after = wall_ms()

    assert before - 1_000 <= clock["now_ms"] <= after + 1_000
    assert clock["offset_ms"] == 0


def test_clock_advance_moves_the_emulator_time_forward(api: Api) -> None:
    before = api.emulator.now_ms()

    response = api.raw("POST", "/_emulator/clock", json={"advance_ms": HOUR_MS})

    assert response.status_code == 200
    assert response.json()["offset_ms"] == HOUR_MS
    assert before + HOUR_MS <= response.json()["now_ms"] <= api.emulator.now_ms()


def test_clock_set_moves_the_emulator_time_to_an_absolute_instant(api: Api) -> None:
    api.register("alice")
    target = (wall_ms() // 86_400_000 + 10) * 86_400_000  # midnight UTC, 9 to 10 days ahead

    response = api.raw("POST", "/_emulator/clock", json={"now_ms": target})

    assert response.status_code == 200
    assert target <= response.json()["now_ms"] < target + 1_000
    data = api.ok("PUT", "/users/alice/notification/user/alice", json={"ignoreDuration": 1_000})
    assert target + 1_000 <= data["data"]["ignoreDuration"] < target + 2_000


def test_clock_rejects_a_non_integer_400_json(api: Api) -> None:
    for body in ({"advance_ms": "soon"}, {"now_ms": 1.5}, [1]):
        response = api.raw("POST", "/_emulator/clock", json=body)
        assert_error(response, 400, "illegal_argument")
    assert api.raw("GET", "/_emulator/clock").json()["offset_ms"] == 0


def test_clock_outside_year_0_to_9999_is_refused_400_json(api: Api) -> None:
    for body in ({"advance_ms": 10**23}, {"now_ms": -1}, {"now_ms": 253_402_300_800_000}):
        response = api.raw("POST", "/_emulator/clock", json=body)
        assert_error(response, 400, "illegal_argument")
    assert api.raw("GET", "/_emulator/clock").json()["offset_ms"] == 0

"""Control endpoints under ``/_emulator/``: health, reset, clock."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from agora_chat_emulator.behaviours import Behaviours
from agora_chat_emulator.config import READY_PREFIX
from agora_chat_emulator.process import start_emulator, stop_emulator

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
        "behaviours": dict(Behaviours().as_mapping()),
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


def test_control_endpoints_refuse_cross_site_requests(api: Api) -> None:
    api.register("alice")
    port = api.emulator.root_url.rsplit(":", 1)[1]
    cross_site = [
        ({"Origin": "https://evil.example"}, None, 403),
        ({"Origin": "null"}, None, 403),
        ({"Host": f"rebound.example:{port}"}, None, 403),
        ({"Content-Type": "text/plain"}, b'{"advance_ms": 1}', 415),
        ({"Content-Type": "application/x-www-form-urlencoded"}, b"advance_ms=1", 415),
    ]
    for headers, body, status in cross_site:
        for path in ("/_emulator/reset", "/_emulator/clock"):
            response = api.raw("POST", path, headers=headers, content=body)
            assert_error(response, status, "control_request_refused")
    assert api.raw("GET", "/_emulator/health", headers={"Host": "evil.example"}).status_code == 403
    assert api.request("GET", "/users/alice").status_code == 200  # not reset
    assert abs(api.raw("GET", "/_emulator/clock").json()["offset_ms"]) < HOUR_MS
    same_site = {"Origin": f"http://localhost:{port}", "Content-Type": "application/json"}
    assert api.raw("POST", "/_emulator/clock", headers=same_site, json={}).status_code == 200
    assert api.raw("POST", "/_emulator/reset", headers=same_site).status_code == 200


def test_ready_banner_never_prints_the_client_secret(tmp_path: Path) -> None:
    secret = "s3cr3t-not-for-logs"  # noqa: S105
    emulator = start_emulator(tmp_path / "e.db", "--client-secret", secret)
    try:
        assert emulator.client_secret == secret
        assert emulator.token  # the plugin still fetched a token with it
    finally:
        stop_emulator(emulator)
    command = [sys.executable, "-m", "agora_chat_emulator", "serve", "--port", "0"]
    process = subprocess.Popen(
        [*command, "--db", str(tmp_path / "f.db"), "--client-secret", secret],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert process.stdout is not None
        banner = [process.stdout.readline() for _ in range(4)]
    finally:
        process.terminate()
        process.wait(timeout=10)
        assert process.stdout is not None
        process.stdout.close()
    assert banner[0].startswith(READY_PREFIX), banner
    assert secret not in "".join(banner)
    assert "--client-secret" in banner[1]


def test_error_bodies_quote_no_decoder_message(api: Api) -> None:
    for body in (b'{"nickname": ', b"\xff\xfe", b"[" + b"1" * 5000 + b"]"):
        error = assert_error(api.request("PUT", "/users/alice", content=body), 400, "json_parse")
        for python_wording in ("Expecting", "char ", "codec", "sys.set_int_max_str_digits"):
            assert python_wording not in error["error_description"], error

"""The generated client's defaults as a user meets them: timeout, retries, typed errors, app token.

The first group runs against a scripted stub server on 127.0.0.1 (a response per request, in
order), the second against an emulator with its default settings (rate limits on).
"""

from __future__ import annotations

import asyncio
import json
import math
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
from agora_chat_client import AuthenticatedClient
from agora_chat_client.api.users import get_user, register_users
from agora_chat_client.client import DEFAULT_TIMEOUT, AppToken, default_retry
from agora_chat_client.errors import AgoraChatError, NotFoundError, RateLimitError, ServerError
from agora_chat_client.models import UserRegistration
from httpx_retries import Retry

from agora_chat_emulator.pytest_plugin import RunningEmulator, start_emulator, stop_emulator

from .conftest import mypy_strict

USER_BODY = {
    "action": "get",
    "path": "/users",
    "uri": "http://127.0.0.1/org/app/users/alice",
    "entities": [
        {
            "uuid": "4759aa70-eba5-11e8-925f-6fa0510823ba",
            "type": "user",
            "created": 1542795196504,
            "modified": 1542795196504,
            "username": "alice",
            "activated": True,
        }
    ],
    "timestamp": 1542795196504,
    "duration": 0,
    "organization": "org",
    "application": "8be024f0-e978-11e8-b697-5d598d5f8402",
    "applicationName": "app",
}
NOT_FOUND_BODY = {
    "error": "service_resource_not_found",
    "exception": "UserNotFoundException",
    "timestamp": 1542795196504,
    "duration": 0,
    "error_description": "Service resource not found",
}
HTML_429 = "<html><body><h1>429 Too Many Requests</h1></body></html>"


class Scripted:
    """(status, headers, body) to answer, one per request; ``None`` hangs until the test ends."""

    def __init__(self) -> None:
        self.replies: list[tuple[int, dict[str, str], str] | None] = []
        self.arrivals: list[float] = []
        self.release = threading.Event()


@pytest.fixture
def stub() -> Iterator[tuple[Scripted, str]]:
    script = Scripted()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            script.arrivals.append(time.monotonic())
            reply = script.replies.pop(0)
            if reply is None:
                script.release.wait(10)
                return
            status, headers, body = reply
            data = body.encode()
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: object) -> None:
            """Quiet: the test asserts what matters."""

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield script, f"http://127.0.0.1:{server.server_port}/org/app"
    script.release.set()
    server.shutdown()
    server.server_close()


JSON = {"Content-Type": "application/json"}


def test_the_default_timeout_is_finite_and_a_hanging_response_fails(
    stub: tuple[Scripted, str],
) -> None:
    script, base_url = stub
    with AuthenticatedClient(base_url, "t0k") as default:
        configured = default.get_httpx_client().timeout
    assert configured == DEFAULT_TIMEOUT
    for part in ("connect", "read", "write", "pool"):
        value = getattr(configured, part)
        assert value is not None
        assert math.isfinite(value)

    # The same path with a short timeout, so the test does not wait 30 s.
    script.replies = [None]
    started = time.monotonic()
    with (
        AuthenticatedClient(base_url, "t0k", timeout=0.3) as client,
        pytest.raises(httpx.ReadTimeout),
    ):
        get_user.sync("alice", client=client)
    assert time.monotonic() - started < 5  # failed on the timeout, not on the stub's 10 s
    assert len(script.arrivals) == 1  # a timeout is not retried


def test_429_then_200_succeeds_after_one_retry_that_waits_retry_after(
    stub: tuple[Scripted, str],
) -> None:
    script, base_url = stub
    script.replies = [
        (429, {**JSON, "Retry-After": "1"}, json.dumps({"error": "reach_limit"})),
        (200, JSON, json.dumps(USER_BODY)),
    ]
    with AuthenticatedClient(base_url, "t0k", raise_on_error=True) as client:
        user = get_user.sync("alice", client=client)
    assert user.entities[0].username == "alice"
    first, second = script.arrivals
    assert second - first >= 0.95


def test_an_html_429_raises_rate_limit_error_with_the_raw_text(
    stub: tuple[Scripted, str],
) -> None:
    script, base_url = stub
    script.replies = [(429, {"Content-Type": "text/html", "Retry-After": "7"}, HTML_429)]
    # Without raise_on_error too: an unparseable body is never a JSONDecodeError.
    with (
        AuthenticatedClient(base_url, "t0k", retry=None) as client,
        pytest.raises(RateLimitError) as caught,
    ):
        get_user.sync("alice", client=client)
    assert caught.value.status_code == 429
    assert caught.value.text == HTML_429
    assert caught.value.retry_after == 7
    assert caught.value.error is None
    assert isinstance(caught.value, AgoraChatError)


def test_a_520_raises_server_error_with_the_raw_text(stub: tuple[Scripted, str]) -> None:
    script, base_url = stub
    script.replies = [(520, {"Content-Type": "text/plain"}, "origin error")]
    with AuthenticatedClient(base_url, "t0k") as client, pytest.raises(ServerError) as caught:
        get_user.sync_detailed("alice", client=client)
    assert (caught.value.status_code, caught.value.text) == (520, "origin error")


def test_an_empty_object_for_a_200_is_an_error_not_a_key_error(stub: tuple[Scripted, str]) -> None:
    script, base_url = stub
    script.replies = [(200, JSON, "{}")]
    with AuthenticatedClient(base_url, "t0k") as client, pytest.raises(AgoraChatError) as caught:
        get_user.sync("alice", client=client)
    assert (caught.value.status_code, caught.value.text) == (200, "{}")


def test_raise_on_error_turns_a_404_into_not_found_error(stub: tuple[Scripted, str]) -> None:
    script, base_url = stub
    script.replies = [(404, JSON, json.dumps(NOT_FOUND_BODY))]
    with (
        AuthenticatedClient(base_url, "t0k", raise_on_error=True) as client,
        pytest.raises(NotFoundError) as caught,
    ):
        get_user.sync("nobody", client=client)
    error = caught.value
    assert (error.status_code, error.error, error.exception) == (
        404,
        "service_resource_not_found",
        "UserNotFoundException",
    )
    assert error.error_description == "Service resource not found"
    assert "service_resource_not_found" in str(error)


# --- Against the emulator with its default settings ------------------------------------------


@pytest.fixture(scope="module")
def default_emulator(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningEmulator]:
    """An emulator as users start it: rate limits on (the CLI's default)."""
    emulator = start_emulator(tmp_path_factory.mktemp("defaults") / "emulator.db")
    yield emulator
    stop_emulator(emulator)


@pytest.mark.slow
def test_150_concurrent_get_user_calls_all_succeed_under_rate_limits(
    default_emulator: RunningEmulator,
) -> None:
    default_emulator.reset()
    token = AppToken(default_emulator.client_id, default_emulator.client_secret)
    with AuthenticatedClient(default_emulator.base_url, token, raise_on_error=True) as client:
        register_users.sync(client=client, body=UserRegistration(username="alice"))

    async def burst(retry: Retry) -> list[str]:
        async with AuthenticatedClient(
            default_emulator.base_url, token, raise_on_error=True, retry=retry
        ) as c:
            found = await asyncio.gather(
                *(get_user.asyncio("alice", client=c) for _ in range(150)), return_exceptions=True
            )
        return [
            type(user).__name__ if isinstance(user, BaseException) else user.entities[0].username
            for user in found
        ]

    assert asyncio.run(burst(default_retry())) == ["alice"] * 150


def test_app_token_is_fetched_again_after_the_server_expired_it(
    default_emulator: RunningEmulator,
) -> None:
    default_emulator.reset()
    sent: list[str] = []

    def record(request: httpx.Request) -> None:
        sent.append(f"{request.method} {request.url.path.rsplit('/', 1)[-1]}")

    token = AppToken(
        default_emulator.client_id, default_emulator.client_secret, ttl=2, refresh_margin=0
    )
    client = AuthenticatedClient(
        default_emulator.base_url,
        token,
        raise_on_error=True,
        httpx_args={"event_hooks": {"request": [record]}},
    )
    with client:
        register_users.sync(client=client, body=UserRegistration(username="alice"))
        default_emulator.advance_clock(3_000)  # the server's clock: the cached token looks valid
        user = get_user.sync("alice", client=client)

    assert user.entities[0].username == "alice"
    assert sent == ["POST token", "POST users", "GET alice", "POST token", "GET alice"]


USER_SCRIPT = """
import asyncio

from agora_chat_client import AuthenticatedClient, Client
from agora_chat_client.api.app_token import create_app_token
from agora_chat_client.api.users import get_user
from agora_chat_client.client import AppToken
from agora_chat_client.errors import NotFoundError
from agora_chat_client.models import GrantType, TokenRequest

base_url = "http://127.0.0.1:1/org/app"
with Client(base_url, raise_on_error=True) as anonymous:
    body = TokenRequest(grant_type=GrantType.CLIENT_CREDENTIALS, client_id="i", client_secret="s")
    access_token: str = create_app_token.sync(client=anonymous, body=body).access_token

client = AuthenticatedClient(base_url, AppToken("id", "secret"), raise_on_error=True, timeout=5)
name: str = get_user.sync("alice", client=client).entities[0].username


async def main() -> str:
    user = await get_user.asyncio("alice", client=client)
    return user.entities[0].username


try:
    print(name, asyncio.run(main()))
except NotFoundError as error:
    print(error.status_code, error.error, error.text)

plain = AuthenticatedClient(base_url, access_token)
maybe = get_user.sync("alice", client=plain)
print(maybe.entities if maybe is not None and not hasattr(maybe, "error") else None)
"""


def test_raise_on_error_types_sync_as_the_success_model_under_mypy_strict(tmp_path: Path) -> None:
    script = tmp_path / "user_script.py"
    script.write_text(USER_SCRIPT, encoding="utf-8")

    result = mypy_strict(script, cache="user-script", cwd=tmp_path)

    assert result.returncode == 0, result.stdout + result.stderr


def test_without_raise_on_error_sync_still_returns_the_union_under_mypy_strict(
    tmp_path: Path,
) -> None:
    script = tmp_path / "user_script.py"
    script.write_text(
        "from agora_chat_client import AuthenticatedClient\n"
        "from agora_chat_client.api.users import get_user\n"
        "client = AuthenticatedClient('http://127.0.0.1:1/o/a', 't')\n"
        "print(get_user.sync('alice', client=client).entities)\n",
        encoding="utf-8",
    )

    result = mypy_strict(script, cache="user-script", cwd=tmp_path)

    assert result.returncode == 1
    assert 'Item "ErrorResponse" of' in result.stdout
    assert 'Item "None" of' in result.stdout

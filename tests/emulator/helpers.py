"""Helpers for the emulator behaviour tests: an HTTP client bound to an emulator.

Most tests drive the emulator in this process (``InProcessEmulator``: ``create_app`` behind
``AppTransport``, no socket, no process; docs/decisions.md, D61); tests of what only a server
process has (signals, sockets, server bounds, durability, start-up) use a process emulator. Both
run with ``validate_responses``, so a response that breaks openapi.yaml comes back as a 500, and
``Api.request`` refuses every 5xx: no test can pass while the emulator answers one.
"""

from __future__ import annotations

import contextlib
import ssl
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol

import httpx
from anyio.from_thread import BlockingPortal, start_blocking_portal

from agora_chat_emulator.app import create_app
from agora_chat_emulator.config import Settings
from agora_chat_emulator.process import EmulatorCalls

ERROR_FIELDS = {"error", "exception", "timestamp", "duration", "error_description"}

# httpx builds a fresh SSL context (~60 ms) per client unless given one; the emulator speaks
# plain HTTP, so one shared context keeps the per-test clients cheap.
SSL_CONTEXT = ssl.create_default_context()


class Emulator(Protocol):
    """What the tests use of an emulator: a ``RunningEmulator`` or an ``InProcessEmulator``."""

    root_url: str
    org: str
    app: str
    client_id: str
    client_secret: str
    token: str

    @property
    def base_url(self) -> str: ...

    @property
    def auth_headers(self) -> dict[str, str]: ...

    def reset(self) -> None: ...

    def advance_clock(self, ms: int) -> int: ...

    def now_ms(self) -> int: ...

    def fetch_token(self, ttl: int | None = None) -> str: ...


Connect = Callable[[str, Mapping[str, str] | None], httpx.Client]
"""Opens a client at a base URL with default headers."""


def socket_client(base_url: str, headers: Mapping[str, str] | None = None) -> httpx.Client:
    return httpx.Client(base_url=base_url, headers=headers, timeout=10, verify=SSL_CONTEXT)


class AppTransport(httpx.BaseTransport):
    """``httpx.ASGITransport`` for a sync ``httpx.Client``: each request runs on the event loop
    of ``portal`` (one thread, shared by every client of the app, like a server's one loop)."""

    def __init__(self, app: Any, portal: BlockingPortal) -> None:
        # As over a socket: an exception in the app is a 500 response, not raised here.
        self._asgi = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        self._portal = portal

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()  # a generator body (chunked) becomes bytes the async transport can send

        async def send() -> httpx.Response:
            response = await self._asgi.handle_async_request(request)
            return httpx.Response(
                response.status_code,
                headers=response.headers,
                content=await response.aread(),
                extensions=response.extensions,
            )

        return self._portal.call(send)


class InProcessEmulator(EmulatorCalls):
    """The emulator of ``settings`` in this process (``create_app``), reached through the same
    calls as a process emulator: control endpoints and the token over HTTP, at
    ``http://HOST:PORT`` so the control endpoints' Host check passes."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.asgi = create_app(settings)
        self._loop = contextlib.ExitStack()
        self._portal = self._loop.enter_context(start_blocking_portal("asyncio"))
        self.root_url = f"http://{settings.host}:{settings.port}"
        self.org, self.app = settings.org, settings.app
        self.client_id, self.client_secret = settings.client_id, settings.client_secret
        self.http = self.client(self.root_url)
        self.token = self.fetch_token()

    def client(self, base_url: str, headers: Mapping[str, str] | None = None) -> httpx.Client:
        transport = AppTransport(self.asgi, self._portal)
        return httpx.Client(base_url=base_url, headers=headers, timeout=10, transport=transport)

    def close(self) -> None:
        self.http.close()
        self._loop.close()
        self.asgi.state.emulator.close()

    def reset(self) -> None:
        self.control("POST", "reset")


def assert_error(
    response: httpx.Response,
    status: int,
    error: str,
    *,
    exception: str | None = None,
    description: str | None = None,
) -> dict[str, Any]:
    """Check the service's flat JSON error body; returns it for further checks."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body: dict[str, Any] = response.json()
    assert body.keys() >= ERROR_FIELDS, body
    assert body["error"] == error, body
    if exception is not None:
        assert body["exception"] == exception, body
    if description is not None:
        assert body["error_description"] == description, body
    return body


class Api:
    """HTTP clients on the emulator (with and without its token), plus setup helpers."""

    def __init__(self, emulator: Emulator, connect: Connect = socket_client) -> None:
        self.emulator = emulator
        self.http = connect(emulator.base_url, emulator.auth_headers)
        self.bare = connect(emulator.root_url, None)

    def close(self) -> None:
        self.http.close()
        self.bare.close()

    def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        """An authenticated request to ``path`` under ``/{org}/{app}``."""
        response = self.http.request(method, path, **kwargs)
        assert response.status_code < 500, f"{method} {path}: {response.text}"
        return response

    def raw(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        """A request to ``path`` under the server root with only the headers given."""
        response = self.bare.request(method, path, **kwargs)
        assert response.status_code < 500, f"{method} {path}: {response.text}"
        return response

    def app_path(self, path: str) -> str:
        return f"/{self.emulator.org}/{self.emulator.app}{path}"

    def ok(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        """The JSON body of a request that must succeed with 200."""
        response = self.request(method, path, **kwargs)
        assert response.status_code == 200, f"{method} {path}: {response.text}"
        body: dict[str, Any] = response.json()
        return body

    # Setup helpers ---------------------------------------------------------------------------

    def register(self, *usernames: str) -> None:
        body = self.ok("POST", "/users", json=[{"username": name} for name in usernames])
        assert body["data"] == [], body

    def create_room(self, owner: str, *members: str, maxusers: int | None = None) -> str:
        payload: dict[str, Any] = {
            "name": "room",
            "description": "a test room",
            "owner": owner,
        }
        if members:  # the service refuses an empty list (D110)
            payload["members"] = list(members)
        if maxusers is not None:
            payload["maxusers"] = maxusers
        room_id: str = self.ok("POST", "/chatrooms", json=payload)["data"]["id"]
        return room_id

    def add_member(self, room_id: str, username: str) -> None:
        self.ok("POST", f"/chatrooms/{room_id}/users/{username}")

    def remove_member(self, room_id: str, username: str) -> None:
        self.ok("DELETE", f"/chatrooms/{room_id}/users/{username}")

    def members(self, room_id: str) -> list[dict[str, str]]:
        data: list[dict[str, str]] = self.ok("GET", f"/chatrooms/{room_id}/users")["data"]
        return data

    def set_attributes(
        self,
        room_id: str,
        username: str,
        metadata: Mapping[str, str],
        *,
        forced: bool = False,
        auto_delete: str | None = None,
    ) -> dict[str, Any]:
        """``data`` of a set or forced set (``successKeys``, ``errorKeys``)."""
        payload: dict[str, Any] = {"metaData": dict(metadata)}
        if auto_delete is not None:
            payload["autoDelete"] = auto_delete
        suffix = "/forced" if forced else ""
        path = f"/metadata/chatroom/{room_id}/user/{username}{suffix}"
        data: dict[str, Any] = self.ok("PUT", path, json=payload)["data"]
        return data

    def delete_attributes(
        self, room_id: str, username: str, keys: Sequence[str], *, forced: bool = False
    ) -> dict[str, Any]:
        suffix = "/forced" if forced else ""
        path = f"/metadata/chatroom/{room_id}/user/{username}{suffix}"
        data: dict[str, Any] = self.ok("DELETE", path, json={"keys": list(keys)})["data"]
        return data

    def attributes(self, room_id: str) -> dict[str, str]:
        """Every attribute of the room."""
        data: dict[str, str] = self.ok("POST", f"/metadata/chatroom/{room_id}")["data"]
        return data

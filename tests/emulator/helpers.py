"""Helpers for the emulator behaviour tests: an HTTP client bound to the session emulator.

Every test talks to a real emulator process over HTTP on 127.0.0.1 (the plugin's
``agora_chat_emulator`` fixture, reset before each test and run with ``--validate-responses``,
so a response that breaks openapi.yaml comes back as a 500). ``Api.request`` therefore refuses
every 5xx: no test can pass while the emulator answers one.
"""

from __future__ import annotations

import ssl
from collections.abc import Mapping, Sequence
from typing import Any

import httpx

from agora_chat_emulator.pytest_plugin import RunningEmulator

ERROR_FIELDS = {"error", "exception", "timestamp", "duration", "error_description"}

# httpx builds a fresh SSL context (~60 ms) per client unless given one; the emulator speaks
# plain HTTP, so one shared context keeps the per-test clients cheap.
SSL_CONTEXT = ssl.create_default_context()


def client(base_url: str, headers: Mapping[str, str] | None = None) -> httpx.Client:
    return httpx.Client(base_url=base_url, headers=headers, timeout=10, verify=SSL_CONTEXT)


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

    def __init__(self, emulator: RunningEmulator) -> None:
        self.emulator = emulator
        self.http = client(emulator.base_url, emulator.auth_headers)
        self.bare = client(emulator.root_url)

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

"""``content-type`` (D120): a body without ``Content-Type: application/json`` is read as JSON by
default, as the live service does for the Java SDK 1.x push calls; ``content-type=required``
answers 415 ``web_application``, as Agora's status-code page documents. Driven in-process."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from agora_chat_emulator.app import create_app
from agora_chat_emulator.behaviours import Behaviours
from agora_chat_emulator.config import Settings

from .helpers import assert_error

NICKNAME = b'{"nickname": "Alice"}'


class InProcess:
    """One in-process emulator with the given choice, and an authenticated caller of it."""

    def __init__(self, tmp_path: Path, choice: str) -> None:
        self.settings = Settings(
            db=str(tmp_path / "emulator.db"),
            rate_limits=False,
            validate_responses=True,
            behaviours=Behaviours.parse([f"content-type={choice}"]),
        )
        self.app = create_app(self.settings)
        self.prefix = f"/{self.settings.org}/{self.settings.app}"
        self.auth: dict[str, str] = {}
        token = self.call(
            "POST",
            "/token",
            json={
                "grant_type": "client_credentials",
                "client_id": self.settings.client_id,
                "client_secret": self.settings.client_secret,
            },
        ).json()["access_token"]
        self.auth = {"Authorization": f"Bearer {token}"}
        assert self.call("POST", "/users", json={"username": "alice"}).status_code == 200

    def call(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        headers = {**self.auth, **kwargs.pop("headers", {})}

        async def send() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app)
            async with httpx.AsyncClient(transport=transport, base_url="http://emulator") as http:
                return await http.request(method, self.prefix + path, headers=headers, **kwargs)

        return asyncio.run(send())


@pytest.fixture(params=["optional", "required"])
def emulator(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[InProcess]:
    emulator = InProcess(tmp_path, request.param)
    yield emulator
    emulator.app.state.emulator.close()


def test_a_body_without_content_type_is_json_by_default_and_415_when_required(
    emulator: InProcess,
) -> None:
    # httpx sends no Content-Type for raw bytes, as the Java SDK 1.x does on PUT /users/{u}.
    response = emulator.call("PUT", "/users/alice", content=NICKNAME)

    if emulator.settings.behaviours["content-type"] == "optional":
        assert response.status_code == 200, response.text
        assert response.json()["entities"][0]["nickname"] == "Alice"
    else:
        assert_error(
            response,
            415,
            "web_application",
            exception="WebApplicationException",
            description="Unsupported Media Type.",
        )
        unchanged = emulator.call("GET", "/users/alice").json()["entities"][0]
        assert "nickname" not in unchanged


@pytest.mark.parametrize(
    "content_type", ["application/json", "application/json; charset=utf-8", "Application/JSON"]
)
def test_a_json_content_type_is_accepted_under_either_choice(
    emulator: InProcess, content_type: str
) -> None:
    response = emulator.call(
        "PUT", "/users/alice", content=NICKNAME, headers={"Content-Type": content_type}
    )

    assert response.status_code == 200, response.text


def test_another_content_type_is_415_only_when_required(emulator: InProcess) -> None:
    response = emulator.call(
        "PUT", "/users/alice", content=NICKNAME, headers={"Content-Type": "text/plain"}
    )

    expected = 200 if emulator.settings.behaviours["content-type"] == "optional" else 415
    assert response.status_code == expected, response.text


def test_a_request_without_a_body_needs_no_content_type(emulator: InProcess) -> None:
    # The Java SDK 1.x adds a member with a bodiless POST and no Content-Type.
    room = emulator.call(
        "POST", "/chatrooms", json={"name": "r", "description": "d", "owner": "alice"}
    )
    assert room.status_code == 200, room.text
    room_id = room.json()["data"]["id"]
    assert emulator.call("POST", "/users", json={"username": "bob"}).status_code == 200

    added = emulator.call("POST", f"/chatrooms/{room_id}/users/bob")
    read = emulator.call("GET", "/users/alice")
    attributes = emulator.call("POST", f"/metadata/chatroom/{room_id}")

    assert added.status_code == 200, added.text
    assert read.status_code == 200, read.text
    assert attributes.status_code == 200, attributes.text

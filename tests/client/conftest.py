"""The generated client (generated/, import name ``agora_chat_client``) against the live emulator.

Every helper here goes through the generated client too, so a broken model breaks the setup as
loudly as the test. ``parsed`` is checked with ``isinstance`` against the expected model: a
documented error status parses into ``ErrorResponse`` and an undocumented one into ``None``, and
both fail these helpers with the raw body in the message.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest
from agora_chat_client import AuthenticatedClient
from agora_chat_client.api.chat_room_members import add_chatroom_member
from agora_chat_client.api.chat_rooms import create_chatroom
from agora_chat_client.api.users import register_users
from agora_chat_client.models import (
    ChatroomCreateRequest,
    ChatroomCreateResponse,
    ChatroomMembershipResponse,
    RegisterUsersResponse,
    UserRegistration,
)
from agora_chat_client.types import Response

from agora_chat_emulator.pytest_plugin import RunningEmulator

Model = TypeVar("Model")


def expect(response: Response[Any], model: type[Model], status: int = 200) -> Model:
    """The parsed body of ``response``, asserting its status and model class."""
    assert response.status_code == status, response.content
    assert isinstance(response.parsed, model), (type(response.parsed), response.content)
    return response.parsed


def new_client(emulator: RunningEmulator, token: str | None = None) -> AuthenticatedClient:
    return AuthenticatedClient(
        base_url=emulator.base_url,
        token=emulator.token if token is None else token,
        timeout=httpx.Timeout(10),
    )


@pytest.fixture
def client(agora_chat_emulator: RunningEmulator) -> Iterator[AuthenticatedClient]:
    """A client on the freshly reset emulator, authenticated with its app token."""
    with new_client(agora_chat_emulator) as authenticated:
        yield authenticated


def register(client: AuthenticatedClient, *usernames: str) -> None:
    response = register_users.sync_detailed(
        client=client, body=[UserRegistration(username=name) for name in usernames]
    )
    created = expect(response, RegisterUsersResponse)
    assert sorted(user.username for user in created.entities) == sorted(usernames)


def create_room(client: AuthenticatedClient, owner: str, *members: str) -> str:
    """A room owned by ``owner`` with ``members`` added one by one; returns its ID."""
    body = ChatroomCreateRequest(
        name="Tea room", description="Where they talk about tea", owner=owner
    )
    room_id = expect(
        create_chatroom.sync_detailed(client=client, body=body), ChatroomCreateResponse
    ).data.id
    for member in members:
        expect(
            add_chatroom_member.sync_detailed(room_id, member, client=client),
            ChatroomMembershipResponse,
        )
    return room_id


def mypy_strict(target: Path | str, *, cache: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``mypy --strict`` with mypy's own defaults: the project's [tool.mypy] excludes generated/."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--config-file=",
            "--strict",
            "--python-version=3.11",
            f"--cache-dir=.mypy_cache/{cache}",
            str(target),
        ],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )

"""pytest plugin: emulator fixtures for code that calls the Agora Chat REST API.

Installed with the package (entry point ``pytest11``), so it loads in every pytest run of a
project that installs the package: at load time it imports only ``config`` and ``process``; the
server stack (Starlette, uvicorn, the spec validators) is imported by the fixtures that use it.

- ``agora_chat_emulator``: one emulator process per session on a free 127.0.0.1 port with a fresh
  SQLite file, reset for each test (empty state, same credentials, a valid token, real time).
- ``agora_chat_app``: the emulator in this process (``create_app``) behind an
  ``httpx.AsyncClient`` on ``httpx.ASGITransport``, for async tests that need no real socket.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest

from agora_chat_emulator.config import Settings
from agora_chat_emulator.process import RunningEmulator, start_emulator, stop_emulator

__all__ = ["RunningEmulator", "start_emulator", "stop_emulator"]


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("agora_chat_emulator")
    group.addoption(
        "--agora-emulator-rate-limits",
        choices=["on", "off"],
        default="off",
        help="Rate limits of the session emulator (default off, so tests are not throttled).",
    )


@pytest.fixture(scope="session")
def agora_chat_emulator_session(
    tmp_path_factory: pytest.TempPathFactory, pytestconfig: pytest.Config
) -> Iterator[RunningEmulator]:
    """One emulator process for the whole session (responses checked against openapi.yaml)."""
    db = tmp_path_factory.mktemp("agora-chat-emulator") / "emulator.db"
    emulator = start_emulator(
        db,
        "--rate-limits",
        pytestconfig.getoption("--agora-emulator-rate-limits"),
        "--validate-responses",
    )
    yield emulator
    stop_emulator(emulator)


@pytest.fixture
def agora_chat_emulator(agora_chat_emulator_session: RunningEmulator) -> RunningEmulator:
    """The session emulator, reset to an empty state for this test (the token stays valid)."""
    agora_chat_emulator_session.reset()
    return agora_chat_emulator_session


@pytest.fixture
async def agora_chat_app(tmp_path: Path) -> AsyncIterator[httpx.AsyncClient]:
    """A fresh in-process emulator (default settings but rate limits off, responses checked
    against openapi.yaml) and a client on it, based at the server root: API calls go to
    ``/demo-org/demo-app/...``, control calls to ``/_emulator/...``."""
    from agora_chat_emulator.app import create_app  # noqa: PLC0415 - kept off plugin load

    settings = Settings(
        db=str(tmp_path / "emulator.db"), rate_limits=False, validate_responses=True
    )
    app = create_app(settings)
    transport = httpx.ASGITransport(app=app)
    try:
        async with httpx.AsyncClient(
            transport=transport, base_url=f"http://{settings.host}"
        ) as client:
            yield client
    finally:
        app.state.emulator.close()

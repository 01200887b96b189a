"""pytest plugin: an ``agora_chat_emulator`` fixture for code that calls the Agora Chat REST API.

Installed with the package (entry point ``pytest11``). The emulator runs once per test session as
a separate process on a free 127.0.0.1 port with a fresh SQLite file; each test gets it reset
(empty state, same credentials, a valid token, clock back to real time).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

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

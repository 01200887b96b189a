"""Fixtures of the emulator behaviour tests (the helpers they use are in ``helpers``).

``api`` drives one in-process emulator per session (reset for each test), so the behaviour tests
need no socket; ``socket_api`` is the plugin's process emulator, for the tests of what a server
process does with real connections.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from agora_chat_emulator.behaviours import Behaviours
from agora_chat_emulator.config import Settings
from agora_chat_emulator.pytest_plugin import RunningEmulator

from .helpers import Api, InProcessEmulator


@pytest.fixture(scope="session")
def in_process_emulator(
    tmp_path_factory: pytest.TempPathFactory, pytestconfig: pytest.Config
) -> Iterator[InProcessEmulator]:
    """Settings as the plugin gives its session emulator (the same pytest options)."""
    option = pytestconfig.getoption
    settings = Settings(
        db=str(tmp_path_factory.mktemp("in-process-emulator") / "emulator.db"),
        org=option("--agora-emulator-org"),
        app=option("--agora-emulator-app"),
        rate_limits=option("--agora-emulator-rate-limits") == "on",
        validate_responses=True,
        behaviours=Behaviours.parse(option("--agora-emulator-behaviour")),
    )
    emulator = InProcessEmulator(settings)
    yield emulator
    emulator.close()


@pytest.fixture
def api(in_process_emulator: InProcessEmulator) -> Iterator[Api]:
    in_process_emulator.reset()
    client = Api(in_process_emulator, in_process_emulator.client)
    yield client
    client.close()


@pytest.fixture
def socket_api(agora_chat_emulator: RunningEmulator) -> Iterator[Api]:
    client = Api(agora_chat_emulator)
    yield client
    client.close()

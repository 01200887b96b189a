"""Fixtures of the emulator behaviour tests (the helpers they use are in ``helpers``)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from agora_chat_emulator.pytest_plugin import RunningEmulator

from .helpers import Api


@pytest.fixture
def api(agora_chat_emulator: RunningEmulator) -> Iterator[Api]:
    client = Api(agora_chat_emulator)
    yield client
    client.close()

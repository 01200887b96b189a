"""pytest plugin (``-p proxied_session``, with ``-p no:agora_chat_emulator``): the emulator
fixtures of ``agora_chat_emulator.pytest_plugin``, but clients reach the session emulator through
``agora-chat-contract proxy --fail-on-violation`` (control calls still go direct).

The violations go to ``$PROXY_REPORT``; after the session the proxy is stopped with SIGINT and
its exit code and table are written to ``$PROXY_REPORT`` with the suffix ``.exit``."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from agora_chat_contract.proxy import start_proxy
from agora_chat_emulator.pytest_plugin import (
    RunningEmulator,
    agora_chat_emulator,
    pytest_addoption,
    start_emulator,
    stop_emulator,
)

__all__ = ["agora_chat_emulator", "agora_chat_emulator_session", "pytest_addoption"]


@dataclass
class ProxiedEmulator(RunningEmulator):
    proxy_url: str = ""

    @property
    def base_url(self) -> str:
        return f"{self.proxy_url}/{self.org}/{self.app}"


@pytest.fixture(scope="session")
def agora_chat_emulator_session(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[RunningEmulator]:
    report = Path(os.environ["PROXY_REPORT"])
    emulator = start_emulator(
        tmp_path_factory.mktemp("proxied") / "emulator.db",
        "--rate-limits",
        "off",
        "--validate-responses",
    )
    proxy = start_proxy(emulator.root_url, "--report", str(report), "--fail-on-violation")
    proxied = ProxiedEmulator(
        root_url=emulator.root_url,
        org=emulator.org,
        app=emulator.app,
        client_id=emulator.client_id,
        client_secret=emulator.client_secret,
        process=emulator.process,
        token=emulator.token,
        http=emulator.http,
        proxy_url=proxy.url,
    )
    try:
        yield proxied
    finally:
        code, out = proxy.stop()
        report.with_suffix(".exit").write_text(f"{code}\n{out}")
        stop_emulator(emulator)

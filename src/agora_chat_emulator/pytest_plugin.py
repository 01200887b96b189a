"""pytest plugin: emulator fixtures for code that calls the Agora Chat REST API.

Installed with the package (entry point ``pytest11``), so it loads in every pytest run of a
project that installs the package: at load time it imports only ``config`` and ``process``; the
server stack (Starlette, uvicorn, the spec validators) is imported by the fixtures that use it.

- ``agora_chat_emulator``: one emulator process per session on a free 127.0.0.1 port with a fresh
  SQLite file, reset for each test (empty state, same credentials, a valid token, real time).
- ``agora_chat_client``: one ``agora_chat_client.AuthenticatedClient`` per session (the generated
  package, if installed) on that emulator, which is reset for each test that uses it.
- ``agora_chat_app``: the emulator in this process (``create_app``) behind an
  ``httpx.AsyncClient`` on ``httpx.ASGITransport``, for async tests that need no real socket.

When a test that used ``agora_chat_emulator`` (or ``agora_chat_client``) fails, its report gets
the journal of the session client's requests (request line and body, response status and body)
and the last lines of the emulator's log.
"""

from __future__ import annotations

import importlib.util
from collections.abc import AsyncIterator, Generator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from agora_chat_emulator.behaviours import Behaviours
from agora_chat_emulator.config import LOG_LEVELS, Settings
from agora_chat_emulator.process import RunningEmulator, start_emulator, stop_emulator

__all__ = ["RunningEmulator", "start_emulator", "stop_emulator"]

CLIENT_PACKAGE = "agora_chat_client"


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("agora_chat_emulator")
    group.addoption(
        "--agora-emulator-rate-limits",
        choices=["on", "off"],
        default="off",
        help="Rate limits of the session emulator (default off, so tests are not throttled).",
    )
    group.addoption(
        "--agora-emulator-org",
        default=Settings.org,
        help=f"Organization name of the session emulator (default {Settings.org}).",
    )
    group.addoption(
        "--agora-emulator-app",
        default=Settings.app,
        help=f"App name of the session emulator (default {Settings.app}).",
    )
    group.addoption(
        "--agora-emulator-log-level",
        choices=list(LOG_LEVELS),
        default="info",
        help="Log level of the session emulator (default info: one access line per request); "
        "a failing test's report shows the log's last lines.",
    )
    group.addoption(
        "--agora-emulator-behaviour",
        action="append",
        default=[],
        metavar="NAME=CHOICE",
        help="A switchable behaviour of the session and in-process emulators (repeatable; "
        "`agora-chat-emulator behaviours` lists them).",
    )
    group.addoption(
        "--agora-emulator-log-lines",
        type=int,
        default=20,
        help="How many emulator log lines a failing test's report shows (default 20; 0: none).",
    )


@pytest.fixture(scope="session")
def agora_chat_emulator_session(
    tmp_path_factory: pytest.TempPathFactory, pytestconfig: pytest.Config
) -> Iterator[RunningEmulator]:
    """One emulator process for the whole session (responses checked against openapi.yaml)."""
    directory = tmp_path_factory.mktemp("agora-chat-emulator")
    option = pytestconfig.getoption
    emulator = start_emulator(
        directory / "emulator.db",
        "--rate-limits",
        option("--agora-emulator-rate-limits"),
        "--org",
        option("--agora-emulator-org"),
        "--app",
        option("--agora-emulator-app"),
        "--log-level",
        option("--agora-emulator-log-level"),
        "--validate-responses",
        *Behaviours.parse(option("--agora-emulator-behaviour")).as_args(),
        log=directory / "emulator.log",
    )
    yield emulator
    stop_emulator(emulator)


@pytest.fixture
def agora_chat_emulator(agora_chat_emulator_session: RunningEmulator) -> RunningEmulator:
    """The session emulator, reset to an empty state for this test (the token stays valid)."""
    agora_chat_emulator_session.reset()
    return agora_chat_emulator_session


@pytest.fixture(scope="session")
def agora_chat_client_session(agora_chat_emulator_session: RunningEmulator) -> Iterator[Any]:
    """One authenticated client of the generated package for the session, journaled."""
    if importlib.util.find_spec(CLIENT_PACKAGE) is None:
        pytest.fail(
            "the agora_chat_client fixture needs the generated agora-chat-client package installed",
            pytrace=False,
        )
    from agora_chat_client import AuthenticatedClient  # noqa: PLC0415 - optional package

    emulator = agora_chat_emulator_session
    with AuthenticatedClient(
        emulator.base_url,
        emulator.token,
        httpx_args={"event_hooks": emulator.journal.event_hooks},
    ) as client:
        yield client


@pytest.fixture
def agora_chat_client(agora_chat_client_session: Any, agora_chat_emulator: RunningEmulator) -> Any:
    """The session's ``AuthenticatedClient`` on the emulator, reset for this test.

    Typed ``Any`` because the plugin must load where the client package is absent; annotate the
    parameter as ``AuthenticatedClient`` in the test.
    """
    return agora_chat_client_session


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    emulator = getattr(item, "funcargs", {}).get("agora_chat_emulator")
    if report.failed and isinstance(emulator, RunningEmulator):
        journal = emulator.journal.render()
        report.sections.append(
            ("agora-chat-emulator journal", journal or "(no request journaled in this test)")
        )
        lines = item.config.getoption("--agora-emulator-log-lines")
        tail = emulator.log_tail(lines) if lines > 0 else ""
        if tail:
            report.sections.append((f"agora-chat-emulator log (last {lines} lines)", tail))
    return report


@pytest.fixture
async def agora_chat_app(
    tmp_path: Path, pytestconfig: pytest.Config
) -> AsyncIterator[httpx.AsyncClient]:
    """A fresh in-process emulator (default settings but rate limits off, responses checked
    against openapi.yaml) and a client on it, based at the server root: API calls go to
    ``/demo-org/demo-app/...``, control calls to ``/_emulator/...``."""
    from agora_chat_emulator.app import create_app  # noqa: PLC0415 - kept off plugin load

    settings = Settings(
        db=str(tmp_path / "emulator.db"),
        rate_limits=False,
        validate_responses=True,
        behaviours=Behaviours.parse(pytestconfig.getoption("--agora-emulator-behaviour")),
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

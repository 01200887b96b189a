"""The contract suite in-process, against the emulator's ASGI app (no socket, no process).

The loopback run (test_contract_http.py) and this one find different bugs: here schemathesis
drives the ASGI app directly, and the emulator validates its own responses against openapi.yaml
(answering 500 on a mismatch, which ``not_a_server_error`` reports). Same configuration, same
fixture data created through the API, same "every operation answers 200 at least once" rule
(checked by each operation's own test, D69). At import only the spec is loaded and an empty
in-memory app built (schemathesis binds the app to the operations it collects); the token, the
data and the 200s seen come from a module fixture that starts from a reset.
(``schemathesis.pytest.from_fixture`` would defer both, but schemathesis 4.32 reads
``request.node._nodeid``, which pytest 9 no longer has.)
"""

from __future__ import annotations

import tomllib
import warnings
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig
from starlette.applications import Starlette
from starlette.exceptions import StarletteDeprecationWarning

from agora_chat_contract.fixtures import (
    EXAMPLE_ROOM_ID,
    TOKEN_EXAMPLE,
    RunState,
    ensure,
    lower_usernames,
)
from agora_chat_contract.runner import PACKAGED_CONFIG
from agora_chat_emulator.app import Emulator, create_app
from agora_chat_emulator.config import Settings
from agora_chat_emulator.errors import ApiError
from agora_chat_emulator.spec import operations, spec_path

SETTINGS = Settings(
    db=":memory:",
    client_id="asgi-id",
    client_secret="asgi-secret",  # noqa: S106 - the test app's own
    rate_limits=False,
    validate_responses=True,
)
BASE_URL = f"http://localhost/{SETTINGS.org}/{SETTINGS.app}"
DESTRUCTIVE = {"deleteUser", "deleteChatroom", "removeChatroomMember", "deletePushTemplate"}
SETTINGS_OF_HYPOTHESIS = settings(suppress_health_check=list(HealthCheck), deadline=None)

with warnings.catch_warnings():
    # starlette's TestClient (used here only to create fixture data) warns at import that it
    # would prefer httpx2 over httpx; httpx is what the project pins.
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from starlette.testclient import TestClient

pytestmark = pytest.mark.filterwarnings("ignore::starlette.exceptions.StarletteDeprecationWarning")


class InProcess:
    """The emulator app, its token, the fixture data and the 200s seen, for one module."""

    def __init__(self, app: Starlette, journal: Path) -> None:
        self.app = app
        self.emulator: Emulator = app.state.emulator
        self.emulator.reset()
        token = self.emulator.store.issue_token(
            "client_credentials", SETTINGS.client_id, SETTINGS.client_secret, None
        )
        self.auth = {"Authorization": f"Bearer {token.token}"}
        # No prefix in process: the emulator is this module's own. The fixture room takes the
        # spec's example ID, so the examples phase reaches it directly.
        self.state = RunState(BASE_URL, token.token, "", str(journal), room_id=EXAMPLE_ROOM_ID)
        self.successes: Counter[str] = Counter()
        self.called: set[str] = set()

    def ensure_fixture_data(self) -> None:
        with TestClient(self.app, base_url=BASE_URL, headers=self.auth) as client:
            assert ensure(client, self.state) == []

    def reset(self) -> None:
        self.emulator.reset()
        self.state.room_id = EXAMPLE_ROOM_ID
        self.ensure_fixture_data()

    def adjust(self, case: Any) -> None:
        """Lower-case registrations (as hooks.before_call does) and real credentials on /token."""
        body = case.body
        if case.operation.label == "POST /users":
            lowered = lower_usernames(body)
            if lowered != body:
                case.body = lowered
        elif (
            case.operation.label == "POST /token"
            and isinstance(body, dict)
            and body.get("client_id") == TOKEN_EXAMPLE["client_id"]
            and body.get("client_secret") == TOKEN_EXAMPLE["client_secret"]
        ):
            case.body = {
                **body,
                "client_id": SETTINGS.client_id,
                "client_secret": SETTINGS.client_secret,
            }

    def headers(self, case: Any) -> dict[str, str]:
        """A user token of the path's user for the operations that take only one (D103)."""
        operation = operations()[case.operation.definition.raw["operationId"]]
        username = (case.path_parameters or {}).get("username")
        if operation.token_kinds != {"user"} or not isinstance(username, str):
            return self.auth
        try:
            issued = self.emulator.store.user_token_by_user_id(
                username, auto_create=False, ttl=None
            )
        except ApiError:  # no such user: the app token, and the 401 the spec documents
            return self.auth
        return {"Authorization": f"Bearer {issued.token}"}

    def record(self, case: Any, response: Any) -> None:
        operation_id = case.operation.definition.raw["operationId"]
        self.called.add(operation_id)
        if response.status_code == 200:
            self.successes[operation_id] += 1
            if operation_id in DESTRUCTIVE:
                self.ensure_fixture_data()


@pytest.fixture(scope="module")
def in_process(tmp_path_factory: pytest.TempPathFactory) -> InProcess:
    running = InProcess(schema.app, tmp_path_factory.mktemp("asgi") / "journal.ndjson")
    running.ensure_fixture_data()
    return running


def _config() -> SchemathesisConfig:
    data: dict[str, Any] = tomllib.loads(PACKAGED_CONFIG.read_text(encoding="utf-8"))
    data["base-url"] = BASE_URL
    # The hooks module is for `st run`; in process this module calls what it needs itself.
    data.pop("hooks")
    return SchemathesisConfig.from_dict(data)


schema = schemathesis.openapi.from_path(str(spec_path()), config=_config())
schema.app = create_app(SETTINGS)


@pytest.fixture
def answers_200(in_process: InProcess) -> Iterator[InProcess]:
    """After all of one operation's generated cases: it answered 200 at least once (the rule of
    the loopback run), checked per test, so it holds whatever else ran and in which order."""
    before = Counter(in_process.successes)
    in_process.called.clear()
    yield in_process
    never = sorted(op for op in in_process.called if in_process.successes[op] == before[op])
    assert in_process.called, "no case was called"
    assert not never, f"never answered 200 in process: {never}"


@schema.parametrize()
@SETTINGS_OF_HYPOTHESIS
def test_every_operation_conforms_in_process(case: Any, answers_200: InProcess) -> None:
    in_process = answers_200
    in_process.adjust(case)
    response = case.call_and_validate(headers=in_process.headers(case))
    in_process.record(case, response)


def test_stateful_workflows_conform_in_process(in_process: InProcess) -> None:
    class Workflow(schema.as_state_machine()):  # type: ignore[misc]
        def setup(self) -> None:
            """Each scenario starts from the same state, so Hypothesis can replay and shrink."""
            in_process.reset()

        def before_call(self, case: Any) -> None:
            in_process.adjust(case)

        def get_call_kwargs(self, case: Any) -> dict[str, Any]:
            return {"headers": in_process.auth}

        def after_call(self, response: Any, case: Any) -> None:
            in_process.record(case, response)

    Workflow.run(
        settings=settings(
            max_examples=15,
            stateful_step_count=6,
            deadline=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
        )
    )

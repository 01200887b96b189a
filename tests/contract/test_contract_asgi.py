"""The contract suite in-process, against the emulator's ASGI app (no socket, no process).

The loopback run (test_contract_http.py) and this one find different bugs: here schemathesis
drives the ASGI app directly, and the emulator validates its own responses against openapi.yaml
(answering 500 on a mismatch, which ``not_a_server_error`` reports). Same configuration, same
fixture data created through the API, same "every operation answers 200 at least once" rule.
"""

from __future__ import annotations

import tomllib
import warnings
from collections import Counter
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig
from starlette.exceptions import StarletteDeprecationWarning

from agora_chat_contract.fixture_data import adjust_request, ensure
from agora_chat_contract.runner import CONFIG, SPEC
from agora_chat_emulator.app import Emulator, Settings
from agora_chat_emulator.clock import Clock
from agora_chat_emulator.spec import operations
from agora_chat_emulator.store import Store

ORG, APP, CLIENT_ID, CLIENT_SECRET = "demo-org", "demo-app", "asgi-id", "asgi-secret"
BASE_URL = f"http://localhost/{ORG}/{APP}"
DESTRUCTIVE = {"deleteUser", "deleteChatroom", "removeChatroomMember", "deletePushTemplate"}

with warnings.catch_warnings():
    # starlette's TestClient (used here only to create fixture data) warns at import that it
    # would prefer httpx2 over httpx; httpx is what the project pins.
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from starlette.testclient import TestClient

pytestmark = pytest.mark.filterwarnings("ignore::starlette.exceptions.StarletteDeprecationWarning")


def _emulator() -> Emulator:
    clock = Clock()
    store = Store(
        ":memory:", clock, org=ORG, app=APP, client_id=CLIENT_ID, client_secret=CLIENT_SECRET
    )
    return Emulator(
        store,
        clock,
        Settings(ORG, APP, CLIENT_ID, CLIENT_SECRET, rate_limits=False, validate_responses=True),
    )


EMULATOR = _emulator()
TOKEN = str(
    EMULATOR.store.issue_token("client_credentials", CLIENT_ID, CLIENT_SECRET, None)["access_token"]
)
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def _config() -> SchemathesisConfig:
    with CONFIG.open("rb") as handle:
        data: dict[str, Any] = tomllib.load(handle)
    data["base-url"] = BASE_URL
    # The in-process suite calls the helpers itself; the CLI hooks are for st run.
    data.pop("hooks")
    data["headers"] = AUTH
    return SchemathesisConfig.from_dict(data)


schema = schemathesis.openapi.from_path(str(SPEC), config=_config())
schema.app = EMULATOR.app
successes: Counter[str] = Counter()


def _fixture_client() -> TestClient:
    return TestClient(EMULATOR.app, base_url=BASE_URL, headers=AUTH)


@pytest.fixture(scope="module", autouse=True)
def fixture_data() -> None:
    with _fixture_client() as client:
        token = client.post(
            "/token",
            json={
                "grant_type": "client_credentials",
                "client_id": CLIENT_ID,
                "client_secret": CLIENT_SECRET,
            },
        )
        assert token.status_code == 200, token.text
        assert ensure(client) == []


def _record(case: Any, response: Any) -> None:
    operation_id = case.operation.definition.raw["operationId"]
    if response.status_code == 200:
        successes[operation_id] += 1
        if operation_id in DESTRUCTIVE:
            with _fixture_client() as client:
                assert ensure(client) == []


@schema.parametrize()
@settings(suppress_health_check=list(HealthCheck), deadline=None)
def test_every_operation_conforms_in_process(case: Any) -> None:
    adjust_request(case, CLIENT_ID, CLIENT_SECRET)
    response = case.call_and_validate()
    _record(case, response)


class StatefulWorkflow(schema.as_state_machine()):  # type: ignore[misc]
    def setup(self) -> None:
        """Each scenario starts from the same state, so Hypothesis can replay and shrink it."""
        with _fixture_client() as client:
            assert client.post("http://localhost/_emulator/reset").status_code == 200
            assert ensure(client) == []

    def before_call(self, case: Any) -> None:
        adjust_request(case, CLIENT_ID, CLIENT_SECRET)

    def after_call(self, response: Any, case: Any) -> None:
        _record(case, response)


TestStatefulWorkflowInProcess = StatefulWorkflow.TestCase
TestStatefulWorkflowInProcess.settings = settings(
    max_examples=15,
    stateful_step_count=6,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)


def test_every_operation_answered_200_in_process() -> None:
    """Runs after the property tests above (file order): none may have seen only errors."""
    missing = sorted({op.operation_id for op in operations().values()} - set(successes))
    assert not missing, f"never answered 200 in process: {missing}"

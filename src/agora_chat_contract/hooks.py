"""schemathesis hooks and checks of the contract run (``hooks =`` in its schemathesis.toml).

* Requests are adjusted before they go out (``fixture_data.adjust_request``): lower-case user
  IDs on registration, the target's real credentials in place of the token example's.
* After a successful call that destroyed part of the fixture data (a user, the room, bob's
  membership, the template), the fixture data is restored through the API, so later operations
  keep reaching their success paths.
* ``created_template_is_kept``: a template created with 200 must stay readable until deleted.
  The service answers a missing template with 400, not 404, so schemathesis's own
  ``ensure_resource_availability`` (404 only) cannot see a server that forgets templates.
* ``EveryOperationReachesSuccess``: the run fails unless every operation of openapi.yaml answered
  200 at least once; a contract run that only ever sees errors proves nothing.
"""

from __future__ import annotations

import os
from typing import Any

import httpx
import schemathesis

from agora_chat_contract import fixture_data, http, pacing
from agora_chat_emulator.spec import operations

DESTRUCTIVE = frozenset(
    {
        "DELETE /users/{username}",
        "DELETE /chatrooms/{chatroom_id}",
        "DELETE /chatrooms/{chatroom_id}/users/{username}",
        "DELETE /notification/template/{name}",
    }
)
CREATE_TEMPLATE = "POST /notification/template"
TEMPLATE_BY_NAME = ("GET /notification/template/{name}", "DELETE /notification/template/{name}")

_created_templates: set[str] = set()


def _client() -> httpx.Client:
    return http.client(os.environ["AGORA_CONTRACT_BASE_URL"], os.environ["AGORA_CONTRACT_TOKEN"])


@schemathesis.hook
def before_call(context: Any, case: Any, kwargs: Any) -> None:
    if os.environ.get("AGORA_CONTRACT_PACING") == "1":
        pacing.wait_for(case.operation.label)
    fixture_data.adjust_request(
        case,
        os.environ.get("AGORA_CONTRACT_CLIENT_ID") or None,
        os.environ.get("AGORA_CONTRACT_CLIENT_SECRET") or None,
    )


@schemathesis.hook
def after_call(context: Any, case: Any, response: Any) -> None:
    if response.status_code != 200:
        return
    label = case.operation.label
    if label == CREATE_TEMPLATE and isinstance(case.body, dict):
        _created_templates.add(str(case.body.get("name")))
    elif label == TEMPLATE_BY_NAME[1]:
        _created_templates.discard(str(case.path_parameters.get("name")))
    # Restoring inside a stateful scenario would resurrect what the scenario just deleted and
    # defeat use_after_free; each phase before it restores, so every operation can reach 200.
    if label in DESTRUCTIVE and case.meta is not None and case.meta.phase.name != "stateful":
        with _client() as client:
            problems = fixture_data.ensure(client)
        if problems:
            raise RuntimeError("restoring the contract fixture data failed: " + "; ".join(problems))


@schemathesis.check
def created_template_is_kept(ctx: Any, response: Any, case: Any) -> bool | None:
    if case.operation.label not in TEMPLATE_BY_NAME:
        return None
    name = str((case.path_parameters or {}).get("name"))
    # 429: the target's rate limit said "later", which says nothing about what it stored.
    if name in _created_templates and response.status_code not in (200, 429):
        raise AssertionError(
            f"template {name!r} was created with 200 but {case.operation.label} answered "
            f"{response.status_code}: the server did not keep it"
        )
    return True


@schemathesis.check
class EveryOperationReachesSuccess:
    """Fail the run if an operation of openapi.yaml never answered 200."""

    def __init__(self) -> None:
        self.reached: set[str] = set()

    def after_response(self, ctx: Any, response: Any, case: Any) -> None:
        if response.status_code == 200:
            self.reached.add(case.operation.label)

    def after_run(self, ctx: Any) -> None:
        expected = {f"{op.method} {op.path}" for op in operations().values()}
        if not os.environ.get("AGORA_CONTRACT_CLIENT_SECRET"):
            # A token alone: /token cannot answer 200 without the client credentials.
            expected.discard("POST /token")
        missing = sorted(expected - self.reached)
        if missing:
            raise AssertionError("never answered 200: " + ", ".join(missing))

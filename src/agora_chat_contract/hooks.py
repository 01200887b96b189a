"""schemathesis hooks and checks of the contract run (the packaged config names this module).

Under ``agora-chat-contract run`` (``AGORA_CONTRACT_STATE`` names the run's state file), every
request schemathesis sends, its checks' extra requests included, passes through ``_send``:

* it waits for room in its ``x-agora-rate-limit`` bucket (``pacing.Pacer``);
* user IDs (in paths, registrations, rooms, batch nicknames) and template names get the run
  prefix, the spec's example room ID becomes the run's room, and the token example's
  placeholder credentials become the target's real ones; the response comes back with the
  prefix taken out. This is done on the wire, not to the generated case (a case edited in a
  hook counts as driven by links, and schemathesis's resource checks would judge values it
  never chose), and in both directions, so schemathesis sees one consistent target without prefixes;
* every resource a 200 creates is journalled (with its real, prefixed name) for the teardown,
  and after a successful call that destroyed part of the fixture data (outside the stateful
  phase, whose scenarios must see their own deletions) the fixture data is restored.

Under a plain ``st run`` with the packaged config only ``before_call`` (lower-case registrations)
and the checks below apply.

``created_template_is_kept``: a template created with 200 must stay readable until deleted. The
service answers a missing template with 400, not 404, so schemathesis's own
``ensure_resource_availability`` (404 only) cannot see a server that forgets templates.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import json
import os
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlsplit, urlunsplit

import httpx
import requests
import schemathesis

from agora_chat_contract.fixtures import (
    EXAMPLE_ROOM_ID,
    TOKEN_EXAMPLE,
    RunNames,
    RunState,
    ensure,
    lower_usernames,
    record_response,
    user_token,
)
from agora_chat_contract.pacing import Pacer, paced_client
from agora_chat_contract.routes import OperationMatcher
from agora_chat_emulator.spec import Operation

STATE_ENV = "AGORA_CONTRACT_STATE"
DESTRUCTIVE = frozenset(
    {"deleteUser", "deleteChatroom", "removeChatroomMember", "deletePushTemplate"}
)
TEMPLATE_BY_NAME = frozenset({"getPushTemplate", "deletePushTemplate"})
USER_GRANTS = frozenset({"password", "inherit"})
MAX_PAUSE_AFTER_429_S = 10.0

_state_file = os.environ.get(STATE_ENV)
STATE = RunState.load(Path(_state_file)) if _state_file else None
PACER = Pacer(enabled=bool(STATE and STATE.pacing))
_created_templates: set[str] = set()


def operation_id(case: Any) -> str:
    return str(case.operation.definition.raw.get("operationId", ""))


def rename_body(op: str, body: Any, names: RunNames, state: RunState) -> Any:
    """The body as the run sends it: prefixed names, the target's own client credentials."""
    if op == "registerUsers" and isinstance(body, list):
        return [rename_body(op, item, names, state) for item in body]
    if op == "setPushNicknames" and isinstance(body, list):
        return [
            {**item, "username": names.user(item["username"])}
            if isinstance(item, dict) and "username" in item
            else item
            for item in body
        ]
    if not isinstance(body, dict):
        return body
    renamed = dict(body)
    if op == "registerUsers" and "username" in body:
        renamed["username"] = names.user(body["username"])
    elif op == "createChatroom":
        if "owner" in body:
            renamed["owner"] = names.user(body["owner"])
        if isinstance(body.get("members"), list):
            renamed["members"] = [names.user(member) for member in body["members"]]
    elif op == "addChatroomMembers" and isinstance(body.get("usernames"), list):
        renamed["usernames"] = [names.user(name) for name in body["usernames"]]
    elif op == "createPushTemplate" and "name" in body:
        renamed["name"] = names.template(body["name"])
    elif op == "setReceiverPushTemplate" and "templateName" in body:
        renamed["templateName"] = names.template(body["templateName"])
    elif (
        op == "createAppToken" and str(body.get("grant_type")) in USER_GRANTS and "username" in body
    ):
        renamed["username"] = names.user(body["username"])
    elif (
        op == "createAppToken"
        and state.client_id is not None
        and state.client_secret is not None
        and body.get("client_id") == TOKEN_EXAMPLE["client_id"]
        and body.get("client_secret") == TOKEN_EXAMPLE["client_secret"]
    ):
        renamed.update(client_id=state.client_id, client_secret=state.client_secret)
    return renamed


def rename_path(path: str, operation: Operation, names: RunNames, state: RunState) -> str:
    """The URL path as the run sends it: segments aligned with the operation's template."""
    segments = path.split("/")
    template = operation.path.split("/")
    offset = len(segments) - len(template)
    for index, part in enumerate(template):
        if not (part.startswith("{") and offset + index > 0):
            continue
        value = unquote(segments[offset + index])
        if part == "{username}":
            # removeChatroomMember's batch form: a comma list, each name prefixed (D104).
            value = ",".join(names.user(name) for name in value.split(","))
        elif part == "{name}":
            value = names.template(value)
        elif part == "{chatroom_id}" and value == EXAMPLE_ROOM_ID and state.room_id is not None:
            value = state.room_id
        else:
            continue
        segments[offset + index] = quote(value, safe="")
    return "/".join(segments)


def _adjust_wire(request: requests.PreparedRequest, operation: Operation, state: RunState) -> None:
    names = RunNames(state.prefix)
    url = urlsplit(str(request.url))
    path = rename_path(url.path, operation, names, state)
    if path != url.path:
        request.url = urlunsplit(url._replace(path=path))
    raw = request.body
    if not raw or not isinstance(raw, bytes | str):
        return
    try:
        body = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        return
    renamed = rename_body(operation.operation_id, body, names, state)
    if renamed != body:
        encoded = json.dumps(renamed).encode()
        request.body = encoded
        request.headers["Content-Length"] = str(len(encoded))


@functools.cache
def _own_client(base_url: str, token: str) -> httpx.Client:
    """One paced client for the hooks' own calls (user tokens, fixture restores): a new client
    per call would cost an SSL context and a route table each time. Closed at exit."""
    client = paced_client(base_url, PACER, token=token)
    atexit.register(client.close)
    return client


def _use_user_token(request: requests.PreparedRequest, username: str, state: RunState) -> None:
    """The run's app token becomes a user token of the path's (prefixed) user, for operations
    that take user tokens only; any other credential a check sends stays as it is."""
    if request.headers.get("Authorization") != f"Bearer {state.token}":
        return
    client = _own_client(state.base_url, state.token)
    token = user_token(client, username) if username else None
    if token is not None:
        request.headers["Authorization"] = f"Bearer {token}"


def _install(state: RunState) -> None:
    """Route schemathesis's requests (all go through ``requests.Session.send``) via ``_send``."""
    matcher = OperationMatcher()
    original = requests.Session.send

    names = RunNames(state.prefix)
    journal = Path(state.journal)

    def _send(self: requests.Session, request: requests.PreparedRequest, **kwargs: Any) -> Any:
        operation, _params = matcher.match(str(request.method), urlsplit(str(request.url)).path)
        if operation is None:
            return original(self, request, **kwargs)
        PACER.wait(operation.operation_id)
        _adjust_wire(request, operation, state)
        if operation.token_kinds == {"user"}:
            _renamed, params = matcher.match(str(request.method), urlsplit(str(request.url)).path)
            _use_user_token(request, unquote(params.get("username", "")), state)
        response: requests.Response = original(self, request, **kwargs)
        if response.status_code == 200:
            with contextlib.suppress(ValueError):
                record_response(journal, operation.operation_id, response.json())
        stripped = names.strip(response.content)
        if stripped != response.content:
            response._content = stripped
            response.headers["Content-Length"] = str(len(stripped))
        return response

    requests.Session.send = _send  # type: ignore[method-assign]


if STATE is not None:
    _install(STATE)


@schemathesis.hook
def before_call(context: Any, case: Any, kwargs: Any) -> None:
    """Registrations go out lower-case, in the case itself.

    User IDs are case-insensitive and come back lower-case, but schemathesis tracks resources by
    exact path: a user registered as ``Bob`` and deleted as ``bob`` would look like a resource
    that vanished. Case-insensitive lookups are covered by tests/emulator. The body is assigned
    only when it changes (assigning marks it as edited).
    """
    if operation_id(case) == "registerUsers":
        lowered = lower_usernames(case.body)
        if lowered != case.body:
            case.body = lowered


@schemathesis.hook
def after_call(context: Any, case: Any, response: Any) -> None:
    op = operation_id(case)
    if response.status_code == 429:
        # The checks accept a 429; pausing lets the bucket refill before the next case.
        retry_after = response.headers.get("retry-after")
        pause = float(retry_after) if retry_after and retry_after.isdigit() else 1.0
        time.sleep(min(pause, MAX_PAUSE_AFTER_429_S))
        return
    if response.status_code != 200:
        return
    if op == "createPushTemplate" and isinstance(case.body, dict):
        _created_templates.add(str(case.body.get("name")))
    elif op == "deletePushTemplate":
        _created_templates.discard(str((case.path_parameters or {}).get("name")))
    if STATE is None:
        return
    if op in DESTRUCTIVE and case.meta is not None and case.meta.phase.name != "stateful":
        problems = ensure(_own_client(STATE.base_url, STATE.token), STATE)
        for problem in problems:
            sys.stderr.write(f"agora-chat-contract: restoring fixture data: {problem}\n")


@schemathesis.check
def created_template_is_kept(ctx: Any, response: Any, case: Any) -> bool | None:
    # Only "not there" answers count (the service says 400 for a missing template): a 401 to a
    # probe without a token, a 405 to another method or a 429 says nothing of what is stored.
    if operation_id(case) not in TEMPLATE_BY_NAME or response.status_code not in (400, 404):
        return None
    name = str((case.path_parameters or {}).get("name"))
    if name in _created_templates and response.status_code != 200:
        raise AssertionError(
            f"template {name!r} was created with 200 but {case.operation.label} answered "
            f"{response.status_code}: the server did not keep it"
        )
    return True

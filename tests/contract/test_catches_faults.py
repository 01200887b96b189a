"""The contract suite is shown to catch real faults: each test serves a deliberately broken
variant of the emulator (an ASGI wrapper that lives only here, never in the shipped emulator) and
asserts that the run fails, and which check caught it."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Awaitable, Callable, Iterator, MutableMapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn

from agora_chat_contract.runner import ContractResult, Target, run_contract
from agora_chat_emulator.app import Emulator, Settings
from agora_chat_emulator.clock import Clock
from agora_chat_emulator.store import Store

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]
BodyEdit = Callable[[Scope, int, Any], tuple[int, Any]]

ORG, APP, CLIENT_ID, CLIENT_SECRET = "demo-org", "demo-app", "fault-id", "fault-secret"


def rewrite_json(app: ASGIApp, edit: BodyEdit) -> ASGIApp:
    """Let ``edit(scope, status, body)`` replace the status and JSON body of every response."""

    async def wrapped(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        start: Message = {}
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            else:
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    status, body = edit(scope, start["status"], json.loads(b"".join(chunks)))
                    payload = json.dumps(body).encode()
                    headers = [
                        (name, value)
                        for name, value in start.get("headers", [])
                        if name.lower() != b"content-length"
                    ]
                    headers.append((b"content-length", str(len(payload)).encode()))
                    await send({**start, "status": status, "headers": headers})
                    await send({"type": "http.response.body", "body": payload})

        await app(scope, receive, capture)

    return wrapped


def path_is(scope: Scope, method: str, suffix: str) -> bool:
    return bool(scope["method"] == method and scope["path"].endswith(suffix))


@contextmanager
def served(make_app: Callable[[ASGIApp, Emulator], ASGIApp], tmp_path: Path) -> Iterator[Target]:
    """Serve a broken variant of a fresh emulator over loopback HTTP in a background thread."""
    clock = Clock()
    store = Store(
        str(tmp_path / "faulty.db"),
        clock,
        org=ORG,
        app=APP,
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
    )
    emulator = Emulator(
        store, clock, Settings(ORG, APP, CLIENT_ID, CLIENT_SECRET, rate_limits=False)
    )
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(make_app(emulator.app, emulator), log_level="critical", lifespan="off")
    )
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    base_url = f"http://127.0.0.1:{port}/{ORG}/{APP}"
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("faulty emulator did not start")
        time.sleep(0.02)
    try:
        token = store.issue_token("client_credentials", CLIENT_ID, CLIENT_SECRET, None)
        yield Target(base_url, str(token["access_token"]), CLIENT_ID, CLIENT_SECRET)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        listener.close()
        store.close()


def run_against(
    make_app: Callable[[ASGIApp, Emulator], ASGIApp],
    tmp_path: Path,
    *operation_ids: str,
    phases: str = "examples,coverage,fuzzing",
) -> ContractResult:
    selection: list[str] = []
    for operation_id in operation_ids:
        selection += ["--include-operation-id", operation_id]
    with served(make_app, tmp_path) as target:
        return run_contract(
            target,
            tmp_path / "report",
            max_examples=5,
            phases=phases,
            extra_args=tuple(selection),
        )


def assert_caught(result: ContractResult, check: str) -> None:
    assert not result.passed, result.verdict()
    assert check in result.failed_checks, (
        f"expected {check} to catch the fault; failed checks: {sorted(result.failed_checks)}\n"
        + result.log.read_text(encoding="utf-8")[-4000:]
    )


@pytest.mark.slow
def test_a_response_field_with_the_wrong_type_is_caught_by_response_schema_conformance(
    tmp_path: Path,
) -> None:
    def created_as_text(scope: Scope, status: int, body: Any) -> tuple[int, Any]:
        if status == 200 and path_is(scope, "GET", "/users/alice"):
            body["entities"][0]["created"] = str(body["entities"][0]["created"])
        return status, body

    result = run_against(
        lambda app, _: rewrite_json(app, created_as_text), tmp_path, "getUser", phases="examples"
    )

    assert_caught(result, "response_schema_conformance")


@pytest.mark.slow
def test_a_missing_required_response_field_is_caught_by_response_schema_conformance(
    tmp_path: Path,
) -> None:
    def drop_language(scope: Scope, status: int, body: Any) -> tuple[int, Any]:
        if status == 200 and path_is(scope, "GET", "/notification/language"):
            del body["data"]["language"]
        return status, body

    result = run_against(
        lambda app, _: rewrite_json(app, drop_language), tmp_path, "getPushLanguage"
    )

    assert_caught(result, "response_schema_conformance")


@pytest.mark.slow
def test_an_undocumented_status_code_is_caught_by_status_code_conformance(tmp_path: Path) -> None:
    def missing_template_as_409(scope: Scope, status: int, body: Any) -> tuple[int, Any]:
        if (
            status == 400
            and scope["method"] == "GET"
            and "/notification/template/" in scope["path"]
        ):
            return 409, body
        return status, body

    result = run_against(
        lambda app, _: rewrite_json(app, missing_template_as_409), tmp_path, "getPushTemplate"
    )

    assert_caught(result, "status_code_conformance")


@pytest.mark.slow
def test_a_500_on_valid_input_is_caught_by_not_a_server_error(tmp_path: Path) -> None:
    def crash_on_nickname(app: ASGIApp, _: Emulator) -> ASGIApp:
        async def wrapped(scope: Scope, receive: Receive, send: Send) -> None:
            if scope["type"] == "http" and path_is(scope, "PUT", "/users/alice"):
                body = b""
                while True:
                    message = await receive()
                    body += message.get("body", b"")
                    if not message.get("more_body", False):
                        break
                if b"nickname" in body:
                    await send({"type": "http.response.start", "status": 500, "headers": []})
                    await send({"type": "http.response.body", "body": b""})
                    return

                async def replay() -> Message:
                    return {"type": "http.request", "body": body, "more_body": False}

                await app(scope, replay, send)
                return
            await app(scope, receive, send)

        return wrapped

    result = run_against(crash_on_nickname, tmp_path, "setPushProfile", phases="examples")

    assert_caught(result, "not_a_server_error")


@pytest.mark.slow
def test_a_token_that_is_not_checked_is_caught_by_ignored_auth(tmp_path: Path) -> None:
    def accept_any_token(app: ASGIApp, emulator: Emulator) -> ASGIApp:
        valid = emulator.store.issue_token("client_credentials", CLIENT_ID, CLIENT_SECRET, 0)
        header = (b"authorization", f"Bearer {valid['access_token']}".encode())

        async def wrapped(scope: Scope, receive: Receive, send: Send) -> None:
            if scope["type"] == "http":
                others = [(k, v) for k, v in scope["headers"] if k.lower() != b"authorization"]
                scope = {**scope, "headers": [*others, header]}
            await app(scope, receive, send)

        return wrapped

    result = run_against(accept_any_token, tmp_path, "getUser", "getPushLanguage")

    assert_caught(result, "ignored_auth")


@pytest.mark.slow
def test_a_non_200_success_code_is_caught_by_status_code_conformance(tmp_path: Path) -> None:
    def created_as_201(scope: Scope, status: int, body: Any) -> tuple[int, Any]:
        if status == 200 and path_is(scope, "POST", "/chatrooms"):
            return 201, body
        return status, body

    result = run_against(
        lambda app, _: rewrite_json(app, created_as_201),
        tmp_path,
        "createChatroom",
        phases="examples",
    )

    assert_caught(result, "status_code_conformance")


@pytest.mark.slow
def test_state_not_kept_is_caught_by_created_template_is_kept(tmp_path: Path) -> None:
    def forget_templates(app: ASGIApp, emulator: Emulator) -> ASGIApp:
        """Answer template creation like the service does, then drop what was stored."""

        def edit(scope: Scope, status: int, body: Any) -> tuple[int, Any]:
            if status == 200 and path_is(scope, "POST", "/notification/template"):
                emulator.store.delete_template(body["data"]["name"])
            return status, body

        return rewrite_json(app, edit)

    result = run_against(
        forget_templates,
        tmp_path,
        "createPushTemplate",
        "getPushTemplate",
        "deletePushTemplate",
        phases="stateful",
    )

    assert_caught(result, "created_template_is_kept")


def test_the_fault_harness_serves_the_unbroken_emulator_cleanly(tmp_path: Path) -> None:
    """Guard against false positives: the harness itself must not break anything."""
    with served(lambda app, _: rewrite_json(app, lambda s, status, b: (status, b)), tmp_path) as t:
        response = httpx.get(
            f"{t.base_url}/users/nobody", headers={"Authorization": f"Bearer {t.token}"}
        )
    assert response.status_code == 404
    assert response.json()["error"] == "service_resource_not_found"

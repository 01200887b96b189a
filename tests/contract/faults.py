"""A catalogue of broken servers (schemathesis's ``test/apps/buggy_*`` habit): each entry wraps
a fresh emulator's ASGI app with one named fault, lives only here (never in the shipped
emulator), and names the check of the contract run that must catch it."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any

from agora_chat_emulator.app import Emulator

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]
BodyEdit = Callable[[Scope, int, Any], tuple[int, Any]]
ResponseEdit = Callable[[Scope, Message, bytes], tuple[Message, bytes]]
Wrap = Callable[[ASGIApp, Emulator], ASGIApp]

PREFIX = "ctfault0"
"""The run prefix the fault runs use, so a fault can recognise the fixture users on the wire."""


@dataclass(frozen=True)
class Fault:
    name: str
    wrap: Wrap
    operation_ids: tuple[str, ...]
    caught_by: str
    phases: str = "examples,coverage,fuzzing"


def rewrite_response(app: ASGIApp, edit: ResponseEdit) -> ASGIApp:
    """Let ``edit(scope, start, body)`` replace the start message and the whole body of every
    response; ``Content-Length`` follows the new body."""

    async def wrapped(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        start: Message = {}
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body", False):
                return
            edited, payload = edit(scope, start, b"".join(chunks))
            headers = [
                (name, value)
                for name, value in edited.get("headers", [])
                if name.lower() != b"content-length"
            ]
            headers.append((b"content-length", str(len(payload)).encode()))
            await send({**edited, "headers": headers})
            await send({"type": "http.response.body", "body": payload})

        await app(scope, receive, capture)

    return wrapped


def rewrite_json(app: ASGIApp, edit: BodyEdit) -> ASGIApp:
    """Let ``edit(scope, status, body)`` replace the status and JSON body of every response."""

    def as_json(scope: Scope, start: Message, body: bytes) -> tuple[Message, bytes]:
        status, value = edit(scope, start["status"], json.loads(body))
        return {**start, "status": status}, json.dumps(value).encode()

    return rewrite_response(app, as_json)


def editing(edit: BodyEdit) -> Wrap:
    return lambda app, _emulator: rewrite_json(app, edit)


def path_is(scope: Scope, method: str, suffix: str) -> bool:
    return bool(scope["method"] == method and scope["path"].endswith(suffix))


def created_as_text(scope: Scope, status: int, body: Any) -> tuple[int, Any]:
    if status == 200 and path_is(scope, "GET", f"/users/{PREFIX}alice"):
        body["entities"][0]["created"] = str(body["entities"][0]["created"])
    return status, body


def drop_language(scope: Scope, status: int, body: Any) -> tuple[int, Any]:
    if status == 200 and path_is(scope, "GET", "/notification/language"):
        del body["data"]["language"]
    return status, body


def missing_template_as_409(scope: Scope, status: int, body: Any) -> tuple[int, Any]:
    if status == 400 and scope["method"] == "GET" and "/notification/template/" in scope["path"]:
        return 409, body
    return status, body


def created_as_201(scope: Scope, status: int, body: Any) -> tuple[int, Any]:
    if status == 200 and path_is(scope, "POST", "/chatrooms"):
        return 201, body
    return status, body


def crash_on_nickname(app: ASGIApp, _emulator: Emulator) -> ASGIApp:
    async def wrapped(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not path_is(scope, "PUT", f"/users/{PREFIX}alice"):
            await app(scope, receive, send)
            return
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

    return wrapped


def accept_any_token(app: ASGIApp, emulator: Emulator) -> ASGIApp:
    settings = emulator.settings
    valid = emulator.store.issue_token(
        "client_credentials", settings.client_id, settings.client_secret, 0
    )
    header = (b"authorization", f"Bearer {valid.token}".encode())

    async def wrapped(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            others = [(k, v) for k, v in scope["headers"] if k.lower() != b"authorization"]
            scope = {**scope, "headers": [*others, header]}
        await app(scope, receive, send)

    return wrapped


def forget_templates(app: ASGIApp, emulator: Emulator) -> ASGIApp:
    """Answer template creation like the service does, then drop what was stored."""

    def edit(scope: Scope, status: int, body: Any) -> tuple[int, Any]:
        if status == 200 and path_is(scope, "POST", "/notification/template"):
            emulator.store.delete_template(body["data"]["name"])
        return status, body

    return rewrite_json(app, edit)


CATALOGUE = (
    Fault(
        "response field of the wrong type",
        editing(created_as_text),
        ("getUser",),
        "response_schema_conformance",
        phases="examples",
    ),
    Fault(
        "required response field missing",
        editing(drop_language),
        ("getPushLanguage",),
        "response_schema_conformance",
    ),
    Fault(
        "undocumented status code",
        editing(missing_template_as_409),
        ("getPushTemplate",),
        "status_code_conformance",
    ),
    Fault(
        "500 on valid input",
        crash_on_nickname,
        ("setPushProfile",),
        "not_a_server_error",
        phases="examples",
    ),
    Fault(
        "token not checked",
        accept_any_token,
        ("getUser", "getPushLanguage"),
        "ignored_auth",
    ),
    Fault(
        "non-200 success code",
        editing(created_as_201),
        ("createChatroom",),
        "status_code_conformance",
        phases="examples",
    ),
    Fault(
        "state not kept",
        forget_templates,
        ("createPushTemplate", "getPushTemplate", "deletePushTemplate"),
        "created_template_is_kept",
        phases="stateful",
    ),
)

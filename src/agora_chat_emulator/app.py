"""The HTTP layer: one thin handler per operationId of openapi.yaml, plus the control endpoints.

Routes are built from the spec's paths, so an operation the spec adds without a handler fails at
start-up, and a handler never parses a shape by hand that the spec already validates.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route, Router

from agora_chat_emulator import errors
from agora_chat_emulator.clock import Clock
from agora_chat_emulator.docs import api_reference
from agora_chat_emulator.spec import Operation, operations
from agora_chat_emulator.store import UNSET, Store

logger = logging.getLogger(__name__)

MAX_CLOCK_MS = 253_402_300_799_999
"""The emulator's clock stays before year 10000, so every stored timestamp fits SQLite."""
MAX_BODY_BYTES = 1024 * 1024
"""Bodies larger than this get 413 without being read further."""
MAX_JSON_DEPTH = 100
"""Deeper JSON is refused as unparsable: the schema validator cannot walk past 255 levels."""

Json = dict[str, Any]


@dataclass
class Call:
    """What a handler needs from one request, already validated against the spec."""

    request: Request
    operation: Operation
    path: dict[str, str]
    query: dict[str, Any]
    body: Any
    received_ms: int


@dataclass
class RateLimiter:
    """Fixed one-second windows per bucket, the way the service counts calls per second."""

    enabled: bool
    _windows: dict[str, tuple[int, int]] = field(default_factory=dict)

    def check(self, operation: Operation) -> None:
        if not self.enabled or operation.rate_limit is None:
            return
        bucket, limit = operation.rate_limit.bucket, operation.rate_limit.limit
        second = int(time.monotonic())
        window, used = self._windows.get(bucket, (second, 0))
        if window != second:
            window, used = second, 0
        if used >= limit:
            raise errors.rate_limited()
        self._windows[bucket] = (window, used + 1)

    def reset(self) -> None:
        self._windows.clear()


@dataclass(frozen=True)
class Settings:
    org: str
    app: str
    client_id: str
    client_secret: str
    rate_limits: bool = True
    validate_responses: bool = False
    app_id: str = "0123456789abcdef0123456789abcdef"
    """The App ID of the newer ``/app-id/{app_id}`` prefix (the spec's second server)."""


class ResponseValidationError(Exception):
    """The emulator produced a response its own spec does not allow (a bug, never user input)."""


# --- request parsing ------------------------------------------------------------------------


def _field_name(path: list[str | int], fallback: str) -> str:
    names = [str(part) for part in path if not isinstance(part, int)]
    return ".".join(names) if names else fallback


def _validation_error(operation: Operation, error: Any, fallback: str) -> errors.ApiError:
    """Map a JSON Schema violation to the body the service sends for that kind of input."""
    location = list(error.instance_path)
    kind = type(error.kind).__name__
    if kind in {"MaxProperties", "MaxItems"} and operation.tag == "Chat-room attributes":
        return errors.metadata_batch_too_large()
    if kind == "Required":
        missing = str(getattr(error.kind, "property", "")).strip("'\"")
        text = f"{missing} must be provided"
        if operation.tag == "App token":
            text += "."
        if operation.tag == "Chat rooms":
            return errors.invalid_parameter(text)
        return errors.invalid_argument(text)
    return errors.push_bad_parameter(_field_name(location, fallback), error.message)


def _validate(operation: Operation, validator: Any, instance: Any, fallback: str) -> None:
    error = next(iter(validator.iter_errors(instance)), None)
    if error is not None:
        raise _validation_error(operation, error, fallback)


def _coerce_query(value: str, schema: Mapping[str, Any]) -> Any:
    if schema.get("type") == "integer" and value.isascii() and value.lstrip("-").isdigit():
        return int(value)
    return value


async def _read_body(request: Request) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise errors.body_too_large(MAX_BODY_BYTES)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise errors.body_too_large(MAX_BODY_BYTES)
        chunks.append(chunk)
    return b"".join(chunks)


def _parse_json(raw: bytes) -> Any:
    """``None`` for an absent or blank body; JSON otherwise, whatever the Content-Type says."""
    if not raw.strip():
        return None
    try:
        value = json.loads(raw)
        # Both checks below walk the whole value; cheap scans of the raw bytes skip them for the
        # bodies that cannot fail them. Nesting needs an opening bracket per level.
        if raw.count(b"[") + raw.count(b"{") > MAX_JSON_DEPTH and _depth(value) > MAX_JSON_DEPTH:
            raise ValueError(f"nesting deeper than {MAX_JSON_DEPTH} levels")
        # Escapes of lone surrogates ("\ud800") parse, but are no text anything could store. A
        # surrogate needs a \u escape or non-ASCII bytes (json.loads decodes with surrogatepass).
        if not raw.isascii() or b"\\u" in raw:
            json.dumps(value, ensure_ascii=False).encode()
    except (ValueError, RecursionError) as exc:  # JSONDecodeError and UnicodeError included
        raise errors.json_parse(f"Unexpected character: {exc}") from None
    return value


def _depth(value: Any) -> int:
    """How deeply arrays and objects nest in ``value`` (0 for a scalar), without recursion."""
    deepest, pending = 0, [(value, 1)]
    while pending:
        node, depth = pending.pop()
        if isinstance(node, dict | list):
            deepest = max(deepest, depth)
            children = node.values() if isinstance(node, dict) else node
            pending.extend((child, depth + 1) for child in children)
    return deepest


async def _parse(request: Request, operation: Operation, received_ms: int, raw_body: bytes) -> Call:
    path: dict[str, str] = {}
    query: dict[str, Any] = {}
    for parameter in operation.parameters:
        if parameter.location == "path":
            value: Any = request.path_params[parameter.name]
            path[parameter.name] = value
        elif parameter.location == "query":
            raw = request.query_params.get(parameter.name)
            if raw is None:
                continue
            value = _coerce_query(raw, parameter.schema)
            query[parameter.name] = value
        else:
            continue
        _validate(operation, parameter.validator, value, parameter.name)
    body = _parse_json(raw_body)
    # A blank body stands for "no body" (optional bodies); a JSON ``null`` is a body and is checked.
    present = bool(raw_body.strip())
    if operation.body_validator is not None and (present or operation.body_required):
        _validate(operation, operation.body_validator, body, "body")
    return Call(request, operation, path, query, body, received_ms)


# --- response envelopes ---------------------------------------------------------------------


class Emulator:
    """The emulator's state (store, clock, limits) and its ASGI application."""

    def __init__(self, store: Store, clock: Clock, settings: Settings) -> None:
        self.store = store
        self.clock = clock
        self.settings = settings
        self.rate_limiter = RateLimiter(enabled=settings.rate_limits)
        self.app = self._build_app()

    # Envelopes -------------------------------------------------------------------------------

    def _service_envelope(self, call: Call, *, path: str | None = "/users") -> Json:
        envelope: Json = {
            "action": call.request.method.lower(),
            "application": self.store.app_uuid,
            "applicationName": self.settings.app,
            "organization": self.settings.org,
            "uri": _uri(call.request),
            "timestamp": call.received_ms,
            "duration": max(0, self.clock.now_ms() - call.received_ms),
        }
        if path is not None:
            envelope["path"] = path
        return envelope

    def _chatroom_envelope(self, call: Call, data: Any, **extra: Any) -> Json:
        return {**self._service_envelope(call, path=None), "entities": [], "data": data, **extra}

    @staticmethod
    def _attribute_envelope(call: Call, data: Any, **extra: Any) -> Json:
        return {
            "uri": _uri(call.request),
            "timestamp": call.received_ms,
            "action": call.request.method.lower(),
            **extra,
            "data": data,
        }

    # Handlers: one per operationId -----------------------------------------------------------

    def create_app_token(self, call: Call) -> Json:
        body = call.body
        ttl = body.get("ttl")
        # A number (60.0 is an integer to JSON Schema), a numeric string, or "" for the default.
        ttl = None if ttl in (None, "") else int(ttl)
        return self.store.issue_token(
            body["grant_type"], body["client_id"], body["client_secret"], ttl
        )

    def register_users(self, call: Call) -> Json:
        batch = isinstance(call.body, list)
        entities, failures = self.store.register_users(
            call.body if batch else [call.body], batch=batch
        )
        envelope = self._service_envelope(call) | {"entities": entities}
        if batch:
            envelope["data"] = failures
        return envelope

    def get_user(self, call: Call) -> Json:
        entity = self.store.get_user(call.path["username"])
        return self._service_envelope(call) | {"entities": [entity], "count": 1}

    def delete_user(self, call: Call) -> Json:
        entity = self.store.delete_user(call.path["username"])
        return self._service_envelope(call) | {"entities": [entity]}

    def set_push_profile(self, call: Call) -> Json:
        body: Json = call.body or {}
        style = body.get("notification_display_style", UNSET)
        entity = self.store.update_user(
            call.path["username"],
            nickname=body.get("nickname", UNSET),
            display_style=int(style) if style is not UNSET else UNSET,
            no_disturbing=body.get("notification_no_disturbing", UNSET),
            no_disturbing_start=body.get("notification_no_disturbing_start", UNSET),
            no_disturbing_end=body.get("notification_no_disturbing_end", UNSET),
        )
        return self._service_envelope(call) | {"entities": [entity]}

    def set_notification_setting(self, call: Call) -> Json:
        body: Json = call.body or {}
        data = self.store.set_push_setting(
            call.path["username"],
            call.path["chattype"],
            call.path["key"],
            type=body.get("type"),
            interval=body.get("ignoreInterval"),
            duration_ms=body.get("ignoreDuration"),
        )
        return self._service_envelope(call) | {"data": data}

    def get_notification_setting(self, call: Call) -> Json:
        data = self.store.get_push_setting(
            call.path["username"], call.path["chattype"], call.path["key"]
        )
        return self._service_envelope(call) | {"data": data}

    def set_push_language(self, call: Call) -> Json:
        data = self.store.set_language(call.path["username"], call.body["translationLanguage"])
        return self._service_envelope(call) | {"data": data}

    def get_push_language(self, call: Call) -> Json:
        data = self.store.get_language(call.path["username"])
        return self._service_envelope(call) | {"data": data}

    def create_push_template(self, call: Call) -> Json:
        body = call.body
        data = self.store.create_template(
            body["name"], body["title_pattern"], body["content_pattern"]
        )
        return self._service_envelope(call, path=None) | {"data": data}

    def get_push_template(self, call: Call) -> Json:
        data = self.store.get_template(call.path["name"])
        return self._service_envelope(call, path=None) | {"data": data}

    def delete_push_template(self, call: Call) -> Json:
        data = self.store.delete_template(call.path["name"])
        return self._service_envelope(call, path=None) | {"data": data}

    def create_chatroom(self, call: Call) -> Json:
        body = call.body
        room_id = self.store.create_room(
            body["name"],
            body["description"],
            body["owner"],
            maxusers=body.get("maxusers", 1000),
            members=body.get("members"),
            custom=body.get("custom", ""),
            room_id=body.get("roomid") or body.get("groupid"),
        )
        return self._chatroom_envelope(call, {"id": room_id})

    def get_chatroom(self, call: Call) -> Json:
        rooms = self.store.get_rooms(call.path["chatroom_id"].split(","))
        return self._chatroom_envelope(call, rooms, count=len(rooms))

    def delete_chatroom(self, call: Call) -> Json:
        data = self.store.delete_room(call.path["chatroom_id"])
        return self._chatroom_envelope(call, data)

    def list_chatroom_members(self, call: Call) -> Json:
        page, _total = self.store.list_members(
            call.path["chatroom_id"],
            pagenum=call.query.get("pagenum", 1),
            pagesize=call.query.get("pagesize", 1000),
        )
        params = {name: [str(value)] for name, value in call.query.items()}
        return self._chatroom_envelope(call, page, count=len(page), params=params)

    def add_chatroom_member(self, call: Call) -> Json:
        data = self.store.add_member(call.path["chatroom_id"], call.path["username"])
        return self._chatroom_envelope(call, data)

    def remove_chatroom_member(self, call: Call) -> Json:
        data = self.store.remove_member(call.path["chatroom_id"], call.path["username"])
        return self._chatroom_envelope(call, data)

    def _set_attributes(self, call: Call, *, forced: bool) -> Json:
        body = call.body
        data = self.store.set_attributes(
            call.path["chatroom_id"],
            call.path["username"],
            body["metaData"],
            str(body.get("autoDelete", "DELETE")).upper(),
            forced=forced,
        )
        return self._attribute_envelope(call, data)

    def set_chatroom_attributes(self, call: Call) -> Json:
        return self._set_attributes(call, forced=False)

    def force_set_chatroom_attributes(self, call: Call) -> Json:
        return self._set_attributes(call, forced=True)

    def get_chatroom_attributes(self, call: Call) -> Json:
        keys = (call.body or {}).get("keys")
        data = self.store.get_attributes(call.path["chatroom_id"], keys or None)
        return self._attribute_envelope(call, data)

    def delete_chatroom_attributes(self, call: Call) -> Json:
        keys = (call.body or {}).get("keys") or []
        data = self.store.delete_attributes(
            call.path["chatroom_id"], call.path["username"], keys, forced=False
        )
        return self._attribute_envelope(call, data, status="ok")

    def force_delete_chatroom_attributes(self, call: Call) -> Json:
        keys = (call.body or {}).get("keys") or []
        data = self.store.delete_attributes(
            call.path["chatroom_id"], call.path["username"], keys, forced=True
        )
        return self._attribute_envelope(call, data)

    # Plumbing --------------------------------------------------------------------------------

    def _handler(self, operation_id: str) -> Callable[[Call], Json]:
        snake = "".join(f"_{c.lower()}" if c.isupper() else c for c in operation_id)
        handler: Callable[[Call], Json] | None = getattr(self, snake, None)
        if handler is None:
            raise RuntimeError(f"openapi.yaml operation {operation_id} has no emulator handler")
        return handler

    def _error_body(self, error: errors.ApiError, received_ms: int) -> Json:
        return error.body(received_ms, max(0, self.clock.now_ms() - received_ms))

    def _error_response(self, error: errors.ApiError, received_ms: int) -> Response:
        headers = {"Allow": error.allow} if error.allow else None
        return JSONResponse(
            self._error_body(error, received_ms), status_code=error.status, headers=headers
        )

    def _endpoint(self, operation: Operation) -> Callable[[Request], Awaitable[Response]]:
        handler = self._handler(operation.operation_id)

        async def endpoint(request: Request) -> Response:
            received_ms = self.clock.now_ms()
            try:
                # Refusals by the server before any operation runs (unknown org/app, a body over
                # the limit), like an unknown path: not the operation's documented responses.
                self._check_app(request)
                raw_body = await _read_body(request)
            except errors.ApiError as error:
                return self._error_response(error, received_ms)
            try:
                self.rate_limiter.check(operation)
                if operation.secured:
                    self.store.check_token(_bearer(request))
                call = await _parse(request, operation, received_ms, raw_body)
                payload = handler(call)
                status = 200
            except errors.ApiError as error:
                payload = self._error_body(error, received_ms)
                status = error.status
            if self.settings.validate_responses:
                self._validate_response(operation, status, payload)
            return JSONResponse(payload, status_code=status)

        return endpoint

    def _validate_response(self, operation: Operation, status: int, payload: Any) -> None:
        validator = operation.response_validators.get(status)
        if validator is None:
            raise ResponseValidationError(
                f"{operation.operation_id}: status {status} is not documented in openapi.yaml"
            )
        problems = [f"{list(e.instance_path)}: {e.message}" for e in validator.iter_errors(payload)]
        if problems:
            raise ResponseValidationError(
                f"{operation.operation_id} {status} breaks openapi.yaml: {problems}"
            )

    def _check_app(self, request: Request) -> None:
        org, app = request.path_params["org_name"], request.path_params["app_name"]
        known = {(self.settings.org, self.settings.app), ("app-id", self.settings.app_id)}
        if (org, app) not in known:
            rest = request.url.path.split("/", 3)[-1]
            raise errors.app_not_found(org, app, rest)

    # Control endpoints -----------------------------------------------------------------------

    async def health(self, _request: Request) -> Response:
        return JSONResponse({"status": "ok", "org": self.settings.org, "app": self.settings.app})

    async def reset(self, _request: Request) -> Response:
        self.store.reset()
        self.clock.reset()
        self.rate_limiter.reset()
        return JSONResponse({"status": "reset"})

    async def clock_endpoint(self, request: Request) -> Response:
        if request.method == "POST":
            try:
                body = _parse_json(await _read_body(request)) or {}
                if not isinstance(body, dict):
                    raise errors.invalid_argument("body must be an object")
                if "now_ms" in body:
                    target = _as_int(body["now_ms"], "now_ms")
                else:
                    target = self.clock.now_ms() + _as_int(body.get("advance_ms", 0), "advance_ms")
                if not 0 <= target <= MAX_CLOCK_MS:
                    raise errors.invalid_argument(f"the clock must stay within 0..{MAX_CLOCK_MS}")
                self.clock.set(target)
            except errors.ApiError as error:
                return self._error_response(error, self.clock.now_ms())
        return JSONResponse({"now_ms": self.clock.now_ms(), "offset_ms": self.clock.offset_ms})

    async def _http_error(self, request: Request, exc: Exception) -> Response:
        received_ms = self.clock.now_ms()
        status = exc.status_code if isinstance(exc, HTTPException) else 500
        if status == 405:
            allow = (exc.headers or {}).get("Allow", "") if isinstance(exc, HTTPException) else ""
            error = errors.method_not_allowed(request.method, allow)
        elif status == 404:
            error = errors.path_not_found()
        else:
            logger.error(
                "unexpected error on %s %s", request.method, request.url.path, exc_info=exc
            )
            error = errors.internal_error(str(exc) if self.settings.validate_responses else None)
        return self._error_response(error, received_ms)

    def _build_app(self) -> Starlette:
        api_routes = [
            Route(
                op.path,
                self._endpoint(op),
                methods=[op.method],
                name=op.operation_id,
            )
            for op in operations().values()
        ]
        control = [
            Route("/health", self.health, methods=["GET"]),
            Route("/reset", self.reset, methods=["POST"]),
            Route("/clock", self.clock_endpoint, methods=["GET", "POST"]),
            Route("/docs", api_reference, methods=["GET"]),
        ]
        # No trailing-slash redirects: an unknown path is a JSON 404 like any other.
        app = Starlette(
            routes=[
                Mount("/_emulator", app=Router(control, redirect_slashes=False)),
                Mount(
                    "/{org_name}/{app_name}",
                    app=Router(_merge_methods(api_routes), redirect_slashes=False),
                ),
            ],
            exception_handlers={HTTPException: self._http_error, Exception: self._http_error},
        )
        app.router.redirect_slashes = False
        return app


def _merge_methods(routes: list[Route]) -> list[Route]:
    """One Route per path holding all its methods, so a wrong method gets 405 with ``Allow``."""
    by_path: dict[str, dict[str, Any]] = {}
    for route in routes:
        for method in route.methods or ():
            if method != "HEAD":
                by_path.setdefault(route.path, {})[method] = route.endpoint
    merged = []
    for path, endpoints in by_path.items():

        async def dispatch(request: Request, _endpoints: dict[str, Any] = endpoints) -> Response:
            # Starlette routes HEAD to every path with a GET: answer it as that GET (no body).
            method = "GET" if request.method == "HEAD" else request.method
            response: Response = await _endpoints[method](request)
            return response

        merged.append(Route(path, dispatch, methods=list(endpoints)))
    return merged


def _uri(request: Request) -> str:
    """The request's URL without its query string, as the service echoes it in ``uri``."""
    if request.scope.get("query_string"):
        return str(request.url.replace(query=""))
    # Without a query the URL is already in that form; replace() would re-split and re-join it.
    return str(request.url)


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization")
    if header is None:
        return None
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer":
        return "\x00"  # not a bearer credential: reported as a corrupt token
    return token.strip()


def _as_int(value: Any, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise errors.invalid_argument(f"{name} must be an integer")
    return value

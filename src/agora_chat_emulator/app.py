"""``create_app(settings)``: the emulator as an ASGI application, and its request pipeline.

Routes are built from the spec's paths, so an operation the spec adds without a handler fails at
start-up. Each request goes: app prefix check, body cap, auth, rate limit, parse + validate
(``requests``), the operation's handler (``handlers``), response validation when asked.
"""

from __future__ import annotations

import logging
import re
import sqlite3
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route, Router

from agora_chat_emulator import errors
from agora_chat_emulator.behaviours import CONTENT_TYPE, RATE_LIMIT_MODEL
from agora_chat_emulator.clock import Clock
from agora_chat_emulator.config import Settings
from agora_chat_emulator.control import Control
from agora_chat_emulator.handlers import Handlers
from agora_chat_emulator.requests import (
    ENCODED_PATH,
    bearer,
    check_content_type,
    parse,
    read_body,
)
from agora_chat_emulator.spec import Operation, operations
from agora_chat_emulator.store import Store
from agora_chat_emulator.views import Json, Views

logger = logging.getLogger(__name__)


class ResponseValidationError(Exception):
    """The emulator produced a response its own spec does not allow (a bug, never user input)."""


APP_WIDE_BUCKET = "(app-wide)"
"""The window of ``--app-rate-limit``; no spec bucket name has parentheses."""


@dataclass
class RateLimiter:
    """Fixed one-second windows per bucket, the way the service counts calls per second.

    The buckets are the operations' ``x-agora-rate-limit`` under ``model`` (the
    ``rate-limit-model`` switch, D117); ``app_limit`` adds one window over every call, a
    plan-wide cap (D119). A refused call uses up no window.
    """

    enabled: bool
    model: str = RATE_LIMIT_MODEL.default
    app_limit: int | None = None
    _windows: dict[str, tuple[int, int]] = field(default_factory=dict)

    def check(self, operation: Operation) -> None:
        if not self.enabled:
            return
        limits = []
        if (own := operation.rate_limits.get(self.model)) is not None:
            limits.append((own.bucket, own.limit))
        if self.app_limit is not None:
            limits.append((APP_WIDE_BUCKET, self.app_limit))
        second = int(time.monotonic())
        counted = []
        for bucket, limit in limits:
            window, used = self._windows.get(bucket, (second, 0))
            if window != second:
                window, used = second, 0
            if used >= limit:
                raise errors.rate_limited()
            counted.append((bucket, (window, used + 1)))
        self._windows.update(counted)

    def reset(self) -> None:
        self._windows.clear()


def create_app(
    settings: Settings, *, store: Store | None = None, clock: Clock | None = None
) -> Starlette:
    """The emulator for ``settings``; ``store`` (default: opened at ``settings.db``) and
    ``clock`` can be passed in to share them with a test. ``app.state.emulator`` holds the
    instance; closing the store is the caller's job when it passed one in, else
    ``app.state.emulator.close()``."""
    clock = clock or Clock()
    if store is None:
        store = Store(
            settings.db,
            clock,
            client_id=settings.client_id,
            client_secret=settings.client_secret,
            org=settings.org,
            app=settings.app,
            behaviours=settings.behaviours,
        )
    emulator = Emulator(settings, store, clock)
    emulator.app.state.emulator = emulator
    return emulator.app


class Emulator:
    """One emulator instance: settings, store, clock, rate limiter and the ASGI app over them."""

    def __init__(self, settings: Settings, store: Store, clock: Clock) -> None:
        self.settings = settings
        self.store = store
        self.clock = clock
        self.rate_limiter = RateLimiter(
            enabled=settings.rate_limits,
            model=settings.behaviours[RATE_LIMIT_MODEL.name],
            app_limit=settings.app_rate_limit,
        )
        self._content_type_required = settings.behaviours[CONTENT_TYPE.name] == "required"
        self.handlers = Handlers(store, Views(settings.org, settings.app, store.app_uuid, clock))
        self.control = Control(settings, clock, self.reset, self._error_response)
        self._apps = {(settings.org, settings.app), ("app-id", settings.app_id)}
        self.app = self._build_app()

    def reset(self) -> None:
        self.store.reset()
        self.clock.reset()
        self.rate_limiter.reset()

    def close(self) -> None:
        self.store.close()

    def _error_body(self, error: errors.ApiError, received_ms: int) -> Json:
        return error.body(received_ms, max(0, self.clock.now_ms() - received_ms))

    def _error_response(self, error: errors.ApiError, received_ms: int) -> Response:
        headers = {"Allow": error.allow} if error.allow else None
        return JSONResponse(
            self._error_body(error, received_ms), status_code=error.status, headers=headers
        )

    def _endpoint(self, operation: Operation) -> Callable[[Request], Awaitable[Response]]:
        handler = self.handlers.handler(operation.operation_id)

        async def endpoint(request: Request) -> Response:
            received_ms = self.clock.now_ms()
            try:
                # Refusals by the server before any operation runs (unknown org/app, a body over
                # the limit), like an unknown path: not the operation's documented responses.
                self._check_app(request)
                raw_body = await read_body(request)
            except errors.ApiError as error:
                return self._error_response(error, received_ms)
            try:
                # The bucket counts the calls the app makes: a refused credential is not one (D75).
                user = self._authenticate(operation, request)
                self.rate_limiter.check(operation)
                if self._content_type_required:
                    check_content_type(request, operation, raw_body)
                call = parse(request, operation, received_ms, raw_body)
                # A user token acts for its own user only (D99).
                if user is not None and call.path.get("username", "").lower() != user:
                    raise errors.wrong_token_kind()
                payload = handler(call)
                status = 200
            except errors.ApiError as error:
                payload = self._error_body(error, received_ms)
                status = error.status
            except sqlite3.OperationalError as exc:
                # The file, not the request (a full disk, a lost file): say so in one line.
                logger.error("%s %s: storage failed: %s", request.method, request.url.path, exc)
                return self._error_response(errors.storage_failed(str(exc)), received_ms)
            if self.settings.validate_responses:
                _validate_response(operation, status, payload)
            return JSONResponse(payload, status_code=status)

        return endpoint

    def _authenticate(self, operation: Operation, request: Request) -> str | None:
        """The user of the request's user token, None for the app token or no check."""
        if not operation.secured:
            return None
        try:
            return self.store.check_token(bearer(request), operation.token_kinds)
        except errors.ApiError as error:
            if operation.operation_id == "registerUsers" and error.status == 401:
                raise errors.registration_not_open() from None
            raise

    def _check_app(self, request: Request) -> None:
        org, app = request.path_params["org_name"], request.path_params["app_name"]
        if (org, app) not in self._apps:
            rest = request.url.path.split("/", 3)[-1]
            raise errors.app_not_found(org, app, rest)

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
            Route(op.path, self._endpoint(op), methods=[op.method], name=op.operation_id)
            for op in operations().values()
        ]
        # No trailing-slash redirects: an unknown path is a JSON 404 like any other.
        app = Starlette(
            routes=[
                Mount("/_emulator", app=Router(self.control.routes(), redirect_slashes=False)),
                Mount(
                    "/{org_name}/{app_name}",
                    app=Router(_merge_methods(api_routes), redirect_slashes=False),
                ),
            ],
            exception_handlers={HTTPException: self._http_error, Exception: self._http_error},
            middleware=[Middleware(KeepEncodedSlashes)],
        )
        app.router.redirect_slashes = False
        return app


_KEPT_ESCAPES = re.compile(r"(%2[Ff]|%25)")


class KeepEncodedSlashes:
    """Routes on the raw path: an encoded ``/`` stays inside its segment, as data.

    uvicorn hands over the decoded path, where ``%2F`` has become a separator and
    ``{id}%2Fusers%2Fbob`` would match another operation. For such requests the routed path
    keeps ``%2F`` (and ``%25``, so the result stays unambiguous) encoded and the scope is marked
    (``ENCODED_PATH``): ``parse`` decodes path parameters once more, and their patterns refuse
    the ``/``.
    """

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        raw = scope.get("raw_path")
        if scope["type"] == "http" and raw and b"%2f" in raw.lower():
            text = raw.split(b"?", 1)[0].decode("ascii")
            scope = {
                **scope,
                "path": "".join(
                    part if _KEPT_ESCAPES.fullmatch(part) else unquote(part)
                    for part in _KEPT_ESCAPES.split(text)
                ),
                ENCODED_PATH: True,
            }
        await self.app(scope, receive, send)


def _validate_response(operation: Operation, status: int, payload: Any) -> None:
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

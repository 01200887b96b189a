"""``/_emulator/*``: the developer API beside the service, over the same store and clock.

Outside openapi.yaml: health, reset, clock, the API reference page and the bundled spec itself.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from functools import cache
from typing import Any
from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from agora_chat_emulator import errors
from agora_chat_emulator.clock import Clock
from agora_chat_emulator.config import Settings
from agora_chat_emulator.docs import Docs
from agora_chat_emulator.requests import media_type, parse_json, read_body
from agora_chat_emulator.spec import load_spec, spec_path

LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
WILDCARD_ADDRESSES = frozenset({"0.0.0.0", "::", ""})  # noqa: S104 - names, not a bind

Endpoint = Callable[[Request], Awaitable[Response]]

MAX_CLOCK_MS = 253_402_300_799_999
"""The emulator's clock stays before year 10000, so every stored timestamp fits SQLite."""


@cache
def _spec_json() -> bytes:
    return json.dumps(load_spec(), ensure_ascii=False, indent=2).encode()


async def openapi_yaml(_request: Request) -> Response:
    """The openapi.yaml this emulator validates against, byte for byte."""
    return Response(spec_path().read_bytes(), media_type="application/yaml")


async def openapi_json(_request: Request) -> Response:
    return Response(_spec_json(), media_type="application/json")


class Control:
    """The control endpoints of one emulator instance."""

    def __init__(
        self,
        settings: Settings,
        clock: Clock,
        reset: Callable[[], None],
        error_response: Callable[[errors.ApiError, int], Response],
    ) -> None:
        self.settings = settings
        self.clock = clock
        self._reset = reset
        self._error_response = error_response
        self._hosts = (LOOPBACK_NAMES | {settings.host, *settings.allowed_hosts}) - (
            WILDCARD_ADDRESSES
        )
        self._any_host = "*" in settings.allowed_hosts
        self._docs = Docs(settings.org, settings.app)

    def routes(self) -> list[Route]:
        return [
            Route("/health", self._guarded(self.health), methods=["GET"]),
            Route("/reset", self._guarded(self.reset), methods=["POST"]),
            Route("/clock", self._guarded(self.clock_endpoint), methods=["GET", "POST"]),
            Route("/docs", self._guarded(self._docs.page), methods=["GET"]),
            Route("/docs/static/{name}", self._guarded(self._docs.asset), methods=["GET"]),
            Route("/openapi.yaml", self._guarded(openapi_yaml), methods=["GET"]),
            Route("/openapi.json", self._guarded(openapi_json), methods=["GET"]),
        ]

    def _guarded(self, endpoint: Endpoint) -> Endpoint:
        """``endpoint`` behind the checks that keep web pages out (D76): a browser sends a
        foreign ``Origin`` with a cross-site request, a rebound DNS name in ``Host``, and only
        form or text bodies without a CORS preflight, which this server never answers."""

        async def checked(request: Request) -> Response:
            try:
                self._check_cross_site(request)
            except errors.ApiError as error:
                return self._error_response(error, self.clock.now_ms())
            return await endpoint(request)

        return checked

    def _check_cross_site(self, request: Request) -> None:
        host = urlsplit(f"//{request.headers.get('host', '')}").hostname or ""
        if not self._allowed(host):
            raise errors.control_refused(
                403, "the Host header names no address this emulator serves (see --allowed-host)"
            )
        origin = request.headers.get("origin")
        if origin is not None and not self._allowed(urlsplit(origin).hostname or ""):
            raise errors.control_refused(403, "cross-origin requests are refused")
        if request.method == "POST" and media_type(request) not in (None, "application/json"):
            raise errors.control_refused(415, "the body must be application/json")

    def _allowed(self, hostname: str) -> bool:
        return self._any_host or hostname.lower() in self._hosts

    async def health(self, _request: Request) -> Response:
        return JSONResponse(
            {
                "status": "ok",
                "org": self.settings.org,
                "app": self.settings.app,
                "behaviours": dict(self.settings.behaviours.as_mapping()),
            }
        )

    async def reset(self, _request: Request) -> Response:
        self._reset()
        return JSONResponse({"status": "reset"})

    async def clock_endpoint(self, request: Request) -> Response:
        if request.method == "POST":
            try:
                body = parse_json(await read_body(request)) or {}
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


def _as_int(value: Any, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise errors.invalid_argument(f"{name} must be an integer")
    return value

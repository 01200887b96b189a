"""``/_emulator/*``: the developer API beside the service, over the same store and clock.

Outside openapi.yaml: health, reset, clock, the API reference page and the bundled spec itself.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from agora_chat_emulator import errors
from agora_chat_emulator.clock import Clock
from agora_chat_emulator.config import Settings
from agora_chat_emulator.docs import api_reference
from agora_chat_emulator.requests import parse_json, read_body
from agora_chat_emulator.spec import load_spec, spec_path

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

    def routes(self) -> list[Route]:
        return [
            Route("/health", self.health, methods=["GET"]),
            Route("/reset", self.reset, methods=["POST"]),
            Route("/clock", self.clock_endpoint, methods=["GET", "POST"]),
            Route("/docs", api_reference, methods=["GET"]),
            Route("/openapi.yaml", openapi_yaml, methods=["GET"]),
            Route("/openapi.json", openapi_json, methods=["GET"]),
        ]

    async def health(self, _request: Request) -> Response:
        return JSONResponse({"status": "ok", "org": self.settings.org, "app": self.settings.app})

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

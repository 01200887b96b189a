"""``GET /_emulator/docs``: the API reference page that ``scripts/build-docs`` renders.

The emulator builds nothing itself (that needs Node and the Redocly CLI); it serves the page found
at ``$AGORA_CHAT_EMULATOR_DOCS`` if set, else at ``build/api-reference.html`` of the source
checkout it runs from, the build script's default output. Without the page it answers a JSON 404
that says how to make one.
"""

from __future__ import annotations

import os
from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response

DOCS_ENV = "AGORA_CHAT_EMULATOR_DOCS"


def docs_path() -> Path:
    """Where the API reference page is looked for (it may not exist)."""
    configured = os.environ.get(DOCS_ENV)
    if configured:
        return Path(configured)
    return Path(__file__).resolve().parents[2] / "build" / "api-reference.html"


async def api_reference(_request: Request) -> Response:
    path = docs_path()
    if path.is_file():
        return FileResponse(path, media_type="text/html; charset=utf-8")
    return JSONResponse(
        {
            "error": "docs_not_built",
            "error_description": (
                f"No API reference at {path}: run scripts/build-docs "
                f"(or set {DOCS_ENV} to a page it built)."
            ),
        },
        status_code=404,
    )

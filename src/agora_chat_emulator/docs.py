"""``GET /_emulator/docs``: the API reference page, from the installed package alone.

By default the page is Swagger UI (the ``swagger-ui-py`` package's copy of its files, served
under ``/_emulator/docs/static/``) showing the spec this emulator validates against, with the
emulator itself as the first server, so "Try it out" calls it. Nothing is built and nothing is
loaded from elsewhere: no Node, no CDN, no validator badge. ``$AGORA_CHAT_EMULATOR_DOCS`` names
another page to serve instead, e.g. the one ``scripts/build-docs`` renders (D59, D60).
"""

from __future__ import annotations

import html
import importlib.util
import json
import os
from functools import cache
from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, Response

from agora_chat_emulator.spec import load_spec

DOCS_ENV = "AGORA_CHAT_EMULATOR_DOCS"
SWAGGER_UI_PACKAGE = "swagger_ui"
ASSETS = frozenset({"swagger-ui.css", "swagger-ui-bundle.js", "favicon-32x32.png"})
"""The files of Swagger UI the page loads; only these are served."""

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title}</title>
<link rel="stylesheet" href="docs/static/swagger-ui.css">
<link rel="icon" type="image/png" href="docs/static/favicon-32x32.png" sizes="32x32">
</head>
<body>
<div id="swagger-ui"></div>
<script src="docs/static/swagger-ui-bundle.js"></script>
<script>
window.ui = SwaggerUIBundle({{
  spec: {spec},
  dom_id: "#swagger-ui",
  deepLinking: true,
  validatorUrl: null,
  presets: [SwaggerUIBundle.presets.apis],
  layout: "BaseLayout"
}});
</script>
</body>
</html>
"""


@cache
def swagger_ui_static() -> Path:
    """Swagger UI's files in the installed ``swagger-ui-py``, found without importing it (its
    ``__init__`` loads Jinja2 and every web framework adapter, none of which is needed here)."""
    found = importlib.util.find_spec(SWAGGER_UI_PACKAGE)
    locations = found.submodule_search_locations if found is not None else None
    if not locations:
        raise RuntimeError("swagger-ui-py is not installed (a dependency of this package)")
    return Path(next(iter(locations))) / "static"


class Docs:
    """The page and its files, for the emulator of ``org``/``app``."""

    def __init__(self, org: str, app: str) -> None:
        self.org = org
        self.app = app

    async def page(self, request: Request) -> Response:
        configured = os.environ.get(DOCS_ENV)
        if configured:
            return _configured_page(Path(configured))
        spec = dict(load_spec())
        here = str(request.url.replace(path=f"/{self.org}/{self.app}", query="", fragment=""))
        spec["servers"] = [{"url": here, "description": "this emulator"}, *spec["servers"]]
        # "<" escaped, so no string of the spec can close the script element.
        inline = json.dumps(spec, ensure_ascii=False).replace("<", "\\u003c")
        title = html.escape(f"{spec['info']['title']} (agora-chat-emulator)")
        return HTMLResponse(PAGE.format(title=title, spec=inline))

    async def asset(self, request: Request) -> Response:
        name = request.path_params["name"]
        if name not in ASSETS:
            return JSONResponse(
                {"error": "not_found", "error_description": f"no docs file {name}"},
                status_code=404,
            )
        return FileResponse(swagger_ui_static() / name)


def _configured_page(path: Path) -> Response:
    if path.is_file():
        return FileResponse(path, media_type="text/html; charset=utf-8")
    return JSONResponse(
        {
            "error": "docs_not_built",
            "error_description": (
                f"No API reference at {path} ({DOCS_ENV}): run scripts/build-docs -o {path}, "
                f"or unset {DOCS_ENV} for the built-in page."
            ),
        },
        status_code=404,
    )

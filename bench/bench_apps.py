"""The two reference servers of the benchmark, served on the emulator's own server stack.

* ``ceiling``: a bare ASGI app that reads the request and answers every request with one fixed
  JSON body: what uvicorn itself costs, the upper bound for any app on this stack.
* ``trivial``: a Starlette app with the spec's operations under ``/{org}/{app}`` that answers
  each with the fixed 200 example of openapi.yaml (schema-valid, tested in tests/spec), and does
  nothing else: what a contract run costs when the server costs (almost) nothing.

``python bench/bench_apps.py ceiling|trivial`` serves one on a free 127.0.0.1 port and prints
``READY_PREFIX URL`` once it listens.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

import click
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route

from agora_chat_emulator.server import listen, server_config
from agora_chat_emulator.spec import iter_operations, load_spec

READY_PREFIX = "bench app ready:"

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

FIXED_BODY = json.dumps(
    load_spec()["paths"]["/users/{username}/notification/{chattype}/{key}"]["get"]["responses"][
        "200"
    ]["content"]["application/json"]["example"],
    separators=(",", ":"),
).encode()
"""getNotificationSetting's 200 example (~330 bytes), the size of a typical emulator answer."""


async def ceiling(scope: Scope, receive: Receive, send: Send) -> None:
    if scope["type"] != "http":
        return
    more_body = True
    while more_body:
        message = await receive()
        more_body = bool(message.get("more_body", False))
    await send(
        {
            "type": "http.response.start",
            "status": 200,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(FIXED_BODY)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": FIXED_BODY})


def trivial_app() -> Starlette:
    """Every operation of openapi.yaml at its path, answering its 200 example."""
    routes: dict[str, dict[str, bytes]] = {}
    for path, method, _item, operation in iter_operations(load_spec()):
        media = operation["responses"]["200"]["content"]["application/json"]
        # createAppToken names its examples (app token, user token): the first one stands in.
        named = [entry["value"] for entry in media.get("examples", {}).values()]
        example = media["example"] if "example" in media else named[0]
        routes.setdefault(path, {})[method.upper()] = json.dumps(example).encode()

    def endpoint(bodies: dict[str, bytes]) -> Callable[[Request], Awaitable[Response]]:
        async def answer(request: Request) -> Response:
            await request.body()
            method = "GET" if request.method == "HEAD" else request.method
            return Response(bodies[method], media_type="application/json")

        return answer

    return Starlette(
        routes=[
            Mount(
                "/{org_name}/{app_name}",
                routes=[
                    Route(path, endpoint(bodies), methods=list(bodies))
                    for path, bodies in routes.items()
                ],
            )
        ]
    )


@click.command()
@click.argument("which", type=click.Choice(["ceiling", "trivial"]))
@click.option("--log-level", default="warning", show_default=True)
def main(which: str, log_level: str) -> None:
    """Serve one reference app on a free 127.0.0.1 port until SIGTERM."""
    app: Any = ceiling if which == "ceiling" else trivial_app()
    listener = listen("127.0.0.1", 0)
    port = listener.getsockname()[1]
    server = uvicorn.Server(server_config(app, log_level))
    click.echo(f"{READY_PREFIX} http://127.0.0.1:{port}")
    sys.stdout.flush()
    server.run(sockets=[listener])


if __name__ == "__main__":
    main()

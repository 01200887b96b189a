"""``agora-chat-emulator serve``: run the emulator on a local port."""

from __future__ import annotations

import logging
import socket
import sys
from typing import Any

import click
import uvicorn

from agora_chat_emulator.app import Emulator, Settings
from agora_chat_emulator.clock import Clock
from agora_chat_emulator.store import Store

DEFAULT_PORT = 8080
DEFAULTS: dict[str, str] = {
    "host": "127.0.0.1",
    "db": "agora-chat-emulator.db",
    "org": "demo-org",
    "app": "demo-app",
    "client_id": "emulator-client-id",
    "client_secret": "emulator-client-secret",
    "app_id": "0123456789abcdef0123456789abcdef",
}

READY_PREFIX = "agora-chat-emulator ready:"
"""First line of the ready message; tools wait for it and read the base URL after it."""


def server_config(app: Any, log_level: str) -> uvicorn.Config:
    """The uvicorn settings of ``serve`` (bench/ serves its reference apps with them too).

    httptools parses HTTP. The event loop is asyncio's own, not uvloop: under saturation uvloop
    keeps taking new requests ahead of finishing started ones, and a few requests wait for
    hundreds of milliseconds (bench/: p99 210-240 ms at 64 connections against 23-41 ms, for the
    same throughput; MagicStack/uvloop#123). Access logs only at info and debug.
    """
    return uvicorn.Config(
        app,
        loop="asyncio",
        http="httptools",
        log_level=log_level,
        access_log=log_level in {"info", "debug"},
        lifespan="off",
        server_header=False,
    )


def listen(host: str, port: int) -> socket.socket:
    """A listening IPv4 TCP socket, like ``socket.create_server`` but with protocol IPPROTO_TCP.

    asyncio turns Nagle's algorithm off (TCP_NODELAY) only on connections whose socket says
    IPPROTO_TCP; with it on, a response body sent right after its headers waits for the
    client's delayed ACK, 40 ms per request.
    """
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen()
    except OSError:
        sock.close()
        raise
    return sock


@click.group()
@click.version_option(package_name="agora-chat-emulator")
def main() -> None:
    """A stateful local emulator of the Agora Chat REST API (see openapi.yaml)."""


@main.command()
@click.option("--host", default=DEFAULTS["host"], show_default=True, help="Interface to bind.")
@click.option(
    "--port",
    default=DEFAULT_PORT,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="TCP port; 0 picks a free one (printed in the ready line).",
)
@click.option(
    "--db",
    default=DEFAULTS["db"],
    show_default=True,
    help="SQLite file holding the state (survives restarts); ':memory:' keeps it in memory.",
)
@click.option("--org", default=DEFAULTS["org"], show_default=True, help="Organization name.")
@click.option("--app", default=DEFAULTS["app"], show_default=True, help="App name.")
@click.option(
    "--app-id",
    default=DEFAULTS["app_id"],
    show_default=True,
    help="App ID of the newer /app-id/{app_id} prefix, served beside /{org}/{app}.",
)
@click.option(
    "--client-id", default=DEFAULTS["client_id"], show_default=True, help="Client ID for /token."
)
@click.option(
    "--client-secret",
    default=DEFAULTS["client_secret"],
    show_default=True,
    help="Client secret for /token.",
)
@click.option(
    "--rate-limits",
    type=click.Choice(["on", "off"]),
    default="on",
    show_default=True,
    help="Enforce the spec's x-agora-rate-limit buckets (429 reach_limit); 'off' for fuzzing.",
)
@click.option(
    "--validate-responses/--no-validate-responses",
    default=False,
    show_default=True,
    help="Check every response against openapi.yaml and answer 500 on a mismatch (for tests).",
)
@click.option(
    "--log-level",
    type=click.Choice(["critical", "error", "warning", "info", "debug"]),
    default="warning",
    show_default=True,
    help="Server log level (access logs at 'info').",
)
def serve(
    *,
    host: str,
    port: int,
    db: str,
    org: str,
    app: str,
    app_id: str,
    client_id: str,
    client_secret: str,
    rate_limits: str,
    validate_responses: bool,
    log_level: str,
) -> None:
    """Serve the emulator until Ctrl-C or SIGTERM."""
    clock = Clock()
    store = Store(db, clock, org=org, app=app, client_id=client_id, client_secret=client_secret)
    settings = Settings(
        org=org,
        app=app,
        client_id=client_id,
        client_secret=client_secret,
        rate_limits=rate_limits == "on",
        validate_responses=validate_responses,
        app_id=app_id,
    )
    emulator = Emulator(store, clock, settings)
    listener = listen(host, port)
    bound_port = listener.getsockname()[1]
    server = uvicorn.Server(server_config(emulator.app, log_level))
    base_url = f"http://{host}:{bound_port}/{org}/{app}"
    click.echo(
        f"{READY_PREFIX} {base_url}\n"
        f"  db={db} client_id={client_id} client_secret={client_secret} "
        f"rate_limits={rate_limits} validate_responses={validate_responses}\n"
        f"  also served at http://{host}:{bound_port}/app-id/{app_id}\n"
        f"  control: http://{host}:{bound_port}/_emulator/health | reset | clock"
    )
    sys.stdout.flush()
    logging.basicConfig(level=log_level.upper())
    try:
        server.run(sockets=[listener])
    finally:
        store.close()

"""``agora-chat-emulator serve``: run the emulator on a local port."""

from __future__ import annotations

import logging
import sqlite3
import sys
from pathlib import Path

import click

from agora_chat_emulator.app import create_app
from agora_chat_emulator.behaviours import SWITCHES, BehaviourError, Behaviours
from agora_chat_emulator.config import DEFAULTS, LOG_LEVELS, READY_PREFIX, LogLevel, Settings
from agora_chat_emulator.server import Server, listen, raise_descriptor_limit, server_config
from agora_chat_emulator.sqlite import ForeignDatabaseError


@click.group()
@click.version_option(package_name="agora-chat-emulator")
def main() -> None:
    """A stateful local emulator of the Agora Chat REST API (see openapi.yaml)."""


@main.command()
@click.option("--host", default=DEFAULTS.host, show_default=True, help="Interface to bind.")
@click.option(
    "--port",
    default=DEFAULTS.port,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="TCP port; 0 picks a free one (printed in the ready line).",
)
@click.option(
    "--db",
    default=DEFAULTS.db,
    show_default=True,
    help="SQLite file holding the state (survives restarts); ':memory:' keeps it in memory.",
)
@click.option("--org", default=DEFAULTS.org, show_default=True, help="Organization name.")
@click.option("--app", default=DEFAULTS.app, show_default=True, help="App name.")
@click.option(
    "--app-id",
    default=DEFAULTS.app_id,
    show_default=True,
    help="App ID of the newer /app-id/{app_id} prefix, served beside /{org}/{app}.",
)
@click.option(
    "--client-id", default=DEFAULTS.client_id, show_default=True, help="Client ID for /token."
)
@click.option(
    "--client-secret",
    default=DEFAULTS.client_secret,
    show_default=True,
    help="Client secret for /token.",
)
@click.option(
    "--rate-limits",
    type=click.Choice(["on", "off"]),
    default="on" if DEFAULTS.rate_limits else "off",
    show_default=True,
    help="Enforce the spec's x-agora-rate-limit buckets (429 reach_limit); 'off' for fuzzing.",
)
@click.option(
    "--app-rate-limit",
    type=click.IntRange(min=1),
    default=None,
    metavar="N",
    help="Also cap all calls together at N per second, a pricing plan's app-wide limit (Agora's"
    " Free plan: 10; older Agora pages: 500). Default: no app-wide cap.",
)
@click.option(
    "--validate-responses/--no-validate-responses",
    default=DEFAULTS.validate_responses,
    show_default=True,
    help="Check every response against openapi.yaml and answer 500 on a mismatch (for tests).",
)
@click.option(
    "--allowed-host",
    "allowed_hosts",
    multiple=True,
    help="Host name the control endpoints accept in Host/Origin besides the bound address and"
    " loopback (repeatable; '*' for any), e.g. the name a container is reached by.",
)
@click.option(
    "--read-timeout",
    "read_timeout_s",
    default=DEFAULTS.read_timeout_s,
    show_default=True,
    type=click.FloatRange(0.1, 3600),
    help="Seconds a client has to send a whole request (line, headers, body) before it is"
    " disconnected; also bounds idle connections that sent part of one.",
)
@click.option(
    "--behaviour",
    "behaviour",
    multiple=True,
    metavar="NAME=CHOICE",
    help="Where the vendors' docs contradict, behave as CHOICE documents instead of the default"
    " (repeatable); 'agora-chat-emulator behaviours' lists the names and choices.",
)
@click.option(
    "--log-level",
    type=click.Choice(LOG_LEVELS),
    default=DEFAULTS.log_level,
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
    app_rate_limit: int | None,
    validate_responses: bool,
    log_level: LogLevel,
    allowed_hosts: tuple[str, ...],
    read_timeout_s: float,
    behaviour: tuple[str, ...],
) -> None:
    """Serve the emulator until Ctrl-C or SIGTERM."""
    try:
        behaviours = Behaviours.parse(behaviour)
    except BehaviourError as exc:
        raise click.BadParameter(str(exc), param_hint="--behaviour") from None
    settings = Settings(
        host=host,
        port=port,
        db=db,
        org=org,
        app=app,
        app_id=app_id,
        client_id=client_id,
        client_secret=client_secret,
        rate_limits=rate_limits == "on",
        app_rate_limit=app_rate_limit,
        validate_responses=validate_responses,
        log_level=log_level,
        allowed_hosts=allowed_hosts,
        read_timeout_s=read_timeout_s,
        behaviours=behaviours,
    )
    try:
        asgi_app = create_app(settings)
    except ForeignDatabaseError as exc:
        raise click.ClickException(f"refusing --db {exc}") from None
    except (sqlite3.Error, OSError) as exc:
        raise click.ClickException(f"cannot open --db {db}: {_open_failure(db, exc)}") from None
    raise_descriptor_limit()
    try:
        listener = listen(host, port)
    except OSError as exc:
        asgi_app.state.emulator.close()
        raise click.ClickException(f"cannot listen on {host}:{port}: {exc.strerror}") from None
    bound_port = listener.getsockname()[1]
    server = Server(server_config(asgi_app, log_level, read_timeout_s))
    base_url = f"http://{host}:{bound_port}/{org}/{app}"
    click.echo(
        f"{READY_PREFIX} {base_url}\n"
        # Never the secret itself: ready lines end up in CI logs (it is what --client-secret says).
        f"  db={db} client_id={client_id} client_secret=(--client-secret) "
        f"rate_limits={rate_limits} validate_responses={validate_responses}\n"
        f"  also served at http://{host}:{bound_port}/app-id/{app_id}\n"
        f"  control: http://{host}:{bound_port}/_emulator/health | reset | clock | docs"
        " | openapi.yaml"
    )
    sys.stdout.flush()
    logging.basicConfig(level=log_level.upper())
    try:
        server.run(sockets=[listener])
    finally:
        asgi_app.state.emulator.close()


@main.command("behaviours")
def list_behaviours() -> None:
    """List the switchable behaviours: NAME, its choices (default first) and the decision."""
    if not SWITCHES:
        click.echo("no switchable behaviours")
    for switch in SWITCHES:
        click.echo(
            f"{switch.name}: {' | '.join(switch.choices)} (default {switch.default};"
            f" docs/decisions.md {switch.decision})\n    {switch.help}"
        )


def _open_failure(db: str, exc: Exception) -> str:
    """The cause of a failed open in the user's terms; SQLite says "unable to open" for most."""
    parent = Path(db).parent
    if not parent.is_dir():
        return f"directory {parent} does not exist"
    if "readonly" in str(exc):
        return "the file (or its directory) is read-only"
    return str(exc)

"""``agora-chat-contract``: the contract test of openapi.yaml as a command.

``agora-chat-contract run`` tests the embedded emulator (no ``--url``) or any deployment; options
it does not know are handed to ``st run`` unchanged. Exit codes: 0 passed, 1 contract failed, 2
usage error, 3 the target could not be tested (unreachable, unknown org/app, credentials or token
rejected), 130 interrupted (after cleaning up).
"""

from __future__ import annotations

import signal
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import TextIO

import click
import httpx

from agora_chat_contract.pacing import Pacer
from agora_chat_contract.preflight import SetupError, fetch_token
from agora_chat_contract.proxy import parse_listen, run_proxy
from agora_chat_contract.report import EXIT_TARGET, ContractResult
from agora_chat_contract.runner import ALL_PHASES, Interrupted, Options, Target, run_contract
from agora_chat_emulator.process import start_emulator, stop_emulator

ST_OPTIONS_EPILOG = (
    "Any other option goes to schemathesis's `st run` unchanged, e.g. --rate-limit 50/s, "
    "-H 'X-Team: a', --include-operation-id getPushTemplate, --exclude-tag 'Chat rooms', "
    "--workers 1, --max-failures 5, --request-timeout 10."
)


@click.group()
def main() -> None:
    """Contract tests of the Agora Chat REST description (openapi.yaml)."""


@main.command(
    context_settings={"ignore_unknown_options": True, "allow_extra_args": True},
    epilog=ST_OPTIONS_EPILOG,
)
@click.option("--url", help="Base URL of a deployment, https://HOST/ORG/APP (default: emulator).")
@click.option("--client-id", help="Client ID for the deployment's /token.")
@click.option("--client-secret", help="Client secret for the deployment's /token.")
@click.option("--token", help="An app token for the deployment (instead of client ID/secret).")
@click.option(
    "-n", "--max-examples", type=click.IntRange(min=1), help="Examples per operation (default 20)."
)
@click.option("--seed", type=int, help="Seed of the deterministic generation (default 42).")
@click.option("--phases", default=ALL_PHASES, show_default=True, help="schemathesis phases.")
@click.option(
    "--pacing/--no-pacing",
    default=None,
    help="Pace requests to each x-agora-rate-limit bucket (default: on with --url, off for the "
    "embedded emulator, which runs without rate limits).",
)
@click.option(
    "--require-success",
    type=click.Choice(["auto", "all", "none"]),
    default="auto",
    show_default=True,
    help="Which operations must answer 200 at least once: auto = every selected operation when "
    "the examples phase runs (not /token without client credentials).",
)
@click.option("--prefix", help="Prefix of everything the run creates (default: random, printed).")
@click.option(
    "--report-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("reports/contract"),
    show_default=True,
    help="Where junit.xml, report.json, events.ndjson and schemathesis.log go.",
)
@click.pass_context
def run(
    ctx: click.Context,
    *,
    url: str | None,
    client_id: str | None,
    client_secret: str | None,
    token: str | None,
    max_examples: int | None,
    seed: int | None,
    phases: str,
    pacing: bool | None,
    require_success: str,
    prefix: str | None,
    report_dir: Path,
) -> None:
    """Property-test openapi.yaml against the embedded emulator or a deployment."""
    options = Options(
        report_dir=report_dir,
        phases=phases,
        max_examples=max_examples,
        seed=seed,
        pacing=bool(url) if pacing is None else pacing,
        require_success=require_success,
        prefix=prefix,
        st_args=tuple(ctx.args),
    )
    if prefix is not None and not (prefix.isascii() and prefix.isalnum() and prefix.islower()):
        raise click.BadParameter("lower-case letters and digits only", param_hint="--prefix")
    with _signals_as_interrupts():
        try:
            if url is None:
                if token or client_id or client_secret:
                    raise click.UsageError("--token/--client-id/--client-secret need --url")
                result = _run_embedded(options)
            else:
                result = _run_against(url.rstrip("/"), client_id, client_secret, token, options)
        except SetupError as error:
            click.echo(f"agora-chat-contract: {error}", err=True)
            sys.exit(EXIT_TARGET)
        except Interrupted as interrupt:
            click.echo(f"agora-chat-contract: interrupted by {interrupt.signal_name}", err=True)
            sys.exit(130)
    _report(result, report_dir)
    sys.exit(result.exit_code)


def _run_against(
    url: str,
    client_id: str | None,
    client_secret: str | None,
    token: str | None,
    options: Options,
) -> ContractResult:
    if token is None:
        if not (client_id and client_secret):
            raise click.UsageError("--url needs --token, or --client-id and --client-secret")
        token = fetch_token(url, client_id, client_secret, Pacer(enabled=options.pacing))
    return run_contract(Target(url, token, client_id, client_secret), options, echo=click.echo)


def _run_embedded(options: Options) -> ContractResult:
    with tempfile.TemporaryDirectory(prefix="agora-contract-") as scratch:
        options.report_dir.mkdir(parents=True, exist_ok=True)
        emulator = start_emulator(
            Path(scratch) / "emulator.db",
            "--rate-limits",
            "off",
            log=options.report_dir / "emulator.log",
        )
        click.echo(
            f"agora-chat-contract: emulator pid {emulator.process.pid} at {emulator.base_url}"
        )
        try:
            target = Target(
                emulator.base_url, emulator.token, emulator.client_id, emulator.client_secret
            )
            return run_contract(target, options, echo=click.echo)
        finally:
            stop_emulator(emulator)


def _report(result: ContractResult, report_dir: Path) -> None:
    junit, report = report_dir / "junit.xml", report_dir / "report.json"
    result.write_junit(junit)
    result.write_json(report)
    click.echo("")
    click.echo(result.table())
    click.echo(f"\nReports: {junit}, {report}, {report_dir / 'schemathesis.log'}")
    click.echo(result.verdict())


@contextmanager
def _signals_as_interrupts() -> Iterator[None]:
    """SIGINT and SIGTERM raise ``Interrupted`` once; the clean-up that follows is not cut."""

    def handler(signum: int, _frame: FrameType | None) -> None:
        for name in ("SIGINT", "SIGTERM"):
            signal.signal(getattr(signal, name), signal.SIG_IGN)
        raise Interrupted(signal.Signals(signum).name)

    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


@main.command()
@click.option(
    "--upstream", required=True, help="The deployment to forward to, https://HOST (or http://)."
)
@click.option(
    "--listen",
    "listen_at",
    default="127.0.0.1:8080",
    show_default=True,
    help="HOST:PORT the proxy listens on (port 0: any free port, printed).",
)
@click.option(
    "--report",
    type=click.File("a", encoding="utf-8", lazy=False),
    default="-",
    help="Where the violations go, one JSON line each (default: stderr).",
)
@click.option("--fail-on-violation", is_flag=True, help="Exit 1 when any violation was reported.")
@click.option(
    "--block-invalid-requests",
    is_flag=True,
    help="Answer an invalid request with the service's own error body instead of forwarding it.",
)
def proxy(
    *,
    upstream: str,
    listen_at: str,
    report: TextIO,
    fail_on_violation: bool,
    block_invalid_requests: bool,
) -> None:
    """Forward traffic to a deployment and check every request and response against the spec.

    Stops on Ctrl-C or SIGTERM and prints the per-operation counts (also served as JSON at
    GET /_proxy/summary). Exit code 0, or 1 with --fail-on-violation after any violation.
    """
    try:
        parsed = httpx.URL(upstream)
    except httpx.InvalidURL:
        parsed = httpx.URL()
    if parsed.scheme not in {"http", "https"} or not parsed.host:
        raise click.BadParameter(
            "expected https://HOST or http://HOST:PORT", param_hint="--upstream"
        )
    try:
        address = parse_listen(listen_at)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--listen") from None
    if report.name == "<stdout>":
        report = sys.stderr
    try:
        summary = run_proxy(
            upstream,
            address,
            report,
            block_invalid_requests=block_invalid_requests,
            echo=click.echo,
        )
    except OSError as error:
        click.echo(
            f"agora-chat-contract proxy: cannot listen on {listen_at}: {error.strerror}", err=True
        )
        sys.exit(EXIT_TARGET)
    click.echo(summary.table())
    sys.exit(1 if fail_on_violation and summary.violations else 0)

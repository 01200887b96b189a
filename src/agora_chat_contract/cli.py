"""``agora-chat-contract run``: property-test openapi.yaml against a server with schemathesis.

Without ``--url`` it starts the emulator on a free port with a fresh SQLite file, runs the whole
suite over HTTP, and stops it by PID. With ``--url`` it runs the same suite against any
deployment. Prints a per-operation table and a one-line verdict, writes a JUnit XML report, and
exits non-zero on any failure or on any operation that never answered 200.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import click

from agora_chat_contract.runner import (
    ALL_PHASES,
    SetupError,
    Target,
    check_token,
    fetch_token,
    run_contract,
)
from agora_chat_emulator.process import start_emulator, stop_emulator

# Exit status when the target cannot be tested at all (1 is a failed contract, 2 a usage error).
SETUP_FAILED = 3


@click.group()
def main() -> None:
    """agora-chat-contract: the contract test of the Agora Chat REST API description."""


@main.command()
@click.option("--url", help="Base URL of a deployment, https://HOST/ORG/APP (default: emulator).")
@click.option("--client-id", help="Client ID for the deployment's /token.")
@click.option("--client-secret", help="Client secret for the deployment's /token.")
@click.option("--token", help="An app token for the deployment (instead of client ID/secret).")
@click.option(
    "--max-examples", type=click.IntRange(min=1), help="Examples per operation (default 20)."
)
@click.option("--seed", type=int, help="Seed of the deterministic generation (default 42).")
@click.option(
    "--pacing/--no-pacing",
    default=True,
    show_default=True,
    help="With --url: pace calls per x-agora-rate-limit bucket of the spec.",
)
@click.option("--phases", default=ALL_PHASES, show_default=True, help="schemathesis phases.")
@click.option(
    "--report-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("reports") / "contract",
    show_default=True,
    help="Where junit.xml, events.ndjson and schemathesis.log go.",
)
def run(
    *,
    url: str | None,
    client_id: str | None,
    client_secret: str | None,
    token: str | None,
    max_examples: int | None,
    seed: int | None,
    phases: str,
    pacing: bool,
    report_dir: Path,
) -> None:
    """Contract test of openapi.yaml against the embedded emulator or a deployment."""
    if url is None:
        if token or client_id or client_secret:
            raise click.UsageError("--token/--client-id/--client-secret need --url")
        with tempfile.TemporaryDirectory(prefix="agora-contract-") as scratch:
            report_dir.mkdir(parents=True, exist_ok=True)
            emulator = start_emulator(
                Path(scratch) / "emulator.db",
                "--rate-limits",
                "off",
                log=report_dir / "emulator.log",
            )
            click.echo(f"emulator pid {emulator.process.pid} at {emulator.base_url}")
            try:
                target = Target(
                    emulator.base_url, emulator.token, emulator.client_id, emulator.client_secret
                )
                result = run_contract(
                    target, report_dir, max_examples=max_examples, seed=seed, phases=phases
                )
            finally:
                stop_emulator(emulator)
    else:
        url = url.rstrip("/")
        try:
            if token is None:
                if not (client_id and client_secret):
                    raise click.UsageError(
                        "--url needs --token, or --client-id and --client-secret"
                    )
                token = fetch_token(url, client_id, client_secret)
            check_token(url, token)
        except SetupError as error:
            click.echo(f"CONTRACT NOT RUN: {error} (exit {SETUP_FAILED})", err=True)
            sys.exit(SETUP_FAILED)
        target = Target(url, token, client_id, client_secret)
        result = run_contract(
            target,
            report_dir,
            max_examples=max_examples,
            seed=seed,
            phases=phases,
            pace=pacing,
        )
    for problem in result.setup_problems:
        click.echo(f"fixture set-up: {problem}")
    click.echo(result.table())
    if not result.passed:
        click.echo(f"\nschemathesis output (also in {result.log}):")
        click.echo(result.log.read_text(encoding="utf-8")[-20000:])
    click.echo(f"JUnit report: {result.junit}")
    click.echo(result.verdict())
    sys.exit(0 if result.passed else 1)


if __name__ == "__main__":
    main()

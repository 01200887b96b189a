"""One contract run: set-up on the target, schemathesis's CLI, teardown (the token checks
before it are ``preflight``; what it found, and the reports, ``report``).

The target is any ``https://HOST/ORG/APP`` with an app token: the embedded emulator or a real
deployment. Everything the run creates carries its prefix and is deleted at the end, however the
run ends (``teardown`` runs in a ``finally``; SIGINT and SIGTERM arrive as ``Interrupted``).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

from agora_chat_contract.fixtures import RunState, ensure, new_prefix, teardown
from agora_chat_contract.pacing import Pacer, paced_client
from agora_chat_contract.preflight import check_token
from agora_chat_contract.report import ContractResult, OperationStats, read_events
from agora_chat_emulator.spec import spec_path

ALL_PHASES = "examples,coverage,fuzzing,stateful"
PACKAGED_CONFIG = files("agora_chat_contract").joinpath("schemathesis.toml")
RUN_TIMEOUT_S = 3600
ST_GRACE_S = 10


class Interrupted(BaseException):
    """SIGINT or SIGTERM arrived: stop, clean up, exit."""

    def __init__(self, signal_name: str) -> None:
        super().__init__(signal_name)
        self.signal_name = signal_name


@dataclass(frozen=True)
class Target:
    """Where to run: ``http(s)://HOST/ORG/APP``, an app token, and the credentials if known."""

    base_url: str
    token: str
    client_id: str | None = None
    client_secret: str | None = None

    @property
    def has_credentials(self) -> bool:
        return bool(self.client_id and self.client_secret)


@dataclass(frozen=True)
class Options:
    report_dir: Path
    phases: str = ALL_PHASES
    max_examples: int | None = None
    seed: int | None = None
    pacing: bool = True
    require_success: str = "auto"
    prefix: str | None = None
    st_args: tuple[str, ...] = ()
    """schemathesis options passed through as given (``--rate-limit``, ``-H``, ``--include-*``)."""


def apply_success_rule(stats: dict[str, OperationStats], options: Options, target: Target) -> None:
    """Which operations must answer 200 at least once (README "Success coverage")."""
    phases = {phase.strip() for phase in options.phases.split(",")}
    filtered = any(arg.startswith(("--include", "--exclude")) for arg in options.st_args)
    for stat in stats.values():
        if options.require_success == "all":
            continue
        if options.require_success == "none":
            stat.success_required, stat.note = False, "200 not required (--require-success none)"
        elif options.require_success == "auto" and "examples" not in phases:
            stat.success_required, stat.note = False, "200 not required without the examples phase"
        elif filtered and stat.requests == 0:
            stat.success_required, stat.note = False, "not selected"
        elif stat.operation_id == "createAppToken" and not target.has_credentials:
            stat.success_required, stat.note = (
                False,
                "200 not required: no client credentials given",
            )


Echo = Callable[[str], None]


def run_contract(target: Target, options: Options, *, echo: Echo = print) -> ContractResult:
    """Set up, run schemathesis, clean up; a ``SetupError`` before anything was created."""
    report_dir = options.report_dir
    report_dir.mkdir(parents=True, exist_ok=True)
    ndjson, log = report_dir / "events.ndjson", report_dir / "schemathesis.log"
    ndjson.unlink(missing_ok=True)
    prefix = options.prefix or new_prefix()
    pacer = Pacer(enabled=options.pacing)
    started = time.monotonic()
    check_token(target.base_url, target.token, pacer, prefix)
    echo(
        f"agora-chat-contract: target {target.base_url}, run prefix {prefix}, "
        f"pacing {'on' if options.pacing else 'off'}, phases {options.phases}"
    )
    st_exit, interrupted = -1, None
    setup_problems: list[str] = []
    cleanup_problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="agora-contract-") as scratch:
        state = RunState(
            base_url=target.base_url,
            token=target.token,
            prefix=prefix,
            journal=str(Path(scratch) / "journal.ndjson"),
            client_id=target.client_id,
            client_secret=target.client_secret,
            pacing=options.pacing,
        )
        state_file = Path(scratch) / "state.json"
        client = paced_client(target.base_url, pacer, token=target.token)
        try:
            setup_problems = ensure(client, state)
            for problem in setup_problems:
                echo(f"agora-chat-contract: fixture set-up: {problem}")
            state.save(state_file)
            st_exit = _run_schemathesis(
                target, options, state_file, ndjson=ndjson, log=log, echo=echo
            )
        except Interrupted as signal:
            interrupted = signal.signal_name
            echo(f"agora-chat-contract: {interrupted} received, cleaning up")
        finally:
            # The hooks may have re-created the room: they journal it, teardown reads the journal.
            cleanup_problems = teardown(client, state)
            client.close()
    for problem in cleanup_problems:
        echo(f"agora-chat-contract: clean-up: {problem}")
    stats = read_events(ndjson)
    apply_success_rule(stats, options, target)
    return ContractResult(
        st_exit,
        stats,
        prefix,
        time.monotonic() - started,
        setup_problems,
        cleanup_problems,
        interrupted,
    )


def st_command(target: Target, options: Options, config: Path, ndjson: Path) -> list[str]:
    return [
        str(Path(sys.executable).with_name("st")),
        "--config-file",
        str(config),
        "run",
        str(spec_path()),
        "--url",
        target.base_url,
        "--phases",
        options.phases,
        "--report",
        "ndjson",
        "--report-ndjson-path",
        str(ndjson),
        *(["--max-examples", str(options.max_examples)] if options.max_examples else []),
        *(["--seed", str(options.seed)] if options.seed is not None else []),
        *options.st_args,
    ]


def _run_schemathesis(
    target: Target, options: Options, state_file: Path, *, ndjson: Path, log: Path, echo: Echo
) -> int:
    config = state_file.with_name("schemathesis.toml")
    # The packaged config plus this run's token, read from the environment (never on argv).
    config.write_text(
        'headers = { Authorization = "Bearer ${AGORA_CONTRACT_TOKEN}" }\n'
        + PACKAGED_CONFIG.read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    env = {
        **os.environ,
        "AGORA_CONTRACT_STATE": str(state_file),
        "AGORA_CONTRACT_TOKEN": target.token,
    }
    command = st_command(target, options, config, ndjson)
    if sys.stdout.isatty():
        # On a terminal schemathesis draws its own progress bars; a pipe would turn them off.
        log.write_text("schemathesis wrote to the terminal; events are in events.ndjson\n")
        with subprocess.Popen(command, env=env, stdin=subprocess.DEVNULL) as terminal:  # noqa: S603
            try:
                return terminal.wait(timeout=RUN_TIMEOUT_S)
            finally:
                _stop(terminal)
    env.setdefault("NO_COLOR", "1")
    with (
        log.open("w", encoding="utf-8") as output,
        subprocess.Popen(  # noqa: S603 - our own interpreter's st, fixed argv
            command,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            encoding="utf-8",
            errors="replace",
        ) as process,
    ):
        try:
            assert process.stdout is not None  # noqa: S101 - PIPE was asked for
            for line in process.stdout:
                output.write(line)
                echo(line.rstrip("\n"))
            return process.wait(timeout=RUN_TIMEOUT_S)
        finally:
            _stop(process)


def _stop(process: subprocess.Popen[Any]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=ST_GRACE_S)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

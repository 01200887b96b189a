"""One contract run: set-up on the target, schemathesis's CLI, teardown, and the reports.

The target is any ``https://HOST/ORG/APP`` with an app token: the embedded emulator or a real
deployment. Everything the run creates carries its prefix and is deleted at the end, however the
run ends (``teardown`` runs in a ``finally``; SIGINT and SIGTERM arrive as ``Interrupted``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Any

import httpx

from agora_chat_contract.fixtures import RunState, ensure, new_prefix, teardown
from agora_chat_contract.pacing import Pacer, paced_client
from agora_chat_emulator.spec import operations, spec_path

ALL_PHASES = "examples,coverage,fuzzing,stateful"
PACKAGED_CONFIG = files("agora_chat_contract").joinpath("schemathesis.toml")
RUN_TIMEOUT_S = 3600
ST_GRACE_S = 10

EXIT_PASSED, EXIT_FAILED, EXIT_USAGE, EXIT_TARGET, EXIT_INTERRUPTED = 0, 1, 2, 3, 130


class SetupError(Exception):
    """The target cannot be tested at all (unreachable, unknown app, rejected credentials)."""


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


@dataclass
class OperationStats:
    operation_id: str
    label: str
    requests: int = 0
    successes: int = 0
    failed_cases: set[str] = field(default_factory=set)
    failed_checks: set[str] = field(default_factory=set)
    success_required: bool = True
    note: str = ""

    @property
    def failed(self) -> bool:
        return bool(self.failed_cases) or (self.success_required and self.successes == 0)


@dataclass
class ContractResult:
    st_exit_code: int
    stats: dict[str, OperationStats]
    prefix: str
    elapsed_s: float
    setup_problems: list[str] = field(default_factory=list)
    cleanup_problems: list[str] = field(default_factory=list)
    interrupted: str | None = None

    @property
    def failing(self) -> list[str]:
        return [op_id for op_id, stat in self.stats.items() if stat.failed]

    @property
    def failures(self) -> int:
        return sum(len(stat.failed_cases) for stat in self.stats.values())

    @property
    def failed_checks(self) -> set[str]:
        return {check for stat in self.stats.values() for check in stat.failed_checks}

    @property
    def required(self) -> list[OperationStats]:
        return [stat for stat in self.stats.values() if stat.success_required]

    @property
    def passed(self) -> bool:
        return (
            self.interrupted is None
            and self.st_exit_code == 0
            and not self.failing
            and not self.cleanup_problems
        )

    @property
    def exit_code(self) -> int:
        if self.interrupted is not None:
            return EXIT_INTERRUPTED
        return EXIT_PASSED if self.passed else EXIT_FAILED

    def table(self) -> str:
        rows = [("operation", "operationId", "requests", "200", "failures", "")]
        for stat in sorted(self.stats.values(), key=lambda s: (s.label.split(" ", 1)[1], s.label)):
            note = stat.note
            if stat.success_required and stat.successes == 0:
                note = "never answered 200"
            elif stat.failed_checks:
                note = ", ".join(sorted(stat.failed_checks))
            rows.append(
                (
                    stat.label,
                    stat.operation_id,
                    str(stat.requests),
                    str(stat.successes),
                    str(len(stat.failed_cases)),
                    note,
                )
            )
        widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
        lines = [
            "  ".join(
                cell.ljust(width) if i in (0, 1, 5) else cell.rjust(width)
                for i, (cell, width) in enumerate(zip(row, widths, strict=True))
            ).rstrip()
            for row in rows
        ]
        lines.insert(1, "  ".join("-" * width for width in widths[:5]))
        return "\n".join(lines)

    def verdict(self) -> str:
        required = self.required
        reached = sum(1 for stat in required if stat.successes > 0)
        requests = sum(stat.requests for stat in self.stats.values())
        summary = (
            f"{reached}/{len(required)} operations answered 200, {self.failures} failing "
            f"case(s), {requests} requests in {self.elapsed_s:.0f} s"
        )
        if self.passed:
            return f"CONTRACT PASSED: {summary}"
        details = []
        if self.interrupted:
            details.append(f"interrupted by {self.interrupted}")
        if self.failing:
            details.append("failing: " + ", ".join(self.failing))
        if self.st_exit_code != 0 and not self.failing:
            details.append(f"schemathesis exited {self.st_exit_code} (see schemathesis.log)")
        if self.cleanup_problems:
            details.append(f"{len(self.cleanup_problems)} resource(s) not cleaned up")
        return f"CONTRACT FAILED: {summary}; " + "; ".join(details)

    def write_junit(self, path: Path) -> None:
        """One test case per operation, failing when that operation failed."""
        suite = ET.Element(
            "testsuite",
            name="agora-chat-contract",
            tests=str(len(self.stats)),
            failures=str(len(self.failing)),
            time=f"{self.elapsed_s:.3f}",
        )
        for stat in self.stats.values():
            case = ET.SubElement(
                suite, "testcase", classname="agora-chat-contract", name=stat.operation_id
            )
            if stat.failed:
                problems = sorted(stat.failed_checks) or ["never answered 200"]
                failure = ET.SubElement(case, "failure", message="; ".join(problems))
                failure.text = (
                    f"{stat.label}: {len(stat.failed_cases)} failing case(s) of "
                    f"{stat.requests} requests, {stat.successes} answered 200"
                )
            elif stat.requests == 0:
                ET.SubElement(case, "skipped", message="not selected")
        root = ET.Element("testsuites", failures=str(len(self.failing)))
        root.append(suite)
        ET.indent(root)
        ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)

    def write_json(self, path: Path) -> None:
        report = {
            "passed": self.passed,
            "exit_code": self.exit_code,
            "verdict": self.verdict(),
            "prefix": self.prefix,
            "elapsed_s": round(self.elapsed_s, 3),
            "schemathesis_exit_code": self.st_exit_code,
            "interrupted": self.interrupted,
            "setup_problems": self.setup_problems,
            "cleanup_problems": self.cleanup_problems,
            "operations": {
                op_id: {
                    "operation": stat.label,
                    "requests": stat.requests,
                    "successes": stat.successes,
                    "failing_cases": len(stat.failed_cases),
                    "failed_checks": sorted(stat.failed_checks),
                    "success_required": stat.success_required,
                    "failed": stat.failed,
                    "note": stat.note,
                }
                for op_id, stat in self.stats.items()
            },
        }
        path.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


def _error_of(response: httpx.Response) -> str:
    try:
        body = response.json()
    except ValueError:
        return response.text[:120].strip() or response.reason_phrase
    if isinstance(body, dict):
        parts = [str(body.get("error") or ""), str(body.get("error_description") or "")]
        return ": ".join(part for part in parts if part) or response.text[:120]
    return response.text[:120]


def _describe_transport_error(base_url: str, exc: httpx.HTTPError) -> str:
    reason = str(exc) or type(exc).__name__
    return f"cannot reach {base_url}: {reason}"


def fetch_token(base_url: str, client_id: str, client_secret: str, pacer: Pacer) -> str:
    """An app token from the target's own ``/token``; ``SetupError`` naming why not."""
    try:
        with paced_client(base_url, pacer) as client:
            response = client.post(
                "/token",
                json={
                    "grant_type": "client_credentials",
                    "client_id": client_id,
                    "client_secret": client_secret,
                },
            )
    except httpx.HTTPError as exc:
        raise SetupError(_describe_transport_error(base_url, exc)) from None
    if response.status_code == 200:
        token = response.json().get("access_token") if _is_json_object(response) else None
        if isinstance(token, str) and token:
            return token
        raise SetupError(f"POST {base_url}/token answered 200 without an access_token")
    raise SetupError(_setup_refusal("POST /token", base_url, response, "client credentials"))


def check_token(base_url: str, token: str, pacer: Pacer, prefix: str) -> None:
    """One authenticated read (a user that cannot exist) proves the app and the token."""
    try:
        with paced_client(base_url, pacer, token=token) as client:
            response = client.get(f"/users/{prefix}probe")
    except httpx.HTTPError as exc:
        raise SetupError(_describe_transport_error(base_url, exc)) from None
    error = _error_of(response)
    if response.status_code in (200, 404) and "organization_application_not_found" not in error:
        return
    raise SetupError(_setup_refusal("GET /users/{username}", base_url, response, "token"))


def _is_json_object(response: httpx.Response) -> bool:
    try:
        return isinstance(response.json(), dict)
    except ValueError:
        return False


def _setup_refusal(call: str, base_url: str, response: httpx.Response, credential: str) -> str:
    error = _error_of(response)
    if response.status_code == 404:
        return f"{base_url}: no such org/app on this host ({call} answered 404 {error})"
    if response.status_code == 401:
        verb = "were" if credential.endswith("s") else "was"
        return f"the {credential} {verb} rejected ({call} answered 401 {error})"
    return f"{call} on {base_url} answered {response.status_code} {error}"


def read_events(ndjson: Path) -> dict[str, OperationStats]:
    """Per-operation requests, 200s and failing cases from schemathesis's NDJSON event report."""
    stats = {
        op.operation_id: OperationStats(op.operation_id, f"{op.method} {op.path}")
        for op in operations().values()
    }
    by_label = {stat.label: stat for stat in stats.values()}
    if ndjson.exists():
        with ndjson.open(encoding="utf-8") as events:
            for line in events:
                finished = json.loads(line).get("ScenarioFinished")
                if finished is not None:
                    _count_scenario(finished["recorder"], by_label)
    return stats


def _count_scenario(recorder: dict[str, Any], by_label: dict[str, OperationStats]) -> None:
    """Attribute each case to its operation; probes with other methods count for the scenario's."""

    def operation_of(case_id: str) -> OperationStats | None:
        case = recorder.get("cases", {}).get(case_id)
        if case is not None:
            label = f"{case['value']['method'].upper()} {case['value']['path']}"
            if label in by_label:
                return by_label[label]
        return by_label.get(recorder["label"])

    for case_id, interaction in recorder.get("interactions", {}).items():
        stat = operation_of(case_id)
        if stat is None:
            continue
        stat.requests += 1
        if (interaction.get("response") or {}).get("status_code") == 200:
            stat.successes += 1
    for case_id, checks in recorder.get("checks", {}).items():
        failed = {check["name"] for check in checks if check["status"] == "failure"}
        stat = operation_of(case_id)
        if failed and stat is not None:
            stat.failed_cases.add(case_id)
            stat.failed_checks |= failed


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

"""One contract run: schemathesis's CLI against a running server, summarised per operation.

Used by ``agora-chat-contract run`` (the project's main job) and by ``tests/contract``. The target
is any base URL plus a token: the embedded emulator by default, or a real deployment.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from agora_chat_contract import fixture_data, http
from agora_chat_emulator.spec import operations, spec_path

# Package data: the installed runner never reaches for a repository checkout.
SPEC = spec_path()
CONFIG = Path(__file__).with_name("schemathesis.toml")
ALL_PHASES = "examples,coverage,fuzzing,stateful"
RUN_TIMEOUT_S = 1800


@dataclass(frozen=True)
class Target:
    """Where to run: ``http(s)://HOST/ORG/APP``, an app token, and the credentials if known."""

    base_url: str
    token: str
    client_id: str | None = None
    client_secret: str | None = None


@dataclass
class OperationStats:
    requests: int = 0
    successes: int = 0
    failed_cases: set[str] = field(default_factory=set)
    failed_checks: set[str] = field(default_factory=set)


@dataclass
class ContractResult:
    exit_code: int
    stats: dict[str, OperationStats]
    junit: Path
    ndjson: Path
    log: Path
    setup_problems: list[str] = field(default_factory=list)
    # Operations not required to answer 200, with the reason the table shows.
    exempt: dict[str, str] = field(default_factory=dict)

    @property
    def unreached(self) -> list[str]:
        """Operations of the spec that never answered 200 (and had to)."""
        return sorted(
            label
            for label, stat in self.stats.items()
            if stat.successes == 0 and label not in self.exempt
        )

    @property
    def failures(self) -> int:
        return sum(len(stat.failed_cases) for stat in self.stats.values())

    @property
    def failed_checks(self) -> set[str]:
        return {check for stat in self.stats.values() for check in stat.failed_checks}

    @property
    def passed(self) -> bool:
        return self.exit_code == 0 and self.failures == 0 and not self.unreached

    def table(self) -> str:
        ids = {f"{op.method} {op.path}": op.operation_id for op in operations().values()}
        rows = [("operation", "operationId", "requests", "2xx", "failures")]
        for label in sorted(self.stats, key=lambda item: (item.split(" ", 1)[1], item)):
            stat = self.stats[label]
            rows.append(
                (
                    label,
                    ids.get(label, "-"),
                    str(stat.requests),
                    str(stat.successes),
                    str(len(stat.failed_cases)),
                )
            )
        widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
        lines = [
            "  ".join(
                cell.ljust(width) if i < 2 else cell.rjust(width)
                for i, (cell, width) in enumerate(zip(row, widths, strict=True))
            )
            for row in rows
        ]
        lines.insert(1, "  ".join("-" * width for width in widths))
        lines += [f"{label}: 200 not required ({why})" for label, why in self.exempt.items()]
        return "\n".join(lines)

    def verdict(self) -> str:
        reached = sum(1 for stat in self.stats.values() if stat.successes)
        requests = sum(stat.requests for stat in self.stats.values())
        summary = (
            f"{reached}/{len(self.stats)} operations answered 200, {self.failures} failing "
            f"case(s), {requests} requests, schemathesis exit {self.exit_code}"
        )
        if self.passed:
            return f"CONTRACT PASSED: {summary}"
        details = []
        if self.unreached:
            details.append("never 200: " + ", ".join(self.unreached))
        if self.failed_checks:
            details.append("failed checks: " + ", ".join(sorted(self.failed_checks)))
        if self.setup_problems:
            details.append(f"{len(self.setup_problems)} fixture set-up call(s) failed")
        return f"CONTRACT FAILED: {summary}" + "".join(f"; {d}" for d in details)


class SetupError(Exception):
    """The target cannot be tested at all (unreachable, unknown org/app, rejected credentials)."""


def _refusal(response: httpx.Response) -> str:
    try:
        error = response.json().get("error", "")
    except ValueError:
        error = ""
    where = f"{response.request.method} {response.request.url}"
    if response.status_code == 404:
        return f"{where} answered 404 {error}: no such organization/app at this URL"
    if response.status_code == 401:
        return f"{where} answered 401 {error}: the credentials or token were rejected"
    return f"{where} answered {response.status_code} {error or response.text[:200]}"


def fetch_token(base_url: str, client_id: str, client_secret: str) -> str:
    """An app token from the target's own ``/token`` (client credentials)."""
    body = {
        "grant_type": "client_credentials",
        "client_id": client_id,
        "client_secret": client_secret,
    }
    try:
        with http.client(base_url) as client:
            response = client.post("/token", json=body)
    except httpx.TransportError as error:
        raise SetupError(f"cannot reach {base_url}: {error}") from None
    if response.status_code != 200:
        raise SetupError(_refusal(response))
    token: str = response.json()["access_token"]
    return token


def check_token(base_url: str, token: str) -> None:
    """Fail before any fuzzing when the target is unreachable or refuses the token."""
    try:
        with http.client(base_url, token) as client:
            response = client.get("/notification/template/agoraContractProbe")
    except httpx.TransportError as error:
        raise SetupError(f"cannot reach {base_url}: {error}") from None
    # A missing template is 400 on this service; only 401 and 404 say the set-up is wrong.
    if response.status_code in (401, 404):
        raise SetupError(_refusal(response))


def run_contract(
    target: Target,
    report_dir: Path,
    *,
    max_examples: int | None = None,
    seed: int | None = None,
    phases: str = ALL_PHASES,
    extra_args: tuple[str, ...] = (),
    prepare: bool = True,
    pace: bool = False,
) -> ContractResult:
    """Create the fixture data through the API, run schemathesis, and read its event report."""
    # Absolute: schemathesis runs with the report directory as its working directory.
    report_dir = report_dir.resolve()
    report_dir.mkdir(parents=True, exist_ok=True)
    junit, ndjson, log = (
        report_dir / "junit.xml",
        report_dir / "events.ndjson",
        report_dir / "schemathesis.log",
    )
    setup_problems: list[str] = []
    if prepare:
        with http.client(target.base_url, target.token) as client:
            setup_problems = fixture_data.ensure(client)
    command = [
        str(Path(sys.executable).with_name("st")),
        "--config-file",
        str(CONFIG),
        "run",
        str(SPEC),
        "--url",
        target.base_url,
        "--header",
        f"Authorization: Bearer {target.token}",
        "--phases",
        phases,
        "--report",
        "junit,ndjson",
        "--report-junit-path",
        str(junit),
        "--report-ndjson-path",
        str(ndjson),
        *(["--max-examples", str(max_examples)] if max_examples is not None else []),
        *(["--seed", str(seed)] if seed is not None else []),
        *extra_args,
    ]
    env = {
        **os.environ,
        "AGORA_CONTRACT_BASE_URL": target.base_url,
        "AGORA_CONTRACT_TOKEN": target.token,
        "AGORA_CONTRACT_PACING": "1" if pace else "0",
        "AGORA_CONTRACT_CLIENT_ID": target.client_id or "",
        "AGORA_CONTRACT_CLIENT_SECRET": target.client_secret or "",
        "NO_COLOR": "1",
    }
    with log.open("w", encoding="utf-8") as output:
        completed = subprocess.run(  # noqa: S603 - fixed argv: our own st and options
            command,
            env=env,
            cwd=report_dir,
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
            timeout=RUN_TIMEOUT_S,
            check=False,
        )
    exempt = {}
    if target.client_secret is None:
        exempt["POST /token"] = "no client credentials given; its error cases are still tested"
    return ContractResult(
        completed.returncode, read_events(ndjson), junit, ndjson, log, setup_problems, exempt
    )


def read_events(ndjson: Path) -> dict[str, OperationStats]:
    """Per-operation requests, 200s and failing cases from schemathesis's NDJSON event report."""
    stats = {f"{op.method} {op.path}": OperationStats() for op in operations().values()}
    if not ndjson.exists():
        return stats
    with ndjson.open(encoding="utf-8") as events:
        for line in events:
            event: dict[str, Any] = json.loads(line)
            finished = event.get("ScenarioFinished")
            if finished is not None:
                _count_scenario(finished["recorder"], stats)
    return stats


def _count_scenario(recorder: dict[str, Any], stats: dict[str, OperationStats]) -> None:
    """Attribute each case to its operation; probes with other methods count for the scenario's."""

    def operation_of(case_id: str) -> OperationStats | None:
        case = recorder.get("cases", {}).get(case_id)
        if case is not None:
            label = f"{case['value']['method'].upper()} {case['value']['path']}"
            if label in stats:
                return stats[label]
        return stats.get(recorder["label"])

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

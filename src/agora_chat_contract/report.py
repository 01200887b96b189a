"""What a contract run found: per-operation counts from schemathesis's event report, the
verdict, the table and the JUnit/JSON reports, and the exit codes they map to."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from agora_chat_emulator.spec import operations

EXIT_PASSED, EXIT_FAILED, EXIT_USAGE, EXIT_TARGET, EXIT_INTERRUPTED = 0, 1, 2, 3, 130


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

"""The main job end to end, over loopback HTTP: agora-chat-contract run as users and CI run it."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from agora_chat_emulator.process import start_emulator, stop_emulator
from agora_chat_emulator.spec import operations

COMMAND = Path(sys.executable).with_name("agora-chat-contract")


ALL = len(operations())
"""Operations in openapi.yaml; /token needs client credentials to answer 200."""


def run_script(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(COMMAND), "run", *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )


def table_rows(output: str) -> dict[str, list[str]]:
    """operationId -> [requests, 2xx, failures] from the printed per-operation table."""
    ids = {op.operation_id for op in operations().values()}
    rows = {}
    for line in output.splitlines():
        cells = line.split()
        if len(cells) >= 6 and cells[2] in ids:
            rows[cells[2]] = cells[3:6]
    return rows


@pytest.mark.slow
def test_default_run_starts_the_emulator_and_passes_with_a_2xx_for_every_operation(
    tmp_path: Path,
) -> None:
    result = run_script("--report-dir", str(tmp_path))

    assert result.returncode == 0, result.stdout + result.stderr
    assert (
        f"CONTRACT PASSED: {ALL}/{ALL} operations answered 200, 0 failing case(s)" in result.stdout
    )
    rows = table_rows(result.stdout)
    assert set(rows) == {op.operation_id for op in operations().values()}
    for operation_id, (requests, successes, failures) in rows.items():
        assert int(requests) > 0, operation_id
        assert int(successes) > 0, operation_id
        assert failures == "0", operation_id
    junit = ET.parse(tmp_path / "junit.xml").getroot()  # noqa: S314 - our own run's report
    cases = {case.attrib["name"]: case for case in junit.iter("testcase")}
    assert set(cases) == set(rows), "one JUnit test case per operation"
    assert not [name for name, case in cases.items() if case.find("failure") is not None]
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert report["passed"] is True
    assert report["exit_code"] == 0
    assert set(report["operations"]) == set(rows)


@pytest.mark.slow
def test_url_mode_runs_the_same_suite_against_a_server_started_by_hand(tmp_path: Path) -> None:
    emulator = start_emulator(
        tmp_path / "by-hand.db",
        "--org",
        "staging-org",
        "--app",
        "staging-app",
        "--client-id",
        "staging-id",
        "--client-secret",
        "staging-secret",
        "--rate-limits",
        "off",
        log=tmp_path / "emulator.log",
    )
    try:
        result = run_script(
            "--url",
            emulator.base_url,
            "--client-id",
            "staging-id",
            "--client-secret",
            "staging-secret",
            "--max-examples",
            "5",
            "--report-dir",
            str(tmp_path / "report"),
        )
    finally:
        stop_emulator(emulator)

    assert result.returncode == 0, result.stdout + result.stderr
    assert f"CONTRACT PASSED: {ALL}/{ALL}" in result.stdout
    assert "staging-org/staging-app" in (tmp_path / "report" / "events.ndjson").read_text()


@pytest.mark.slow
def test_a_wrong_token_fails_the_run(tmp_path: Path) -> None:
    emulator = start_emulator(tmp_path / "wrong-token.db", "--rate-limits", "off")
    try:
        result = run_script(
            "--url",
            emulator.base_url,
            "--token",
            "YWMt" + "A" * 64,
            "--max-examples",
            "3",
            "--phases",
            "examples",
            "--report-dir",
            str(tmp_path / "report"),
        )
    finally:
        stop_emulator(emulator)

    assert result.returncode == 3
    assert "the token was rejected" in result.stderr
    assert "answered 401" in result.stderr

"""The spec passes all three lint gates with zero findings of any severity."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
from openapi_spec_validator import OpenAPIV31SpecValidator, validate
from openapi_spec_validator.readers import read_from_filename

REPO_ROOT = Path(__file__).resolve().parents[2]
SPEC = REPO_ROOT / "openapi.yaml"
NODE_BIN = REPO_ROOT / "node_modules" / ".bin"
LINT_TIMEOUT_SECONDS = 120


def run_node_tool(tool: str, *args: str) -> subprocess.CompletedProcess[str]:
    executable = NODE_BIN / tool
    if not executable.exists():
        pytest.fail(f"{executable} is missing; run ./scripts/bootstrap")
    return subprocess.run(
        [str(executable), *args],
        cwd=REPO_ROOT,
        env={**os.environ, "REDOCLY_TELEMETRY": "off", "NO_COLOR": "1"},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=LINT_TIMEOUT_SECONDS,
        check=False,
    )


def test_openapi_spec_validator_accepts_the_spec_as_openapi_3_1() -> None:
    spec, base_uri = read_from_filename(str(SPEC))

    validate(spec, base_uri=base_uri, cls=OpenAPIV31SpecValidator)


def test_spectral_oas_ruleset_reports_nothing(tmp_path: Path) -> None:
    # Spectral prints a summary line on stdout after the JSON, so the report goes to a file.
    report = tmp_path / "spectral.json"
    result = run_node_tool(
        "spectral",
        "lint",
        str(SPEC),
        "--ruleset",
        str(REPO_ROOT / ".spectral.yaml"),
        "--fail-severity",
        "warn",
        "--format",
        "json",
        "--output",
        str(report),
    )

    assert report.exists(), f"spectral wrote no report:\n{result.stdout}\n{result.stderr}"
    findings: list[dict[str, Any]] = json.loads(report.read_text())
    described = "\n".join(
        f"  {'.'.join(map(str, f['path']))}: [{f['code']}] {f['message']}" for f in findings
    )
    assert findings == [], f"spectral reported {len(findings)} finding(s):\n{described}"
    assert result.returncode == 0, result.stderr


def test_redocly_recommended_ruleset_reports_nothing() -> None:
    # JSON goes to stdout; the Node 20 deprecation banner and progress lines go to stderr.
    result = run_node_tool("redocly", "lint", str(SPEC), "--format=json")

    try:
        report: dict[str, Any] = json.loads(result.stdout)
    except json.JSONDecodeError:
        pytest.fail(f"redocly output is not JSON:\n{result.stdout}\n{result.stderr}")
    described = "\n".join(
        f"  {p['location'][0]['pointer']}: [{p['severity']} {p['ruleId']}] {p['message']}"
        for p in report["problems"]
    )
    assert report["problems"] == [], f"redocly reported:\n{described}"
    assert report["totals"] == {"errors": 0, "warnings": 0, "ignored": 0}
    assert result.returncode == 0, result.stderr

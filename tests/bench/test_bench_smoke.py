"""The benchmark command runs end to end on a tiny load and writes its table.

No timing is asserted here (timing goals live in bench/RESULTS.md): this only proves that
``./bench/run --quick`` still starts every server, drives every measurement and reports it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
LOAD_ROWS = {(row, conns) for row in ("1", "2", "3", "3b", "6") for conns in ("16", "64")}


@pytest.mark.slow
@pytest.mark.skipif(
    shutil.which("wrk") is None and os.geteuid() != 0,
    reason="wrk is missing and only root may let bench/run install it",
)
def test_quick_benchmark_writes_a_table(tmp_path: Path) -> None:
    output = tmp_path / "RESULTS.md"
    completed = subprocess.run(
        [
            str(REPO_ROOT / "bench" / "run"),
            "--quick",
            "--output",
            str(output),
            "--out-dir",
            str(tmp_path / "out"),
        ],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout[-5000:] + completed.stderr[-5000:]
    table = output.read_text(encoding="utf-8")
    for heading in ("### Load", "### Client overhead", "### Contract-suite cost", "### Targets"):
        assert heading in table, table
    load = [
        [cell.strip() for cell in line.strip("|").split("|")]
        for line in table.split("### Load", 1)[1].split("###", 1)[0].splitlines()
        if line.startswith("| ") and line.split("|")[1].strip()[:1].isdigit()
    ]
    assert {(cells[0], cells[2]) for cells in load} == LOAD_ROWS, table
    assert all(cells[-1] == "0" for cells in load), table  # no non-2xx answer, no socket error
    assert "### Conditions" in table
    assert table.split("### Load", 1)[1] in completed.stdout  # the same table is printed

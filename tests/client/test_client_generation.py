"""generated/ is exactly what ./scripts/generate-client makes from openapi.yaml, and it type-checks.

The script runs with ``--spec``/``--output`` pointed at temporary copies wherever a test needs to
change something, so the repository is never touched.
"""

from __future__ import annotations

import filecmp
import shutil
import subprocess
import sys
from pathlib import Path

from .conftest import mypy_strict

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "generate_client.py"
SPEC = REPO / "openapi.yaml"
GENERATED = REPO / "generated"


def run_script(*args: str | Path) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, SCRIPT, *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    print(
        result.stdout, result.stderr, sep="\n"
    )  # the generation time, shown with -s or on failure
    return result


def files_under(root: Path) -> list[str]:
    return sorted(
        path.relative_to(root).as_posix()
        for path in root.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    )


def test_generated_is_up_to_date_with_openapi_yaml() -> None:
    result = run_script("--check")
    assert result.returncode == 0, result.stderr


def test_check_fails_naming_the_command_after_a_one_character_spec_edit(tmp_path: Path) -> None:
    original = "Push nickname, at most 100 characters of any text."
    spec = SPEC.read_text(encoding="utf-8")
    assert spec.count(original) == 1
    edited = tmp_path / "openapi.yaml"
    edited.write_text(spec.replace(original, original.replace("any", "amy")), encoding="utf-8")

    result = run_script("--check", "--spec", edited)

    assert result.returncode == 1, result.stdout + result.stderr
    assert "differs: agora_chat_client/models/push_profile_request.py" in result.stderr
    assert f"Run: ./scripts/generate-client --spec {edited}" in result.stderr


def test_check_fails_on_a_hand_edit_of_the_output(tmp_path: Path) -> None:
    copy = tmp_path / "generated"
    shutil.copytree(GENERATED, copy, ignore=shutil.ignore_patterns("__pycache__"))
    (copy / "agora_chat_client" / "hand_written.py").write_text("X = 1\n", encoding="utf-8")

    result = run_script("--check", "--output", copy)

    assert result.returncode == 1
    assert "not generated any more: agora_chat_client/hand_written.py" in result.stderr
    assert "Run: ./scripts/generate-client --output" in result.stderr


def test_generation_is_deterministic(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    assert run_script("--output", first).returncode == 0
    assert run_script("--output", second).returncode == 0

    names = files_under(first)
    assert names == files_under(second)
    assert "agora_chat_client/client.py" in names
    match, mismatch, errors = filecmp.cmpfiles(first, second, names, shallow=False)
    assert (mismatch, errors) == ([], [])
    assert len(match) == len(names)


def test_generated_package_passes_mypy_strict() -> None:
    result = mypy_strict("generated/agora_chat_client", cache="generated-strict", cwd=REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success: no issues found" in result.stdout

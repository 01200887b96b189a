"""agora-chat-contract as other teams meet it: the built wheel with its ``contract`` extra in a
fresh venv outside the repository (no checkout on sys.path, no npm on PATH), against an emulator
left at its default settings (rate limits on)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from agora_chat_emulator.process import RunningEmulator, start_emulator, stop_emulator

REPO_ROOT = Path(__file__).resolve().parents[2]
UV = Path(sys.executable).with_name("uv")


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The ``agora-chat-contract`` executable of a fresh venv holding only the built wheel."""
    scratch = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [str(UV), "build", "--wheel", "--out-dir", str(scratch), str(REPO_ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = scratch.glob("agora_chat_emulator-*.whl")
    venv = scratch / "venv"
    subprocess.run([str(UV), "venv", "--quiet", str(venv)], check=True, capture_output=True)
    subprocess.run(
        [
            str(UV),
            "pip",
            "install",
            "--quiet",
            "--python",
            str(venv / "bin" / "python"),
            f"{wheel}[contract]",
        ],
        check=True,
        capture_output=True,
    )
    return venv / "bin" / "agora-chat-contract"


@pytest.fixture
def target(tmp_path: Path) -> Iterator[RunningEmulator]:
    emulator = start_emulator(tmp_path / "target.db", log=tmp_path / "emulator.log")
    try:
        yield emulator
    finally:
        stop_emulator(emulator)


def run_installed(command: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    path = os.pathsep.join(
        part for part in os.environ["PATH"].split(os.pathsep) if not (Path(part) / "npm").exists()
    )
    return subprocess.run(
        [str(command), "run", *args],
        cwd=cwd,
        env={"PATH": path, "HOME": str(cwd)},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )


@pytest.mark.slow
def test_credentials_against_a_rate_limited_target_pass_with_200_from_every_operation(
    installed: Path, target: RunningEmulator, tmp_path: Path
) -> None:
    result = run_installed(
        installed,
        tmp_path,
        "--url",
        target.base_url,
        "--client-id",
        target.client_id,
        "--client-secret",
        target.client_secret,
    )

    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-3000:]
    assert "CONTRACT PASSED: 23/23 operations answered 200, 0 failing case(s)" in result.stdout


@pytest.mark.slow
def test_a_token_alone_passes(installed: Path, target: RunningEmulator, tmp_path: Path) -> None:
    result = run_installed(installed, tmp_path, "--url", target.base_url, "--token", target.token)

    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-3000:]
    assert "POST /token: 200 not required (no client credentials given" in result.stdout
    assert "CONTRACT PASSED: 22/23 operations answered 200, 0 failing case(s)" in result.stdout


def test_a_wrong_token_fails_fast_in_one_line_naming_the_401(
    installed: Path, target: RunningEmulator, tmp_path: Path
) -> None:
    started = time.monotonic()
    result = run_installed(installed, tmp_path, "--url", target.base_url, "--token", "YWMtwrong")
    elapsed = time.monotonic() - started

    assert result.returncode == 3
    assert elapsed < 15
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert "answered 401 auth_bad_access_token" in line
    assert "Traceback" not in result.stderr

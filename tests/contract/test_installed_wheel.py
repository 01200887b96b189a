"""agora-chat-contract as other teams meet it: the built wheel with its ``contract`` extra in a
fresh venv outside the repository (no checkout on sys.path, no npm on PATH), against an emulator
left at its default settings (rate limits on) that already holds an app's own data."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from agora_chat_contract.proxy import RunningProxy
from agora_chat_emulator.process import RunningEmulator, start_emulator, stop_emulator
from agora_chat_emulator.spec import operations

ALL = len(operations())
"""Operations in openapi.yaml; /token needs client credentials to answer 200."""
REPO_ROOT = Path(__file__).resolve().parents[2]
UV = Path(sys.executable).with_name("uv")
# What the app held before the run: every table but the tokens the run itself is issued.
STATE_TABLES = (
    "users",
    "push_settings",
    "push_bindings",
    "languages",
    "templates",
    "rooms",
    "members",
    "attributes",
)


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
    """An emulator at its defaults, holding data of the app's own under the fixture's names."""
    emulator = start_emulator(tmp_path / "target.db", log=tmp_path / "emulator.log")
    headers = emulator.auth_headers
    base = emulator.base_url
    with httpx.Client(base_url=base, headers=headers, timeout=10) as client:
        for call in (
            client.post("/users", json=[{"username": "alice"}, {"username": "bob"}]),
            client.put("/users/alice", json={"nickname": "The real Alice"}),
            client.post(
                "/chatrooms",
                json={"name": "Ops", "description": "d", "owner": "alice", "members": ["bob"]},
            ),
            client.post(
                "/notification/template",
                json={"name": "hello", "title_pattern": "t", "content_pattern": "c"},
            ),
        ):
            assert call.status_code == 200, call.text
    try:
        yield emulator
    finally:
        stop_emulator(emulator)


def app_state(emulator: RunningEmulator, db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row the app holds, read from the emulator's own file (WAL readers see commits)."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
        return {
            table: sorted(connection.execute(f"SELECT * FROM {table}").fetchall())  # noqa: S608
            for table in STATE_TABLES
        }


def installed_environment(cwd: Path) -> dict[str, str]:
    path = os.pathsep.join(
        part for part in os.environ["PATH"].split(os.pathsep) if not (Path(part) / "npm").exists()
    )
    return {"PATH": path, "HOME": str(cwd)}


def run_installed(command: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(command), "run", *args],
        cwd=cwd,
        env=installed_environment(cwd),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )


def credentials(target: RunningEmulator) -> tuple[str, ...]:
    return (
        "--url",
        target.base_url,
        "--client-id",
        target.client_id,
        "--client-secret",
        target.client_secret,
    )


@pytest.mark.slow
def test_credentials_against_a_rate_limited_target_pass_and_leave_it_as_it_was(
    installed: Path, target: RunningEmulator, tmp_path: Path
) -> None:
    db = tmp_path / "target.db"
    before = app_state(target, db)

    result = run_installed(installed, tmp_path, *credentials(target))

    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-3000:]
    assert (
        f"CONTRACT PASSED: {ALL}/{ALL} operations answered 200, 0 failing case(s)" in result.stdout
    )
    assert app_state(target, db) == before
    report = json.loads((tmp_path / "reports" / "contract" / "report.json").read_text())
    assert report["passed"] is True
    assert report["cleanup_problems"] == []


@pytest.mark.slow
def test_a_token_alone_passes(installed: Path, target: RunningEmulator, tmp_path: Path) -> None:
    result = run_installed(installed, tmp_path, "--url", target.base_url, "--token", target.token)

    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-3000:]
    assert "200 not required: no client credentials given" in result.stdout
    assert (
        f"CONTRACT PASSED: {ALL - 1}/{ALL - 1} operations answered 200, 0 failing case(s)"
        in result.stdout
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    "selection",
    [("--phases", "examples"), ("--include-operation-id", "getPushTemplate")],
    ids=["examples-phase", "one-operation"],
)
def test_a_subset_passes_on_a_healthy_target(
    installed: Path, target: RunningEmulator, tmp_path: Path, selection: tuple[str, str]
) -> None:
    result = run_installed(installed, tmp_path, *credentials(target), *selection)

    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-3000:]
    assert "CONTRACT PASSED" in result.stdout


@pytest.mark.slow
def test_an_interrupted_run_cleans_up_and_exits_130(
    installed: Path, target: RunningEmulator, tmp_path: Path
) -> None:
    db = tmp_path / "target.db"
    before = app_state(target, db)
    process = subprocess.Popen(
        [str(installed), "run", *credentials(target)],
        cwd=tmp_path,
        env=installed_environment(tmp_path),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    # Interrupt once schemathesis has started sending (the run has created its data by then).
    events = tmp_path / "reports" / "contract" / "events.ndjson"
    deadline = time.monotonic() + 120
    while not (events.exists() and events.stat().st_size > 10_000):
        assert process.poll() is None, process.communicate()[0][-3000:]
        assert time.monotonic() < deadline, "schemathesis never started"
        time.sleep(0.2)
    process.send_signal(signal.SIGINT)
    output, _ = process.communicate(timeout=120)

    assert process.returncode == 130, output[-3000:]
    assert "SIGINT received, cleaning up" in output
    assert "Traceback" not in output
    assert app_state(target, db) == before


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


def test_the_installed_proxy_forwards_unchanged_and_exits_0_without_violations(
    installed: Path, target: RunningEmulator, tmp_path: Path
) -> None:
    report = tmp_path / "report.ndjson"
    options = ["--listen", "127.0.0.1:0", "--report", str(report), "--fail-on-violation"]
    process = subprocess.Popen(
        [str(installed), "proxy", "--upstream", target.root_url, *options],
        cwd=tmp_path,
        env=installed_environment(tmp_path),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        text=True,
    )
    ready = process.stdout.readline() if process.stdout is not None else ""
    proxy = RunningProxy(process, ready.split()[2])
    path = f"/{target.org}/{target.app}/users/alice"
    through = httpx.get(proxy.url + path, headers=target.auth_headers)
    direct = httpx.get(target.root_url + path, headers=target.auth_headers)
    code, table = proxy.stop()

    assert through.status_code == 200, ready
    assert through.json()["entities"] == direct.json()["entities"]
    assert (code, report.read_text()) == (0, ""), table
    assert "getUser" in table

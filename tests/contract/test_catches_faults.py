"""The contract run is shown to catch real faults: each entry of the fault catalogue
(``faults.py``) serves a deliberately broken variant of the emulator, and the run must fail with
the check the entry names."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import httpx
import pytest
import uvicorn
from faults import CATALOGUE, PREFIX, Fault, Wrap, editing

from agora_chat_contract.report import ContractResult
from agora_chat_contract.runner import Options, Target, run_contract
from agora_chat_emulator.app import Emulator, create_app
from agora_chat_emulator.config import Settings

SETTINGS = Settings(
    client_id="fault-id",
    client_secret="fault-secret",  # noqa: S106 - the test app's own
    rate_limits=False,
)


@contextmanager
def served(wrap: Wrap, tmp_path: Path, *, certificate: Path | None = None) -> Iterator[Target]:
    """Serve a broken variant of a fresh emulator over loopback HTTP in a background thread
    (HTTPS with ``certificate``, a PEM file of the key and the certificate chain)."""
    app = create_app(replace(SETTINGS, db=str(tmp_path / "faulty.db")))
    emulator: Emulator = app.state.emulator
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    scheme = "https" if certificate else "http"
    server = uvicorn.Server(
        uvicorn.Config(
            wrap(emulator.app, emulator),
            log_level="critical",
            lifespan="off",
            ssl_certfile=certificate,
        )
    )
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("faulty emulator did not start")
        time.sleep(0.02)
    try:
        token = emulator.store.issue_token(
            "client_credentials", SETTINGS.client_id, SETTINGS.client_secret, None
        )
        yield Target(
            f"{scheme}://127.0.0.1:{port}/{SETTINGS.org}/{SETTINGS.app}",
            token.token,
            SETTINGS.client_id,
            SETTINGS.client_secret,
        )
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        listener.close()
        emulator.close()


def run_against(fault: Fault, tmp_path: Path) -> ContractResult:
    selection: list[str] = []
    for operation_id in fault.operation_ids:
        selection += ["--include-operation-id", operation_id]
    options = Options(
        report_dir=tmp_path / "report",
        max_examples=5,
        phases=fault.phases,
        pacing=False,
        prefix=PREFIX,
        st_args=tuple(selection),
    )
    with served(fault.wrap, tmp_path) as target:
        return run_contract(target, options, echo=lambda _line: None)


@pytest.mark.slow
@pytest.mark.parametrize("fault", CATALOGUE, ids=[fault.name for fault in CATALOGUE])
def test_the_fault_is_caught_by_the_named_check(fault: Fault, tmp_path: Path) -> None:
    result = run_against(fault, tmp_path)

    assert not result.passed, result.verdict()
    log = (tmp_path / "report" / "schemathesis.log").read_text(encoding="utf-8")
    assert fault.caught_by in result.failed_checks, (
        f"expected {fault.caught_by}; failed checks: {sorted(result.failed_checks)}\n{log[-4000:]}"
    )


def test_the_fault_harness_serves_the_unbroken_emulator_cleanly(tmp_path: Path) -> None:
    """Guard against false positives: the harness itself must not break anything."""
    with served(editing(lambda _scope, status, body: (status, body)), tmp_path) as target:
        response = httpx.get(
            f"{target.base_url}/users/nobody",
            headers={"Authorization": f"Bearer {target.token}"},
        )
    assert response.status_code == 404
    assert response.json()["error"] == "service_resource_not_found"

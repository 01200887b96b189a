"""Bounds of ``serve`` against hostile clients: huge heads, stalled requests, idle-socket floods,
aborted bodies, malformed HTTP and signals (``server.BoundedHttpToolsProtocol``, ``server.Server``).

Each test runs its own emulator process, talking raw HTTP over sockets.
"""

from __future__ import annotations

import json
import resource
import signal
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from agora_chat_emulator.process import RunningEmulator, start_emulator, stop_emulator

READ_TIMEOUT_S = 1.0
UNLIMITED = ("--rate-limits", "off")  # the soaks count answers, not the per-second buckets


@contextmanager
def emulator(db: Path, *args: str, log: Path | None = None) -> Iterator[RunningEmulator]:
    running = start_emulator(db, "--read-timeout", str(READ_TIMEOUT_S), *args, log=log)
    try:
        yield running
    finally:
        stop_emulator(running)


def address(running: RunningEmulator) -> tuple[str, int]:
    host, port = running.root_url.removeprefix("http://").rsplit(":", 1)
    return host, int(port)


def exchange(running: RunningEmulator, raw: bytes) -> tuple[int, bytes]:
    """Send ``raw``, read until the server closes; the status code and body of its answer."""
    with socket.create_connection(address(running), timeout=10) as sock:
        sock.sendall(raw)
        received = b""
        while chunk := sock.recv(65536):
            received += chunk
    head, _, body = received.partition(b"\r\n\r\n")
    return int(head.split(b" ", 2)[1]), body


def health_ok(running: RunningEmulator) -> bool:
    return httpx.get(f"{running.root_url}/_emulator/health", timeout=5).status_code == 200


def test_header_over_limit_is_refused(tmp_path: Path) -> None:
    with emulator(tmp_path / "e.db") as running:
        huge = b"GET /_emulator/health HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 40_000 + b"\r\n\r\n"
        many = b"GET /_emulator/health HTTP/1.1\r\nHost: x\r\n"
        many += b"".join(b"X-%d: v\r\n" % i for i in range(150)) + b"\r\n"
        for raw in (huge, many):
            status, body = exchange(running, raw)
            assert status == 431
            assert json.loads(body)["error"] == "request_header_fields_too_large"
        fitting = b"GET /_emulator/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
        status, _ = exchange(running, fitting + b"X-Fits: " + b"a" * 16_000 + b"\r\n\r\n")
        assert status == 200


def test_malformed_http_gets_the_service_json_error_body(tmp_path: Path) -> None:
    with emulator(tmp_path / "e.db") as running:
        for raw in (
            b"NOT HTTP AT ALL\r\n\r\n",
            b"POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n"
            b"Transfer-Encoding: chunked\r\n\r\n",
        ):
            status, body = exchange(running, raw)
            assert status == 400
            error = json.loads(body)
            assert error["error"] == "bad_request"
            assert set(error) >= {"exception", "timestamp", "duration", "error_description"}


def test_half_open_connection_closed_after_header_timeout(tmp_path: Path) -> None:
    with emulator(tmp_path / "e.db") as running:
        silent = socket.create_connection(address(running), timeout=10)
        partial = socket.create_connection(address(running), timeout=10)
        mid_body = socket.create_connection(address(running), timeout=10)
        partial.sendall(b"GET /_emulator/health HTTP/1.1\r\nHost: local")
        mid_body.sendall(b"POST /_emulator/clock HTTP/1.1\r\nHost: localhost\r\n")
        mid_body.sendall(b"Content-Length: 100\r\n\r\n{")
        started = time.monotonic()
        for sock in (silent, partial, mid_body):
            with sock:
                assert sock.recv(65536) == b""  # closed by the server, without an answer
        waited = time.monotonic() - started
        assert READ_TIMEOUT_S * 0.5 <= waited < 8, waited
        assert health_ok(running)


def test_idle_socket_flood_under_ulimit_1024_keeps_health_answering(tmp_path: Path) -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    flood = 1100  # past the emulator's 1,024 descriptors
    if hard != resource.RLIM_INFINITY and hard < flood + 200:
        pytest.fail(f"the test needs {flood + 200} descriptors; the hard limit is {hard}")
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, flood + 200), hard))
    log = tmp_path / "server.log"
    idle: list[socket.socket] = []
    try:
        with emulator(tmp_path / "e.db", "--read-timeout", "60", *UNLIMITED, log=log) as running:
            # Both limits, so the emulator cannot raise its own (``ulimit -n 1024``).
            resource.prlimit(running.process.pid, resource.RLIMIT_NOFILE, (1024, 1024))
            for _ in range(flood):
                sock = socket.create_connection(address(running), timeout=10)
                sock.sendall(b"GET /_emulator/health HTTP/1.1\r\n")  # and never the rest
                idle.append(sock)
            with httpx.Client(base_url=running.base_url, headers=running.auth_headers) as http:
                statuses = [
                    http.get("/notification/template/missing").status_code for _ in range(50)
                ]
            assert set(statuses) == {400}, statuses
            assert health_ok(running)
    finally:
        for sock in idle:
            sock.close()
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    assert "Traceback" not in log.read_text()


def test_200_idle_half_open_sockets_leave_normal_requests_answered(tmp_path: Path) -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (1024, hard))
    try:
        running = start_emulator(tmp_path / "e.db", *UNLIMITED)  # default read timeout
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    idle = []
    try:
        for _ in range(200):
            sock = socket.create_connection(address(running), timeout=10)
            sock.sendall(b"POST /_emulator/reset HTTP/1.1\r\nContent-Length: 10\r\n\r\n{")
            idle.append(sock)
        with httpx.Client(base_url=running.base_url, headers=running.auth_headers) as http:
            statuses = [http.get("/users/nobody").status_code for _ in range(200)]
        assert set(statuses) == {404}, statuses
    finally:
        for sock in idle:
            sock.close()
        stop_emulator(running)


def test_client_abort_mid_body_is_one_info_line(tmp_path: Path) -> None:
    log = tmp_path / "server.log"
    with emulator(tmp_path / "e.db", "--log-level", "info", log=log) as running:
        head = f"PUT /{running.org}/{running.app}/users/alice HTTP/1.1\r\nHost: localhost\r\n"
        head += f"Authorization: Bearer {running.token}\r\nContent-Length: 1000\r\n\r\n"
        for _ in range(3):
            with socket.create_connection(address(running), timeout=10) as sock:
                sock.sendall(head.encode() + b'{"nickname": "')
                time.sleep(0.1)
        time.sleep(0.5)
        assert health_ok(running)
    text = log.read_text()
    assert "Traceback" not in text, text
    assert text.count("client disconnected after") == 3, text


def test_sigterm_with_half_sent_request_exits_0_and_checkpoints(tmp_path: Path) -> None:
    db = tmp_path / "e.db"
    running = start_emulator(db, "--rate-limits", "off")
    try:
        with httpx.Client(base_url=running.base_url, headers=running.auth_headers) as http:
            for batch in range(40):
                users = [{"username": f"u{batch}x{i}"} for i in range(60)]
                assert http.post("/users", json=users).status_code == 200
        wal = Path(f"{db}-wal")
        assert wal.stat().st_size > 0
        stalled = socket.create_connection(address(running), timeout=10)
        head = f"POST /{running.org}/{running.app}/users HTTP/1.1\r\nHost: localhost\r\n"
        stalled.sendall(head.encode() + b"Content-Length: 1000\r\n\r\n[")
        time.sleep(0.2)
        started = time.monotonic()
        running.process.send_signal(signal.SIGTERM)
        code = running.process.wait(timeout=15)
        took = time.monotonic() - started
        stalled.close()
    finally:
        stop_emulator(running)
    assert code == 0
    assert took < 6, took  # the grace period, not the stalled client, bounds it
    assert not wal.exists() or wal.stat().st_size == 0

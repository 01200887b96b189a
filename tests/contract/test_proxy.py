"""``agora-chat-contract proxy`` in front of the emulator and of the broken servers of the fault
catalogue (``faults.py``): what it reports, and that the traffic passes through unchanged."""

from __future__ import annotations

import asyncio
import gzip
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
import trustme
from faults import (
    CATALOGUE,
    PREFIX,
    ASGIApp,
    Message,
    Receive,
    Scope,
    Send,
    Wrap,
    rewrite_json,
    rewrite_response,
)
from test_catches_faults import SETTINGS, served

from agora_chat_contract.proxy import ProxyServer, start_proxy
from agora_chat_contract.proxy_app import Proxy
from agora_chat_contract.runner import Target
from agora_chat_emulator.app import Emulator
from agora_chat_emulator.server import listen
from agora_chat_emulator.spec import operations

HERE = Path(__file__).parent
COMMAND = Path(sys.executable).with_name("agora-chat-contract")


@dataclass
class Exchange:
    """One request as the upstream app received it and the response it sent."""

    method: str
    path: str
    request_headers: list[tuple[bytes, bytes]]
    body: bytes = b""
    status: int = 0
    headers: list[tuple[bytes, bytes]] = field(default_factory=list)
    response: bytes = b""


def recording(wrap: Wrap, log: list[Exchange]) -> Wrap:
    """``wrap``, with every exchange at the upstream's edge appended to ``log``."""

    def wrapped(app: ASGIApp, emulator: Emulator) -> ASGIApp:
        inner = wrap(app, emulator)

        async def record(scope: Scope, receive: Receive, send: Send) -> None:
            if scope["type"] != "http":
                await inner(scope, receive, send)
                return
            exchange = Exchange(scope["method"], scope["path"], list(scope["headers"]))
            log.append(exchange)

            async def tapped_receive() -> Message:
                message = await receive()
                exchange.body += message.get("body", b"")
                return message

            async def tapped_send(message: Message) -> None:
                if message["type"] == "http.response.start":
                    exchange.status = message["status"]
                    exchange.headers = list(message.get("headers", []))
                else:
                    exchange.response += message.get("body", b"")
                await send(message)

            await inner(scope, tapped_receive, tapped_send)

        return record

    return wrapped


@dataclass
class Proxied:
    url: str
    """The proxy's base URL for the app: http://127.0.0.1:PORT/ORG/APP."""
    report: Path
    target: Target
    upstream: list[Exchange]

    calls: int = 0

    @property
    def root(self) -> str:
        return self.url.rsplit("/", 2)[0]

    def summary(self) -> dict[str, Any]:
        summary: dict[str, Any] = httpx.get(f"{self.root}/_proxy/summary").json()
        return summary

    def lines(self) -> list[dict[str, Any]]:
        """The report once every call has been recorded (that happens after its response)."""
        deadline = time.monotonic() + 10
        while self.summary()["requests"] < self.calls:
            assert time.monotonic() < deadline, "the proxy did not record every call"
            time.sleep(0.01)
        text = self.report.read_text(encoding="utf-8")
        return [json.loads(line) for line in text.splitlines()]

    def call(
        self, method: str, suffix: str, *, url: str | None = None, auth: bool = True, **kwargs: Any
    ) -> httpx.Response:
        """A request through the proxy (to the app's path, or to ``url``)."""
        self.calls += 1
        headers = {"Authorization": f"Bearer {self.target.token}"} if auth else {}
        return httpx.request(
            method, url or self.url + suffix, headers=headers, timeout=10, **kwargs
        )

    def direct(self, method: str, suffix: str, **kwargs: Any) -> httpx.Response:
        headers = {"Authorization": f"Bearer {self.target.token}"}
        return httpx.request(method, self.target.base_url + suffix, headers=headers, **kwargs)


@contextmanager
def proxied(wrap: Wrap, tmp_path: Path, *, block: bool = False) -> Iterator[Proxied]:
    """A broken emulator (``served``) with the proxy in front, both on loopback."""
    upstream: list[Exchange] = []
    with served(recording(wrap, upstream), tmp_path) as target:
        root = target.base_url.rsplit("/", 2)[0]
        report_path = tmp_path / "violations.ndjson"
        with report_path.open("a", encoding="utf-8") as report:
            proxy = Proxy(root, report, block_invalid_requests=block)
            listener = listen("127.0.0.1", 0)
            server = ProxyServer(proxy, log_level="critical")
            thread = threading.Thread(
                target=asyncio.run, args=(server.serve_on(listener),), daemon=True
            )
            thread.start()
            deadline = time.monotonic() + 10
            while not server.started:
                assert time.monotonic() < deadline, "proxy did not start"
                time.sleep(0.02)
            port = listener.getsockname()[1]
            app_path = target.base_url.removeprefix(root)
            try:
                yield Proxied(f"http://127.0.0.1:{port}{app_path}", report_path, target, upstream)
            finally:
                server.should_exit = True
                thread.join(timeout=10)
                listener.close()
        text = report_path.read_text(encoding="utf-8")
        assert target.token not in text, "a token reached the report"


def unchanged(response: httpx.Response, exchange: Exchange) -> None:
    """The client got exactly what the upstream app sent. The upstream's uvicorn adds date and
    server; transfer-encoding is framing, chosen anew on each connection."""
    assert response.status_code == exchange.status
    assert response.content == exchange.response
    sent = [(name.lower(), value) for name, value in exchange.headers]
    got = [
        (name.lower(), value)
        for name, value in response.headers.raw
        if name.lower() not in {b"date", b"server", b"transfer-encoding"}
    ]
    assert got == sent


def register(session: Proxied, username: str) -> None:
    assert session.direct("POST", "/users", json=[{"username": username}]).status_code == 200


UNBROKEN: Wrap = lambda app, _emulator: app  # noqa: E731 - reads as the catalogue's entries

# What each fault's traffic is: the call that meets the fault and the report line it must cause.
FAULT_TRAFFIC: dict[str, tuple[str, str, dict[str, Any], str, str]] = {
    "response field of the wrong type": (
        "GET",
        f"/users/{PREFIX}alice",
        {},
        "schema",
        "/entities/0/created",
    ),
    "required response field missing": (
        "GET",
        f"/users/{PREFIX}alice/notification/language",
        {},
        "schema",
        "/data",
    ),
    "undocumented status code": (
        "GET",
        "/notification/template/nosuch",
        {},
        "undocumented_status",
        "",
    ),
    "500 on valid input": (
        "PUT",
        f"/users/{PREFIX}alice",
        {"json": {"nickname": "Alice"}},
        "undocumented_status",
        "",
    ),
    "non-200 success code": (
        "POST",
        "/chatrooms",
        {"json": {"name": "Tea", "description": "Tea talk", "owner": f"{PREFIX}alice"}},
        "undocumented_status",
        "",
    ),
}


@pytest.mark.parametrize(
    "fault",
    [fault for fault in CATALOGUE if fault.name in FAULT_TRAFFIC],
    ids=[fault.name for fault in CATALOGUE if fault.name in FAULT_TRAFFIC],
)
def test_each_fault_is_reported_with_its_kind_and_reaches_the_client_unchanged(
    fault: Any, tmp_path: Path
) -> None:
    method, suffix, kwargs, kind, pointer = FAULT_TRAFFIC[fault.name]
    with proxied(fault.wrap, tmp_path) as session:
        register(session, f"{PREFIX}alice")
        response = session.call(method, suffix, **kwargs)
        lines = session.lines()
        exchange = session.upstream[-1]

    unchanged(response, exchange)
    assert [(line["operationId"], line["direction"], line["kind"]) for line in lines] == [
        (fault.operation_ids[0], "response", kind)
    ], lines
    assert lines[0]["pointer"] == pointer
    assert lines[0]["status"] == response.status_code
    assert lines[0]["path"] == httpx.URL(session.url + suffix).path


def test_an_invalid_body_is_reported_as_a_request_violation_and_still_forwarded(
    tmp_path: Path,
) -> None:
    with proxied(UNBROKEN, tmp_path) as session:
        register(session, "alice")
        response = session.call(
            "PUT", "/users/alice", json={"nickname": "Alice", "notification_display_style": 7}
        )
        lines = session.lines()
        exchange = session.upstream[-1]

    unchanged(response, exchange)
    assert exchange.method == "PUT"
    assert json.loads(exchange.body)["notification_display_style"] == 7
    assert response.status_code == 400
    assert [(line["direction"], line["kind"], line["pointer"]) for line in lines] == [
        ("request", "schema", "/notification_display_style")
    ]
    assert lines[0]["operationId"] == "setPushProfile"
    assert lines[0]["forwarded"] is True


def test_an_oversized_valid_body_gets_the_documented_413_and_no_violation(tmp_path: Path) -> None:
    # Unknown fields are allowed (D4), so a valid body can be larger than any server accepts;
    # every operation documents the 413 the emulator answers (D121).
    body = {"nickname": "Alice", "padding": "x" * (1024 * 1024)}
    with proxied(UNBROKEN, tmp_path) as session:
        register(session, "alice")
        response = session.call("PUT", "/users/alice", json=body)
        lines = session.lines()
        exchange = session.upstream[-1]

    unchanged(response, exchange)
    assert response.status_code == 413
    assert lines == []


def test_with_block_invalid_requests_the_service_error_comes_from_the_proxy(
    tmp_path: Path,
) -> None:
    body = {"nickname": "Alice", "notification_display_style": 7}
    with proxied(UNBROKEN, tmp_path, block=True) as session:
        register(session, "alice")
        seen = len(session.upstream)
        response = session.call("PUT", "/users/alice", json=body)
        unseen = session.upstream[seen:]
        service = session.direct("PUT", "/users/alice", json=body).json()
        lines = session.lines()

    assert unseen == [], "the upstream saw the blocked request"
    assert response.status_code == 400
    refused = response.json()
    assert {k: v for k, v in refused.items() if k not in {"timestamp", "duration"}} == {
        k: v for k, v in service.items() if k not in {"timestamp", "duration"}
    }
    assert [(line["kind"], line["forwarded"], line["status"]) for line in lines] == [
        ("schema", False, 400)
    ]


def test_with_block_invalid_requests_a_missing_token_gets_the_service_401(tmp_path: Path) -> None:
    with proxied(UNBROKEN, tmp_path, block=True) as session:
        seen = len(session.upstream)
        response = session.call("GET", "/users/alice", auth=False)
        unseen = session.upstream[seen:]
        service = httpx.get(f"{session.target.base_url}/users/alice").json()

    assert unseen == []
    assert response.status_code == 401
    assert response.json()["error_description"] == service["error_description"]


def test_both_server_prefixes_are_matched_and_unknown_paths_are_reported(tmp_path: Path) -> None:
    with proxied(UNBROKEN, tmp_path) as session:
        register(session, "alice")
        assert session.call("GET", "/users/alice").status_code == 200
        by_app_id = session.call(
            "GET", "", url=f"{session.root}/app-id/{SETTINGS.app_id}/users/alice"
        )
        unknown = session.call("GET", "/users/alice/contacts")
        lines = session.lines()
        summary = session.summary()

    assert by_app_id.status_code == 200
    assert unknown.status_code == 404
    assert summary["operations"]["getUser"]["requests"] == 2
    assert summary["operations"]["unknown_operation"] == {
        "requests": 1,
        "violations": {"unknown_operation": 1},
    }
    assert [line["kind"] for line in lines] == ["unknown_operation"]


def token_as_list(scope: Scope, status: int, body: Any) -> tuple[int, Any]:
    if scope["path"].endswith("/token"):
        return status, [body]
    return status, body


def test_secrets_of_a_reported_body_are_redacted(tmp_path: Path) -> None:
    secret = "s3cret-the-report-must-not-show"  # noqa: S105 - the value the test looks for
    with proxied(lambda app, _emulator: rewrite_json(app, token_as_list), tmp_path) as session:
        answer = session.call(
            "POST",
            "/token",
            auth=False,
            json={
                "grant_type": "client_credentials",
                "client_id": session.target.client_id,
                "client_secret": session.target.client_secret,
            },
        )
        refused = session.call(
            "POST",
            "/token",
            auth=False,
            json=[{"grant_type": "client_credentials", "client_id": "a", "client_secret": secret}],
        )
        text = json.dumps(session.lines())

    token = answer.json()[0]["access_token"]
    assert refused.status_code == 400
    assert token not in text
    assert secret not in text
    assert str(session.target.client_secret) not in text
    assert "[REDACTED]" in text


def test_the_command_exits_1_on_sigterm_with_fail_on_violation_after_one(tmp_path: Path) -> None:
    report = tmp_path / "report.ndjson"
    proxy = start_proxy("http://127.0.0.1:9", "--report", str(report), "--fail-on-violation")
    response = httpx.get(
        f"{proxy.url}/demo-org/demo-app/users/alice", headers={"Authorization": "Bearer t"}
    )
    code, out = proxy.stop()

    assert response.status_code == 502
    assert code == 1, out
    assert "getUser" in out
    assert "upstream_error 1" in out
    assert [json.loads(line)["kind"] for line in report.read_text().splitlines()] == [
        "upstream_error"
    ]


# Client tests that send input the spec refuses on purpose (to see the service's 400): through
# the proxy they are, correctly, request violations, so the zero-violation run leaves them out.
DELIBERATELY_INVALID = (
    "test_set_notification_setting_out_of_range_is_a_400_error_body",
    "test_set_chatroom_attributes_over_ten_pairs_is_a_400_error_body",
)


@pytest.mark.slow
def test_the_client_suite_passes_through_the_proxy_with_zero_violations(tmp_path: Path) -> None:
    report = tmp_path / "report.ndjson"
    repo = Path(__file__).parents[2]
    tests = "tests/client/test_client_operations.py"
    # The batch add (addChatroomMembers) has its client test beside the other fidelity rules.
    more_tests = "tests/client/test_client_fidelity.py"
    credential_tests = "tests/client/test_client_user_tokens.py"
    deselect = [arg for name in DELIBERATELY_INVALID for arg in ("--deselect", f"{tests}::{name}")]
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            tests,
            more_tests,
            credential_tests,
            "-q",
            "-p",
            "no:agora_chat_emulator",
            "-p",
            "proxied_session",
            "-p",
            "no:cacheprovider",
            *deselect,
        ],
        cwd=repo,
        env={**os.environ, "PYTHONPATH": str(HERE), "PROXY_REPORT": str(report)},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    proxy_exit, proxy_out = report.with_suffix(".exit").read_text().split("\n", 1)

    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert report.read_text() == ""
    assert proxy_exit == "0", proxy_out  # --fail-on-violation: 1 after any violation
    called = {line.split()[0] for line in proxy_out.splitlines()[1:-1]}
    assert called == set(operations()), "every operation went through the proxy"


def counting_body(_app: ASGIApp, _emulator: Emulator) -> ASGIApp:
    """An upstream that reads the whole body and answers with its size."""

    async def count(scope: Scope, receive: Receive, send: Send) -> None:
        size, more = 0, True
        while more:
            message = await receive()
            size += len(message.get("body", b""))
            more = message.get("more_body", False)
        body = json.dumps({"size": size}).encode()
        headers = [(b"content-type", b"application/json")]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    return count


def test_a_body_over_the_checked_size_streams_through_unchecked(tmp_path: Path) -> None:
    big = b'{"nickname": "' + b"a" * (5 * 1024 * 1024) + b'"}'
    with proxied(counting_body, tmp_path) as session:
        response = session.call("PUT", "/users/alice", content=big)
        lines = session.lines()

    assert response.json() == {"size": len(big)}
    assert [line for line in lines if line["direction"] == "request"] == []


def test_request_headers_reach_the_upstream_as_sent_with_nothing_added(tmp_path: Path) -> None:
    """No Content-Type, User-Agent, Accept or Accept-Encoding of the proxy's own: real clients
    send a PUT without Content-Type (sdk-wire-formats.md). Repeated headers stay repeated."""
    body = b'{"nickname": "Alice"}'
    with proxied(UNBROKEN, tmp_path) as session:
        register(session, "alice")
        sent = [
            (b"authorization", f"Bearer {session.target.token}".encode()),
            (b"x-request-id", b"r-1"),
            (b"x-request-id", b"r-2"),
            (b"content-length", str(len(body)).encode()),
        ]
        session.calls += 1
        with httpx.Client() as client:
            request = client.build_request("PUT", session.url + "/users/alice", content=body)
            request.headers = httpx.Headers([(b"host", httpx.URL(session.url).netloc), *sent])
            response = client.send(request)
        lines = session.lines()
        exchange = session.upstream[-1]

    assert response.status_code == 200, response.text
    assert lines == []
    assert [header for header in exchange.request_headers if header[0] != b"host"] == sent


def gzipped(app: ASGIApp, _emulator: Emulator) -> ASGIApp:
    """The emulator with every response body gzip-encoded, as a deployment behind a
    compressing gateway answers."""

    def compress(_scope: Scope, start: Message, body: bytes) -> tuple[Message, bytes]:
        headers = [*start.get("headers", []), (b"content-encoding", b"gzip")]
        return {**start, "headers": headers}, gzip.compress(body)

    return rewrite_response(app, compress)


def test_a_gzip_encoded_response_passes_through_unchanged_and_is_checked_decoded(
    tmp_path: Path,
) -> None:
    with proxied(gzipped, tmp_path) as session:
        register(session, "alice")
        session.calls += 1
        headers = {"Authorization": f"Bearer {session.target.token}", "Accept-Encoding": "gzip"}
        with httpx.stream("GET", session.url + "/users/alice", headers=headers) as response:
            raw = b"".join(response.iter_raw())
        lines = session.lines()
        exchange = session.upstream[-1]

    assert response.headers["content-encoding"] == "gzip"
    assert raw == exchange.response
    assert json.loads(gzip.decompress(raw))["entities"][0]["username"] == "alice"
    # Checked as JSON, so decoded first: the gzip bytes themselves would be `invalid_json`.
    assert lines == [], lines


def falsely_gzipped(app: ASGIApp, _emulator: Emulator) -> ASGIApp:
    """The emulator labelling the JSON of its GET answers as gzip."""

    def label(scope: Scope, start: Message, body: bytes) -> tuple[Message, bytes]:
        if scope["method"] != "GET":
            return start, body
        return {**start, "headers": [*start["headers"], (b"content-encoding", b"gzip")]}, body

    return rewrite_response(app, label)


def test_a_body_that_does_not_decode_as_its_content_encoding_says_is_reported(
    tmp_path: Path,
) -> None:
    with proxied(falsely_gzipped, tmp_path) as session:
        register(session, "alice")
        session.calls += 1
        headers = {"Authorization": f"Bearer {session.target.token}"}
        with httpx.stream("GET", session.url + "/users/alice", headers=headers) as response:
            raw = b"".join(response.iter_raw())
        lines = session.lines()
        exchange = session.upstream[-1]

    assert raw == exchange.response
    assert [(line["kind"], line["location"]) for line in lines] == [("content_encoding", "body")]


def test_an_https_upstream_is_verified_against_the_trusted_certificates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The command trusts the system's certificates, or those of ``SSL_CERT_FILE`` (OpenSSL's
    own variable), as a deployment with a private CA needs; an untrusted one is a 502."""
    authority = trustme.CA()
    certificate, trusted = tmp_path / "upstream.pem", tmp_path / "ca.pem"
    authority.issue_cert("127.0.0.1").private_key_and_cert_chain_pem.write_to_path(certificate)
    authority.cert_pem.write_to_path(trusted)
    with served(UNBROKEN, tmp_path, certificate=certificate) as target:
        root, app_path = target.base_url.rsplit("/", 2)[0], "/" + target.base_url.split("/", 3)[3]
        headers = {"Authorization": f"Bearer {target.token}"}
        monkeypatch.delenv("SSL_CERT_FILE", raising=False)
        untrusting = start_proxy(root, "--report", str(tmp_path / "untrusting.ndjson"))
        refused = httpx.get(f"{untrusting.url}{app_path}/users/alice", headers=headers)
        untrusting.stop()
        monkeypatch.setenv("SSL_CERT_FILE", str(trusted))
        report = tmp_path / "report.ndjson"
        proxy = start_proxy(root, "--report", str(report), "--fail-on-violation")
        registered = httpx.post(
            f"{proxy.url}{app_path}/users", json=[{"username": "alice"}], headers=headers
        )
        answer = httpx.get(f"{proxy.url}{app_path}/users/alice", headers=headers)
        code, out = proxy.stop()

    assert refused.status_code == 502
    assert "certificate verify failed" in refused.json()["error_description"]
    assert registered.status_code == 200, registered.text
    assert answer.json()["entities"][0]["username"] == "alice"
    assert report.read_text() == ""
    assert code == 0, out

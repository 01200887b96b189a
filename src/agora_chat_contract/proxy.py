"""``agora-chat-contract proxy``: live traffic between any client and a deployment, checked
against openapi.yaml.

Every request goes to the upstream as the client sent it (hop-by-hop headers excepted) and the
upstream's answer goes back unchanged, streamed. On the side, the request and the response are
checked with the validators the emulator compiles from the spec (``agora_chat_emulator.spec``),
and each violation becomes one JSON line of the report. Only ``--block-invalid-requests``
changes traffic: an invalid request then gets the service's own error body, built by the
emulator's request parser, and never reaches the upstream.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import AsyncIterator, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.cookiejar import CookieJar, DefaultCookiePolicy
from types import FrameType
from typing import Any, TextIO

import httpx
import uvicorn
from starlette.requests import Request

from agora_chat_contract.routes import OperationMatcher
from agora_chat_emulator import errors
from agora_chat_emulator.requests import bearer, coerce_query, parse, parse_json
from agora_chat_emulator.server import listen, server_config
from agora_chat_emulator.spec import Operation, iter_operations, load_spec, resolve_refs
from agora_chat_emulator.validation import validation_error

SUMMARY_PATH = "/_proxy/summary"
READY_PREFIX = "agora-chat-contract proxy:"
"""The first line the command prints, followed by the URL it listens at."""
"""Both server forms of the spec: ``/app-id/{app_id}`` is this pattern with the literal
``app-id`` as its first segment."""
UNKNOWN = "unknown_operation"
HOP_BY_HOP = frozenset(
    {
        "connection",
        "keep-alive",
        "proxy-authenticate",
        "proxy-authorization",
        "proxy-connection",
        "te",
        "trailer",
        "transfer-encoding",
        "upgrade",
    }
)
"""RFC 9110 section 7.6.1: meaningful for one connection only, never forwarded."""
VALIDATED_BODY_BYTES = 4 * 1024 * 1024
"""Bodies up to this size are kept for validation; larger ones stream through unchecked, so the
proxy's memory stays bounded whatever the traffic."""
SECRET_FIELDS = frozenset({"access_token", "client_secret", "password"})
"""Body fields of the spec that carry credentials: their values never reach the report."""
REDACTED = "[REDACTED]"
MAX_MESSAGE_CHARS = 500
UPSTREAM_TIMEOUT = httpx.Timeout(60.0, connect=10.0)
POOLS = 16
"""Upstream connection pools; a client connection always goes through the same one."""


@dataclass(frozen=True)
class Violation:
    direction: str
    kind: str
    message: str
    location: str = ""
    pointer: str = ""


def _pointer(path: Any) -> str:
    """RFC 6901 JSON pointer of a jsonschema-rs ``instance_path``."""
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in list(path))


def _schema_violations(
    direction: str, location: str, validator: Any, value: Any
) -> list[Violation]:
    return [
        Violation(direction, "schema", error.message, location, _pointer(error.instance_path))
        for error in validator.iter_errors(value)
    ]


@dataclass(frozen=True)
class DocumentedResponses:
    """Per operationId, the statuses it documents and the media types of each."""

    by_operation: Mapping[str, Mapping[int, frozenset[str]]]

    @classmethod
    def from_spec(cls) -> DocumentedResponses:
        spec = load_spec()
        by_operation: dict[str, dict[int, frozenset[str]]] = {}
        for _path, _method, _item, operation in iter_operations(spec):
            statuses = by_operation.setdefault(operation["operationId"], {})
            for status, response in operation["responses"].items():
                resolved = resolve_refs(response, spec)
                statuses[int(status)] = frozenset(resolved.get("content", {}))
        return cls(by_operation)


def check_request(
    operation: Operation, path_params: Mapping[str, str], request: Request, raw_body: bytes
) -> list[Violation]:
    """Every way the request breaks ``operation``: auth header, parameters, body."""
    found: list[Violation] = []
    if operation.secured and bearer(request) in {None, "\x00"}:
        found.append(
            Violation("request", "missing_auth", "no Bearer credential in Authorization", "header")
        )
    for parameter in operation.parameters:
        if parameter.location == "path":
            value: Any = path_params[parameter.name]
        elif parameter.location == "query":
            raw = request.query_params.get(parameter.name)
            if raw is None:
                if parameter.required:
                    message = f"required query parameter {parameter.name!r} is missing"
                    found.append(Violation("request", "missing_parameter", message, "query"))
                continue
            value = coerce_query(raw, parameter.schema)
        else:
            continue
        location = f"{parameter.location}/{parameter.name}"
        found += _schema_violations("request", location, parameter.validator, value)
    try:
        body = parse_json(raw_body)
    except errors.ApiError as error:
        found.append(Violation("request", "invalid_json", error.description, "body"))
        return found
    present = bool(raw_body.strip())
    if operation.body_validator is not None and (present or operation.body_required):
        found += _schema_violations("request", "body", operation.body_validator, body)
    return found


def check_response(
    documented: Mapping[int, frozenset[str]],
    operation: Operation,
    status: int,
    content_type: str | None,
    body: bytes | None,
) -> list[Violation]:
    """Every way the response breaks ``operation``; ``body`` is ``None`` when not kept."""
    media_types = documented.get(status)
    if media_types is None:
        listed = ", ".join(str(code) for code in sorted(documented))
        message = f"status {status} is not documented (documented: {listed})"
        return [Violation("response", "undocumented_status", message, "status")]
    if not media_types:
        return []
    media_type = (content_type or "").split(";", 1)[0].strip().lower()
    if media_type not in media_types:
        message = (
            f"content type {content_type!r} is not documented (documented: "
            + ", ".join(sorted(media_types))
            + ")"
        )
        return [Violation("response", "content_type", message, "header")]
    validator = operation.response_validators.get(status)
    if validator is None or body is None:
        return []
    try:
        value = json.loads(body)
    except ValueError as exc:
        return [Violation("response", "invalid_json", f"body is not JSON: {exc}", "body")]
    return _schema_violations("response", "body", validator, value)


def _secrets(request: Request, *bodies: bytes | None) -> set[str]:
    """The credential values of one exchange: the bearer token and the secret body fields."""
    found = set()
    token = bearer(request)
    if token not in {None, "\x00", ""}:
        found.add(str(token))
    for body in bodies:
        if not body:
            continue
        try:
            value = json.loads(body)
        except ValueError:
            continue
        pending = [value]
        while pending:
            node = pending.pop()
            if isinstance(node, dict):
                for key, item in node.items():
                    if key in SECRET_FIELDS and isinstance(item, str) and item:
                        found.add(item)
                    pending.append(item)
            elif isinstance(node, list):
                pending.extend(node)
    return found


def _redact(message: str, secrets: set[str]) -> str:
    for secret in sorted(secrets, key=len, reverse=True):
        message = message.replace(secret, REDACTED)
    if len(message) > MAX_MESSAGE_CHARS:
        message = message[: MAX_MESSAGE_CHARS - 1] + "…"
    return message


@dataclass
class OperationCounts:
    requests: int = 0
    violations: Counter[str] = field(default_factory=Counter)


class Summary:
    """Running counts per operationId: requests, and violations by kind."""

    def __init__(self) -> None:
        self.operations: dict[str, OperationCounts] = {}

    def count(self, operation_id: str, violations: list[Violation]) -> None:
        counts = self.operations.setdefault(operation_id, OperationCounts())
        counts.requests += 1
        counts.violations.update(violation.kind for violation in violations)

    @property
    def violations(self) -> int:
        return sum(sum(c.violations.values()) for c in self.operations.values())

    def as_json(self) -> dict[str, Any]:
        return {
            "requests": sum(c.requests for c in self.operations.values()),
            "violations": self.violations,
            "operations": {
                operation_id: {"requests": c.requests, "violations": dict(c.violations)}
                for operation_id, c in sorted(self.operations.items())
            },
        }

    def table(self) -> str:
        rows = [("operationId", "requests", "violations", "by kind")]
        for operation_id, c in sorted(self.operations.items()):
            kinds = ", ".join(f"{kind} {n}" for kind, n in sorted(c.violations.items()))
            rows.append((operation_id, str(c.requests), str(sum(c.violations.values())), kinds))
        widths = [max(len(row[i]) for row in rows) for i in range(3)]
        lines = [
            f"{name:<{widths[0]}}  {requests:>{widths[1]}}  {count:>{widths[2]}}  {kinds}".rstrip()
            for name, requests, count, kinds in rows
        ]
        total = self.as_json()
        lines.append(f"{total['requests']} request(s), {total['violations']} violation(s)")
        return "\n".join(lines)


def _forwarded_headers(
    raw: list[tuple[bytes, bytes]], *, request: bool
) -> list[tuple[bytes, bytes]]:
    """``raw`` minus hop-by-hop headers (and those ``Connection`` names) and, for a request,
    ``Host``, which names the proxy; httpx sets the upstream's."""
    dropped = set(HOP_BY_HOP)
    for name, value in raw:
        if name.lower() == b"connection":
            dropped.update(token.strip().lower() for token in value.decode("latin-1").split(","))
    if request:
        dropped.add("host")
    return [(name, value) for name, value in raw if name.decode("latin-1").lower() not in dropped]


class Proxy:
    """The proxy as an ASGI application; ``aclose()`` closes the upstream connections."""

    def __init__(
        self, upstream: str, report: TextIO, *, block_invalid_requests: bool = False
    ) -> None:
        self.upstream = httpx.URL(upstream)
        self._base_path = self.upstream.raw_path.split(b"?", 1)[0].rstrip(b"/")
        self.report = report
        self.block_invalid_requests = block_invalid_requests
        self.summary = Summary()
        self._matcher = OperationMatcher()
        self._documented = DocumentedResponses.from_spec()
        self._report_lock = threading.Lock()
        # httpcore's pool checks every connection it holds on each request (a getpeername and a
        # poll per connection), so one big pool costs O(connections) per request; small pools,
        # picked by the client's connection, keep that constant (D115).
        self._clients = [
            httpx.AsyncClient(
                timeout=UPSTREAM_TIMEOUT,
                follow_redirects=False,
                limits=httpx.Limits(max_connections=None, max_keepalive_connections=8),
                # Cookies are the client's business: the proxy's own jar never keeps any.
                cookies=CookieJar(policy=DefaultCookiePolicy(allowed_domains=[])),
            )
            for _ in range(POOLS)
        ]

    def _client_for(self, scope: Any) -> httpx.AsyncClient:
        client = scope.get("client") or ("", 0)
        return self._clients[client[1] % POOLS]

    async def aclose(self) -> None:
        for client in self._clients:
            await client.aclose()

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        if scope["method"] == "GET" and scope["path"] == SUMMARY_PATH:
            await _send_json(send, 200, self.summary.as_json())
            return
        request = Request(scope, receive)
        operation, path_params = self._matcher.match(scope["method"], scope["path"])
        head, complete = await _read_head(request)
        violations: list[Violation] = []
        if operation is None:
            message = f"no operation of openapi.yaml for {scope['method']} {scope['path']}"
            violations.append(Violation("request", UNKNOWN, message, "path"))
        elif complete:
            violations += check_request(operation, path_params, request, head)
        refusal = None
        if operation is not None and self.block_invalid_requests and violations:
            refusal = self._refusal(request, operation, path_params, head)
        kept: bytes | None = None
        if refusal is not None:
            now_ms = int(time.time() * 1000)
            await _send_json(send, refusal.status, refusal.body(now_ms, 0))
            status = refusal.status
        else:
            status, kept = await self._forward(
                request=request,
                send=send,
                head=head,
                complete=complete,
                operation=operation,
                violations=violations,
            )
        self._record(
            request=request,
            operation=operation,
            status=status,
            violations=violations,
            request_body=head,
            response_body=kept,
            forwarded=refusal is None,
        )

    async def _forward(
        self,
        *,
        request: Request,
        send: Any,
        head: bytes,
        complete: bool,
        operation: Operation | None,
        violations: list[Violation],
    ) -> tuple[int, bytes | None]:
        scope = request.scope
        raw_path = scope.get("raw_path") or scope["path"].encode()
        target = self._base_path + raw_path
        if scope["query_string"]:
            target += b"?" + scope["query_string"]
        upstream_request = httpx.Request(
            scope["method"],
            self.upstream.copy_with(raw_path=target),
            headers=_forwarded_headers(scope["headers"], request=True),
            content=head if complete else _rest(head, request),
        )
        try:
            response = await self._client_for(scope).send(upstream_request, stream=True)
        except httpx.HTTPError as exc:
            message = f"upstream {self.upstream.host} failed: {type(exc).__name__}: {exc}"
            violations.append(Violation("response", "upstream_error", message))
            await _send_json(send, 502, {"error": "bad_gateway", "error_description": message})
            return 502, None
        kept: list[bytes] = []
        size = 0
        try:
            await send(
                {
                    "type": "http.response.start",
                    "status": response.status_code,
                    "headers": _forwarded_headers(response.headers.raw, request=False),
                }
            )
            async for chunk in response.aiter_raw():
                size += len(chunk)
                if size <= VALIDATED_BODY_BYTES:
                    kept.append(chunk)
                await send({"type": "http.response.body", "body": chunk, "more_body": True})
            await send({"type": "http.response.body", "body": b"", "more_body": False})
        finally:
            await response.aclose()
        body: bytes | None = None
        if size <= VALIDATED_BODY_BYTES:
            # Decoded the way a client would (Content-Encoding), for validation only.
            body = httpx.Response(
                response.status_code, headers=response.headers, content=b"".join(kept)
            ).read()
        if operation is not None:
            violations += check_response(
                self._documented.by_operation[operation.operation_id],
                operation,
                response.status_code,
                response.headers.get("content-type"),
                body,
            )
        return response.status_code, body

    @staticmethod
    def _refusal(
        request: Request, operation: Operation, path_params: dict[str, str], body: bytes
    ) -> errors.ApiError | None:
        """The service's answer to an invalid request, in the emulator's order: auth first,
        then the emulator's own parser, then a required query parameter (the one check the
        parser leaves to the handlers; the spec has none today)."""
        credential = bearer(request)
        if operation.secured and credential is None:
            return errors.missing_token()
        if operation.secured and credential == "\x00":
            return errors.malformed_token()
        try:
            parse(Request({**request.scope, "path_params": path_params}), operation, 0, body)
        except errors.ApiError as refused:
            return refused
        for parameter in operation.parameters:
            name = parameter.name
            absent = name not in request.query_params
            if parameter.location == "query" and parameter.required and absent:
                return validation_error(operation.operation_id, "Required", name, name, "")
        return None

    def _record(
        self,
        *,
        request: Request,
        operation: Operation | None,
        status: int,
        violations: list[Violation],
        request_body: bytes,
        response_body: bytes | None,
        forwarded: bool,
    ) -> None:
        operation_id = operation.operation_id if operation is not None else UNKNOWN
        self.summary.count(operation_id, violations)
        if not violations:
            return
        secrets = _secrets(request, request_body, response_body)
        now = datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
        lines = [
            json.dumps(
                {
                    "time": now,
                    "operationId": operation_id,
                    "method": request.method,
                    # The query string is left out: it is where credentials travel otherwise.
                    "path": request.url.path,
                    "status": status,
                    "forwarded": forwarded,
                    "direction": violation.direction,
                    "kind": violation.kind,
                    "location": violation.location,
                    "pointer": violation.pointer,
                    "message": _redact(violation.message, secrets),
                },
                ensure_ascii=False,
            )
            for violation in violations
        ]
        with self._report_lock:
            self.report.write("".join(line + "\n" for line in lines))
            self.report.flush()


async def _read_head(request: Request) -> tuple[bytes, bool]:
    """The body up to ``VALIDATED_BODY_BYTES``, and whether that is all of it."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        chunks.append(chunk)
        size += len(chunk)
        if size > VALIDATED_BODY_BYTES:
            return b"".join(chunks), False
    return b"".join(chunks), True


async def _rest(head: bytes, request: Request) -> AsyncIterator[bytes]:
    """The body of an oversized request: what was read, then the rest as it arrives."""
    yield head
    async for chunk in request.stream():
        yield chunk


async def _send_json(send: Any, status: int, payload: Any) -> None:
    body = json.dumps(payload).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class ProxyServer(uvicorn.Server):
    """uvicorn serving a ``Proxy``; SIGINT and SIGTERM stop it and ``run`` returns."""

    def __init__(self, proxy: Proxy, log_level: str = "warning") -> None:
        config = server_config(proxy, log_level)
        # The upstream's Date header is the one the client gets, and X-Forwarded-* headers are
        # the upstream's to read, not the proxy's to apply to itself.
        config.date_header = False
        config.proxy_headers = False
        super().__init__(config)
        self.proxy = proxy

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        # uvicorn's own re-raises the signal after shutdown, which would kill the process
        # before it prints its summary and picks its exit code.
        if threading.current_thread() is not threading.main_thread():
            yield
            return
        previous = {
            sig: signal.signal(sig, self.handle_exit) for sig in (signal.SIGINT, signal.SIGTERM)
        }
        try:
            yield
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        self.should_exit = True

    async def serve_on(self, listener: Any) -> None:
        try:
            await self.serve(sockets=[listener])
        finally:
            await self.proxy.aclose()


def parse_listen(value: str) -> tuple[str, int]:
    host, separator, port = value.rpartition(":")
    if not separator or not host or not port.isdigit() or int(port) > 65535:
        raise ValueError("expected HOST:PORT, e.g. 127.0.0.1:8080")
    return host, int(port)


def run_proxy(
    upstream: str,
    listen_at: tuple[str, int],
    report: TextIO,
    *,
    block_invalid_requests: bool,
    echo: Any = print,
) -> Summary:
    """Serve until SIGINT/SIGTERM; the summary of what went through."""
    proxy = Proxy(upstream, report, block_invalid_requests=block_invalid_requests)
    listener = listen(*listen_at)
    host, port = listener.getsockname()[:2]
    server = ProxyServer(proxy)
    echo(f"{READY_PREFIX} http://{host}:{port} -> {proxy.upstream}")
    sys.stdout.flush()
    try:
        asyncio.run(server.serve_on(listener))
    finally:
        listener.close()
    return proxy.summary


@dataclass
class RunningProxy:
    """``agora-chat-contract proxy`` running as a child process."""

    process: subprocess.Popen[str]
    url: str
    """Where it listens: http://127.0.0.1:PORT."""

    def stop(self) -> tuple[int, str]:
        """SIGINT, then its exit code and what it printed after the first line (the table)."""
        self.process.send_signal(signal.SIGINT)
        out, _ = self.process.communicate(timeout=30)
        return self.process.returncode, out


def start_proxy(upstream: str, *options: str) -> RunningProxy:
    """The command on a free loopback port in front of ``upstream`` (tests, bench/)."""
    command = [sys.executable, "-m", "agora_chat_contract", "proxy", "--upstream", upstream]
    process = subprocess.Popen(  # noqa: S603 - fixed argv built from our own interpreter
        [*command, "--listen", "127.0.0.1:0", *options],
        stdout=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
    )
    ready = process.stdout.readline() if process.stdout is not None else ""
    if not ready.startswith(READY_PREFIX):
        process.kill()
        process.communicate()
        raise RuntimeError(f"proxy did not start: {ready!r}")
    return RunningProxy(process, ready.split()[2])

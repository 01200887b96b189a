"""The proxy as an ASGI application: forwards each request to the upstream with aiohttp's
client, streams the answer back unchanged, then checks both and records what it found."""

from __future__ import annotations

import io
import json
import time
from collections.abc import AsyncIterator
from typing import Any, TextIO

import aiohttp
import httpx
from aiohttp.payload import TOO_LARGE_BYTES_BODY
from multidict import CIMultiDict
from starlette.requests import Request
from yarl import URL

from agora_chat_contract.proxy_checks import (
    DocumentedResponses,
    Violation,
    check_request,
    check_response,
)
from agora_chat_contract.proxy_report import UNKNOWN, Report
from agora_chat_contract.routes import OperationMatcher
from agora_chat_emulator import errors
from agora_chat_emulator.requests import bearer, parse
from agora_chat_emulator.spec import Operation
from agora_chat_emulator.validation import validation_error

SUMMARY_PATH = "/_proxy/summary"
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
UPSTREAM_TIMEOUT = aiohttp.ClientTimeout(total=None, connect=10.0, sock_read=60.0)
NOT_ADDED = ("Accept", "Accept-Encoding", "Content-Type", "User-Agent")
"""Headers aiohttp adds to a request that lacks them: the upstream sees the client's own."""


def _forwarded_headers(raw: Any, *, request: bool) -> list[tuple[bytes, bytes]]:
    """``raw`` minus hop-by-hop headers (and those ``Connection`` names) and, for a request,
    ``Host``, which names the proxy; aiohttp sets the upstream's."""
    dropped = set(HOP_BY_HOP)
    for name, value in raw:
        if name.lower() == b"connection":
            dropped.update(token.strip().lower() for token in value.decode("latin-1").split(","))
    if request:
        dropped.add("host")
    return [(name, value) for name, value in raw if name.decode("latin-1").lower() not in dropped]


def _decoded(raw_headers: Any, body: bytes) -> bytes:
    """``body`` as a client reads it: decoded per ``Content-Encoding`` (httpx's decoders),
    for validation only; the client gets the bytes as they came."""
    if not any(name.lower() == b"content-encoding" for name, _value in raw_headers):
        return body
    return httpx.Response(200, headers=list(raw_headers), content=body).read()


class Proxy:
    """The proxy as an ASGI application; ``aclose()`` closes the upstream connections."""

    def __init__(
        self, upstream: str, report: TextIO, *, block_invalid_requests: bool = False
    ) -> None:
        self.upstream = URL(upstream)
        self._origin = str(self.upstream.origin())
        self._base_path = self.upstream.raw_path.rstrip("/")
        self.report = Report(report)
        self.summary = self.report.summary
        self.block_invalid_requests = block_invalid_requests
        self._matcher = OperationMatcher()
        self._documented = DocumentedResponses.from_spec()
        self._session: aiohttp.ClientSession | None = None

    def _upstream_session(self) -> aiohttp.ClientSession:
        """One session, made in the serving loop (aiohttp binds it to the running loop)."""
        if self._session is None:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=0),
                timeout=UPSTREAM_TIMEOUT,
                # The client gets the body as the upstream encoded it; checks decode a copy.
                auto_decompress=False,
                # Cookies are the client's business: the proxy keeps none of its own.
                cookie_jar=aiohttp.DummyCookieJar(),
                skip_auto_headers=NOT_ADDED,
            )
        return self._session

    async def aclose(self) -> None:
        if self._session is not None:
            await self._session.close()

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
        self.report.record(
            request=request,
            operation_id=operation.operation_id if operation is not None else UNKNOWN,
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
        target = self._origin + self._base_path + raw_path.decode("latin-1")
        if scope["query_string"]:
            target += "?" + scope["query_string"].decode("latin-1")
        headers = CIMultiDict(
            (name.decode("latin-1"), value.decode("latin-1"))
            for name, value in _forwarded_headers(scope["headers"], request=True)
        )
        try:
            response = await self._upstream_session().request(
                scope["method"],
                URL(target, encoded=True),
                headers=headers,
                data=_payload(head) if complete else _rest(head, request),
                allow_redirects=False,
            )
        except (aiohttp.ClientError, TimeoutError) as exc:
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
                    "status": response.status,
                    "headers": _forwarded_headers(response.raw_headers, request=False),
                }
            )
            async for chunk in response.content.iter_any():
                size += len(chunk)
                if size <= VALIDATED_BODY_BYTES:
                    kept.append(chunk)
                await send({"type": "http.response.body", "body": chunk, "more_body": True})
            await send({"type": "http.response.body", "body": b"", "more_body": False})
        finally:
            response.release()
        # Checked once the client has the whole answer, so checking never delays it.
        body: bytes | None = None
        try:
            if size <= VALIDATED_BODY_BYTES:
                body = _decoded(response.raw_headers, b"".join(kept))
        except httpx.DecodingError as exc:
            message = f"body does not decode as its Content-Encoding says: {exc}"
            violations.append(Violation("response", "content_encoding", message, "body"))
        if operation is not None:
            violations += check_response(
                self._documented.by_operation[operation.operation_id],
                operation,
                response.status,
                response.headers.get("content-type"),
                body,
            )
        return response.status, body

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


def _payload(head: bytes) -> bytes | io.BytesIO | None:
    """A whole body for aiohttp: bytes up to its 1 MiB threshold, a stream past it (it warns
    about larger bytes bodies, which an application's warning filters may turn into errors)."""
    if not head:
        return None
    return head if len(head) <= TOO_LARGE_BYTES_BODY else io.BytesIO(head)


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

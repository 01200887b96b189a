"""The HTTP server under the emulator, shared by ``serve``, bench/ and the test harnesses."""

from __future__ import annotations

import asyncio
import contextlib
import errno
import json
import logging
import resource
import signal
import socket
import threading
import time
from collections.abc import Generator
from typing import Any

import uvicorn
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from agora_chat_emulator import errors
from agora_chat_emulator.config import DEFAULTS

logger = logging.getLogger(__name__)

READ_TIMEOUT_S = DEFAULTS.read_timeout_s
"""A request's line, headers and body must all arrive within this long of its first byte (or of
the connection opening); a client that stalls is disconnected."""
KEEP_ALIVE_S = 5
"""An idle keep-alive connection is closed after this long (uvicorn's ``timeout_keep_alive``)."""
GRACE_S = 5
"""On SIGTERM/SIGINT, requests already received get this long to finish."""
MAX_HEADER_BYTES = 32 * 1024
"""Request line plus headers; more is refused with 431 before the request reaches the app."""
MAX_HEADERS = 100
BACKLOG = 128
"""The listen backlog, which is also how many connections asyncio accepts in one go."""
FD_RESERVE = 2 * BACKLOG + 64
"""Descriptors kept free of client connections: the database, its log, the listener, and room
for the connections accepted in one burst before their ``connection_made`` runs."""


class BoundedHttpToolsProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol with the bounds httptools lacks (D77-D79, D85).

    httptools (llhttp) buffers a header of any size and uvicorn arms no timer while a request
    is being read, so one slow or huge request held a connection, and its file descriptor,
    forever. Here a request must arrive within ``READ_TIMEOUT_S``, its head within
    ``MAX_HEADER_BYTES`` and ``MAX_HEADERS``; past the descriptor limit the connection that has
    waited longest for a request is dropped to make room; parser errors get a JSON body.
    """

    read_timeout_s = READ_TIMEOUT_S

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._head_bytes = 0
        self._head_count = 0
        self._refusal: errors.ApiError | None = None
        self._read_timer: asyncio.TimerHandle | None = None
        self._reading_since = time.monotonic()
        self._start_read_timer()
        if len(self.connections) > max_connections():
            self._make_room()

    def connection_lost(self, exc: Exception | None) -> None:
        self._stop_read_timer()
        super().connection_lost(exc)

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._head_bytes = self._head_count = 0
        if self._read_timer is None:
            self._reading_since = time.monotonic()
            self._start_read_timer()

    def on_url(self, url: bytes) -> None:
        self._count_head(len(url), 0)
        super().on_url(url)

    def on_header(self, name: bytes, value: bytes) -> None:
        self._count_head(len(name) + len(value), 1)
        super().on_header(name, value)

    def on_message_complete(self) -> None:
        self._stop_read_timer()
        super().on_message_complete()

    def send_400_response(self, msg: str) -> None:
        # uvicorn's only way to refuse what the parser rejects; answered with the service's
        # JSON body instead of uvicorn's text (and 431 when the head was too large).
        error = self._refusal or errors.malformed_request()
        now_ms = time.time_ns() // 1_000_000
        body = json.dumps(error.body(now_ms, 0)).encode()
        head = (
            f"HTTP/1.1 {error.status} {_REASONS.get(error.status, '')}\r\n"
            "content-type: application/json\r\n"
            f"content-length: {len(body)}\r\nconnection: close\r\n\r\n"
        )
        self.transport.write(head.encode() + body)
        self.transport.close()

    def shutdown(self) -> None:
        # A request still being received would hold the shutdown until its client goes away.
        if self._read_timer is not None:
            self.transport.close()
        else:
            super().shutdown()

    def _count_head(self, size: int, headers: int) -> None:
        self._head_bytes += size
        self._head_count += headers
        if self._head_bytes > MAX_HEADER_BYTES or self._head_count > MAX_HEADERS:
            self._refusal = errors.header_too_large(MAX_HEADER_BYTES, MAX_HEADERS)
            raise ValueError(self._refusal.description)  # httptools stops parsing and reports

    def _start_read_timer(self) -> None:
        self._read_timer = self.loop.call_later(self.read_timeout_s, self._read_timed_out)

    def _stop_read_timer(self) -> None:
        if self._read_timer is not None:
            self._read_timer.cancel()
            self._read_timer = None

    def _read_timed_out(self) -> None:
        self._read_timer = None
        logger.info(
            "%s: no complete request within %s s, disconnected", self.client, self.read_timeout_s
        )
        self.transport.close()

    def _make_room(self) -> None:
        waiting = [
            c
            for c in self.connections
            if isinstance(c, BoundedHttpToolsProtocol)
            and c._read_timer is not None
            and c is not self
        ]
        victim = min(waiting, key=lambda c: c._reading_since, default=self)
        # Its close completes on a later loop turn; out of the running for the rest of this one.
        victim._stop_read_timer()
        logger.info(
            "%s connections open: dropping %s, which has sent no complete request",
            len(self.connections),
            victim.client,
        )
        victim.transport.close()


def max_connections() -> int:
    """Client connections allowed at once: the descriptor limit (read each time, as ``prlimit``
    can change it) less ``FD_RESERVE``."""
    return max(16, resource.getrlimit(resource.RLIMIT_NOFILE)[0] - FD_RESERVE)


def raise_descriptor_limit() -> None:
    """Take the soft descriptor limit up to the hard one, as Go's runtime does at start: the
    common soft 1,024 is what idle clients exhaust first."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft != hard:
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


_last_descriptor_warning = [0.0]


def _quiet_loop_errors(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
    """Out of descriptors, asyncio's accept loop logs a traceback per attempt; one line here."""
    exception = context.get("exception")
    if isinstance(exception, OSError) and exception.errno in {errno.EMFILE, errno.ENFILE}:
        now = time.monotonic()
        if now - _last_descriptor_warning[0] >= 1:
            _last_descriptor_warning[0] = now
            logger.warning("accepting connections paused: %s", exception.strerror)
    else:
        loop.default_exception_handler(context)


_REASONS = {400: "Bad Request", 431: "Request Header Fields Too Large"}


class Server(uvicorn.Server):
    """uvicorn's server, but a SIGTERM or SIGINT ends ``run`` normally (exit status 0, the
    caller's clean-up runs) instead of being raised again once the server has stopped."""

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        asyncio.get_running_loop().set_exception_handler(_quiet_loop_errors)
        await super().startup(sockets)

    @contextlib.contextmanager
    def capture_signals(self) -> Generator[None, None, None]:
        if threading.current_thread() is not threading.main_thread():
            yield
            return
        signals = (signal.SIGINT, signal.SIGTERM)
        original = {sig: signal.signal(sig, self.handle_exit) for sig in signals}
        try:
            yield
        finally:
            for sig, handler in original.items():
                signal.signal(sig, handler)


def server_config(
    app: Any, log_level: str, read_timeout_s: float = READ_TIMEOUT_S
) -> uvicorn.Config:
    """The uvicorn settings of ``serve``; bench/ serves its reference apps with them too.

    httptools parses HTTP (with the bounds of ``BoundedHttpToolsProtocol``). The event loop is
    asyncio's own, not uvloop: under saturation uvloop keeps taking new requests ahead of
    finishing started ones, so a few wait far longer (the figures are in docs/decisions.md, D46;
    MagicStack/uvloop#123). Access logs only at info and debug.
    """
    return uvicorn.Config(
        app,
        loop="asyncio",
        http=type("HttpProtocol", (BoundedHttpToolsProtocol,), {"read_timeout_s": read_timeout_s}),
        log_level=log_level,
        access_log=log_level in {"info", "debug"},
        lifespan="off",
        server_header=False,
        timeout_keep_alive=KEEP_ALIVE_S,
        timeout_graceful_shutdown=GRACE_S,
        backlog=BACKLOG,
    )


def listen(host: str, port: int) -> socket.socket:
    """A listening IPv4 TCP socket, like ``socket.create_server`` but with protocol IPPROTO_TCP.

    asyncio turns Nagle's algorithm off (TCP_NODELAY) only on connections whose socket says
    IPPROTO_TCP; with it on, a response body sent right after its headers waits for the
    client's delayed ACK, 40 ms per request.
    """
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(BACKLOG)
    except OSError:
        sock.close()
        raise
    return sock

"""The HTTP server under the emulator, shared by ``serve``, bench/ and the test harnesses."""

from __future__ import annotations

import socket
from typing import Any

import uvicorn


def server_config(app: Any, log_level: str) -> uvicorn.Config:
    """The uvicorn settings of ``serve``; bench/ serves its reference apps with them too.

    httptools parses HTTP. The event loop is asyncio's own, not uvloop: under saturation uvloop
    keeps taking new requests ahead of finishing started ones, so a few wait far longer (the
    figures are in docs/decisions.md, D46; MagicStack/uvloop#123). Access logs only at info and
    debug.
    """
    return uvicorn.Config(
        app,
        loop="asyncio",
        http="httptools",
        log_level=log_level,
        access_log=log_level in {"info", "debug"},
        lifespan="off",
        server_header=False,
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
        sock.listen()
    except OSError:
        sock.close()
        raise
    return sock

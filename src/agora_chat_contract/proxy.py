"""``agora-chat-contract proxy``: live traffic between any client and a deployment, checked
against openapi.yaml.

Every request goes to the upstream as the client sent it (hop-by-hop headers excepted) and the
upstream's answer goes back unchanged, streamed. On the side, the request and the response are
checked with the validators the emulator compiles from the spec (``agora_chat_emulator.spec``),
and each violation becomes one JSON line of the report. Only ``--block-invalid-requests``
changes traffic: an invalid request then gets the service's own error body, built by the
emulator's request parser, and never reaches the upstream.

This module is the command (serving, stopping, starting it as a child process);
``proxy_app`` forwards, ``proxy_checks`` checks, ``proxy_report`` writes the report and the
summary.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from types import FrameType
from typing import Any, TextIO

import uvicorn

from agora_chat_contract.proxy_app import Proxy
from agora_chat_contract.proxy_report import Summary
from agora_chat_emulator.server import listen, server_config

READY_PREFIX = "agora-chat-contract proxy:"
"""The first line the command prints, followed by the URL it listens at."""


class ProxyServer(uvicorn.Server):
    """uvicorn serving a ``Proxy``; SIGINT and SIGTERM stop it and ``run`` returns."""

    def __init__(self, proxy: Proxy, log_level: str = "warning") -> None:
        config = server_config(proxy, log_level)
        # The upstream's Date header is the one the client gets, and X-Forwarded-* headers are
        # the upstream's to read, not the proxy's to apply to itself.
        config.date_header = False
        config.proxy_headers = False
        # The emulator keeps asyncio's loop for fairness under saturation (D46); the proxy is
        # mostly socket writes, where uvloop (uvicorn's "auto", when installed) halves the cost
        # (D124).
        config.loop = "auto"
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
        with asyncio.Runner(loop_factory=server.config.get_loop_factory()) as runner:
            runner.run(server.serve_on(listener))
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

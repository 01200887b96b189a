"""Start and stop ``agora-chat-emulator serve`` as a child process (tests, scripts, benchmarks)."""

from __future__ import annotations

import collections
import contextlib
import subprocess
import sys
import threading
import time
from collections.abc import Generator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import httpx

from agora_chat_emulator.config import DEFAULTS, READY_PREFIX

START_TIMEOUT_S = 30.0
# A journal entry shows at most this much of each body.
BODY_LIMIT = 2000


class _Done:
    """An awaitable that is already finished: what ``Journal.record`` returns."""

    def __await__(self) -> Generator[None, None, None]:
        return
        yield


@dataclass
class Journal:
    """The HTTP exchanges of clients that carry ``event_hooks=journal.event_hooks``.

    Responses are kept as objects and rendered when asked, by which time the client has read
    their bodies.
    """

    responses: list[httpx.Response] = field(default_factory=list)

    @property
    def event_hooks(self) -> dict[str, list[Any]]:
        """For ``httpx.Client(event_hooks=...)`` and ``httpx.AsyncClient(event_hooks=...)``."""
        return {"response": [self.record]}

    def record(self, response: httpx.Response) -> _Done:
        # httpx.Client calls response hooks, httpx.AsyncClient awaits what they return: one
        # callable serves both, so a client configured once journals sync and async calls.
        self.responses.append(response)
        return _Done()

    def clear(self) -> None:
        self.responses.clear()

    def render(self) -> str:
        return "\n".join(_exchange(response) for response in self.responses)


def _body(read: Any) -> str:
    try:
        content: bytes = read()
    except (httpx.RequestNotRead, httpx.ResponseNotRead):
        return "<streamed, not read>"
    text = content.decode("utf-8", errors="replace")
    return text if len(text) <= BODY_LIMIT else f"{text[:BODY_LIMIT]}... ({len(text)} chars)"


def _exchange(response: httpx.Response) -> str:
    request = response.request
    lines = [f"> {request.method} {request.url}"]
    sent = _body(lambda: request.content)
    if sent:
        lines.append(f"> {sent}")
    lines.append(f"< {response.status_code} {response.reason_phrase}")
    received = _body(lambda: response.content)
    if received:
        lines.append(f"< {received}")
    return "\n".join(lines)


class EmulatorCalls:
    """The calls a test makes on an emulator besides the API: control endpoints and the app token.

    Subclasses provide ``root_url`` (the server root), ``org``, ``app``, the credentials, the
    current ``token`` and ``http``, a client the control calls go through."""

    root_url: str
    org: str
    app: str
    client_id: str
    client_secret: str
    token: str
    http: httpx.Client

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT/ORG/APP``: the base URL clients are built with."""
        return f"{self.root_url}/{self.org}/{self.app}"

    @property
    def auth_headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def control(self, method: str, name: str, **kwargs: Any) -> Any:
        response = self.http.request(method, f"{self.root_url}/_emulator/{name}", **kwargs)
        response.raise_for_status()
        return response.json()

    def advance_clock(self, ms: int) -> int:
        """Move the emulator's clock forward; returns its new time (epoch ms)."""
        now: int = self.control("POST", "clock", json={"advance_ms": ms})["now_ms"]
        return now

    def now_ms(self) -> int:
        now: int = self.control("GET", "clock")["now_ms"]
        return now

    def fetch_token(self, ttl: int | None = None) -> str:
        body: dict[str, Any] = {
            "grant_type": "client_credentials",
            "client_id": self.client_id,
            "client_secret": self.client_secret,
        }
        if ttl is not None:
            body["ttl"] = ttl
        response = self.http.post(f"{self.base_url}/token", json=body)
        response.raise_for_status()
        token: str = response.json()["access_token"]
        return token


@dataclass
class RunningEmulator(EmulatorCalls):
    """A running emulator process: where it is, how to authenticate, how to control it."""

    root_url: str
    org: str
    app: str
    client_id: str
    client_secret: str
    process: subprocess.Popen[str]
    token: str = ""
    log: Path | None = None
    journal: Journal = field(default_factory=Journal, repr=False)
    # Copies the server's stdout after its ready lines (uvicorn's access log) to the log, so the
    # pipe never fills and blocks the server.
    stdout_pump: threading.Thread | None = field(default=None, repr=False)
    # One connection pool for control calls: a fresh httpx client costs ~60 ms (SSL context).
    http: httpx.Client = field(default_factory=lambda: httpx.Client(timeout=10), repr=False)

    def reset(self) -> None:
        """Empty the emulator's state (tokens stay valid) and the journal."""
        self.control("POST", "reset")
        self.journal.clear()

    def log_tail(self, lines: int) -> str:
        """The last ``lines`` lines of the server's log, if it writes to a file."""
        if self.log is None or not self.log.is_file():
            return ""
        with self.log.open(encoding="utf-8", errors="replace") as text:
            return "".join(collections.deque(text, maxlen=lines))


def start_emulator(db: Path, *extra_args: str, log: Path | None = None) -> RunningEmulator:
    """Start ``agora-chat-emulator serve`` on a free port and wait until it answers.

    The server's own log (stderr, and the access log uvicorn writes to stdout) goes to ``log``
    when given, else to this process's stderr.
    """
    command = [
        sys.executable,
        "-m",
        "agora_chat_emulator",
        "serve",
        "--port",
        "0",
        "--db",
        str(db),
        *extra_args,
    ]
    with log.open("ab") if log is not None else contextlib.nullcontext() as stderr:
        process = subprocess.Popen(  # noqa: S603 - fixed argv built from our own interpreter
            command, stdout=subprocess.PIPE, stderr=stderr, stdin=subprocess.DEVNULL, text=True
        )
    line = process.stdout.readline() if process.stdout is not None else ""
    if not line.startswith(READY_PREFIX):
        process.kill()
        raise RuntimeError(f"emulator did not start: {line!r}")
    base_url = line.removeprefix(READY_PREFIX).strip()
    root_url, org, app = base_url.rsplit("/", 2)
    # The second line reports the settings the server runs with, as key=value pairs.
    reported = dict(
        pair.split("=", 1) for pair in (process.stdout.readline() if process.stdout else "").split()
    )
    pump = threading.Thread(
        target=_copy_lines, args=(process.stdout, log), daemon=True, name="emulator-stdout"
    )
    pump.start()
    emulator = RunningEmulator(
        root_url=root_url,
        org=org,
        app=app,
        client_id=reported["client_id"],
        client_secret=_option(extra_args, "--client-secret", DEFAULTS.client_secret),
        process=process,
        log=log,
        stdout_pump=pump,
    )
    deadline = time.monotonic() + START_TIMEOUT_S
    while True:
        try:
            emulator.control("GET", "health")
            break
        except httpx.TransportError:
            if time.monotonic() > deadline or process.poll() is not None:
                stop_emulator(emulator)
                raise
            time.sleep(0.05)
    emulator.token = emulator.fetch_token()
    return emulator


def _copy_lines(source: IO[str] | None, log: Path | None) -> None:
    if source is None:
        return
    with contextlib.ExitStack() as files:
        sink = files.enter_context(log.open("a", encoding="utf-8")) if log else sys.stderr
        for line in source:
            sink.write(line)
            sink.flush()


def _option(args: tuple[str, ...], name: str, default: str) -> str:
    """The value ``args`` give option ``name`` (``--name value`` or ``--name=value``)."""
    for index, arg in enumerate(args):
        if arg == name and index + 1 < len(args):
            return args[index + 1]
        if arg.startswith(f"{name}="):
            return arg.removeprefix(f"{name}=")
    return default


def stop_emulator(emulator: RunningEmulator) -> None:
    """SIGTERM, then SIGKILL if it does not stop within 10 s."""
    emulator.http.close()
    emulator.process.terminate()
    try:
        emulator.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        emulator.process.kill()
        emulator.process.wait()
    if emulator.stdout_pump is not None:
        emulator.stdout_pump.join(timeout=10)
    if emulator.process.stdout is not None:
        emulator.process.stdout.close()

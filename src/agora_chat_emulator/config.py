"""The emulator's settings and their defaults, read by the CLI, ``process`` and the pytest plugin.

Imports nothing beyond the standard library, so loading it (as the auto-loaded pytest plugin does
in every pytest run of a project that installs the package) costs nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from agora_chat_emulator.behaviours import Behaviours

LogLevel = Literal["critical", "error", "warning", "info", "debug"]
LOG_LEVELS: tuple[LogLevel, ...] = ("critical", "error", "warning", "info", "debug")

READY_PREFIX = "agora-chat-emulator ready:"
"""First line ``serve`` prints; tools wait for it and read the base URL after it."""


@dataclass(frozen=True)
class Settings:
    """Everything one emulator instance is started with; the defaults are ``serve``'s."""

    host: str = "127.0.0.1"
    port: int = 8080
    db: str = "agora-chat-emulator.db"
    """SQLite file holding the state; ``:memory:`` keeps it in memory."""
    org: str = "demo-org"
    app: str = "demo-app"
    app_id: str = "0123456789abcdef0123456789abcdef"
    """The App ID of the newer ``/app-id/{app_id}`` prefix (the spec's second server)."""
    client_id: str = "emulator-client-id"
    client_secret: str = "emulator-client-secret"  # noqa: S105 - the emulator's documented default
    rate_limits: bool = True
    app_rate_limit: int | None = None
    """Calls per second across all operations (a pricing plan's cap, D119); ``None``: no cap."""
    validate_responses: bool = False
    """Check every response against openapi.yaml and answer 500 on a mismatch (for tests)."""
    log_level: LogLevel = "warning"
    read_timeout_s: float = 10.0
    """A request must arrive whole within this long of its first byte (or of the connection)."""
    allowed_hosts: tuple[str, ...] = ()
    """Host names, beyond the bound address and loopback, that control endpoints accept in the
    ``Host`` and ``Origin`` headers (``*``: any), e.g. a container's published name."""
    behaviours: Behaviours = field(default_factory=Behaviours)
    """The choice at each point where the vendors' sources contradict (``behaviours.SWITCHES``)."""


DEFAULTS = Settings()

"""What the proxy tells: one JSON line per violation (D112) and the running per-operation
summary (``GET /_proxy/summary``, and the table printed on exit, D116)."""

from __future__ import annotations

import json
import threading
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, TextIO

from starlette.requests import Request

from agora_chat_contract.proxy_checks import Violation
from agora_chat_emulator.requests import bearer

UNKNOWN = "unknown_operation"
SECRET_FIELDS = frozenset({"access_token", "client_secret", "password"})
"""Body fields of the spec that carry credentials: their values never reach the report."""
REDACTED = "[REDACTED]"
MAX_MESSAGE_CHARS = 500


def secrets_of(request: Request, *bodies: bytes | None) -> set[str]:
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


def redact(message: str, secrets: set[str]) -> str:
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


class Report:
    """The report stream and the summary of everything recorded."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.summary = Summary()
        self._lock = threading.Lock()

    def record(
        self,
        *,
        request: Request,
        operation_id: str,
        status: int,
        violations: list[Violation],
        request_body: bytes,
        response_body: bytes | None,
        forwarded: bool,
    ) -> None:
        self.summary.count(operation_id, violations)
        if not violations:
            return
        secrets = secrets_of(request, request_body, response_body)
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
                    "message": redact(violation.message, secrets),
                },
                ensure_ascii=False,
            )
            for violation in violations
        ]
        with self._lock:
            self.out.write("".join(line + "\n" for line in lines))
            self.out.flush()

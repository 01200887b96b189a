"""Which operation of openapi.yaml a request goes to, under either server prefix.

Shared by the contract run (pacing each request to its bucket) and the proxy (validating it).
"""

from __future__ import annotations

import re

from starlette.routing import compile_path

from agora_chat_emulator.spec import Operation, operations

SERVER_PREFIX = "/{org_name}/{app_name}"
"""``/{org}/{app}`` and ``/app-id/{app_id}`` both have two segments before the operation path."""


class OperationMatcher:
    """Finds the operation a request goes to, and its path parameters, under either prefix."""

    def __init__(self) -> None:
        routes = []
        for operation in operations().values():
            regex, _format, _convertors = compile_path(SERVER_PREFIX + operation.path)
            routes.append((operation, regex))
        # Literal segments win over parameters: more literal characters first.
        routes.sort(key=lambda route: -len(re.sub(r"\{[^}]*\}", "", route[0].path)))
        self._routes = routes

    def match(self, method: str, path: str) -> tuple[Operation | None, dict[str, str]]:
        for operation, regex in self._routes:
            if operation.method != method:
                continue
            found = regex.match(path)
            if found is not None:
                return operation, found.groupdict()
        return None, {}

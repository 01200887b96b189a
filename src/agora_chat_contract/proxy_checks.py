"""What the proxy checks: a request and a response against their operation of openapi.yaml,
with the validators the emulator compiles from the spec (D111)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request

from agora_chat_emulator import errors
from agora_chat_emulator.requests import bearer, coerce_query, parse_json
from agora_chat_emulator.spec import Operation, iter_operations, load_spec, resolve_refs


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

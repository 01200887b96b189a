"""Reading a request: body limits, JSON parsing and validation against openapi.yaml.

Every shape check is the spec's own JSON Schema; a violation becomes the service's error body
through ``validation.validation_error``.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

from starlette.requests import ClientDisconnect, Request

from agora_chat_emulator import errors
from agora_chat_emulator.spec import Operation
from agora_chat_emulator.validation import validation_error
from agora_chat_emulator.views import Exchange

logger = logging.getLogger(__name__)

MAX_BODY_BYTES = 1024 * 1024
"""Bodies larger than this get 413 without being read further."""
MAX_JSON_DEPTH = 100
"""Deeper JSON is refused as unparsable: the schema validator cannot walk past 255 levels."""
MAX_INTEGER_DIGITS = 1000
"""Query integers with more significant digits stay text (a 400 naming the parameter), well
below the 4,300 digits Python refuses to parse; shorter ones are valid to the schema (which sets
no maximum) and are clamped where they are used."""


ENCODED_PATH = "agora_chat_emulator.encoded_path"
"""Scope key set when the routed path kept ``%2F`` encoded (``app.KeepEncodedSlashes``)."""


@dataclass
class Call:
    """What a handler needs from one request, already validated against the spec."""

    exchange: Exchange
    path: dict[str, str]
    query: dict[str, Any]
    body: Any
    token: str | None = None
    """The bearer credential of an operation that checks it itself (optional auth: the token
    call); ``None`` for the secured operations, whose token the pipeline checked."""


def uri(request: Request) -> str:
    """The request's URL without its query string, as the service echoes it in ``uri``."""
    if request.scope.get("query_string"):
        return str(request.url.replace(query=""))
    # Without a query the URL is already in that form; replace() would re-split and re-join it.
    return str(request.url)


def bearer(request: Request) -> str | None:
    header = request.headers.get("authorization")
    if header is None:
        return None
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer":
        return "\x00"  # not a bearer credential: reported as a corrupt token
    return token.strip()


async def read_body(request: Request) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise errors.body_too_large(MAX_BODY_BYTES)
    chunks: list[bytes] = []
    size = 0
    try:
        async for chunk in request.stream():
            size += len(chunk)
            if size > MAX_BODY_BYTES:
                raise errors.body_too_large(MAX_BODY_BYTES)
            chunks.append(chunk)
    except ClientDisconnect:
        # Nothing to answer and nothing wrong here: one line, no traceback (D82).
        logger.info(
            "%s %s: client disconnected after %d body bytes", request.method, request.url.path, size
        )
        raise errors.client_disconnected() from None
    return b"".join(chunks)


def check_content_type(request: Request, operation: Operation, raw_body: bytes) -> None:
    """The ``content-type=required`` choice (D120): a body the operation reads must come as
    ``application/json``; a request without a body needs no Content-Type."""
    if operation.body_validator is None or not raw_body.strip():
        return
    if media_type(request) != "application/json":
        raise errors.unsupported_media_type()


def media_type(request: Request) -> str | None:
    """The request's ``Content-Type`` without its parameters, lower-case; None when absent."""
    content_type = request.headers.get("content-type")
    if content_type is None:
        return None
    return content_type.partition(";")[0].strip().lower()


def parse_json(raw: bytes) -> Any:
    """``None`` for an absent or blank body; JSON otherwise, whatever the Content-Type says."""
    if not raw.strip():
        return None
    try:
        value = json.loads(raw)
        # Both checks below walk the whole value; cheap scans of the raw bytes skip them for the
        # bodies that cannot fail them. Nesting needs an opening bracket per level.
        if raw.count(b"[") + raw.count(b"{") > MAX_JSON_DEPTH and _depth(value) > MAX_JSON_DEPTH:
            raise errors.json_parse(f"Nesting deeper than {MAX_JSON_DEPTH} levels")
        # Escapes of lone surrogates ("\ud800") parse, but are no text anything could store. A
        # surrogate needs a \u escape or non-ASCII bytes (json.loads decodes with surrogatepass).
        if not raw.isascii() or b"\\u" in raw:
            json.dumps(value, ensure_ascii=False).encode()
    # The body names the position, never the decoder's own wording (D76).
    except json.JSONDecodeError as exc:
        raise errors.json_parse(
            f"Unexpected character at line {exc.lineno}, column {exc.colno}"
        ) from None
    except UnicodeError:
        raise errors.json_parse("Unexpected character: not UTF-8 text") from None
    except ValueError:  # what json.loads leaves: an integer of more than 4,300 digits
        raise errors.json_parse("Numeric value out of range") from None
    except RecursionError:
        raise errors.json_parse(f"Nesting deeper than {MAX_JSON_DEPTH} levels") from None
    return value


def _depth(value: Any) -> int:
    """How deeply arrays and objects nest in ``value`` (0 for a scalar), without recursion."""
    deepest, pending = 0, [(value, 1)]
    while pending:
        node, depth = pending.pop()
        if isinstance(node, dict | list):
            deepest = max(deepest, depth)
            children = node.values() if isinstance(node, dict) else node
            pending.extend((child, depth + 1) for child in children)
    return deepest


def _field_name(path: list[str | int], fallback: str) -> str:
    names = [str(part) for part in path if not isinstance(part, int)]
    return ".".join(names) if names else fallback


def _parent(instance: Any, path: list[str | int]) -> Any:
    """The array or object holding the value at ``path`` (``None`` for the top level)."""
    if not path:
        return None
    for part in path[:-1]:
        instance = instance[part]
    return instance


def _validate(operation: Operation, validator: Any, instance: Any, fallback: str) -> None:
    error = next(iter(validator.iter_errors(instance)), None)
    if error is not None:
        path = list(error.instance_path)
        raise validation_error(
            operation.operation_id,
            kind=type(error.kind).__name__,
            missing=str(getattr(error.kind, "property", "")).strip("'\""),
            field=_field_name(path, fallback),
            message=error.message,
            value=error.instance,
            parent=_parent(instance, path),
        )


def coerce_query(value: str, schema: Mapping[str, Any]) -> Any:
    digits = value.removeprefix("-")
    if (
        schema.get("type") == "integer"
        and digits.isascii()
        and digits.isdigit()
        and len(digits.lstrip("0")) <= MAX_INTEGER_DIGITS
    ):
        return int(value)
    return value


def parse(request: Request, operation: Operation, received_ms: int, raw_body: bytes) -> Call:
    """Path, query and body of ``request``, checked against ``operation``'s schemas."""
    path: dict[str, str] = {}
    query: dict[str, Any] = {}
    for parameter in operation.parameters:
        if parameter.location == "path":
            value: Any = request.path_params[parameter.name]
            if request.scope.get(ENCODED_PATH):
                value = unquote(value)
            path[parameter.name] = value
        elif parameter.location == "query":
            raw = request.query_params.get(parameter.name)
            # `?pagenum=&pagesize=` (an SDK's own test sends it) means the defaults (D88).
            if raw is None or raw == "":
                continue
            value = coerce_query(raw, parameter.schema)
            query[parameter.name] = value
        else:
            continue
        _validate(operation, parameter.validator, value, parameter.name)
    body = parse_json(raw_body)
    # A blank body stands for "no body" (optional bodies); a JSON ``null`` is a body and is checked.
    present = bool(raw_body.strip())
    if operation.body_validator is not None and (present or operation.body_required):
        _validate(operation, _body_validator(operation, body), body, "body")
    if isinstance(body, dict):
        # Go SDKs send every optional field, `null` included; the spec lets `null` through only
        # where the service reads it as absent (D87), so the handlers never see it.
        body = {name: value for name, value in body.items() if value is not None}
    exchange = Exchange(request.method, uri(request), received_ms)
    # The pipeline has checked a secured operation's token; only the others read it themselves.
    return Call(exchange, path, query, body, None if operation.secured else bearer(request))


def _body_validator(operation: Operation, body: Any) -> Any:
    """The validator of the body variant ``body`` names (``Operation.body_variants``)."""
    if operation.body_variants is None or not isinstance(body, dict):
        return operation.body_validator
    prop, validators = operation.body_variants
    if prop not in body:
        raise validation_error(
            operation.operation_id, "Required", prop, prop, f"{prop!r} is a required property"
        )
    validator = validators.get(body[prop]) if isinstance(body[prop], str) else None
    if validator is None:
        raise validation_error(
            operation.operation_id, "Enum", "", prop, f"{body[prop]!r} is not a known {prop}"
        )
    return validator

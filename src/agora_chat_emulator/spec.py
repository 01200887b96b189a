"""openapi.yaml, loaded once and compiled into per-operation validators.

The emulator never restates a shape the spec defines: request bodies and parameters are checked
with JSON Schema validators compiled from the spec itself, and (when asked) so are responses.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema_rs
import yaml

from agora_chat_emulator.behaviours import RATE_LIMIT_MODEL

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
"""The operation keys of an OpenAPI 3.1 path item."""
RATE_LIMIT_EXTENSION = "x-agora-rate-limit"
RATE_LIMIT_MODELS = "models"
"""The extension's map from a rate-limit model (a choice of the ``rate-limit-model`` switch) to
that model's ``bucket`` and ``limit``, where they differ from the default model's (D117)."""
TOKEN_KINDS = {"bearerAuth": "app", "userToken": "user"}
"""The kind of token each security scheme of the spec stands for."""


def spec_path() -> Path:
    """The packaged copy of openapi.yaml, or the repository's own when running from source."""
    packaged = Path(__file__).with_name("openapi.yaml")
    if packaged.exists():
        return packaged
    return Path(__file__).resolve().parents[2] / "openapi.yaml"


@cache
def load_spec() -> dict[str, Any]:
    with spec_path().open(encoding="utf-8") as handle:
        loaded: dict[str, Any] = yaml.safe_load(handle)
    return loaded


def resolve_refs(node: Any, root: Mapping[str, Any]) -> Any:
    """A copy of ``node`` with every local ``$ref`` inlined (the spec has no recursive refs)."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/"):
            target: Any = root
            for part in ref[2:].split("/"):
                target = target[part]
            return resolve_refs(target, root)
        return {key: resolve_refs(value, root) for key, value in node.items()}
    if isinstance(node, list):
        return [resolve_refs(item, root) for item in node]
    return node


@dataclass(frozen=True)
class Parameter:
    name: str
    location: str
    required: bool
    schema: dict[str, Any]
    validator: Any


@dataclass(frozen=True)
class RateLimit:
    bucket: str
    limit: int


def parse_rate_limits(extension: Mapping[str, Any] | None) -> dict[str, RateLimit]:
    """An operation's bucket under every rate-limit model: the extension's own ``bucket`` and
    ``limit`` are the default model's, and ``models`` overrides them per model."""
    if not extension:
        return {}
    default = RateLimit(extension["bucket"], int(extension["limit"]))
    overrides = extension.get(RATE_LIMIT_MODELS, {})
    unknown = set(overrides) - set(RATE_LIMIT_MODEL.choices)
    if unknown:
        raise ValueError(
            f"{RATE_LIMIT_EXTENSION} names unknown rate-limit models {sorted(unknown)} "
            f"(known: {', '.join(RATE_LIMIT_MODEL.choices)})"
        )
    return {
        model: RateLimit(overrides[model]["bucket"], int(overrides[model]["limit"]))
        if model in overrides
        else default
        for model in RATE_LIMIT_MODEL.choices
    }


@dataclass(frozen=True)
class Operation:
    """One operation of the spec with its compiled validators."""

    operation_id: str
    method: str
    path: str
    tag: str
    secured: bool
    parameters: tuple[Parameter, ...]
    body_required: bool
    body_validator: Any | None
    rate_limits: dict[str, RateLimit]
    """The operation's bucket under each rate-limit model (empty: not limited)."""
    response_validators: dict[int, Any] = field(default_factory=dict)
    token_kinds: frozenset[str] = frozenset()
    """The kinds of token (``TOKEN_KINDS``) the operation's ``security`` accepts."""
    body_variants: tuple[str, dict[str, Any]] | None = None
    """For a ``oneOf`` body with a ``discriminator``: its property and a validator per value,
    so a refusal names the field of the variant the client meant, not the whole union."""

    def parameter(self, location: str, name: str) -> Parameter | None:
        for parameter in self.parameters:
            if parameter.location == location and parameter.name == name:
                return parameter
        return None


def _compile(schema: Mapping[str, Any]) -> Any:
    return jsonschema_rs.Draft202012Validator(dict(schema))


def _json_schema(media: Mapping[str, Any] | None) -> dict[str, Any] | None:
    if not media:
        return None
    content = media.get("content", {}).get("application/json")
    if content is None:
        return None
    schema: dict[str, Any] = content["schema"]
    return schema


def _variants(schema: Mapping[str, Any] | None) -> tuple[str, dict[str, Any]] | None:
    if not schema or "discriminator" not in schema:
        return None
    prop = schema["discriminator"]["propertyName"]
    variants = {}
    for variant in schema["oneOf"]:
        named = variant["properties"][prop]
        for value in named.get("enum", [named.get("const")]):
            variants[value] = _compile(variant)
    return prop, variants


def iter_operations(
    spec: Mapping[str, Any],
) -> Iterator[tuple[str, str, dict[str, Any], dict[str, Any]]]:
    """(path, method, path item, operation) of every operation of ``spec``, in file order.

    The one walker of paths x methods: the emulator, the tools and the tests all use it.
    """
    for path, item in spec.get("paths", {}).items():
        for method in HTTP_METHODS:
            operation = item.get(method)
            if operation is not None:
                yield path, method, item, operation


def _operations(spec: Mapping[str, Any]) -> Iterator[Operation]:
    resolved = resolve_refs(copy.deepcopy(dict(spec)), spec)
    global_security = resolved.get("security", [])
    for path, method, item, operation in iter_operations(resolved):
        shared = item.get("parameters", [])
        merged = {(p["in"], p["name"]): p for p in [*shared, *operation.get("parameters", [])]}
        parameters = tuple(
            Parameter(
                name=p["name"],
                location=p["in"],
                required=bool(p.get("required", False)),
                schema=p["schema"],
                validator=_compile(p["schema"]),
            )
            for p in merged.values()
        )
        body = operation.get("requestBody")
        body_schema = _json_schema(body)
        security = operation.get("security", global_security)
        yield Operation(
            operation_id=operation["operationId"],
            method=method.upper(),
            path=path,
            tag=operation["tags"][0],
            # An empty requirement (`{}`) makes the token optional: the handler decides.
            secured=bool(security) and all(security),
            parameters=parameters,
            body_required=bool(body and body.get("required", False)),
            body_validator=_compile(body_schema) if body_schema is not None else None,
            rate_limits=parse_rate_limits(operation.get(RATE_LIMIT_EXTENSION)),
            response_validators={
                int(status): _compile(schema)
                for status, response in operation["responses"].items()
                if (schema := _json_schema(response)) is not None
            },
            token_kinds=frozenset(TOKEN_KINDS[name] for need in security for name in need),
            body_variants=_variants(body_schema),
        )


@cache
def operations() -> dict[str, Operation]:
    """Every operation of openapi.yaml by operationId, validators compiled once per process."""
    return {op.operation_id: op for op in _operations(load_spec())}

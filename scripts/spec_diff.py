"""Breaking-change guard for openapi.yaml: ./scripts/spec-diff [--base REF | --base-file PATH].

Compares openapi.yaml (or ``--spec PATH``) with the version on another git ref and prints every
API-visible change, split into the ones that break a generated client and the ones that do not
(the latter are the lines CHANGELOG.md needs). Exit status:

* 0: no breaking change, or breaking changes with ``info.version``'s major part raised;
* 1: breaking changes without a major bump;
* 2: the comparison could not be made (bad ref, unreadable file, bad version).

The default base is the commit the current branch started from: ``git merge-base HEAD
origin/main`` when a remote ``origin/main`` exists (all the branch's commits and uncommitted edits
are checked), else ``HEAD`` (uncommitted edits only). ``--base REF`` names any commit, tag or
branch; ``--base-file`` compares with a file instead of a ref.

Only what operations use is compared (paths, parameters, bodies, responses, with every local $ref
inlined). What counts as breaking is the question "does code written against a client generated
from the base still compile and work against the head?":

* requests: a removed operation/path, a renamed operationId or moved tag (the client module), a
  new required parameter/field/body, a removed parameter/field/body, and any narrowing of what is
  accepted (a type dropped, an enum value removed, an enum/pattern/format added or changed, a
  maximum/maxLength/maxItems/maxProperties added or lowered, a minimum added or raised,
  additionalProperties closed);
* responses: a removed 2xx response, a removed field, a field no longer required, a changed type
  or format, an enum value removed or added (generated enums reject unknown values when parsing:
  openapi-python-client's ``StrEnum(value)`` raises ``ValueError``).

Widening a request, adding optional request fields, response fields, operations and statuses is
listed as non-breaking. Constraint changes on responses (lengths, bounds, patterns) are ignored:
they do not change generated code.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

import yaml

from agora_chat_emulator.spec import iter_operations, resolve_refs

REPO = Path(__file__).resolve().parent.parent
SPEC_NAME = "openapi.yaml"
DEFAULT_REMOTE_BRANCH = "origin/main"

Schema = Mapping[str, Any]

# JSON Schema keywords whose presence, or a smaller value, accepts fewer values ...
UPPER_BOUNDS = ("maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties")
# ... and those whose presence, or a larger value, does the same.
LOWER_BOUNDS = ("minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties")
# Keywords where any new or changed value accepts different values.
EXACT_CONSTRAINTS = ("pattern", "format", "multipleOf")
JSON_TYPES = ("object", "array", "string", "integer", "number", "boolean", "null")


class Direction(Enum):
    """Which side of the wire a schema describes: clients send requests and parse responses."""

    REQUEST = "request"
    RESPONSE = "response"


@dataclass(frozen=True)
class Change:
    where: str
    what: str
    breaking: bool

    def __str__(self) -> str:
        return f"{self.where}: {self.what}"


@dataclass
class Report:
    base_version: str
    head_version: str
    changes: list[Change] = field(default_factory=list)

    @property
    def breaking(self) -> list[Change]:
        return [change for change in self.changes if change.breaking]

    @property
    def non_breaking(self) -> list[Change]:
        return [change for change in self.changes if not change.breaking]

    @property
    def major_bumped(self) -> bool:
        return major_version(self.head_version) > major_version(self.base_version)

    @property
    def failed(self) -> bool:
        return bool(self.breaking) and not self.major_bumped

    def render(self) -> str:
        lines = [f"info.version: {self.base_version} -> {self.head_version}"]
        if not self.changes:
            lines.append("No API-visible changes.")
            return "\n".join(lines)
        if self.breaking:
            verdict = (
                "allowed: the major version was raised"
                if self.major_bumped
                else "raise info.version's major part, or undo them"
            )
            lines.append(f"\nBreaking changes ({len(self.breaking)}; {verdict}):")
            lines.extend(f"- {change}" for change in self.breaking)
        if self.non_breaking:
            lines.append(f"\nNon-breaking changes ({len(self.non_breaking)}; for CHANGELOG.md):")
            lines.extend(f"- {change}" for change in self.non_breaking)
        return "\n".join(lines)


class SpecDiffError(Exception):
    """The comparison cannot be made (the message says why)."""


def major_version(version: str) -> int:
    match = re.match(r"^v?(\d+)\.", version)
    if match is None:
        raise SpecDiffError(
            f"info.version {version!r} is not a semantic version (MAJOR.MINOR.PATCH)"
        )
    return int(match.group(1))


# --- schemas --------------------------------------------------------------------------------


def _merge_all_of(schema: Schema) -> dict[str, Any]:
    """``schema`` with its allOf members folded in (properties and required are united)."""
    merged = {key: value for key, value in schema.items() if key != "allOf"}
    for member in schema.get("allOf", []):
        part = _merge_all_of(member)
        merged.setdefault("properties", {}).update(part.pop("properties", {}))
        required = set(merged.get("required", [])) | set(part.pop("required", []))
        if required:
            merged["required"] = sorted(required)
        for key, value in part.items():
            merged.setdefault(key, value)
    return merged


def _kind_of_value(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


def _kinds(schema: Schema) -> list[str]:
    declared = schema.get("type")
    if isinstance(declared, str):
        return [declared]
    if isinstance(declared, list):
        return [str(kind) for kind in declared]
    values = schema.get("enum", [schema["const"]] if "const" in schema else None)
    if values is not None:
        return sorted({_kind_of_value(value) for value in values})
    if "properties" in schema or "additionalProperties" in schema:
        return ["object"]
    if "items" in schema:
        return ["array"]
    return ["any"]


def variants(schema: Schema) -> dict[str, list[dict[str, Any]]]:
    """The alternatives a schema allows, grouped by JSON type ("any" when unconstrained).

    anyOf/oneOf members and the entries of a ``type`` list each become one alternative, so
    "integer or string" compares the same however it is written.
    """
    flat = _merge_all_of(schema)
    alternatives = [*flat.pop("anyOf", []), *flat.pop("oneOf", [])]
    grouped: dict[str, list[dict[str, Any]]] = {}
    if alternatives:
        for member in alternatives:
            for kind, found in variants({**flat, **member}).items():
                grouped.setdefault(kind, []).extend(found)
        return grouped
    for kind in _kinds(flat):
        single = dict(flat)
        if "enum" in single:
            single["enum"] = [v for v in single["enum"] if _kind_of_value(v) == kind]
        grouped.setdefault(kind, []).append(single)
    return grouped


def _pairs(base: list[dict[str, Any]], head: list[dict[str, Any]]) -> list[tuple[Schema, Schema]]:
    """Same-typed alternatives of two versions, matched for comparison.

    Alternatives are matched by title where it is unique on both sides, then in order, so "a
    PushMode or an empty string" still notices a PushMode value going away. When their number
    changed, each side is compared as the union of its alternatives.
    """
    if len(base) != len(head):
        return [(_union(base), _union(head))]

    def unique_titles(alternatives: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
        titles = [alt.get("title") for alt in alternatives]
        return {
            t: alt
            for t, alt in zip(titles, alternatives, strict=True)
            if t and titles.count(t) == 1
        }

    base_titled, head_titled = unique_titles(base), unique_titles(head)
    shared = base_titled.keys() & head_titled.keys()
    pairs: list[tuple[Schema, Schema]] = [(base_titled[t], head_titled[t]) for t in sorted(shared)]
    rest_base = [alt for alt in base if alt.get("title") not in shared]
    rest_head = [alt for alt in head if alt.get("title") not in shared]
    pairs.extend(zip(rest_base, rest_head, strict=True))
    return pairs


def _union(alternatives: list[dict[str, Any]]) -> dict[str, Any]:
    """One schema accepting at least what any of same-typed ``alternatives`` accepts."""
    if len(alternatives) == 1:
        return alternatives[0]
    union: dict[str, Any] = {}
    enums = [alt.get("enum", [alt["const"]] if "const" in alt else None) for alt in alternatives]
    if all(values is not None for values in enums):
        union["enum"] = [value for values in enums if values is not None for value in values]
    for key in (*UPPER_BOUNDS, *LOWER_BOUNDS, *EXACT_CONSTRAINTS):
        values = [alt[key] for alt in alternatives if key in alt]
        if len(values) == len(alternatives):
            union[key] = _loosest(key, values)
    properties: dict[str, Any] = {}
    for alt in alternatives:
        for name, prop in alt.get("properties", {}).items():
            properties.setdefault(name, prop)
    if properties:
        union["properties"] = properties
    required = set.intersection(*(set(alt.get("required", [])) for alt in alternatives))
    if required:
        union["required"] = sorted(required)
    items = [alt["items"] for alt in alternatives if "items" in alt]
    if items:
        union["items"] = {"anyOf": items} if len(items) > 1 else items[0]
    return union


def _loosest(key: str, values: list[Any]) -> Any:
    """The value of constraint ``key`` that lets through what any of ``values`` lets through."""
    if key in UPPER_BOUNDS:
        return max(values)
    if key in LOWER_BOUNDS:
        return min(values)
    distinct = sorted(set(map(str, values)))
    return values[0] if len(distinct) == 1 else " | ".join(distinct)


def _enum(schema: Schema) -> list[Any] | None:
    if "const" in schema:
        return [schema["const"]]
    values = schema.get("enum")
    return list(values) if values is not None else None


def _show(values: Iterable[Any]) -> str:
    return ", ".join(sorted(repr(value) for value in values))


class _Comparison:
    """Collects the changes between two versions of one schema, recursing into its parts."""

    def __init__(self, direction: Direction, report: list[Change]) -> None:
        self.direction = direction
        self.report = report

    def add(self, where: str, what: str, *, breaking: bool) -> None:
        self.report.append(Change(where, what, breaking))

    def schema(self, where: str, base: Schema, head: Schema) -> None:
        if base == head:
            return
        base_kinds, head_kinds = variants(base), variants(head)
        request = self.direction is Direction.REQUEST
        for kind in base_kinds.keys() - head_kinds.keys():
            what = f"no longer accepts {kind}" if request else f"retyped: no longer {kind}"
            self.add(where, what, breaking=True)
        for kind in head_kinds.keys() - base_kinds.keys():
            what = f"now also accepts {kind}" if request else f"retyped: may now be {kind}"
            self.add(where, what, breaking=not request)
        for kind in sorted(base_kinds.keys() & head_kinds.keys()):
            for old, new in _pairs(base_kinds[kind], head_kinds[kind]):
                self._same_kind(where, old, new)

    def _same_kind(self, where: str, base: Schema, head: Schema) -> None:
        request = self.direction is Direction.REQUEST
        self._enums(where, _enum(base), _enum(head))
        if request:
            self._constraints(where, base, head)
        elif base.get("format") != head.get("format"):
            self.add(where, f"format {base.get('format')} -> {head.get('format')}", breaking=True)
        self._properties(where, base, head)
        base_extra, head_extra = base.get("additionalProperties"), head.get("additionalProperties")
        if isinstance(base_extra, Mapping) and isinstance(head_extra, Mapping):
            self.schema(f"{where}.*", base_extra, head_extra)
        elif head_extra is False and base_extra is not False and request:
            self.add(where, "additionalProperties closed", breaking=True)
        if "items" in base and "items" in head:
            self.schema(f"{where}[]", base["items"], head["items"])

    def _enums(self, where: str, base: list[Any] | None, head: list[Any] | None) -> None:
        request = self.direction is Direction.REQUEST
        if base is None and head is not None:
            if request:
                self.add(where, f"restricted to enum {_show(head)}", breaking=True)
            else:
                self.add(where, f"now an enum of {_show(head)}", breaking=True)
            return
        if base is None or head is None:
            if head is None and base is not None:
                self.add(where, "enum lifted", breaking=not request)
            return
        removed = [value for value in base if value not in head]
        added = [value for value in head if value not in base]
        if removed:
            self.add(where, f"enum value removed: {_show(removed)}", breaking=True)
        if added:
            self.add(where, f"enum value added: {_show(added)}", breaking=not request)

    def _constraints(self, where: str, base: Schema, head: Schema) -> None:
        for key in UPPER_BOUNDS:
            old, new = base.get(key), head.get(key)
            if old == new:
                continue
            narrowed = new is not None and (old is None or new < old)
            self.add(where, f"{key} {_bound(old)} -> {_bound(new)}", breaking=narrowed)
        for key in LOWER_BOUNDS:
            old, new = base.get(key), head.get(key)
            if old == new:
                continue
            narrowed = new is not None and (old is None or new > old)
            self.add(where, f"{key} {_bound(old)} -> {_bound(new)}", breaking=narrowed)
        for key in EXACT_CONSTRAINTS:
            old, new = base.get(key), head.get(key)
            if old != new:
                self.add(where, f"{key} {_bound(old)} -> {_bound(new)}", breaking=new is not None)

    def _properties(self, where: str, base: Schema, head: Schema) -> None:
        base_props, head_props = base.get("properties", {}), head.get("properties", {})
        base_required, head_required = set(base.get("required", [])), set(head.get("required", []))
        request = self.direction is Direction.REQUEST
        noun = "request field" if request else "response field"
        for name in base_props.keys() - head_props.keys():
            self.add(f"{where}.{name}", f"{noun} removed", breaking=True)
        for name in sorted(head_props.keys() - base_props.keys()):
            required = name in head_required
            if request:
                what = f"{'required' if required else 'optional'} {noun} added"
                self.add(f"{where}.{name}", what, breaking=required)
            else:
                self.add(f"{where}.{name}", f"{noun} added", breaking=False)
        for name in sorted(base_props.keys() & head_props.keys()):
            path = f"{where}.{name}"
            was, now = name in base_required, name in head_required
            if was != now:
                if request:
                    what = "request field now required" if now else "request field now optional"
                    self.add(path, what, breaking=now)
                else:
                    what = "response field now always present" if now else "may now be absent"
                    self.add(path, what, breaking=not now)
            self.schema(path, base_props[name], head_props[name])


def _bound(value: Any) -> str:
    return "none" if value is None else repr(value) if isinstance(value, str) else str(value)


# --- operations -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Operation:
    method: str
    path: str
    body: Mapping[str, Any]

    @property
    def label(self) -> str:
        return f"{self.method} {self.path} ({self.body.get('operationId', '?')})"


def _template(path: str) -> str:
    """The path with parameter names blanked, so renaming ``{id}`` is a change, not a new path."""
    return re.sub(r"\{[^}]*\}", "{}", path)


def _operations(spec: Mapping[str, Any]) -> dict[tuple[str, str], _Operation]:
    resolved = resolve_refs(spec, spec)
    found: dict[tuple[str, str], _Operation] = {}
    for path, method, item, operation in iter_operations(resolved):
        shared = item.get("parameters", [])
        by_key = {(p["in"], p["name"]): p for p in [*shared, *operation.get("parameters", [])]}
        body = {**operation, "parameters": list(by_key.values())}
        if "security" not in body:
            body["security"] = resolved.get("security", [])
        found[(method.upper(), _template(path))] = _Operation(method.upper(), path, body)
    return found


def _json_schema(content: Mapping[str, Any] | None) -> Schema | None:
    if not content:
        return None
    media = content.get("content", {})
    chosen = media.get("application/json") or next(iter(media.values()), None)
    if chosen is None:
        return None
    schema: Schema = chosen.get("schema", {})
    return schema


def _compare_operation(base: _Operation, head: _Operation, changes: list[Change]) -> None:
    where = head.label
    old_id, new_id = base.body.get("operationId"), head.body.get("operationId")
    if old_id != new_id:
        changes.append(Change(where, f"operationId renamed from {old_id}", breaking=True))
    if base.path != head.path:
        changes.append(Change(where, f"path parameter renamed (was {base.path})", breaking=True))
    old_tags, new_tags = base.body.get("tags", []), head.body.get("tags", [])
    if old_tags[:1] != new_tags[:1]:
        changes.append(
            Change(where, f"moved from tag {old_tags[:1]} to {new_tags[:1]}", breaking=True)
        )
    if not base.body["security"] and head.body["security"]:
        changes.append(Change(where, "now requires authentication", breaking=True))
    if not base.body.get("deprecated") and head.body.get("deprecated"):
        changes.append(Change(where, "deprecated", breaking=False))
    _compare_parameters(where, base, head, changes)
    _compare_body(where, base, head, changes)
    _compare_responses(where, base, head, changes)


def _compare_parameters(where: str, base: _Operation, head: _Operation, out: list[Change]) -> None:
    # Path parameters are matched by position (a renamed one is reported with the path).
    def keyed(operation: _Operation) -> dict[tuple[str, str], Mapping[str, Any]]:
        names = re.findall(r"\{([^}]*)\}", operation.path)
        keys = {}
        for parameter in operation.body["parameters"]:
            name, location = parameter["name"], parameter["in"]
            if location == "path" and name in names:
                name = f"#{names.index(name)}"
            keys[(location, name)] = parameter
        return keys

    old, new = keyed(base), keyed(head)
    request = _Comparison(Direction.REQUEST, out)
    for key in old.keys() - new.keys():
        out.append(Change(f"{where} {_param(old[key])}", "parameter removed", breaking=True))
    for key in sorted(new.keys() - old.keys()):
        required = bool(new[key].get("required"))
        what = f"{'required' if required else 'optional'} parameter added"
        out.append(Change(f"{where} {_param(new[key])}", what, breaking=required))
    for key in sorted(old.keys() & new.keys()):
        label = f"{where} {_param(new[key])}"
        was, now = bool(old[key].get("required")), bool(new[key].get("required"))
        if was != now:
            what = "parameter now required" if now else "parameter now optional"
            out.append(Change(label, what, breaking=now))
        request.schema(label, old[key].get("schema", {}), new[key].get("schema", {}))


def _param(parameter: Mapping[str, Any]) -> str:
    return f"{parameter['in']} parameter {parameter['name']}"


def _compare_body(where: str, base: _Operation, head: _Operation, out: list[Change]) -> None:
    old, new = base.body.get("requestBody"), head.body.get("requestBody")
    label = f"{where} request body"
    if old is None and new is None:
        return
    if old is None:
        required = bool(new and new.get("required"))
        what = f"{'required' if required else 'optional'} request body added"
        out.append(Change(label, what, breaking=required))
        return
    if new is None:
        out.append(Change(label, "request body removed", breaking=True))
        return
    if not old.get("required") and new.get("required"):
        out.append(Change(label, "request body now required", breaking=True))
    old_schema, new_schema = _json_schema(old), _json_schema(new)
    if old_schema is not None and new_schema is not None:
        _Comparison(Direction.REQUEST, out).schema(label, old_schema, new_schema)


def _compare_responses(where: str, base: _Operation, head: _Operation, out: list[Change]) -> None:
    old, new = base.body.get("responses", {}), head.body.get("responses", {})
    for status in sorted(old.keys() - new.keys(), key=str):
        success = str(status).startswith("2")
        out.append(Change(f"{where} response {status}", "response removed", breaking=success))
    for status in sorted(new.keys() - old.keys(), key=str):
        out.append(Change(f"{where} response {status}", "response added", breaking=False))
    comparison = _Comparison(Direction.RESPONSE, out)
    for status in sorted(old.keys() & new.keys(), key=str):
        old_schema, new_schema = _json_schema(old[status]), _json_schema(new[status])
        label = f"{where} response {status}"
        if old_schema is not None and new_schema is None:
            out.append(Change(label, "response body removed", breaking=True))
        elif old_schema is None and new_schema is not None:
            out.append(Change(label, "response body added", breaking=False))
        elif old_schema is not None and new_schema is not None:
            comparison.schema(label, old_schema, new_schema)


def compare(base: Mapping[str, Any], head: Mapping[str, Any]) -> Report:
    """Every change from ``base`` to ``head`` that a generated client can notice."""
    report = Report(str(base["info"]["version"]), str(head["info"]["version"]))
    major_version(report.base_version)
    major_version(report.head_version)
    old, new = _operations(base), _operations(head)
    old_paths = {_template(op.path) for op in old.values()}
    new_paths = {_template(op.path) for op in new.values()}
    for key in sorted(old.keys() - new.keys()):
        operation = old[key]
        gone = "path removed" if _template(operation.path) not in new_paths else "operation removed"
        report.changes.append(Change(operation.label, gone, breaking=True))
    for key in sorted(new.keys() - old.keys()):
        operation = new[key]
        fresh = "path added" if _template(operation.path) not in old_paths else "operation added"
        report.changes.append(Change(operation.label, fresh, breaking=False))
    for key in sorted(old.keys() & new.keys()):
        _compare_operation(old[key], new[key], report.changes)
    return report


# --- command line ---------------------------------------------------------------------------


def _git(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", *args], cwd=REPO, capture_output=True, text=True, check=False, timeout=60
    )


def default_base() -> str:
    """The commit the branch started from: merge-base with origin/main, else HEAD."""
    if _git("rev-parse", "--verify", "--quiet", DEFAULT_REMOTE_BRANCH).returncode == 0:
        merge_base = _git("merge-base", "HEAD", DEFAULT_REMOTE_BRANCH)
        if merge_base.returncode == 0:
            return merge_base.stdout.strip()
    return "HEAD"


def load_from_ref(ref: str, spec: Path) -> tuple[Any, str]:
    try:
        relative = spec.resolve().relative_to(REPO)
    except ValueError:
        relative = Path(SPEC_NAME)
    shown = _git("show", f"{ref}:{relative.as_posix()}")
    if shown.returncode != 0:
        raise SpecDiffError(f"cannot read {relative} at {ref!r}: {shown.stderr.strip()}")
    return yaml.safe_load(shown.stdout), f"{relative} at {ref}"


def load_file(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise SpecDiffError(f"cannot read {path}: {exc}") from None


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="scripts/spec-diff",
        description="List the API changes of openapi.yaml since a git ref; fail on breaking ones "
        "unless info.version's major part was raised.",
    )
    source = parser.add_mutually_exclusive_group()
    source.add_argument(
        "--base",
        metavar="REF",
        help="git ref to compare with (default: merge-base of HEAD and origin/main, else HEAD)",
    )
    source.add_argument("--base-file", type=Path, metavar="PATH", help="compare with this file")
    parser.add_argument(
        "--spec",
        type=Path,
        default=REPO / SPEC_NAME,
        metavar="PATH",
        help="the new version (default: openapi.yaml in the working tree)",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        if args.base_file is not None:
            base, base_name = load_file(args.base_file), str(args.base_file)
        else:
            base, base_name = load_from_ref(args.base or default_base(), args.spec)
        report = compare(base, load_file(args.spec))
    except SpecDiffError as exc:
        print(f"spec-diff: {exc}", file=sys.stderr)
        return 2
    print(f"Comparing {args.spec} with {base_name}")
    print(report.render())
    if report.failed:
        print(
            f"\nspec-diff: FAILED: {len(report.breaking)} breaking change(s) without a major "
            f"version bump (info.version {report.base_version} -> {report.head_version}).",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

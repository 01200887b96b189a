"""scripts/spec-diff: every breaking rule is caught, non-breaking changes are listed, a major bump
lets breaking changes through, and the current openapi.yaml against itself reports nothing.

Each case starts from one small base description (BASE below) and changes one thing in a copy.
"""

from __future__ import annotations

import copy
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from spec_diff import Report, compare, main

REPO = Path(__file__).resolve().parents[2]

Spec = dict[str, Any]

BASE: Spec = {
    "openapi": "3.1.0",
    "info": {"title": "fixture", "version": "1.4.0"},
    "security": [{"bearerAuth": []}],
    "paths": {
        "/rooms/{room_id}": {
            "parameters": [{"$ref": "#/components/parameters/RoomId"}],
            "get": {
                "operationId": "getRoom",
                "tags": ["Rooms"],
                "parameters": [
                    {
                        "name": "limit",
                        "in": "query",
                        "required": False,
                        "schema": {"type": "integer", "minimum": 1, "maximum": 100},
                    }
                ],
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Room"}}
                        },
                    },
                    "404": {"description": "unknown room"},
                },
            },
            "put": {
                "operationId": "setRoom",
                "tags": ["Rooms"],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/RoomUpdate"}}
                    },
                },
                "responses": {"200": {"description": "ok"}},
            },
        },
        "/users": {
            "post": {
                "operationId": "createUser",
                "tags": ["Users"],
                "security": [],
                "responses": {"200": {"description": "ok"}},
            },
        },
    },
    "components": {
        "parameters": {
            "RoomId": {
                "name": "room_id",
                "in": "path",
                "required": True,
                "schema": {"type": "string"},
            }
        },
        "schemas": {
            "Room": {
                "type": "object",
                "required": ["id", "mode"],
                "properties": {
                    "id": {"type": "string"},
                    "mode": {"$ref": "#/components/schemas/Mode"},
                    "count": {"type": "integer"},
                },
            },
            "Mode": {"title": "Mode", "type": "string", "enum": ["open", "closed"]},
            "RoomUpdate": {
                "type": "object",
                "required": ["name"],
                "properties": {
                    "name": {"type": "string", "maxLength": 64},
                    "size": {"anyOf": [{"type": "integer"}, {"type": "string"}]},
                    "mode": {"$ref": "#/components/schemas/Mode"},
                    # The spec's "a PushMode, or an empty string for not set" shape.
                    "state": {
                        "anyOf": [
                            {"$ref": "#/components/schemas/Mode"},
                            {"type": "string", "maxLength": 0},
                        ]
                    },
                    "labels": {"type": "array", "maxItems": 10, "items": {"type": "string"}},
                    "extra": {"type": "object", "additionalProperties": {"type": "string"}},
                },
            },
        },
    },
}

Edit = Callable[[Spec], None]


def schemas(spec: Spec) -> dict[str, Any]:
    found: dict[str, Any] = spec["components"]["schemas"]
    return found


def room_get(spec: Spec) -> dict[str, Any]:
    found: dict[str, Any] = spec["paths"]["/rooms/{room_id}"]["get"]
    return found


def update_field(spec: Spec, name: str) -> dict[str, Any]:
    found: dict[str, Any] = schemas(spec)["RoomUpdate"]["properties"][name]
    return found


def edited(edit: Edit, version: str | None = None) -> Report:
    head = copy.deepcopy(BASE)
    edit(head)
    if version is not None:
        head["info"]["version"] = version
    return compare(BASE, head)


def remove_operation(spec: Spec) -> None:
    del spec["paths"]["/rooms/{room_id}"]["put"]


def remove_path(spec: Spec) -> None:
    del spec["paths"]["/users"]


def rename_operation_id(spec: Spec) -> None:
    room_get(spec)["operationId"] = "fetchRoom"


def move_tag(spec: Spec) -> None:
    room_get(spec)["tags"] = ["Chat rooms"]


def rename_path_parameter(spec: Spec) -> None:
    spec["paths"]["/rooms/{id}"] = spec["paths"].pop("/rooms/{room_id}")
    spec["components"]["parameters"]["RoomId"]["name"] = "id"


def add_required_request_field(spec: Spec) -> None:
    update = schemas(spec)["RoomUpdate"]
    update["properties"]["owner"] = {"type": "string"}
    update["required"].append("owner")


def make_request_field_required(spec: Spec) -> None:
    schemas(spec)["RoomUpdate"]["required"].append("size")


def remove_request_field(spec: Spec) -> None:
    del schemas(spec)["RoomUpdate"]["properties"]["labels"]


def add_required_parameter(spec: Spec) -> None:
    room_get(spec)["parameters"].append(
        {"name": "view", "in": "query", "required": True, "schema": {"type": "string"}}
    )


def make_parameter_required(spec: Spec) -> None:
    room_get(spec)["parameters"][0]["required"] = True


def remove_parameter(spec: Spec) -> None:
    room_get(spec)["parameters"].clear()


def require_body_on_create(spec: Spec) -> None:
    spec["paths"]["/users"]["post"]["requestBody"] = {
        "required": True,
        "content": {"application/json": {"schema": {"type": "object"}}},
    }


def remove_response_field(spec: Spec) -> None:
    del schemas(spec)["Room"]["properties"]["count"]


def retype_response_field(spec: Spec) -> None:
    schemas(spec)["Room"]["properties"]["count"] = {"type": "string"}


def make_response_field_optional(spec: Spec) -> None:
    schemas(spec)["Room"]["required"] = ["id"]


def remove_enum_value(spec: Spec) -> None:
    schemas(spec)["Mode"]["enum"] = ["open"]


def add_enum_value(spec: Spec) -> None:
    schemas(spec)["Mode"]["enum"].append("archived")


def narrow_integer_or_string(spec: Spec) -> None:
    update_field(spec, "size").clear()
    update_field(spec, "size")["type"] = "integer"


def add_pattern(spec: Spec) -> None:
    update_field(spec, "name")["pattern"] = "^[a-z]+$"


def lower_max_length(spec: Spec) -> None:
    update_field(spec, "name")["maxLength"] = 32


def add_maximum(spec: Spec) -> None:
    update_field(spec, "size")["anyOf"][0]["maximum"] = 10


def lower_max_items(spec: Spec) -> None:
    update_field(spec, "labels")["maxItems"] = 5


def raise_parameter_minimum(spec: Spec) -> None:
    room_get(spec)["parameters"][0]["schema"]["minimum"] = 5


def close_additional_properties(spec: Spec) -> None:
    update_field(spec, "extra")["additionalProperties"] = False


def remove_success_response(spec: Spec) -> None:
    room_get(spec)["responses"]["204"] = room_get(spec)["responses"].pop("200")


def require_auth(spec: Spec) -> None:
    del spec["paths"]["/users"]["post"]["security"]


BREAKING: list[tuple[Edit, str, str]] = [
    (remove_operation, "PUT /rooms/{room_id} (setRoom)", "operation removed"),
    (remove_path, "POST /users (createUser)", "path removed"),
    (rename_operation_id, "GET /rooms/{room_id} (fetchRoom)", "operationId renamed from getRoom"),
    (move_tag, "GET /rooms/{room_id} (getRoom)", "moved from tag ['Rooms'] to ['Chat rooms']"),
    (rename_path_parameter, "GET /rooms/{id} (getRoom)", "path parameter renamed"),
    (add_required_request_field, "request body.owner", "required request field added"),
    (make_request_field_required, "request body.size", "request field now required"),
    (remove_request_field, "request body.labels", "request field removed"),
    (add_required_parameter, "query parameter view", "required parameter added"),
    (make_parameter_required, "query parameter limit", "parameter now required"),
    (remove_parameter, "query parameter limit", "parameter removed"),
    (require_body_on_create, "(createUser) request body", "required request body added"),
    (remove_response_field, "response 200.count", "response field removed"),
    (retype_response_field, "response 200.count", "retyped: no longer integer"),
    (make_response_field_optional, "response 200.mode", "may now be absent"),
    (remove_enum_value, "request body.mode", "enum value removed: 'closed'"),
    (remove_enum_value, "response 200.mode", "enum value removed: 'closed'"),
    (remove_enum_value, "request body.state", "enum value removed: 'closed'"),
    (add_enum_value, "response 200.mode", "enum value added: 'archived'"),
    (narrow_integer_or_string, "request body.size", "no longer accepts string"),
    (add_pattern, "request body.name", "pattern none -> '^[a-z]+$'"),
    (lower_max_length, "request body.name", "maxLength 64 -> 32"),
    (add_maximum, "request body.size", "maximum none -> 10"),
    (lower_max_items, "request body.labels", "maxItems 10 -> 5"),
    (raise_parameter_minimum, "query parameter limit", "minimum 1 -> 5"),
    (close_additional_properties, "request body.extra", "additionalProperties closed"),
    (remove_success_response, "(getRoom) response 200", "response removed"),
    (require_auth, "(createUser)", "now requires authentication"),
]


def add_operation(spec: Spec) -> None:
    spec["paths"]["/rooms/{room_id}"]["delete"] = {
        "operationId": "deleteRoom",
        "tags": ["Rooms"],
        "responses": {"200": {"description": "ok"}},
    }


def add_path(spec: Spec) -> None:
    spec["paths"]["/users/{username}"] = {
        "get": {
            "operationId": "getUser",
            "tags": ["Users"],
            "responses": {"200": {"description": "ok"}},
        }
    }


def add_optional_request_field(spec: Spec) -> None:
    schemas(spec)["RoomUpdate"]["properties"]["topic"] = {"type": "string"}


def add_optional_parameter(spec: Spec) -> None:
    room_get(spec)["parameters"].append(
        {"name": "view", "in": "query", "schema": {"type": "string"}}
    )


def add_response_field(spec: Spec) -> None:
    schemas(spec)["Room"]["properties"]["topic"] = {"type": "string"}


def add_request_only_enum_value(spec: Spec) -> None:
    update_field(spec, "mode").clear()
    update_field(spec, "mode").update({"type": "string", "enum": ["open", "closed", "archived"]})


def widen_to_integer_or_string(spec: Spec) -> None:
    room_get(spec)["parameters"][0]["schema"] = {
        "anyOf": [{"type": "integer", "minimum": 1, "maximum": 100}, {"type": "string"}]
    }


def raise_max_length(spec: Spec) -> None:
    update_field(spec, "name")["maxLength"] = 128


def add_error_response(spec: Spec) -> None:
    spec["paths"]["/users"]["post"]["responses"]["409"] = {"description": "exists"}


NON_BREAKING: list[tuple[Edit, str, str]] = [
    (add_operation, "DELETE /rooms/{room_id} (deleteRoom)", "operation added"),
    (add_path, "GET /users/{username} (getUser)", "path added"),
    (add_optional_request_field, "request body.topic", "optional request field added"),
    (add_optional_parameter, "query parameter view", "optional parameter added"),
    (add_response_field, "response 200.topic", "response field added"),
    (add_request_only_enum_value, "request body.mode", "enum value added: 'archived'"),
    (widen_to_integer_or_string, "query parameter limit", "now also accepts string"),
    (raise_max_length, "request body.name", "maxLength 64 -> 128"),
    (add_error_response, "(createUser) response 409", "response added"),
]


def described(report: Report) -> str:
    return "\n".join(f"{'B' if c.breaking else '-'} {c}" for c in report.changes)


@pytest.mark.parametrize(
    ("edit", "where", "what"), BREAKING, ids=[f"{e.__name__}:{w}" for e, w, _ in BREAKING]
)
def test_breaking_change_is_detected_and_fails_without_a_major_bump(
    edit: Edit, where: str, what: str
) -> None:
    report = edited(edit, version="1.5.0")

    matching = [c for c in report.breaking if where in c.where and what in c.what]
    assert matching, f"expected a breaking '{where}: {what}' in:\n{described(report)}"
    assert report.failed


@pytest.mark.parametrize(
    ("edit", "where", "what"), NON_BREAKING, ids=[e.__name__ for e, _, _ in NON_BREAKING]
)
def test_non_breaking_change_is_listed_and_passes(edit: Edit, where: str, what: str) -> None:
    report = edited(edit, version="1.5.0")

    assert report.breaking == [], described(report)
    assert any(where in c.where and what in c.what for c in report.non_breaking), described(report)
    assert not report.failed
    assert f"{where}" in report.render()


def test_major_bump_allows_breaking_changes_and_still_lists_them() -> None:
    report = edited(remove_operation, version="2.0.0")

    assert [str(c) for c in report.breaking] == [
        "PUT /rooms/{room_id} (setRoom): operation removed"
    ]
    assert not report.failed
    assert "allowed: the major version was raised" in report.render()


def test_description_only_edits_report_nothing() -> None:
    def reword(spec: Spec) -> None:
        room_get(spec)["description"] = "Reads one room."
        schemas(spec)["Room"]["properties"]["id"]["description"] = "Room ID."

    report = edited(reword)

    assert report.changes == []
    assert not report.failed


def test_reordered_alternatives_report_nothing() -> None:
    def reorder(spec: Spec) -> None:
        update_field(spec, "state")["anyOf"].reverse()
        update_field(spec, "size")["anyOf"].reverse()

    assert edited(reorder).changes == []


def test_current_spec_against_itself_reports_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    spec = REPO / "openapi.yaml"

    assert main(["--base-file", str(spec), "--spec", str(spec)]) == 0
    assert "No API-visible changes." in capsys.readouterr().out


def test_git_ref_is_read_with_git_show(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    committed = subprocess.run(
        ["git", "show", "HEAD:openapi.yaml"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    head = yaml.safe_load(committed)
    del head["paths"]["/token"]
    spec = tmp_path / "openapi.yaml"
    spec.write_text(yaml.safe_dump(head, allow_unicode=True), encoding="utf-8")

    status = main(["--base", "HEAD", "--spec", str(spec)])

    captured = capsys.readouterr()
    assert status == 1, captured.out
    assert "POST /token (createAppToken): path removed" in captured.out
    assert "FAILED: 1 breaking change(s) without a major version bump" in captured.err


def test_unknown_ref_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--base", "no-such-ref-anywhere"]) == 2
    assert "cannot read openapi.yaml at 'no-such-ref-anywhere'" in capsys.readouterr().err

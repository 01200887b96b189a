"""What openapi.yaml says: examples, operation conventions, schema rules and tolerated inputs.

The lint gates (test_spec_lint.py) check that the file is valid OpenAPI; these tests check the
project's own rules (docs/decisions.md, the shared CONVENTIONS) and that the request schemas
accept exactly what the real service accepts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any, NamedTuple

import jsonschema_rs
import pytest

from agora_chat_emulator.spec import iter_operations, load_spec, resolve_refs

SPEC: dict[str, Any] = load_spec()
RESOLVED: dict[str, Any] = resolve_refs(SPEC, SPEC)

OPERATION_VERBS = ("get", "set", "create", "delete", "add", "remove", "list", "register", "force")
OPERATION_ID = re.compile(rf"^({'|'.join(OPERATION_VERBS)})[A-Z][A-Za-z0-9]*$")
EVIDENCE = re.compile(
    r"^(api-facts|supporting-endpoints|sdk-wire-formats|spec-audit|user-tokens)\.md"
    r" §[0-9]+(\.[0-9]+)*( \S.*)?$"
)
UNSECURED_OPERATIONS = {"createAppToken"}

EXPECTED_OPERATIONS = {
    ("POST", "/token"),
    ("POST", "/users"),
    ("GET", "/users/{username}"),
    ("PUT", "/users/{username}"),
    ("DELETE", "/users/{username}"),
    ("PUT", "/users/{username}/notification/{chattype}/{key}"),
    ("GET", "/users/{username}/notification/{chattype}/{key}"),
    ("PUT", "/users/{username}/push/binding"),
    ("GET", "/users/{username}/push/binding"),
    ("PUT", "/push/nickname"),
    ("PUT", "/users/{username}/notification/language"),
    ("GET", "/users/{username}/notification/language"),
    ("PUT", "/users/{username}/notification/template"),
    ("GET", "/users/{username}/notification/template"),
    ("POST", "/notification/template"),
    ("GET", "/notification/template/{name}"),
    ("DELETE", "/notification/template/{name}"),
    ("POST", "/chatrooms"),
    ("GET", "/chatrooms/{chatroom_id}"),
    ("DELETE", "/chatrooms/{chatroom_id}"),
    ("GET", "/chatrooms/{chatroom_id}/users"),
    ("POST", "/chatrooms/{chatroom_id}/users"),
    ("POST", "/chatrooms/{chatroom_id}/users/{username}"),
    ("DELETE", "/chatrooms/{chatroom_id}/users/{username}"),
    ("POST", "/metadata/chatroom/{chatroom_id}"),
    ("PUT", "/metadata/chatroom/{chatroom_id}/user/{username}"),
    ("DELETE", "/metadata/chatroom/{chatroom_id}/user/{username}"),
    ("PUT", "/metadata/chatroom/{chatroom_id}/user/{username}/forced"),
    ("DELETE", "/metadata/chatroom/{chatroom_id}/user/{username}/forced"),
}

TOP_LEVEL_ORDER = ("info", "servers", "security", "tags", "paths", "components")
COMPONENTS_ORDER = ("parameters", "schemas", "responses", "securitySchemes", "examples")
REQUIRED_COMPONENTS = ("parameters", "schemas", "responses", "securitySchemes")


class Operation(NamedTuple):
    method: str
    path: str
    operation: dict[str, Any]
    """The resolved operation object."""
    parameters: list[dict[str, Any]]
    """Path-level and operation-level parameters, resolved."""


def _operations() -> list[Operation]:
    found = []
    for path, method, item, operation in iter_operations(RESOLVED):
        parameters = [*item.get("parameters", []), *operation.get("parameters", [])]
        found.append(Operation(method.upper(), path, operation, parameters))
    return found


def _operation_id(op: Operation) -> str:
    return str(op.operation.get("operationId", f"{op.method} {op.path}"))


OPERATIONS = _operations()
BY_ID = {_operation_id(op): op for op in OPERATIONS}


def each_operation() -> pytest.MarkDecorator:
    return pytest.mark.parametrize("op", OPERATIONS, ids=_operation_id)


def problems(schema: Mapping[str, Any], instance: Any) -> list[str]:
    validator = jsonschema_rs.Draft202012Validator(dict(schema))
    return [f"{list(e.instance_path)}: {e.message}" for e in validator.iter_errors(instance)]


# --- 1. examples ------------------------------------------------------------------------------


class Example(NamedTuple):
    where: str
    schema: dict[str, Any]
    value: Any


def _media_examples(where: str, content: Mapping[str, Any]) -> Iterator[Example]:
    for media_type, media in content.items():
        schema = media.get("schema")
        if schema is None:
            continue
        if "example" in media:
            yield Example(f"{where} {media_type} example", schema, media["example"])
        for name, example in media.get("examples", {}).items():
            yield Example(f"{where} {media_type} examples.{name}", schema, example["value"])


def _parameter_examples(where: str, parameter: Mapping[str, Any]) -> Iterator[Example]:
    schema = parameter["schema"]
    name = f"{where} parameter {parameter['in']}.{parameter['name']}"
    if "example" in parameter:
        yield Example(f"{name} example", schema, parameter["example"])
    for key, example in parameter.get("examples", {}).items():
        yield Example(f"{name} examples.{key}", schema, example["value"])


def _is_ref(node: Any) -> bool:
    return isinstance(node, dict) and "$ref" in node


def _all_examples() -> list[Example]:
    """Examples written inline in operations, then those of shared components (checked once)."""
    found: list[Example] = []
    for op in OPERATIONS:
        where = _operation_id(op)
        raw_item = SPEC["paths"][op.path]
        raw = raw_item[op.method.lower()]
        raw_parameters = [*raw_item.get("parameters", []), *raw.get("parameters", [])]
        for parameter, raw_parameter in zip(op.parameters, raw_parameters, strict=True):
            if not _is_ref(raw_parameter):
                found += _parameter_examples(where, parameter)
        body = op.operation.get("requestBody")
        if body and not _is_ref(raw["requestBody"]):
            found += _media_examples(f"{where} request", body.get("content", {}))
        for status, response in op.operation["responses"].items():
            if not _is_ref(raw["responses"][status]):
                found += _media_examples(f"{where} {status}", response.get("content", {}))
    components = RESOLVED["components"]
    for name, response in components.get("responses", {}).items():
        found += _media_examples(f"components.responses.{name}", response.get("content", {}))
    for parameter in components.get("parameters", {}).values():
        found += _parameter_examples("components.parameters", parameter)
    return found


EXAMPLES = _all_examples()


def test_the_spec_has_examples_to_check() -> None:
    # Guards the parametrised test below against silently checking nothing.
    assert len(EXAMPLES) >= len(OPERATIONS)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda example: example.where)
def test_every_example_validates_against_its_schema(example: Example) -> None:
    assert problems(example.schema, example.value) == []


# --- 2. operation conventions -----------------------------------------------------------------


@each_operation()
def test_operation_id_is_camel_case_and_starts_with_a_known_verb(op: Operation) -> None:
    assert OPERATION_ID.match(op.operation.get("operationId", "")), (
        f"{op.method} {op.path}: operationId must be camelCase starting with one of "
        f"{OPERATION_VERBS}"
    )


@each_operation()
def test_operation_has_exactly_one_tag_declared_with_a_description(op: Operation) -> None:
    declared = {tag["name"]: tag.get("description", "") for tag in SPEC["tags"]}
    tags = op.operation.get("tags", [])

    assert len(tags) == 1
    assert tags[0] in declared
    assert declared[tags[0]].strip()


@each_operation()
def test_operation_has_a_summary_and_a_description(op: Operation) -> None:
    assert str(op.operation.get("summary", "")).strip()
    assert str(op.operation.get("description", "")).strip()


@each_operation()
def test_operation_with_a_request_body_has_a_request_example(op: Operation) -> None:
    body = op.operation.get("requestBody")
    if body is None:
        return
    for media_type, media in body["content"].items():
        assert "example" in media or media.get("examples"), f"no example for {media_type}"


@each_operation()
def test_operation_has_a_200_response_with_an_example(op: Operation) -> None:
    ok = op.operation["responses"].get("200")

    assert ok is not None
    for media_type, media in ok.get("content", {}).items():
        assert "example" in media or media.get("examples"), f"no example for {media_type}"
    assert ok.get("content"), "200 has no content"


@each_operation()
def test_operation_documents_401_unless_it_needs_no_token(op: Operation) -> None:
    unsecured = op.operation.get("security") == []

    assert unsecured == (_operation_id(op) in UNSECURED_OPERATIONS)
    if not unsecured:
        assert "401" in op.operation["responses"]


@each_operation()
def test_operation_has_no_success_status_other_than_200(op: Operation) -> None:
    success = [str(s) for s in op.operation["responses"] if str(s).startswith("2")]

    assert success == ["200"]


@each_operation()
def test_operation_has_a_rate_limit_bucket_and_a_positive_limit(op: Operation) -> None:
    limit = op.operation.get("x-agora-rate-limit")

    assert isinstance(limit, dict)
    assert isinstance(limit.get("bucket"), str)
    assert limit["bucket"]
    assert isinstance(limit.get("limit"), int)
    assert not isinstance(limit["limit"], bool)
    assert limit["limit"] > 0


@each_operation()
def test_operation_evidence_cites_sections_of_the_reference_notes(op: Operation) -> None:
    evidence = op.operation.get("x-evidence")

    assert isinstance(evidence, list)
    assert evidence, "x-evidence is empty"
    malformed = [ref for ref in evidence if not (isinstance(ref, str) and EVIDENCE.match(ref))]
    assert malformed == [], "expected '<a note in docs/evidence/>.md §N'"


# --- 3. the set of operations -----------------------------------------------------------------


def test_spec_describes_exactly_the_operations_in_scope() -> None:
    described = [(op.method, op.path) for op in OPERATIONS]

    assert len(described) == len(EXPECTED_OPERATIONS)
    assert set(described) == EXPECTED_OPERATIONS


def test_operation_ids_are_unique() -> None:
    assert len(BY_ID) == len(OPERATIONS)


# --- 4. per-key limits are not schema constraints; tolerated inputs --------------------------


def request_schema(operation_id: str) -> dict[str, Any]:
    schema: dict[str, Any] = BY_ID[operation_id].operation["requestBody"]["content"][
        "application/json"
    ]["schema"]
    return schema


def assert_accepted(operation_id: str, body: Any) -> None:
    assert problems(request_schema(operation_id), body) == [], f"{operation_id} rejects {body!r}"


def assert_rejected(operation_id: str, body: Any) -> None:
    assert problems(request_schema(operation_id), body) != [], f"{operation_id} accepts {body!r}"


ATTRIBUTE_WRITES = ("setChatroomAttributes", "forceSetChatroomAttributes")
ATTRIBUTE_DELETES = ("deleteChatroomAttributes", "forceDeleteChatroomAttributes")


@pytest.mark.parametrize("operation_id", ATTRIBUTE_WRITES)
@pytest.mark.parametrize(
    "metadata",
    [
        pytest.param({"k" * 200: "v"}, id="200-character key"),
        pytest.param({"k": "v" * 5000}, id="5000-character value"),
        pytest.param({"bad key!": "v"}, id="illegal key characters"),
        pytest.param({"": "v"}, id="empty key"),
    ],
)
def test_per_key_attribute_limits_are_left_to_error_keys(
    operation_id: str, metadata: dict[str, str]
) -> None:
    assert_accepted(operation_id, {"metaData": metadata})


@pytest.mark.parametrize("operation_id", ATTRIBUTE_WRITES)
def test_more_than_10_attribute_pairs_are_rejected_as_a_batch(operation_id: str) -> None:
    assert_accepted(operation_id, {"metaData": {f"k{i}": "v" for i in range(10)}})
    assert_rejected(operation_id, {"metaData": {f"k{i}": "v" for i in range(11)}})


@pytest.mark.parametrize("operation_id", ATTRIBUTE_DELETES)
def test_more_than_10_keys_in_an_attribute_delete_are_rejected_as_a_batch(
    operation_id: str,
) -> None:
    assert_accepted(operation_id, {"keys": [f"k{i}" for i in range(10)]})
    assert_rejected(operation_id, {"keys": [f"k{i}" for i in range(11)]})


@pytest.mark.parametrize("style", [0, 1, "0", "1"])
def test_display_style_is_accepted_as_number_or_numeric_string(style: int | str) -> None:
    assert_accepted("setPushProfile", {"notification_display_style": style})


@pytest.mark.parametrize("style", [2, "2"])
def test_display_style_other_than_0_or_1_is_rejected(style: int | str) -> None:
    assert_rejected("setPushProfile", {"notification_display_style": style})


@pytest.mark.parametrize("operation_id", ATTRIBUTE_WRITES)
def test_auto_delete_is_case_insensitive_but_only_delete_or_no_delete(operation_id: str) -> None:
    for accepted in ("delete", "No_Delete", "DELETE", "NO_DELETE"):
        assert_accepted(operation_id, {"metaData": {"k": "v"}, "autoDelete": accepted})
    assert_rejected(operation_id, {"metaData": {"k": "v"}, "autoDelete": "maybe"})


@pytest.mark.parametrize("body", [{}, {"keys": None}, {"keys": []}], ids=str)
def test_get_attributes_body_without_keys_means_all(body: dict[str, Any]) -> None:
    assert BY_ID["getChatroomAttributes"].operation["requestBody"].get("required") is not True
    assert_accepted("getChatroomAttributes", body)


TOKEN_BODY = {
    "grant_type": "client_credentials",
    "client_id": "YXA6i-Ak8Ol4Eei2l11ZjV-EAg",
    "client_secret": "YXA6VunqiNxoB7IwXHInk1cGiXOOJfc",
}


@pytest.mark.parametrize("ttl", [0, 3600, "3600", ""], ids=repr)
def test_token_ttl_is_accepted_as_number_numeric_string_or_empty_string(ttl: int | str) -> None:
    assert_accepted("createAppToken", {**TOKEN_BODY, "ttl": ttl})


@pytest.mark.parametrize("ttl", [-1, "abc", "-1"], ids=repr)
def test_token_ttl_negative_or_non_numeric_is_rejected(ttl: int | str) -> None:
    assert_rejected("createAppToken", {**TOKEN_BODY, "ttl": ttl})


@pytest.mark.parametrize(
    "body",
    [
        pytest.param({}, id="empty"),
        pytest.param({"type": "", "ignoreInterval": "", "ignoreDuration": 0}, id="all not set"),
        pytest.param({"ignoreInterval": "8:5-22:30"}, id="unpadded interval"),
        pytest.param({"ignoreInterval": "00:00-00:00"}, id="all-day interval"),
        pytest.param({"ignoreDuration": 604800000}, id="seven days"),
        pytest.param({"type": "DEFAULT"}, id="DEFAULT"),
    ],
)
def test_notification_setting_tolerates_empty_not_set_and_unpadded_values(
    body: dict[str, Any],
) -> None:
    assert_accepted("setNotificationSetting", body)


@pytest.mark.parametrize(
    "body",
    [
        pytest.param({"ignoreDuration": 604800001}, id="more than seven days"),
        pytest.param({"ignoreDuration": -1}, id="negative duration"),
        pytest.param({"ignoreInterval": "24:00-01:00"}, id="hour 24"),
        pytest.param({"ignoreInterval": "08:60-09:00"}, id="minute 60"),
        pytest.param({"ignoreInterval": "08:00"}, id="no end"),
        pytest.param({"type": "SOME"}, id="unknown type"),
    ],
)
def test_notification_setting_out_of_range_values_are_rejected(body: dict[str, Any]) -> None:
    assert_rejected("setNotificationSetting", body)


def test_push_nickname_is_limited_to_100_characters() -> None:
    assert_accepted("setPushProfile", {"nickname": "n" * 100})
    assert_rejected("setPushProfile", {"nickname": "n" * 101})


def test_push_profile_fields_are_all_optional() -> None:
    assert_accepted("setPushProfile", {"nickname": "Alice"})
    assert_accepted("setPushProfile", {"notification_display_style": 1})


def test_user_registration_batch_is_limited_to_60_users() -> None:
    assert_accepted("registerUsers", [{"username": f"user{i}"} for i in range(60)])
    assert_rejected("registerUsers", [{"username": f"user{i}"} for i in range(61)])


def test_user_registration_accepts_one_object_without_password() -> None:
    assert_accepted("registerUsers", {"username": "alice"})


# --- 5. response schemas and schema hygiene ---------------------------------------------------


def _raw_response(response: Mapping[str, Any]) -> Mapping[str, Any]:
    """A response object of the unresolved spec, following one ``$ref`` to components."""
    ref = response.get("$ref")
    if isinstance(ref, str):
        target: Any = SPEC
        for part in ref.removeprefix("#/").split("/"):
            target = target[part]
        return dict(target)
    return response


def _client_error_responses() -> list[Any]:
    found = []
    for _path, _method, _item, operation in iter_operations(SPEC):
        operation_id = operation["operationId"]
        for status, response in operation["responses"].items():
            if str(status).startswith("4"):
                found.append(pytest.param(_raw_response(response), id=f"{operation_id} {status}"))
    return found


@pytest.mark.parametrize("response", _client_error_responses())
def test_every_4xx_response_uses_the_error_response_schema(response: Mapping[str, Any]) -> None:
    content = response.get("content", {})

    assert list(content) == ["application/json"]
    assert content["application/json"]["schema"] == {"$ref": "#/components/schemas/ErrorResponse"}


def property_schema(schema: Mapping[str, Any], name: str) -> dict[str, Any]:
    """The schema of property ``name``, looking into ``allOf`` members of a resolved schema."""
    for part in [schema, *schema.get("allOf", [])]:
        found: dict[str, Any] | None = part.get("properties", {}).get(name)
        if found is not None:
            return found
    raise AssertionError(f"no property {name!r}")


def response_schema(operation_id: str, status: str = "200") -> dict[str, Any]:
    schema: dict[str, Any] = BY_ID[operation_id].operation["responses"][status]["content"][
        "application/json"
    ]["schema"]
    return schema


@pytest.mark.parametrize("operation_id", ["setNotificationSetting", "getNotificationSetting"])
def test_returned_ignore_duration_is_described_as_an_expiry_timestamp(operation_id: str) -> None:
    setting = property_schema(response_schema(operation_id), "data")
    ignore_duration = property_schema(setting, "ignoreDuration")

    assert "expiry" in ignore_duration.get("description", "").lower()


@pytest.mark.parametrize("operation_id", [*ATTRIBUTE_WRITES, *ATTRIBUTE_DELETES])
def test_attribute_results_require_both_success_keys_and_error_keys(operation_id: str) -> None:
    result = property_schema(response_schema(operation_id), "data")

    assert {"successKeys", "errorKeys"} <= set(result.get("required", []))


def snake_case(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def test_no_schema_is_named_like_one_of_its_own_properties() -> None:
    clashes = []
    for name, schema in RESOLVED["components"]["schemas"].items():
        names = {name.lower(), snake_case(name)}
        properties: set[str] = set()
        for part in [schema, *schema.get("allOf", [])]:
            properties |= set(part.get("properties", {}))
        clashes += [f"{name}.{prop}" for prop in properties if prop.lower() in names]

    assert clashes == []


def _walk(node: Any, where: str = "#") -> Iterator[tuple[str, Any, Any]]:
    """Every (location, key, value) of every mapping in the unresolved spec."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield where, key, value
            yield from _walk(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _walk(item, f"{where}/{index}")


def test_patterns_spell_digits_as_0_9_not_backslash_d() -> None:
    patterns = [(where, value) for where, key, value in _walk(SPEC) if key == "pattern"]

    assert patterns, "the spec has no patterns to check"
    assert [(where, value) for where, value in patterns if "\\d" in str(value)] == []


def test_no_enum_lists_null() -> None:
    # A nullable enum is spelled type: [X, 'null']; null inside enum breaks generated clients.
    enums = [(where, value) for where, key, value in _walk(SPEC) if key == "enum"]

    assert enums, "the spec has no enums to check"
    assert [(where, value) for where, value in enums if None in value] == []


# --- 6. links -------------------------------------------------------------------------------


def _links() -> list[Any]:
    found = []
    for op in OPERATIONS:
        for status, response in op.operation["responses"].items():
            for name, link in response.get("links", {}).items():
                found.append(pytest.param(link, id=f"{_operation_id(op)} {status} {name}"))
    return found


LINKS = _links()


def test_the_spec_has_links_to_check() -> None:
    assert LINKS


@pytest.mark.parametrize("link", LINKS)
def test_link_targets_an_existing_operation(link: dict[str, Any]) -> None:
    assert "operationRef" not in link, "use operationId, checkable and rename-safe"
    assert link.get("operationId") in BY_ID


@pytest.mark.parametrize("link", LINKS)
def test_link_parameters_are_parameters_of_the_target_operation(link: dict[str, Any]) -> None:
    target = BY_ID.get(link.get("operationId", ""))
    assert target is not None
    accepted = {p["name"] for p in target.parameters} | {
        f"{p['in']}.{p['name']}" for p in target.parameters
    }

    assert set(link.get("parameters", {})) <= accepted


# --- 7. section order -------------------------------------------------------------------------


def test_top_level_sections_are_in_the_conventional_order() -> None:
    keys = list(SPEC)

    assert keys[0] == "openapi"
    assert [key for key in keys if key in TOP_LEVEL_ORDER] == list(TOP_LEVEL_ORDER)


def test_components_are_in_the_conventional_order() -> None:
    keys = list(SPEC["components"])

    assert set(keys) <= set(COMPONENTS_ORDER), f"unexpected components: {keys}"
    assert keys == [key for key in COMPONENTS_ORDER if key in keys]
    assert set(REQUIRED_COMPONENTS) <= set(keys)

"""Push templates: create, read, delete (which returns the deleted template), duplicates, misses."""

from __future__ import annotations

from typing import Any

from .helpers import Api, assert_error

TEMPLATE = {
    "name": "hello",
    "title_pattern": "标题 {0}",
    "content_pattern": "{$fromNickname}: {$msg}",
}


def create(api: Api, **overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = api.ok("POST", "/notification/template", json={**TEMPLATE, **overrides})[
        "data"
    ]
    return data


def test_create_template_returns_it_with_equal_create_and_update_times(api: Api) -> None:
    data = create(api)

    assert {k: data[k] for k in TEMPLATE} == TEMPLATE
    assert data["createAt"] == data["updateAt"] > 0


def test_get_template_returns_the_stored_one(api: Api) -> None:
    created = create(api)

    assert api.ok("GET", "/notification/template/hello")["data"] == created


def test_delete_template_returns_the_deleted_one_and_it_is_gone(api: Api) -> None:
    created = create(api)

    assert api.ok("DELETE", "/notification/template/hello")["data"] == created
    response = api.request("GET", "/notification/template/hello")
    assert_error(response, 400, "illegal_argument", exception="EntityNotFoundException")


def test_duplicate_template_name_400_and_the_first_is_kept(api: Api) -> None:
    created = create(api)

    response = api.request(
        "POST", "/notification/template", json={**TEMPLATE, "title_pattern": "other"}
    )

    assert_error(response, 400, "duplicate_unique_property_exists")
    assert api.ok("GET", "/notification/template/hello")["data"] == created


def test_get_missing_template_400_entity_not_found(api: Api) -> None:
    assert_error(
        api.request("GET", "/notification/template/missing"),
        400,
        "illegal_argument",
        exception="EntityNotFoundException",
        description="missing template is not exist",
    )


def test_delete_missing_template_400_entity_not_found(api: Api) -> None:
    assert_error(
        api.request("DELETE", "/notification/template/missing"),
        400,
        "illegal_argument",
        exception="EntityNotFoundException",
        description="missing template is not exist",
    )

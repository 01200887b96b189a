"""Every operationId of openapi.yaml is called in test_client_operations.py; every tag async too.

The generator names the module of an operation after its operationId (``setPushProfile`` ->
``set_push_profile``) inside a package named after its tag (``Push settings`` ->
``push_settings``). A new operation without a client test, or a test removed, fails here.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest
import yaml

from agora_chat_emulator.spec import iter_operations

REPO = Path(__file__).resolve().parents[2]
OPERATIONS_TESTS = Path(__file__).with_name("test_client_operations.py")
FIDELITY_TESTS = Path(__file__).with_name("test_client_fidelity.py")
USER_TOKEN_TESTS = Path(__file__).with_name("test_client_user_tokens.py")


def snake(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()).strip("_")


def spec_operations() -> list[tuple[str, str]]:
    """(operationId, tag) of every operation in openapi.yaml."""
    spec = yaml.safe_load((REPO / "openapi.yaml").read_text(encoding="utf-8"))
    return [
        (operation["operationId"], operation["tags"][0])
        for _path, _method, _item, operation in iter_operations(spec)
    ]


OPERATIONS = spec_operations()


def calls(module: str, variants: str) -> list[str]:
    # Operations added for issue #12 are called in their own file.
    source = "".join(
        path.read_text(encoding="utf-8")
        for path in (OPERATIONS_TESTS, FIDELITY_TESTS, USER_TOKEN_TESTS)
    )
    return re.findall(rf"\b{module}\.({variants})\(", source)


def test_the_spec_has_the_26_operations_this_suite_was_written_for() -> None:
    assert len(OPERATIONS) == 26
    assert len({operation_id for operation_id, _ in OPERATIONS}) == 26


@pytest.mark.parametrize(("operation_id", "tag"), OPERATIONS, ids=[o for o, _ in OPERATIONS])
def test_operation_has_a_client_test(operation_id: str, tag: str) -> None:
    module = snake(operation_id)
    importlib.import_module(f"agora_chat_client.api.{snake(tag)}.{module}")
    assert calls(module, "sync|sync_detailed|asyncio|asyncio_detailed"), (
        f"{operation_id}: no {module}.sync…/asyncio…(…) call in {OPERATIONS_TESTS.name}"
    )


@pytest.mark.parametrize("tag", sorted({tag for _, tag in OPERATIONS}))
def test_tag_has_an_async_client_test(tag: str) -> None:
    modules = [snake(operation_id) for operation_id, t in OPERATIONS if t == tag]
    assert any(calls(module, "asyncio|asyncio_detailed") for module in modules), (
        f"tag {tag!r}: none of {modules} is called through asyncio…(…) in {OPERATIONS_TESTS.name}"
    )

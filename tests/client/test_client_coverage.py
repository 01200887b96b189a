"""Every operationId of openapi.yaml is called by a client test; every tag through asyncio too.

The generator names the module of an operation after its operationId (``setPushProfile`` ->
``set_push_profile``) inside a package named after its tag (``Push settings`` ->
``push_settings``). A new operation without a client test, or a test removed, fails here.

The client tests are read as Python syntax trees, not run: a call counts when it is
``module.sync…(…)``/``module.asyncio…(…)`` on a name the same file imports from that generated
module, so comments, strings and other objects of the same name do not, and the check holds
whichever tests ran before it, or none (recording calls at run time would need every client
test in the same session, ahead of this one).
"""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

import pytest
import yaml

from agora_chat_emulator.spec import iter_operations

REPO = Path(__file__).resolve().parents[2]
CLIENT_TESTS = sorted(
    path for path in Path(__file__).parent.glob("test_*.py") if path != Path(__file__)
)
GENERATED_API = "agora_chat_client.api."


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


def generated_calls(source: str) -> set[tuple[str, str]]:
    """(module, function) of each ``name.function(…)`` call in ``source`` where ``name`` is
    imported from a module of the generated client's ``api`` package."""
    tree = ast.parse(source)
    imported = {
        alias.asname or alias.name: f"{node.module}.{alias.name}"
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(GENERATED_API)
        for alias in node.names
    }
    return {
        (imported[node.func.value.id], node.func.attr)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id in imported
    }


CALLS = {call for path in CLIENT_TESTS for call in generated_calls(path.read_text("utf-8"))}
SYNC = {"sync", "sync_detailed"}
ASYNC = {"asyncio", "asyncio_detailed"}


def module_of(operation_id: str, tag: str) -> str:
    return f"{GENERATED_API}{snake(tag)}.{snake(operation_id)}"


def called(module: str, variants: set[str]) -> bool:
    return any((module, variant) in CALLS for variant in variants)


def test_only_calls_on_an_imported_generated_module_count() -> None:
    source = """
from agora_chat_client.api.users import get_user
from agora_chat_client.api.users import register_users as registration
import other

async def calls(c):
    get_user.sync(client=c)
    await registration.asyncio_detailed(client=c)
    # delete_user.sync(client=c)
    text = "delete_user.sync_detailed(client=c)"
    other.get_user.sync(client=c)
    delete_user = object()
    delete_user.sync()
"""
    assert generated_calls(source) == {
        ("agora_chat_client.api.users.get_user", "sync"),
        ("agora_chat_client.api.users.register_users", "asyncio_detailed"),
    }


def test_the_spec_has_the_29_operations_this_suite_was_written_for() -> None:
    assert len(OPERATIONS) == 29
    assert len({operation_id for operation_id, _ in OPERATIONS}) == 29


@pytest.mark.parametrize(("operation_id", "tag"), OPERATIONS, ids=[o for o, _ in OPERATIONS])
def test_operation_has_a_client_test(operation_id: str, tag: str) -> None:
    module = module_of(operation_id, tag)
    importlib.import_module(module)
    assert called(module, SYNC | ASYNC), (
        f"{operation_id}: no test in tests/client calls {module}.sync…/asyncio…(…)"
    )


@pytest.mark.parametrize("tag", sorted({tag for _, tag in OPERATIONS}))
def test_tag_has_an_async_client_test(tag: str) -> None:
    modules = [module_of(operation_id, t) for operation_id, t in OPERATIONS if t == tag]
    assert any(called(module, ASYNC) for module in modules), (
        f"tag {tag!r}: no test in tests/client calls any of {modules} through asyncio…(…)"
    )

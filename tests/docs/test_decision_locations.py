"""Every "**Where**" line of docs/decisions.md names code that exists: each `module.py` is an
emulator module and each name after it (up to the next module or ";") is defined there."""

from __future__ import annotations

import importlib
import inspect
import re
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[2]
DECISIONS = REPO / "docs" / "decisions.md"
PACKAGE = REPO / "src" / "agora_chat_emulator"


def where_clauses() -> list[tuple[str, str, str]]:
    """(decision heading, module file, name) for every module name in a Where entry."""
    found: list[tuple[str, str, str]] = []
    heading = ""
    lines = DECISIONS.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines):
        if line.startswith("### "):
            heading = line.removeprefix("### ").split(".")[0]
        if not line.startswith("- **Where**"):
            continue
        text = line
        for follow in lines[number + 1 :]:
            if not follow.startswith("  "):
                break
            text += " " + follow.strip()
        # Parenthesised asides name SQL, options or arguments, not definitions.
        text = re.sub(r"\([^)]*\)", "", text)
        for clause in text.split(";"):
            module: str | None = None
            for token in re.findall(r"`([^`]+)`", clause):
                if re.fullmatch(r"\w+\.py", token):
                    module = token if (PACKAGE / token).is_file() else None
                elif module is not None:
                    found.append((heading, module, token))
    return found


def defined(module: ModuleType, name: str) -> bool:
    if name.startswith("--"):
        return name in inspect.getsource(module)
    target: object = module
    for part in name.split("."):
        if hasattr(target, part):
            target = getattr(target, part)
            continue
        if target is module:
            classes = [c for _, c in inspect.getmembers(module, inspect.isclass)]
            owner = next((c for c in classes if hasattr(c, part)), None)
            if owner is not None:
                target = getattr(owner, part)
                continue
        return False
    return True


CLAUSES = where_clauses()


def test_the_where_lines_name_emulator_code() -> None:
    assert len(CLAUSES) > 40


@pytest.mark.parametrize(("decision", "module", "name"), CLAUSES)
def test_where_names_resolve(decision: str, module: str, name: str) -> None:
    loaded = importlib.import_module(f"agora_chat_emulator.{module.removesuffix('.py')}")
    assert defined(loaded, name), f"{decision}: {module} has no {name}"

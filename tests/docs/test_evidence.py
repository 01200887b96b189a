"""Every research-note section that openapi.yaml's ``x-evidence`` or docs/decisions.md cites as
``file.md §n`` is in docs/evidence/, so no citation dangles in a plain clone."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from agora_chat_emulator.spec import iter_operations, load_spec

REPO = Path(__file__).resolve().parents[2]
EVIDENCE = REPO / "docs" / "evidence"
CITATION = re.compile(r"([a-z-]+\.md) §(\d+(?:\.\d+)*)")


def citations() -> list[tuple[str, str, str]]:
    """(where, file, section) of every citation."""
    found = [
        (operation["operationId"], *CITATION.fullmatch(cited).groups())  # type: ignore[union-attr]
        for _path, _method, _item, operation in iter_operations(load_spec())
        for cited in operation.get("x-evidence", [])
        if CITATION.fullmatch(cited)
    ]
    decisions = (REPO / "docs" / "decisions.md").read_text(encoding="utf-8")
    found += [("docs/decisions.md", name, section) for name, section in CITATION.findall(decisions)]
    return sorted(set(found))


CITATIONS = citations()


def test_citations_are_found() -> None:
    assert len({where for where, _, _ in CITATIONS}) > 20


@pytest.mark.parametrize(("where", "name", "section"), CITATIONS)
def test_cited_section_is_in_the_repository(where: str, name: str, section: str) -> None:
    note = EVIDENCE / name
    assert note.is_file(), f"{where} cites {name}, not in docs/evidence/"
    headings = re.findall(r"^#+ (?:§)?(\d+(?:\.\d+)*)[.\s]", note.read_text(encoding="utf-8"), re.M)
    assert section in headings, f"{where} cites {name} §{section}: no such heading"

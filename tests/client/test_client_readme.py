"""The Python example of README.md ("Using the Python client") runs against the live emulator.

The block is taken from README.md as written; only its three settings lines are pointed at the
emulator. It runs in a fresh interpreter with warnings as errors, and passes mypy --strict.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from agora_chat_emulator.pytest_plugin import RunningEmulator

from .conftest import mypy_strict

README = Path(__file__).resolve().parents[2] / "README.md"
SECTION = "## Using the Python client"


def readme_example() -> str:
    text = README.read_text(encoding="utf-8")
    assert text.count(SECTION) == 1
    section = text.split(SECTION, 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"^```python\n(.*?)^```$", section, flags=re.DOTALL | re.MULTILINE)
    assert len(blocks) == 2, f"expected two python blocks under {SECTION!r}"
    example: str = blocks[0] + "\n" + blocks[1]
    return example


def point_at(example: str, settings: dict[str, str]) -> str:
    for name, value in settings.items():
        example, count = re.subn(rf"^{name} = .*$", f"{name} = {value!r}", example, flags=re.M)
        assert count == 1, f"{name} is not set exactly once in the README example"
    return example


def test_readme_python_example_runs(agora_chat_emulator: RunningEmulator) -> None:
    example = point_at(
        readme_example(),
        {
            "BASE_URL": agora_chat_emulator.base_url,
            "CLIENT_ID": agora_chat_emulator.client_id,
            "CLIENT_SECRET": agora_chat_emulator.client_secret,
        },
    )

    result = subprocess.run(
        [sys.executable, "-W", "error", "-c", example],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "alice's push language: en",
        "push nickname: Alice",
        "successKeys: ['topic']",
        """errorKeys: {'bad key!': "key 'bad key!' is not Legal"}""",
        "HTTP 401 MetadataException: user is not in chatroom",
        "HTTP 404 service_resource_not_found",
        "members: ['alice']",
    ]


def test_readme_python_example_passes_mypy_strict(tmp_path: Path) -> None:
    example = tmp_path / "readme_example.py"
    example.write_text(readme_example(), encoding="utf-8")

    result = mypy_strict(example, cache="readme-example", cwd=README.parent)

    assert result.returncode == 0, result.stdout + result.stderr

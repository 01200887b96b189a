"""``/_emulator/docs`` as a user meets it: the built wheel alone in a fresh venv outside the
repository, with neither Node nor the checkout's ``build/`` anywhere near it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
UV = Path(sys.executable).with_name("uv")

# Run by the venv's own interpreter: the emulator in process, asked for the page and its files.
PROBE = """
import asyncio, json, sys
import httpx
import agora_chat_emulator
from agora_chat_emulator.app import create_app
from agora_chat_emulator.config import Settings

async def main():
    app = create_app(Settings(db=":memory:"))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1:8080") as http:
        page = await http.get("/_emulator/docs")
        bundle = await http.get("/_emulator/docs/static/swagger-ui-bundle.js")
    print(json.dumps({
        "package": agora_chat_emulator.__file__,
        "page": [page.status_code, page.headers["content-type"], "SwaggerUIBundle(" in page.text],
        "bundle": [bundle.status_code, len(bundle.content)],
        "modules": sorted(m for m in ("jinja2", "swagger_ui") if m in sys.modules),
    }))

asyncio.run(main())
"""


def test_installed_wheel_serves_the_docs_page_without_node(tmp_path: Path) -> None:
    subprocess.run(
        [str(UV), "build", "--wheel", "--out-dir", str(tmp_path), str(REPO_ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("agora_chat_emulator-*.whl")
    venv = tmp_path / "venv"
    python = venv / "bin" / "python"
    subprocess.run([str(UV), "venv", "--quiet", str(venv)], check=True, capture_output=True)
    subprocess.run(
        [str(UV), "pip", "install", "--quiet", "--python", str(python), str(wheel)],
        check=True,
        capture_output=True,
    )
    path = os.pathsep.join(
        part for part in os.environ["PATH"].split(os.pathsep) if not (Path(part) / "node").exists()
    )

    result = subprocess.run(
        [str(python), "-c", PROBE],
        cwd=tmp_path,
        env={"PATH": path, "HOME": str(tmp_path)},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout)
    assert Path(seen["package"]).is_relative_to(venv), seen
    assert seen["page"] == [200, "text/html; charset=utf-8", True]
    assert seen["bundle"][0] == 200
    assert seen["bundle"][1] > 100_000
    assert seen["modules"] == []  # the files are found without importing swagger-ui-py

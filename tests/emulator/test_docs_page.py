"""``/_emulator/docs``: Swagger UI from the installed package, the spec inline, nothing remote."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from agora_chat_emulator.docs import ASSETS, DOCS_ENV, swagger_ui_static
from agora_chat_emulator.spec import load_spec

from .helpers import Api, assert_error

INLINE_SPEC = re.compile(r"spec: (\{.*\}),\n  dom_id", re.DOTALL)


def test_docs_page_is_swagger_ui_with_the_spec_and_this_emulator_as_first_server(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(DOCS_ENV, raising=False)

    response = api.raw("GET", "/_emulator/docs")

    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    match = INLINE_SPEC.search(response.text)
    assert match is not None, response.text[:500]
    shown = json.loads(match.group(1))
    spec = dict(load_spec())
    assert shown["servers"] == [
        {"url": api.emulator.base_url, "description": "this emulator"},
        *spec["servers"],
    ]
    assert {**shown, "servers": spec["servers"]} == spec
    assert "validatorUrl: null" in response.text  # Swagger UI's default badge is remote


def test_docs_page_loads_only_its_own_files(api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(DOCS_ENV, raising=False)
    page = api.raw("GET", "/_emulator/docs").text
    without_spec = INLINE_SPEC.sub("spec: {}", page)

    loaded = set(re.findall(r'(?:src|href)="([^"]+)"', without_spec))

    assert loaded == {f"docs/static/{name}" for name in ASSETS}
    for url in loaded:
        asset = api.raw("GET", f"/_emulator/{url}")
        assert asset.status_code == 200, url
        assert asset.content == (swagger_ui_static() / url.rsplit("/", 1)[1]).read_bytes()
    assert "https://" not in api.raw("GET", "/_emulator/docs/static/swagger-ui.css").text


@pytest.mark.parametrize("name", ["index.html", "..%2Fcore.py", "swagger-editor-bundle.js"])
def test_docs_serves_no_other_file(api: Api, name: str) -> None:
    response = api.raw("GET", f"/_emulator/docs/static/{name}")

    assert response.status_code == 404
    assert response.json()["error"] == "not_found"


def test_docs_page_refuses_cross_site_requests(api: Api) -> None:
    response = api.raw("GET", "/_emulator/docs", headers={"Host": "rebound.example"})

    assert_error(response, 403, "control_request_refused")


def test_docs_env_names_another_page(
    api: Api, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    page = tmp_path / "reference.html"
    page.write_text("<!DOCTYPE html><title>built</title>", encoding="utf-8")
    monkeypatch.setenv(DOCS_ENV, str(page))

    response = api.raw("GET", "/_emulator/docs")

    assert response.status_code == 200
    assert response.content == page.read_bytes()

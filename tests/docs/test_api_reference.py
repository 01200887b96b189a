"""The API reference pages: scripts/build-docs renders one self-contained HTML file from
openapi.yaml, which the emulator serves at GET /_emulator/docs when told to; without it the
emulator serves its built-in Swagger UI. Headless Chromium (Debian's, via Playwright; no browser is
downloaded) shows every operation of the spec on each, with the network cut off.
"""

from __future__ import annotations

import asyncio
import os
import re
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from playwright.sync_api import Route, expect, sync_playwright
from starlette.applications import Starlette
from starlette.routing import Route as StarletteRoute

from agora_chat_emulator.docs import DOCS_ENV, Docs
from agora_chat_emulator.pytest_plugin import RunningEmulator, start_emulator, stop_emulator
from agora_chat_emulator.spec import iter_operations

REPO = Path(__file__).resolve().parents[2]
BUILD_DOCS = REPO / "scripts" / "build-docs"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOT = REPO / "test-artifacts" / "api-reference.png"
SWAGGER_SCREENSHOT = REPO / "test-artifacts" / "swagger-ui.png"
# Remote requests the page may make and lose offline without losing content: Redoc's own logo.
COSMETIC_RESOURCES = {"image", "font"}


def spec_operations() -> list[dict[str, Any]]:
    spec = yaml.safe_load((REPO / "openapi.yaml").read_text(encoding="utf-8"))
    return [operation for _path, _method, _item, operation in iter_operations(spec)]


@pytest.fixture(scope="module")
def reference_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("docs") / "api-reference.html"
    started = time.monotonic()
    result = subprocess.run(
        [str(BUILD_DOCS), "-o", str(output)],
        cwd=REPO,
        env={**os.environ, "NO_COLOR": "1"},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(output)
    print(f"scripts/build-docs took {time.monotonic() - started:.1f}s")
    return output


@pytest.fixture(scope="module")
def docs_emulator(
    reference_page: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RunningEmulator]:
    """An emulator process of its own, told where the page is (the session one is not)."""
    with pytest.MonkeyPatch.context() as environment:
        environment.setenv(DOCS_ENV, str(reference_page))
        emulator = start_emulator(tmp_path_factory.mktemp("docs-emulator") / "emulator.db")
    yield emulator
    stop_emulator(emulator)


def test_build_docs_writes_one_page_with_redoc_inlined(reference_page: Path) -> None:
    html = reference_page.read_text(encoding="utf-8")

    assert re.search(r"<script[^>]*\ssrc=", html) is None, "a script is loaded from elsewhere"
    assert re.search(r"<link[^>]*stylesheet[^>]*href=\"https?:", html) is None
    assert "Agora Chat REST API" in html


def test_emulator_serves_the_built_page(
    docs_emulator: RunningEmulator, reference_page: Path
) -> None:
    response = httpx.get(f"{docs_emulator.root_url}/_emulator/docs", timeout=10)

    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert response.content == reference_page.read_bytes()


def test_docs_route_without_a_page_says_how_to_build_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = tmp_path / "never-built.html"
    monkeypatch.setenv(DOCS_ENV, str(missing))
    app = Starlette(routes=[StarletteRoute("/docs", Docs("org", "app").page)])

    async def fetch() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://emulator") as client:
            return await client.get("/docs")

    response = asyncio.run(fetch())

    assert response.status_code == 404
    body = response.json()
    assert body["error"] == "docs_not_built"
    assert "run scripts/build-docs" in body["error_description"]
    assert str(missing) in body["error_description"]


def chromium_or_fail() -> str:
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: run ./scripts/bootstrap as root (it installs Debian's "
            "chromium) or `sudo apt-get install chromium`"
        )
    return str(CHROMIUM)


@pytest.mark.slow
def test_headless_chromium_shows_every_operation_offline(
    docs_emulator: RunningEmulator, tmp_path: Path
) -> None:
    executable = chromium_or_fail()
    page_url = f"{docs_emulator.root_url}/_emulator/docs"
    blocked: list[tuple[str, str]] = []

    def local_only(route: Route) -> None:
        if route.request.url.startswith(docs_emulator.root_url):
            route.continue_()
        else:
            blocked.append((route.request.resource_type, route.request.url))
            route.abort()

    by_tag: dict[str, list[dict[str, Any]]] = {}
    for operation in spec_operations():
        by_tag.setdefault(operation["tags"][0], []).append(operation)
    shown: list[str] = []

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch_persistent_context(
            tmp_path / "user-data",
            executable_path=executable,
            headless=True,
            args=CHROMIUM_FLAGS,
            viewport={"width": 1280, "height": 900},
        )
        try:
            browser.route("**/*", local_only)
            page = browser.new_page()
            page.goto(page_url)
            sidebar = page.get_by_role("list").first
            for tag, operations in by_tag.items():
                # Redoc lists a tag's operations once the tag is opened in the sidebar; each
                # operation then renders under its summary as a heading.
                sidebar.get_by_text(tag, exact=True).first.click()
                for operation in operations:
                    page.locator(f'a[href$="/{operation["operationId"].lower()}"]').first.click()
                    # The heading's accessible name is "link to <summary> <summary>"; Playwright
                    # sends the pattern as /.../, so "/" must be escaped too.
                    summary = re.escape(operation["summary"]).replace("/", r"\/")
                    title = re.compile(rf"(^| ){summary}$")
                    expect(page.get_by_role("heading", name=title)).to_be_visible()
                    shown.append(operation["operationId"])
            SCREENSHOT.parent.mkdir(exist_ok=True)
            page.screenshot(path=SCREENSHOT)
        finally:
            browser.close()

    assert shown == [op["operationId"] for ops in by_tag.values() for op in ops]
    assert len(shown) == len(spec_operations())
    needed = [(kind, url) for kind, url in blocked if kind not in COSMETIC_RESOURCES]
    assert needed == [], f"the page needed the network for: {needed}"
    assert SCREENSHOT.stat().st_size > 10_000


@pytest.fixture(scope="module")
def plain_emulator(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningEmulator]:
    """An emulator with no page configured: it serves its built-in Swagger UI."""
    with pytest.MonkeyPatch.context() as environment:
        environment.delenv(DOCS_ENV, raising=False)
        emulator = start_emulator(tmp_path_factory.mktemp("swagger-emulator") / "emulator.db")
    yield emulator
    stop_emulator(emulator)


@pytest.mark.slow
def test_headless_chromium_shows_every_operation_of_the_built_in_page_offline(
    plain_emulator: RunningEmulator, tmp_path: Path
) -> None:
    executable = chromium_or_fail()
    blocked: list[str] = []

    def local_only(route: Route) -> None:
        if route.request.url.startswith(plain_emulator.root_url):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch_persistent_context(
            tmp_path / "user-data",
            executable_path=executable,
            headless=True,
            args=CHROMIUM_FLAGS,
            viewport={"width": 1280, "height": 900},
        )
        try:
            browser.route("**/*", local_only)
            page = browser.new_page()
            page.goto(f"{plain_emulator.root_url}/_emulator/docs")
            operations = page.locator(".opblock")
            expect(operations.first).to_be_visible()
            # Swagger UI lists every operation under its tag: method and path, in spec order.
            shown = [
                " ".join(text.split()[:2])
                for text in page.locator(".opblock-summary").all_inner_texts()
            ]
            server = page.locator(".servers select").input_value()
            SWAGGER_SCREENSHOT.parent.mkdir(exist_ok=True)
            page.screenshot(path=SWAGGER_SCREENSHOT)
        finally:
            browser.close()

    spec = yaml.safe_load((REPO / "openapi.yaml").read_text(encoding="utf-8"))
    expected = [f"{method.upper()} {path}" for path, method, _item, _op in iter_operations(spec)]
    assert sorted(shown) == sorted(expected)
    assert server == plain_emulator.base_url
    assert blocked == [], f"the page needed the network for: {blocked}"

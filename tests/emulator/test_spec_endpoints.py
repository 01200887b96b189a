"""``/_emulator/openapi.yaml`` and ``/_emulator/openapi.json``: the spec the emulator validates
against, from its own package data; driven in-process (``agora_chat_app``), no socket needed."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
import yaml

from agora_chat_emulator.spec import load_spec

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


async def test_openapi_yaml_is_the_spec_byte_for_byte(agora_chat_app: httpx.AsyncClient) -> None:
    response = await agora_chat_app.get("/_emulator/openapi.yaml")

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/yaml")
    assert response.content == (REPO / "openapi.yaml").read_bytes()


async def test_openapi_json_is_the_same_document(agora_chat_app: httpx.AsyncClient) -> None:
    response = await agora_chat_app.get("/_emulator/openapi.json")

    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.json() == load_spec() == yaml.safe_load((REPO / "openapi.yaml").read_text())


async def test_in_process_app_answers_the_api(agora_chat_app: httpx.AsyncClient) -> None:
    token = await agora_chat_app.post(
        "/demo-org/demo-app/token",
        json={
            "grant_type": "client_credentials",
            "client_id": "emulator-client-id",
            "client_secret": "emulator-client-secret",
        },
    )
    assert token.status_code == 200
    headers = {"Authorization": f"Bearer {token.json()['access_token']}"}

    created = await agora_chat_app.post(
        "/demo-org/demo-app/users", json={"username": "alice"}, headers=headers
    )

    assert created.status_code == 200
    assert created.json()["entities"][0]["username"] == "alice"

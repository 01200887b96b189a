"""The pytest plugin as a project that installs the packages meets it: pytester runs in a subprocess
(the plugin loads through its ``pytest11`` entry point) with the options a user passes."""

from __future__ import annotations

import asyncio
import subprocess
import sys

import httpx
import pytest

from agora_chat_emulator.process import Journal

pytest_plugins = ["pytester"]

FAILING_LOOKUP = """
from agora_chat_client import AuthenticatedClient
from agora_chat_client.api.users import get_user

def test_reads_a_user_nobody_registered(agora_chat_client: AuthenticatedClient) -> None:
    response = get_user.sync_detailed("nobody", client=agora_chat_client)
    assert response.status_code == 200
"""


def test_a_failing_test_report_shows_the_journal_and_the_emulator_log(
    pytester: pytest.Pytester,
) -> None:
    pytester.makepyfile(test_lookup=FAILING_LOOKUP)

    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")

    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "*- agora-chat-emulator journal -*",
            "> GET http://127.0.0.1:*/demo-org/demo-app/users/nobody",
            "< 404 Not Found",
            '< {"error":"service_resource_not_found",*',
            "*- agora-chat-emulator log (last 20 lines) -*",
            '*"GET /demo-org/demo-app/users/nobody HTTP/1.1" 404*',
        ]
    )


def test_a_passing_test_report_carries_no_journal(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_lookup=FAILING_LOOKUP.replace("== 200", "== 404"))

    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-rA")

    result.assert_outcomes(passed=1)
    assert "agora-chat-emulator journal" not in result.stdout.str()


def test_each_test_gets_a_reset_emulator_and_its_own_journal(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_order="""
        from agora_chat_client import AuthenticatedClient
        from agora_chat_client.api.users import get_user, register_users
        from agora_chat_client.models import UserRegistration

        def test_registers(agora_chat_client: AuthenticatedClient) -> None:
            body = UserRegistration(username="alice")
            response = register_users.sync_detailed(client=agora_chat_client, body=body)
            assert response.status_code == 200

        def test_finds_nothing_afterwards(agora_chat_client: AuthenticatedClient) -> None:
            response = get_user.sync_detailed("alice", client=agora_chat_client)
            assert response.status_code == 200
        """
    )

    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")

    result.assert_outcomes(passed=1, failed=1)
    journal = result.stdout.str().split("agora-chat-emulator journal", 1)[1]
    assert "> GET http" in journal
    assert "> POST" not in journal


def test_emulator_options_pass_through(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_options="""
        from agora_chat_client import AuthenticatedClient
        from agora_chat_client.api.users import register_users
        from agora_chat_client.models import UserRegistration

        def test_prefix(agora_chat_emulator, agora_chat_client: AuthenticatedClient) -> None:
            assert agora_chat_emulator.base_url.endswith("/acme/shop")
            body = UserRegistration(username="alice")
            response = register_users.sync_detailed(client=agora_chat_client, body=body)
            assert response.status_code == 200
            # --agora-emulator-log-level=warning: no access-log lines.
            assert "POST /acme/shop/users" not in agora_chat_emulator.log_tail(50)
        """
    )

    result = pytester.runpytest_subprocess(
        "-p",
        "no:cacheprovider",
        "--agora-emulator-org=acme",
        "--agora-emulator-app=shop",
        "--agora-emulator-log-level=warning",
        "--agora-emulator-rate-limits=on",
    )

    result.assert_outcomes(passed=1)


def test_the_plugin_loads_without_the_server_stack_or_the_client() -> None:
    probe = (
        "import sys, agora_chat_emulator.pytest_plugin; print(sorted(m for m in "
        "('starlette', 'uvicorn', 'agora_chat_client') if m in sys.modules))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout

    assert loaded.strip() == "[]"


def answer_not_found(request: httpx.Request) -> httpx.Response:
    return httpx.Response(404, json={"error": "service_resource_not_found"})


def test_one_journal_hook_serves_sync_and_async_clients() -> None:
    journal = Journal()
    transport = httpx.MockTransport(answer_not_found)
    with httpx.Client(transport=transport, event_hooks=journal.event_hooks) as client:
        client.post("http://emulator/users", json={"username": "alice"})

    async def fetch() -> None:
        async with httpx.AsyncClient(
            transport=transport, event_hooks=journal.event_hooks
        ) as client:
            await client.get("http://emulator/users/alice")

    asyncio.run(fetch())

    assert journal.render().splitlines() == [
        "> POST http://emulator/users",
        '> {"username":"alice"}',
        "< 404 Not Found",
        '< {"error":"service_resource_not_found"}',
        "> GET http://emulator/users/alice",
        "< 404 Not Found",
        '< {"error":"service_resource_not_found"}',
    ]

"""Parallel requests on one room: the 100-attribute limit and key ownership hold under load."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest

from .helpers import SSL_CONTEXT, Api

LIMIT_REASON = "size of metadata for this single chatroom exceeds the user defined limit 100"


@pytest.fixture
def api(socket_api: Api) -> Api:
    """The process emulator: the writers arrive at once on connections of their own."""
    return socket_api


async def put_all(api: Api, requests: list[tuple[str, dict[str, Any]]]) -> list[httpx.Response]:
    """Send every (path, body) PUT at once; the responses, in request order."""
    limits = httpx.Limits(max_connections=len(requests))
    async with httpx.AsyncClient(
        base_url=api.emulator.base_url,
        headers=api.emulator.auth_headers,
        timeout=30,
        limits=limits,
        verify=SSL_CONTEXT,
    ) as client:
        return await asyncio.gather(*(client.put(path, json=body) for path, body in requests))


def data_of(responses: list[httpx.Response]) -> list[dict[str, Any]]:
    for response in responses:
        assert response.status_code == 200, response.text
    return [response.json()["data"] for response in responses]


def test_concurrent_sets_of_distinct_keys_stop_at_exactly_100_attributes(api: Api) -> None:
    members = [f"m{n}" for n in range(20)]
    api.register("owner", *members)
    room = api.create_room("owner", *members)
    requests = [
        (f"/metadata/chatroom/{room}/user/{members[n % 20]}", {"metaData": {f"key{n}": f"v{n}"}})
        for n in range(200)
    ]

    results = data_of(asyncio.run(put_all(api, requests)))

    succeeded = {key for data in results for key in data["successKeys"]}
    failed = {key: reason for data in results for key, reason in data["errorKeys"].items()}
    assert len(succeeded) == 100
    assert set(failed.values()) == {LIMIT_REASON}
    assert succeeded | failed.keys() == {f"key{n}" for n in range(200)}
    assert api.attributes(room) == {key: "v" + key.removeprefix("key") for key in succeeded}


def test_concurrent_forced_and_plain_writers_leave_each_key_one_owner_matching_the_history(
    api: Api,
) -> None:
    api.register("owner", "f1", "f2", "p1", "p2")
    room = api.create_room("owner", "f1", "f2", "p1", "p2")
    keys = [f"k{n}" for n in range(10)]
    api.set_attributes(room, "f1", dict.fromkeys(keys, "f1-initial"))
    writers = {"f1": True, "f2": True, "p1": False, "p2": False}  # name -> forced
    requests: list[tuple[str, dict[str, Any]]] = []
    for round_ in range(25):
        for name, forced in writers.items():
            path = f"/metadata/chatroom/{room}/user/{name}" + ("/forced" if forced else "")
            requests.append((path, {"metaData": dict.fromkeys(keys, f"{name}-{round_}")}))

    results = asyncio.run(put_all(api, requests))

    written: set[str] = set()  # every value some writer was told it wrote
    for (path, body), response in zip(requests, results, strict=True):
        name = path.split("/")[5]
        if writers[name]:
            assert response.status_code == 200, response.text
            assert response.json()["data"] == {"successKeys": keys, "errorKeys": {}}
            written.update(f"{key}={value}" for key, value in body["metaData"].items())
        else:  # every key always belonged to someone else: plain writers never take one over
            assert response.status_code == 400, response.text
            assert response.json()["error_description"] == "others are not allowed to be set"
    final = api.attributes(room)
    assert {f"{key}={value}" for key, value in final.items()} <= written
    owners = {key: value.split("-")[0] for key, value in final.items()}
    # Each key has exactly one owner, the writer of its value: only that one may delete it.
    f1_deleted = api.delete_attributes(room, "f1", keys)["successKeys"]
    f2_deleted = api.delete_attributes(room, "f2", keys)["successKeys"]
    assert sorted(f1_deleted) == sorted(k for k, owner in owners.items() if owner == "f1")
    assert sorted(f2_deleted) == sorted(k for k, owner in owners.items() if owner == "f2")
    assert api.attributes(room) == {}

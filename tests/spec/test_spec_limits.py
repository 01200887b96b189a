"""What openapi.yaml says about limits every operation shares: the rate-limit models of
``x-agora-rate-limit`` (D117, D118), and the 413 and 415 refusals (D120, D121)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pytest

from agora_chat_emulator.behaviours import RATE_LIMIT_MODEL
from agora_chat_emulator.spec import (
    RATE_LIMIT_EXTENSION,
    RATE_LIMIT_MODELS,
    iter_operations,
    load_spec,
    operations,
)

SPEC: dict[str, Any] = load_spec()
RAW = {operation["operationId"]: operation for *_, operation in iter_operations(SPEC)}
IDS = sorted(RAW)


@pytest.mark.parametrize("operation_id", IDS)
def test_rate_limit_models_are_choices_of_the_switch_with_a_positive_limit(
    operation_id: str,
) -> None:
    models = RAW[operation_id][RATE_LIMIT_EXTENSION].get(RATE_LIMIT_MODELS, {})

    assert set(models) <= set(RATE_LIMIT_MODEL.choices) - {RATE_LIMIT_MODEL.default}
    for limit in models.values():
        assert set(limit) == {"bucket", "limit"}
        assert isinstance(limit["bucket"], str)
        assert limit["bucket"]
        assert type(limit["limit"]) is int
        assert limit["limit"] > 0


@pytest.mark.parametrize("model", RATE_LIMIT_MODEL.choices)
def test_operations_sharing_a_bucket_share_its_limit(model: str) -> None:
    limits: dict[str, set[int]] = defaultdict(set)
    for operation in operations().values():
        limits[operation.rate_limits[model].bucket].add(operation.rate_limits[model].limit)

    assert {bucket: found for bucket, found in limits.items() if len(found) > 1} == {}


EASEMOB_USER_AND_PUSH = {"registerUsers", "getUser", "setPushProfile", "deleteUser"}


def test_easemob_pools_user_account_and_push_profile_calls_and_agora_does_not() -> None:
    def buckets(model: str) -> dict[str, str]:
        return {
            op_id: operations()[op_id].rate_limits[model].bucket for op_id in EASEMOB_USER_AND_PUSH
        }

    assert len(set(buckets("easemob").values())) == 1
    assert len(set(buckets("agora").values())) == len(EASEMOB_USER_AND_PUSH)


@pytest.mark.parametrize(
    ("model", "limit"), [("easemob", 10), ("agora", 100)], ids=["easemob", "agora"]
)
def test_each_push_template_call_has_its_own_bucket(model: str, limit: int) -> None:
    templates = [
        operations()[op_id].rate_limits[model]
        for op_id in ("createPushTemplate", "getPushTemplate", "deletePushTemplate")
    ]

    assert len({rate.bucket for rate in templates}) == len(templates)
    assert {rate.limit for rate in templates} == {limit}


@pytest.mark.parametrize("operation_id", IDS)
def test_every_operation_documents_413_for_an_oversized_request(operation_id: str) -> None:
    response = RAW[operation_id]["responses"].get("413")

    assert response == {"$ref": "#/components/responses/PayloadTooLarge"}


@pytest.mark.parametrize("operation_id", IDS)
def test_415_is_documented_exactly_where_a_body_is_read(operation_id: str) -> None:
    operation = RAW[operation_id]
    response = operation["responses"].get("415")

    if "requestBody" in operation:
        assert response == {"$ref": "#/components/responses/UnsupportedMediaType"}
    else:
        assert response is None

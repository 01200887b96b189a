"""Request validation → the service's error body: which sentence the service sends for input
its schema refuses, keyed on operationIds (API names, never renamed casually), not on tag display
names (D57)."""

from __future__ import annotations

from typing import Any

from agora_chat_emulator.errors import (
    KICK_BATCH_MAX,
    ApiError,
    invalid_argument,
    invalid_parameter,
    kick_batch_too_large,
    metadata_batch_too_large,
    push_bad_parameter,
)


def _push_nicknames_error(kind: str, field: str, value: Any, parent: Any) -> ApiError | None:
    """The three sentences of the batch push-nickname page (D93); ``None`` for other faults."""
    if parent is None and (kind == "MinItems" or (kind == "Type" and value is None)):
        return invalid_argument("put user push nicknames illegal empty request body")
    if parent is None and kind == "MaxItems":
        return invalid_argument("put user push nicknames exceeds the limit")
    if kind == "MaxLength" and field == "push_nickname" and isinstance(parent, dict):
        return invalid_argument(f"{parent.get('username')} push nickname length exceeds the limit")
    return None


# Keyed on operationIds (API, never renamed casually), not on tag display names.
_BATCH_LIMITED = frozenset(
    {
        "getChatroomAttributes",
        "setChatroomAttributes",
        "deleteChatroomAttributes",
        "forceSetChatroomAttributes",
        "forceDeleteChatroomAttributes",
    }
)
"""A batch over the size limit gets the metadata family's body, not a field complaint."""
_INVALID_PARAMETER_FAMILY = frozenset(
    {"createChatroom", "getChatroom", "deleteChatroom", "addChatroomMembers"}
)
"""The chat-room calls name a missing field with ``invalid_parameter``."""
_SENTENCE_FAMILY = frozenset({"createAppToken"})
"""The token call ends its "must be provided" sentence with a full stop."""


def validation_error(
    operation_id: str,
    kind: str,
    missing: str,
    field: str,
    message: str,
    *,
    value: Any = None,
    parent: Any = None,
) -> ApiError:
    """The body the service sends for input its schema refuses.

    ``kind`` is the JSON Schema keyword that failed (jsonschema-rs's error kind name),
    ``missing`` the property a ``Required`` failure names, ``field`` the path to the value,
    ``value`` the value that failed (the whole body when the top-level ``oneOf`` failed) and
    ``parent`` the array or object holding it (``None`` at the top level).
    """
    worded = _worded_by_the_service(operation_id, kind, field, value, parent)
    if worded is not None:
        return worded
    if kind in {"MaxProperties", "MaxItems"} and operation_id in _BATCH_LIMITED:
        return metadata_batch_too_large()
    if kind == "MaxItems" and operation_id == "addChatroomMembers":
        return invalid_parameter("addMembers: addMembers number more than maxSize : 60")
    if kind == "Required":
        text = f"{missing} must be provided"
        if operation_id in _SENTENCE_FAMILY:
            text += "."
        if operation_id in _INVALID_PARAMETER_FAMILY:
            return invalid_parameter(text)
        return invalid_argument(text)
    return push_bad_parameter(field, message)


REGISTER_BATCH_MAX = 60
_USERNAME_MAX = 64
_NICKNAME_MAX = 100
_USERNAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-")


def _worded_by_the_service(
    operation_id: str, kind: str, field: str, value: Any, parent: Any
) -> ApiError | None:
    """The sentences the service words itself for a registration, a batch of push nicknames or
    a batch removal."""
    if operation_id == "setPushNicknames":
        return _push_nicknames_error(kind, field, value, parent)
    if operation_id == "registerUsers":
        return _registration_error(value)
    if operation_id == "removeChatroomMember" and kind == "Pattern" and _usernames(value):
        # Only the count broke MemberUsernameList's pattern: the service's batch-size sentence.
        return kick_batch_too_large(KICK_BATCH_MAX)
    return None


def _usernames(value: object) -> bool:
    """Whether ``value`` is a comma list of well-formed user IDs."""
    return isinstance(value, str) and all(
        0 < len(name) <= _USERNAME_MAX and _USERNAME_CHARS.issuperset(name)
        for name in value.split(",")
    )


def _registration_error(body: object) -> ApiError | None:
    """The registration sentence for a body the ``oneOf`` refused as a whole (D109), or None
    when the failure is none the service words (the generic field complaint then applies)."""
    if isinstance(body, list) and len(body) > REGISTER_BATCH_MAX:
        return invalid_argument(
            f"Request body array size[{len(body)}] had almost reached or been greater than the "
            f"upper range value[{REGISTER_BATCH_MAX}]"
        )
    for item in body if isinstance(body, list) else [body]:
        if not isinstance(item, dict):
            continue
        username = item.get("username")
        if isinstance(username, str) and len(username) > _USERNAME_MAX:
            return invalid_argument("USERNAME_TOO_LONG")
        if isinstance(username, str) and not (username and _USERNAME_CHARS.issuperset(username)):
            return invalid_argument(f"username {username} is not legal")
        nickname = item.get("nickname")
        if isinstance(nickname, str) and len(nickname) > _NICKNAME_MAX:
            return invalid_argument("NICKNAME_TOO_LONG")
    return None

"""Every wire shape of the emulator's answers: envelopes around the store's plain values.

A field the spec renames touches this module only. ``Exchange`` is what an envelope needs to
know about the request: method, URI (without query) and when it arrived.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from agora_chat_emulator.clock import Clock
from agora_chat_emulator.domain import (
    Affiliation,
    KeyResults,
    PushBinding,
    PushSetting,
    RegisterFailure,
    Removal,
    Room,
    Template,
    Token,
    User,
    UserToken,
)

Json = dict[str, Any]


@dataclass(frozen=True)
class Exchange:
    method: str
    uri: str
    received_ms: int


@dataclass(frozen=True)
class Views:
    """Renders answers for one app (the names every service envelope repeats)."""

    org: str
    app: str
    app_uuid: str
    clock: Clock

    def service(self, exchange: Exchange, *, path: str | None = "/users", **fields: Any) -> Json:
        envelope: Json = {
            "action": exchange.method.lower(),
            "application": self.app_uuid,
            "applicationName": self.app,
            "organization": self.org,
            "uri": exchange.uri,
            "timestamp": exchange.received_ms,
            "duration": max(0, self.clock.now_ms() - exchange.received_ms),
        }
        if path is not None:
            envelope["path"] = path
        return envelope | fields

    def chatroom(self, exchange: Exchange, data: Any, **extra: Any) -> Json:
        return self.service(exchange, path=None, entities=[], data=data, **extra)

    @staticmethod
    def attributes(exchange: Exchange, data: Any, **extra: Any) -> Json:
        """The short envelope of the chat-room attribute calls."""
        return {
            "uri": exchange.uri,
            "timestamp": exchange.received_ms,
            "action": exchange.method.lower(),
            **extra,
            "data": data,
        }


def token(value: Token) -> Json:
    return {
        "access_token": value.token,
        "expires_in": value.expires_in,
        "application": value.app_uuid,
    }


def user_token(value: UserToken) -> Json:
    return {"access_token": value.token, "expires_in": value.expires_in, "user": user(value.user)}


def user(value: User) -> Json:
    entity: Json = {
        "uuid": value.uuid,
        "type": "user",
        "created": value.created,
        "modified": value.modified,
        "username": value.username,
        "activated": value.activated,
    }
    if value.nickname is not None:
        entity["nickname"] = value.nickname
    if value.display_style is not None:
        entity["notification_display_style"] = value.display_style
    entity.update(value.legacy)
    return entity


def register_failures(failures: Sequence[RegisterFailure]) -> list[Json]:
    return [{"username": f.username, "registerUserFailReason": f.reason} for f in failures]


def push_binding(value: PushBinding) -> Json:
    return {
        "device_id": value.device_id,
        "device_token": value.device_token,
        "notifier_name": value.notifier_name,
    }


def push_nickname(username: str, nickname: str) -> Json:
    return {"push_nickname": nickname, "username": username}


def push_setting(value: PushSetting) -> Json:
    return {
        "type": value.mode,
        "ignoreInterval": value.interval,
        "ignoreDuration": value.expiry_ms,
    }


def language(value: str) -> Json:
    return {"language": value}


def receiver_template(name: str) -> Json:
    return {"templateName": name}


def template(value: Template) -> Json:
    return {
        "name": value.name,
        "createAt": value.created,
        "updateAt": value.updated,
        "title_pattern": value.title_pattern,
        "content_pattern": value.content_pattern,
    }


def affiliations(values: Sequence[Affiliation]) -> list[Json]:
    return [{role: username} for role, username in values]


def room(value: Room) -> Json:
    # The flags the service reports for every room the REST API creates.
    return {
        "id": value.id,
        "name": value.name,
        "description": value.description,
        "membersonly": False,
        "allowinvites": False,
        "maxusers": value.maxusers,
        "owner": value.owner,
        "created": value.created,
        "custom": value.custom,
        "mute": False,
        "affiliations_count": len(value.affiliations),
        "affiliations": affiliations(value.affiliations),
        "public": True,
    }


def room_deleted(room_id: str) -> Json:
    return {"success": True, "id": room_id}


def member_added(room_id: str, username: str) -> Json:
    return {"result": True, "action": "add_member", "id": room_id, "user": username}


def members_added(room_id: str, usernames: list[str]) -> Json:
    return {"newmembers": usernames, "action": "add_member", "id": room_id}


def member_removed(room_id: str, username: str) -> Json:
    return {"result": True, "action": "remove_member", "user": username, "id": room_id}


def members_removed(room_id: str, removals: Sequence[Removal]) -> list[Json]:
    results: list[Json] = []
    for removal in removals:
        entry: Json = {"result": removal.reason is None, "action": "remove_member"}
        if removal.reason is not None:
            entry["reason"] = removal.reason
        results.append(entry | {"user": removal.username, "id": room_id})
    return results


def key_results(value: KeyResults) -> Json:
    return {"successKeys": value.succeeded, "errorKeys": value.failed}

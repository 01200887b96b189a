"""The plain values the store returns; ``views`` turns them into the service's wire shapes."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any, Final


class Unset(enum.Enum):
    """Sentinel type for "field not given" in partial updates (``None`` may be a value)."""

    UNSET = enum.auto()


UNSET: Final = Unset.UNSET


@dataclass(frozen=True)
class Token:
    token: str
    expires_in: int
    app_uuid: str


@dataclass(frozen=True)
class User:
    username: str
    uuid: str
    created: int
    modified: int
    activated: bool
    nickname: str | None
    display_style: int | None
    legacy: dict[str, Any] = field(default_factory=dict)
    """The push profile's older do-not-disturb fields, in the order they were first set."""


@dataclass(frozen=True)
class UserToken:
    token: str
    expires_in: int
    user: User


@dataclass(frozen=True)
class RegisterFailure:
    username: str
    reason: str


@dataclass(frozen=True)
class PushSetting:
    mode: str
    interval: str
    expiry_ms: int
    """When the do-not-disturb period ends (epoch ms), 0 when none is running."""


@dataclass(frozen=True)
class PushBinding:
    """One device of a user bound to one push certificate (``notifier_name``)."""

    device_id: str
    device_token: str
    notifier_name: str


@dataclass(frozen=True)
class Template:
    name: str
    created: int
    updated: int
    title_pattern: str
    content_pattern: str


Affiliation = tuple[str, str]
"""(role, username), role being ``owner`` or ``member``."""


@dataclass(frozen=True)
class Room:
    id: str
    name: str
    description: str
    maxusers: int
    owner: str
    created: int
    custom: str
    affiliations: list[Affiliation]


@dataclass(frozen=True)
class KeyResults:
    """Per-key outcome of a chat-room attribute write: applied keys and refused keys + reason."""

    succeeded: list[str]
    failed: dict[str, str]


@dataclass(frozen=True)
class Removal:
    """One name of a batch member removal: removed (``reason`` None) or not, and why."""

    username: str
    reason: str | None

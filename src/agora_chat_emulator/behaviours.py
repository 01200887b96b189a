"""Switchable behaviours: points where the vendors' sources contradict each other.

Each switch is one contradiction that ``docs/decisions.md`` weighs; its default is the choice the
weight of evidence made there, and its other choices are what another vendor documents, for the
clients written against that vendor. ``agora-chat-emulator serve --behaviour NAME=CHOICE``
(repeatable) and ``agora-chat-emulator behaviours`` (the list) expose them.

Standard library only: the pytest plugin and ``config`` import this at load time.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Switch:
    name: str
    choices: tuple[str, ...]
    """The first choice is the default (the decision's choice)."""
    decision: str
    """The decision in docs/decisions.md that weighs the sources, e.g. ``D101``."""
    help: str
    """One line per choice would be too long for ``--help``: which vendor documents what."""

    @property
    def default(self) -> str:
        return self.choices[0]


RATE_LIMIT_MODEL = Switch(
    name="rate-limit-model",
    choices=("easemob", "agora"),
    decision="D117",
    help="Which calls share a rate-limit budget: easemob = Easemob's limits page (user-account, "
    "push-binding and push-profile calls share one 100/s budget; push templates 10/s per call); "
    "agora = Agora's REST overview (every call its own budget; push templates 100/s). The "
    "buckets are the spec's x-agora-rate-limit data.",
)
CONTENT_TYPE = Switch(
    name="content-type",
    choices=("optional", "required"),
    decision="D120",
    help="optional = a body is read as JSON whatever its Content-Type (the Java SDK 1.x push calls "
    "send none and pass live); required = a body without Content-Type application/json gets 415 "
    "web_application (Agora's status-code page).",
)
DND_ZERO_INTERVAL = Switch(
    name="dnd-zero-interval",
    choices=("all-day", "off"),
    decision="D96",
    help="ignoreInterval 0:0-0:0: all-day do-not-disturb (both vendors' REST pages) or off, "
    "clearing the window (both vendors' client-SDK pages)",
)
PUSH_PROFILE_UNKNOWN_USER = Switch(
    name="push-profile-unknown-user",
    choices=("required-property-400", "not-found-404"),
    decision="D97",
    help="setPushProfile for an unknown user: 400 RequiredPropertyNotFoundException "
    "(Easemob's push error table) or 404 service_resource_not_found (the generic catalogue)",
)

EXISTING_MEMBER_ADD = Switch(
    name="existing-member-add",
    choices=("succeed", "reject"),
    decision="D106",
    help="adding a user already in the room: succeed = 200 result true (Easemob newest); "
    "reject = 400 (Agora 2025-03)",
)
OTHERS_KEY_WRITE = Switch(
    name="others-key-write",
    choices=("reject", "per-key"),
    decision="D107",
    help="setting another member's key: reject = 400 'others are not allowed to be set' "
    "(Easemob newest); per-key = 200 with the key in errorKeys (websdk2 note)",
)
REGISTRATION_PASSWORD = Switch(
    name="registration-password",
    choices=("optional", "required"),
    decision="D108",
    help="password on registerUsers: optional (Agora) or required = 400 'password or pin "
    "must provided' (Easemob)",
)

SWITCHES: tuple[Switch, ...] = (
    DND_ZERO_INTERVAL,
    PUSH_PROFILE_UNKNOWN_USER,
    EXISTING_MEMBER_ADD,
    OTHERS_KEY_WRITE,
    REGISTRATION_PASSWORD,
    RATE_LIMIT_MODEL,
    CONTENT_TYPE,
)
"""Every switch, in the order ``docs/decisions.md`` introduces them."""


class BehaviourError(ValueError):
    """A ``NAME=CHOICE`` that names no switch or no choice of it; the message is one line."""


@dataclass(frozen=True)
class Behaviours:
    """The choice made for every switch (the defaults unless overridden)."""

    chosen: tuple[tuple[str, str], ...] = ()
    """Overrides, as ``(name, choice)`` pairs; a tuple so ``Settings`` stays hashable."""

    _resolved: dict[str, str] = field(init=False, repr=False, compare=False)
    """Every switch's choice, defaults included: read on the request path, so built once."""

    def __post_init__(self) -> None:
        known = _by_name()
        for name, choice in self.chosen:
            switch = known.get(name)
            if switch is None:
                names = ", ".join(known) or "none"
                raise BehaviourError(f"unknown behaviour {name!r} (known: {names})")
            if choice not in switch.choices:
                raise BehaviourError(
                    f"behaviour {name} has no choice {choice!r} (choices: "
                    f"{', '.join(switch.choices)})"
                )
        resolved = {name: switch.default for name, switch in known.items()} | dict(self.chosen)
        object.__setattr__(self, "_resolved", resolved)

    def __getitem__(self, name: str) -> str:
        return self._resolved[name]

    @classmethod
    def parse(cls, values: Iterable[str]) -> Behaviours:
        """``NAME=CHOICE`` strings, as the CLI takes them; a later value for a name wins."""
        chosen: dict[str, str] = {}
        for value in values:
            name, sep, choice = value.partition("=")
            if not sep:
                raise BehaviourError(f"behaviour {value!r} is not NAME=CHOICE")
            chosen[name.strip()] = choice.strip()
        return cls(tuple(chosen.items()))

    def as_args(self) -> list[str]:
        """The overrides as ``serve`` arguments, for starting an emulator process with them."""
        return [arg for name, choice in self.chosen for arg in ("--behaviour", f"{name}={choice}")]

    def as_mapping(self) -> Mapping[str, str]:
        """Every switch's choice, defaults included (the health endpoint reports this)."""
        return dict(self._resolved)


def _by_name() -> dict[str, Switch]:
    return {switch.name: switch for switch in SWITCHES}

"""The switch mechanism of ``behaviours`` (D91): parsing, defaults, one-line refusals, and the
choice reaching a running emulator. The switches themselves are tested by their own rules."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from agora_chat_emulator import behaviours
from agora_chat_emulator.behaviours import BehaviourError, Behaviours, Switch

SAMPLE = Switch(
    name="sample-point",
    choices=("first-vendor", "second-vendor"),
    decision="D0",
    help="a switch registered by this test only",
)


@pytest.fixture
def sample_switch(monkeypatch: pytest.MonkeyPatch) -> Switch:
    monkeypatch.setattr(behaviours, "SWITCHES", (*behaviours.SWITCHES, SAMPLE))
    return SAMPLE


def test_a_switch_defaults_to_its_first_choice(sample_switch: Switch) -> None:
    assert Behaviours()[sample_switch.name] == "first-vendor"
    assert Behaviours.parse([])[sample_switch.name] == "first-vendor"


def test_a_choice_overrides_the_default_and_the_last_value_wins(sample_switch: Switch) -> None:
    chosen = Behaviours.parse(["sample-point=first-vendor", " sample-point = second-vendor "])

    assert chosen[sample_switch.name] == "second-vendor"
    assert chosen.as_args() == ["--behaviour", "sample-point=second-vendor"]
    assert chosen.as_mapping()[sample_switch.name] == "second-vendor"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("sample-point", "is not NAME=CHOICE"),
        ("no-such-point=x", "unknown behaviour 'no-such-point'"),
        ("sample-point=third-vendor", "has no choice 'third-vendor'"),
    ],
)
def test_a_bad_value_is_one_line_naming_it(sample_switch: Switch, value: str, message: str) -> None:
    with pytest.raises(BehaviourError, match=message) as caught:
        Behaviours.parse([value])

    assert "\n" not in str(caught.value)


def test_serve_refuses_an_unknown_behaviour_in_one_line_exit_2() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "agora_chat_emulator",
            "serve",
            "--port",
            "0",
            "--db",
            ":memory:",
            "--behaviour",
            "no-such-point=x",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.returncode == 2
    assert "unknown behaviour 'no-such-point'" in result.stderr
    assert "Traceback" not in result.stderr


def test_every_switch_names_a_decision_and_two_choices() -> None:
    decisions = (Path(__file__).parents[2] / "docs" / "decisions.md").read_text(encoding="utf-8")
    for switch in behaviours.SWITCHES:
        assert len(switch.choices) >= 2, switch.name
        assert f"### {switch.decision}." in decisions, switch.name
        assert f"`{switch.name}`" in decisions, switch.name


def test_the_behaviours_command_lists_every_switch() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "agora_chat_emulator", "behaviours"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )

    for switch in behaviours.SWITCHES:
        assert f"{switch.name}: {' | '.join(switch.choices)}" in result.stdout

"""The terminal prompter: a yes/no question answered in Swedish or English."""

from __future__ import annotations

import pytest

from referral_cli.cli.terminal import TerminalPrompter
from referral_cli.i18n import command_language, use_language


class Typed(TerminalPrompter):
    """A terminal whose answers are given in advance, and which remembers what it showed."""

    def __init__(self, *answers: str) -> None:
        self.answers = list(answers)
        self.shown: list[str] = []

    def ask(self, prompt: str, default: str = "", suffix: str = ": ") -> str:
        self.shown.append(prompt + suffix)
        return self.answers.pop(0)

    def say(self, text: str) -> None:
        self.shown.append(text)


@pytest.mark.parametrize(
    ("lang", "answers", "meaning", "shown"),
    [
        ("sv", ["ja"], True, ["Spara? [j/N]: "]),
        (
            "sv",
            ["kanske", "nej"],
            False,
            ["Spara? [j/N]: ", "Svara j (ja) eller n (nej).", "Spara? [j/N]: "],
        ),
        ("sv", [""], False, ["Spara? [j/N]: "]),
        ("en", ["y"], True, ["Save? [y/N]: "]),
        (
            "en",
            ["maybe", "j"],
            True,
            ["Save? [y/N]: ", "Answer y (yes) or n (no).", "Save? [y/N]: "],
        ),
    ],
)
def test_confirm_takes_yes_and_no_in_either_language(
    lang: str, answers: list[str], meaning: bool, shown: list[str]
) -> None:
    prompter = Typed(*answers)
    with command_language():
        use_language(lang)
        assert prompter.confirm("Spara?" if lang == "sv" else "Save?") is meaning
    assert prompter.shown == shown

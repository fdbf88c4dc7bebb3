"""Ask a person at a terminal for every field of an entry that is still missing.

The choices (branches, reasons, categories, rows, actors, outcomes) are shown numbered
with their labels; an answer is a number, an id or a label as shown (in Swedish or
English, capitals and accents as you like: `referral_cli.choices`), several separated
by commas, and Enter skips. A wrong answer is asked again, with a "did you mean" that
is itself accepted, so every value an answer gives is valid.
Personal data typed into a text is refused at once; a number that merely may be
personal data must be confirmed. The words are the catalogue's, in `lang`; the person
is reached only through a `Prompter`, which the command line supplies.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

from referral_cli.choices import Choices, entry_choices
from referral_cli.dates import parse_iso_date
from referral_cli.i18n import t
from referral_cli.intake.request import REQUIRED, Candidate, Prompt
from referral_cli.models import OUTCOMES
from referral_cli.views import outcome_label, shorten

if TYPE_CHECKING:
    from referral_cli.store.repository import Guidelines

Shown = Sequence[tuple[str, str]]  # (id, label) as the list on screen shows them


class Prompter(Protocol):
    """How the core talks to a person at a terminal (the CLI supplies one).

    `ask` and `confirm` raise `KeyboardInterrupt` when the person gives up
    (Ctrl-C or end of input); nothing has been written at that point.
    """

    def ask(self, prompt: str, default: str = "", suffix: str = ": ") -> str:
        """One line of input; Enter gives `default`."""

    def confirm(self, prompt: str) -> bool:
        """A yes/no question; the default answer is no."""

    def say(self, text: str) -> None:
        """Show a line of text."""


@dataclass(frozen=True)
class Interview:
    """One conversation: the prompter, the language and today's date."""

    prompter: Prompter
    lang: str
    today: date
    # The repository's own public numbers and addresses: never a visitor's personal data.
    allowed: frozenset[str] = frozenset()

    def text(self, key: str, **values: Any) -> str:
        """A phrase of this section of the catalogue, in the interview's language."""
        return t(f"add-question.{key}", self.lang, **values)


def ask_missing(
    guidelines: Guidelines, candidate: Candidate, prompter: Prompter, lang: str, today: date
) -> None:
    """Ask for every field `candidate` has no value for; fill in the answers (origin: prompt)."""
    from referral_cli.rules.privacy import allowed_contacts

    talk = Interview(prompter, lang, today, allowed_contacts(guidelines))
    library, matrix = guidelines.library, guidelines.matrix
    values = candidate.values
    accepted = entry_choices(guidelines)

    def store(name: str, value: Any) -> None:
        if value not in (None, []):
            candidate.fill(name, value, Prompt())

    if "date" not in values:
        store("date", _ask_date(talk).isoformat())
    for name in ("description", "reflection"):
        if name not in values:
            answer = _ask_text(talk, name, required=name in REQUIRED)
            if answer is not None:
                text, doubted = answer
                candidate.fill(name, text, Prompt(confirmed=doubted))
    if "branch" not in values and library.branches:
        branches = [(b.id, b.name) for b in library.branches]
        default = branches[0][0] if len(branches) == 1 else None
        title = talk.text("prompt.branch")
        store("branch", _choose(talk, title, branches, accepted["branch"], default=default))
    if "reasons" not in values:
        reasons = [(r.id, r.label) for r in library.reason_vocabulary()]
        title = talk.text("prompt.reasons")
        store("reasons", _choose_many(talk, title, reasons, accepted["reasons"]))
    if "category" not in values and "row" not in values and matrix.categories:
        categories = [(c.id, c.title) for c in matrix.categories]
        title = talk.text("prompt.category")
        store("category", _choose(talk, title, categories, accepted["category"]))
    if "row" not in values:
        rows = [
            (row.id, row.need)
            for category, row in matrix.rows()
            if values.get("category") in (None, category.id)
        ]
        if rows:
            store("row", _choose(talk, talk.text("prompt.row"), rows, accepted["row"]))
    actors = [(a.id, a.name) for a in guidelines.actors.actors]
    for name in ("referred_to", "sent_by"):  # where the visitor went; who sent them here
        if name not in values and actors:
            title = talk.text(f"prompt.{name}")
            store(name, _choose_many(talk, title, actors, accepted[name]))
    if "outcome" not in values:
        outcomes = [(o, outcome_label(o, lang)) for o in OUTCOMES]
        title = talk.text("prompt.outcome")
        store("outcome", _choose(talk, title, outcomes, accepted["outcome"]))
    if "minutes" not in values:
        store("minutes", _ask_number(talk, talk.text("prompt.minutes"), 0, 1440))
    if "read_level" not in values:
        store("read_level", _ask_number(talk, talk.text("prompt.read_level"), 1, 6))
    if "recorded_by" not in values:
        store("recorded_by", prompter.ask(talk.text("prompt.recorded_by")).strip() or None)


def _ask_date(talk: Interview) -> date:
    while True:
        today = talk.today.isoformat()
        answer = talk.prompter.ask(talk.text("prompt.date"), default=today).strip()
        day = parse_iso_date(answer or today)
        if day is None:
            talk.prompter.say(talk.text("bad-date"))
        elif day > talk.today:
            talk.prompter.say(talk.text("future-date", day=day, today=talk.today))
        else:
            return day


def _ask_text(talk: Interview, name: str, *, required: bool) -> tuple[str, bool] | None:
    """Lines until an empty line; personal data is refused at once and asked again.

    Returns the text and whether an uncertain match in it was confirmed; None when an
    optional text is left empty.
    """
    from referral_cli.rules.privacy import scan_text

    talk.prompter.say(talk.text(f"prompt.{name}"))
    while True:
        text = _read_lines(talk)
        if not text:
            if required:
                talk.prompter.say(talk.text("required"))
                continue
            return None
        matches = scan_text(text, allowed=talk.allowed)
        certain = [m for m in matches if m.certain]
        for match in certain:
            kind = _kind_word(match.kind, talk.lang)
            talk.prompter.say(talk.text("personal", kind=kind, masked=match.masked))
        if certain:
            continue
        if not matches:
            return text, False
        doubts = [
            talk.text("maybe-personal", kind=_kind_word(m.kind, talk.lang), masked=m.masked)
            for m in matches
        ]
        if talk.prompter.confirm(" ".join(doubts)):
            return text, True
        talk.prompter.say(talk.text("rewrite"))


def _read_lines(talk: Interview) -> str:
    """Lines of text until an empty line."""
    lines: list[str] = []
    while (line := talk.prompter.ask("> ", suffix="")).strip():
        lines.append(line.rstrip())
    return "\n".join(lines).strip()


def _kind_word(kind: str, lang: str) -> str:
    """What was found, in words (every kind the guard knows has them; a test checks)."""
    return t(f"add-question.kind.{kind}", lang)


def _resolve(answer: str, shown: Shown, accepted: Choices) -> str | None:
    """The id an answer names: its number in the list shown, or a word `accepted` knows.

    An id or label of a choice that is not in the list shown (a row of another
    category) is not an answer here.
    """
    if answer.isdigit() and 1 <= int(answer) <= len(shown):
        return shown[int(answer) - 1][0]
    chosen = accepted.resolve(answer)
    return chosen if any(option == chosen for option, _ in shown) else None


def _show_options(talk: Interview, title: str, options: Shown) -> None:
    talk.prompter.say(title)
    width = max(len(option) for option, _ in options)
    digits = len(str(len(options)))
    for number, (option, label) in enumerate(options, start=1):
        talk.prompter.say(f"  {number:>{digits}}) {option:<{width}}  {shorten(label, 60)}")


def _choose(
    talk: Interview, title: str, options: Shown, accepted: Choices, default: str | None = None
) -> str | None:
    _show_options(talk, title, options)
    default_number = next(
        (str(n) for n, (option, _) in enumerate(options, start=1) if option == default), ""
    )
    while True:
        answer = talk.prompter.ask(talk.text("pick-one"), default=default_number).strip()
        if not answer:
            return None
        chosen = _resolve(answer, options, accepted)
        if chosen is not None:
            return chosen
        _say_not_a_choice(talk, answer, accepted)


def _choose_many(talk: Interview, title: str, options: Shown, accepted: Choices) -> list[str]:
    _show_options(talk, title, options)
    while True:
        chosen, bad = _resolve_many(talk.prompter.ask(talk.text("pick-many")), options, accepted)
        if bad is None:
            return list(dict.fromkeys(chosen))
        _say_not_a_choice(talk, bad, accepted)


def _resolve_many(answer: str, shown: Shown, accepted: Choices) -> tuple[list[str], str | None]:
    """The ids an answer names, separated by commas, and the first part naming none (or None).

    A label of several words is one answer (`För tekniskt`); numbers and ids may also
    be separated by spaces (`7 1 2`). A part none of whose words names anything is
    reported whole, so its "did you mean" can be the label it misspells.
    """
    chosen: list[str] = []
    for part in (p.strip() for p in re.split(r"[,;]", answer)):
        whole = _resolve(part, shown, accepted) if part else None
        if part and whole is None:
            found = [_resolve(word, shown, accepted) for word in part.split()]
            if all(one is None for one in found):
                return chosen, part
            if None in found:
                return chosen, part.split()[found.index(None)]
            chosen += [one for one in found if one is not None]
        elif whole is not None:
            chosen.append(whole)
    return chosen, None


def _say_not_a_choice(talk: Interview, answer: str, accepted: Choices) -> None:
    close = accepted.suggestion(answer)
    talk.prompter.say(talk.text("not-a-choice", answer=answer, suggestion=close))


def _ask_number(talk: Interview, prompt: str, low: int, high: int) -> int | None:
    while True:
        answer = talk.prompter.ask(prompt).strip()
        if not answer:
            return None
        if answer.isdigit() and low <= int(answer) <= high:
            return int(answer)
        talk.prompter.say(talk.text("bad-number", low=low, high=high))

"""Choices typed by people: an id, or its label in Swedish or English, however written.

A coordinator types what the screen shows. `språkbarriär`, `Sprakbarriar` and
`language` all mean the reason `language`; `hänvisad` and `Referred` the outcome
`referred`; `Norrby områdesbibliotek` the branch `norrby`; `integritet` (the label's
first word) the reason `privacy`. A `Choices` knows every
word that names each id, folded (capitals, accents, spaces and punctuation do not
matter); `resolve` gives the id, and `suggestion` a close word that is itself accepted,
so a "did you mean" never proposes something that would be refused.

The same choices serve the prompts, the options and the values read from a file, so
the three accept exactly the same words.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from referral_cli.i18n import LANGUAGES, Phrase, phrase, vocabulary_label

if TYPE_CHECKING:
    from referral_cli.models import Library
    from referral_cli.store.repository import Guidelines

# What each choice field of an inventory entry names (the catalogue's `check.*.<what>`).
ENTRY_CHOICE_OF: Final = {
    "branch": "branch",
    "reasons": "reason",
    "period": "period",
    "category": "category",
    "row": "row",
    "referred_to": "actor",
    "sent_by": "actor",
    "outcome": "outcome",
}
# Answers to a yes/no question, folded; an empty answer takes the default, no.
YES: Final = frozenset({"y", "yes", "j", "ja"})
NO: Final = frozenset({"", "n", "no", "nej"})
_SEPARATORS = re.compile(r"[\W_]+")


def fold(text: str) -> str:
    """`text` as compared: lower case, without accents, words separated by one space."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _SEPARATORS.sub(" ", plain).strip()


def yes_or_no(answer: str) -> bool | None:
    """True for y, yes, j, ja; False for n, no, nej or nothing; None for anything else."""
    folded = fold(answer)
    if folded in YES:
        return True
    if folded in NO:
        return False
    return None


@dataclass(frozen=True)
class Choices:
    """The ids of one kind of thing, and every word that names each of them."""

    ids: tuple[str, ...]
    words: Mapping[str, str]  # folded word -> id
    written: Mapping[str, str]  # folded word -> the word as written, for suggestions

    @classmethod
    def of(cls, named: Iterable[tuple[str, Iterable[str]]]) -> Choices:
        """Choices from `(id, names)` pairs; an id wins over another choice's name."""
        pairs = [(choice, list(names)) for choice, names in named]
        words: dict[str, str] = {}
        written: dict[str, str] = {}
        for choice, names in [(c, [c]) for c, _ in pairs] + pairs:
            for name in names:
                key = fold(name)
                if key and key not in words:
                    words[key] = choice
                    written[key] = name
        return cls(tuple(choice for choice, _ in pairs), words, written)

    def resolve(self, answer: str) -> str | None:
        """The id `answer` names, or None.

        A whole word, or the first words of a label when they fit only one choice:
        `integritet` for "Integritet / personuppgifter", `delvis` for "Delvis hjälpt".
        """
        folded = fold(answer)
        exact = self.words.get(folded)
        if exact is not None or len(folded) < 3:
            return exact
        starting = {choice for word, choice in self.words.items() if word.startswith(folded + " ")}
        return starting.pop() if len(starting) == 1 else None

    def suggestion(self, answer: str) -> Phrase:
        """The "did you mean 'x'?" of the closest accepted word, or an empty phrase.

        Failing a close spelling, a label one of whose words begins with `answer` (three
        letters or more) when it is one choice's: `tid` for "För tidskrävande".
        """
        folded = fold(answer)
        close = difflib.get_close_matches(folded, list(self.words), n=1, cutoff=0.6)
        if close:
            return phrase("common.did_you_mean", choice=self.written[close[0]])
        if len(folded) >= 3:
            starting = {
                word: choice
                for word, choice in self.words.items()
                if any(part.startswith(folded) for part in word.split())
            }
            if len(set(starting.values())) == 1:
                return phrase("common.did_you_mean", choice=self.written[min(starting)])
        return phrase("common.empty")


# --------------------------------------------------------------------------- the vocabularies


def vocabulary_choices(vocabulary: str, values: Iterable[str]) -> Choices:
    """A closed vocabulary (outcome, kind, scope, status): ids and labels in every language."""
    return Choices.of(
        (value, [vocabulary_label(vocabulary, value, lang) for lang in LANGUAGES])
        for value in values
    )


def reason_choices(library: Library) -> Choices:
    """The library's reasons; the default ones also by their labels in every language."""
    from referral_cli.models import default_reasons

    labels: dict[str, list[str]] = {r.id: [r.label] for r in library.reason_vocabulary()}
    if library.reasons is None:
        for lang in LANGUAGES:
            for reason in default_reasons(lang):
                labels[reason.id].append(reason.label)
    return Choices.of(labels.items())


def entry_choices(guidelines: Guidelines) -> dict[str, Choices]:
    """What each choice field of an inventory entry accepts, by field name."""
    from referral_cli.models import OUTCOMES

    library, matrix = guidelines.library, guidelines.matrix
    actors = Choices.of((a.id, [a.name]) for a in guidelines.actors.actors)
    return {
        "branch": Choices.of((b.id, [b.name]) for b in library.branches),
        "reasons": reason_choices(library),
        "period": Choices.of((p.id, []) for p in library.periods),
        "category": Choices.of((c.id, [c.title]) for c in matrix.categories),
        "row": Choices.of((row.id, [row.need]) for _, row in matrix.rows()),
        "referred_to": actors,
        "sent_by": actors,
        "outcome": vocabulary_choices("outcome", OUTCOMES),
    }

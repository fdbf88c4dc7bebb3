"""Choices typed by people: ids and labels in Swedish and English, however written."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from referral_cli.choices import Choices, entry_choices, fold, yes_or_no
from referral_cli.store.repository import load_guidelines
from tests.conftest import LIBRARY


@pytest.fixture
def accepted(make_repo: Callable[..., Path]) -> dict[str, Choices]:
    guidelines, _ = load_guidelines(make_repo(), inventory=False)
    return entry_choices(guidelines)


@pytest.mark.parametrize(
    ("field", "typed", "meant"),
    [
        ("reasons", "language", "language"),
        ("reasons", "språkbarriär", "language"),
        ("reasons", "Sprakbarriar", "language"),
        ("reasons", "SPRÅKBARRIÄR", "language"),
        ("reasons", "Language barrier", "language"),
        ("reasons", "integritet", "privacy"),  # the first word of a label, when it fits one
        ("reasons", "Integritet / personuppgifter", "privacy"),
        ("reasons", "för tidskrävande", "time"),
        ("outcome", "hänvisad", "referred"),
        ("outcome", "Referred", "referred"),
        ("outcome", "delvis", "partly"),
        ("outcome", "avböjt", "declined"),
        ("branch", "Centrumbiblioteket", "centrum"),
        ("branch", "CENTRUM", "centrum"),
        ("referred_to", "skatteverket", "skatteverket"),
        ("referred_to", "Banken", "bank"),
        ("sent_by", "banken", "bank"),  # who sent the visitor: the same actors' words
        ("sent_by", "SKATTEVERKET", "skatteverket"),
        ("category", "Dokument, ärenden och e-tjänster", "dokument"),
        ("row", "bank e legitimation", "bank-e-legitimation"),
        ("period", "HT-2026", "ht-2026"),
    ],
)
def test_an_id_or_a_label_however_written_names_the_choice(
    accepted: dict[str, Choices], field: str, typed: str, meant: str
) -> None:
    assert accepted[field].resolve(typed) == meant


@pytest.mark.parametrize(
    ("field", "typed"),
    [
        ("reasons", "för"),  # the first word of two labels: which one?
        ("reasons", "sp"),  # too short to be a label's first word
        ("outcome", "kanske"),
        ("branch", "norrby"),  # no such branch in this library
    ],
)
def test_a_word_that_names_no_single_choice_names_none(
    accepted: dict[str, Choices], field: str, typed: str
) -> None:
    assert accepted[field].resolve(typed) is None


@pytest.mark.parametrize(
    ("field", "typed", "lang", "expected"),
    [
        ("reasons", "sprakbariar", "sv", " (menade du 'Språkbarriär'?)"),
        ("reasons", "languge", "en", " (did you mean 'language'?)"),
        ("outcome", "hänvsad", "sv", " (menade du 'Hänvisad'?)"),
        ("branch", "centrm", "en", " (did you mean 'centrum'?)"),
        ("outcome", "xyz", "en", ""),
        # a word of one label begins so: the label, though it is no close spelling
        ("reasons", "tid", "sv", " (menade du 'För tidskrävande'?)"),
        ("reasons", "tid", "en", " (did you mean 'För tidskrävande'?)"),
        ("reasons", "tek", "sv", " (menade du 'För tekniskt'?)"),
        ("reasons", "per", "sv", " (menade du 'Integritet / personuppgifter'?)"),
        ("reasons", "fö", "sv", ""),  # too short to say
    ],
)
def test_did_you_mean_proposes_a_word_that_is_itself_accepted(
    accepted: dict[str, Choices], field: str, typed: str, lang: str, expected: str
) -> None:
    hint = accepted[field].suggestion(typed)
    assert hint.word(lang) == expected
    if expected:
        proposed = expected.split("'")[1]
        assert accepted[field].resolve(proposed) is not None


def test_a_library_s_own_reasons_replace_the_default_words(
    make_repo: Callable[..., Path],
) -> None:
    own = LIBRARY + "reasons:\n  - id: tid\n    label: Tog lång tid\n"
    guidelines, _ = load_guidelines(make_repo({"data/library.yaml": own}), inventory=False)
    reasons = entry_choices(guidelines)["reasons"]
    assert reasons.resolve("tog lång tid") == "tid"
    assert reasons.resolve("språkbarriär") is None


def test_an_id_wins_over_another_choice_s_label() -> None:
    choices = Choices.of([("a", ["b"]), ("b", ["x"])])
    assert choices.resolve("b") == "b"


@pytest.mark.parametrize(
    ("answer", "meaning"),
    [
        ("j", True),
        ("ja", True),
        ("JA", True),
        ("y", True),
        ("yes", True),
        ("n", False),
        ("nej", False),
        ("no", False),
        ("", False),
        ("kanske", None),
        ("jo", None),
    ],
)
def test_yes_and_no_in_swedish_and_english(answer: str, meaning: bool | None) -> None:
    assert yes_or_no(answer) is meaning


def test_fold_ignores_case_accents_and_punctuation() -> None:
    assert fold("  Språk-barriär_ÅÄÖ é ") == "sprak barriar aao e"

"""Checks of the library's synonyms: duplicates, cycles, targets the matrix lacks."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from referral_cli.commands.lookup import run_lookup
from referral_cli.commands.validate import validate_repository
from referral_cli.rules.synonyms import check_synonyms
from referral_cli.store.repository import load_guidelines
from tests.conftest import LIBRARY
from tests.test_search import SEARCH_TREE

MakeRepo = Callable[..., Path]
SYNONYMS_LINE = LIBRARY.count("\n") + 1  # "synonyms:" follows the base library


def with_synonyms(make_repo: MakeRepo, synonyms: str, **files: str) -> Path:
    library = LIBRARY + "synonyms:\n" + synonyms
    return make_repo({**SEARCH_TREE, "data/library.yaml": library, **files})


def findings(repo: Path, lang: str = "en") -> list[tuple[int, int, str, str, str | None]]:
    guidelines, _ = load_guidelines(repo, inventory=False)
    return [
        (f.line - SYNONYMS_LINE, f.column, f.code, f.text(lang), f.hint_text(lang))
        for f in check_synonyms(guidelines)
    ]


def test_synonyms_leading_to_matrix_words_are_clean(make_repo: MakeRepo) -> None:
    repo = with_synonyms(
        make_repo,
        "  mobilbank: BankID\n"
        "  e-id: [e-legitimation, e-leg]\n"
        "  simkortet: SIM-kort\n"  # another form of a matrix word
        "  skanner: skannern\n"
        "  fejk: fake news\n"
        "  ansökan: visumansökan\n",
    )
    assert findings(repo) == []


@pytest.mark.parametrize(
    ("synonyms", "expected"),
    [
        (
            "  iPad: BankID\n  ipad: e-leg\n",
            [
                (
                    2,
                    3,
                    "duplicate-synonym",
                    "the synonym 'ipad' is the same word as 'iPad' (line 14)",
                    "keep one of them and list all its words there",
                )
            ],
        ),
        (
            "  e-id: BankID\n  eid: BankID\n",
            [
                (
                    2,
                    3,
                    "duplicate-synonym",
                    "the synonym 'eid' is the same word as 'e-id' (line 14)",
                    "keep one of them and list all its words there",
                )
            ],
        ),
        (
            "  bank-id: BankID\n",
            [
                (
                    1,
                    12,
                    "synonym-of-itself",
                    "the synonym 'bank-id' leads to itself",
                    "remove the word from its own list",
                )
            ],
        ),
        (
            "  mobilbank: [BankID, bankid]\n",
            [
                (
                    1,
                    23,
                    "duplicate-synonym-target",
                    "'bankid' is listed twice for the synonym 'mobilbank'",
                    "remove one of them",
                )
            ],
        ),
        (
            "  e-id: e-legitimaton\n",
            [
                (
                    1,
                    9,
                    "unknown-synonym-target",
                    "the synonym 'e-id' leads to 'e-legitimaton', which no matrix row uses"
                    " (did you mean 'e-legitimation'?)",
                    "write words the matrix uses (a row's need, keywords or solution, or a "
                    "referred actor's services), or add 'e-legitimaton' to a row's keywords",
                )
            ],
        ),
        (
            "  kvitto: [BankID, zebrafink]\n",
            [
                (
                    1,
                    20,
                    "unknown-synonym-target",
                    "the synonym 'kvitto' leads to 'zebrafink', which no matrix row uses"
                    " (did you mean 'bank'?)",
                    "write words the matrix uses (a row's need, keywords or solution, or a "
                    "referred actor's services), or add 'zebrafink' to a row's keywords",
                )
            ],
        ),
        (
            # Every word of a phrase must be found, not just one of them.
            "  printa: skriva ut kort\n",
            [
                (
                    1,
                    11,
                    "unknown-synonym-target",
                    "the synonym 'printa' leads to 'skriva ut kort', which no matrix row uses",
                    "write words the matrix uses (a row's need, keywords or solution, or a "
                    "referred actor's services), or add 'skriva ut kort' to a row's keywords",
                )
            ],
        ),
        (
            "  mobilbank: BankID\n  bankid: mobilbank\n",
            [
                (
                    1,
                    3,
                    "synonym-cycle",
                    "the synonyms go round in a circle: mobilbank → bankid → mobilbank",
                    "a synonym leads one step, from a word visitors use to words the matrix "
                    "uses; remove one of the directions",
                ),
                (
                    2,
                    11,
                    "unknown-synonym-target",
                    "the synonym 'bankid' leads to 'mobilbank', which no matrix row uses"
                    " (did you mean 'Mobilt BankID'?)",
                    "write words the matrix uses (a row's need, keywords or solution, or a "
                    "referred actor's services), or add 'mobilbank' to a row's keywords",
                ),
            ],
        ),
        (
            # A word of a phrase is a step too: printa -> "pin kod" -> pin -> printa.
            "  printa: PIN kod\n  pin: [printa]\n",
            [
                (
                    1,
                    3,
                    "synonym-cycle",
                    "the synonyms go round in a circle: printa → pin → printa",
                    "a synonym leads one step, from a word visitors use to words the matrix "
                    "uses; remove one of the directions",
                ),
                (
                    2,
                    9,
                    "unknown-synonym-target",
                    "the synonym 'pin' leads to 'printa', which no matrix row uses",
                    "write words the matrix uses (a row's need, keywords or solution, or a "
                    "referred actor's services), or add 'printa' to a row's keywords",
                ),
            ],
        ),
    ],
)
def test_bad_synonyms_are_located_warnings(
    make_repo: MakeRepo, synonyms: str, expected: list[tuple[int, int, str, str, str | None]]
) -> None:
    assert findings(with_synonyms(make_repo, synonyms)) == expected


def test_the_findings_read_in_swedish(make_repo: MakeRepo) -> None:
    repo = with_synonyms(make_repo, "  mobilbank: [BankID, bankid]\n  kvitto: zebrafink\n")
    assert [(code, text) for _, _, code, text, _ in findings(repo, "sv")] == [
        (
            "duplicate-synonym-target",
            "'bankid' står två gånger under synonymen 'mobilbank'",
        ),
        (
            "unknown-synonym-target",
            "synonymen 'kvitto' leder till 'zebrafink', som ingen rad i matrisen använder"
            " (menade du 'bank'?)",
        ),
    ]


def test_synonym_findings_are_warnings_and_lookup_still_works(make_repo: MakeRepo) -> None:
    repo = with_synonyms(make_repo, "  kvitto: zebrafink\n  mobilbank: BankID\n")
    report = validate_repository(repo)
    assert report.errors == []
    assert [f.code for f in report.warnings if "synonym" in f.code] == ["unknown-synonym-target"]
    assert run_lookup(repo, ["mobilbank"]).hits[0].item.row.id == "bank-e-legitimation"


def test_a_broken_matrix_leaves_only_the_checks_that_need_no_matrix(
    make_repo: MakeRepo,
) -> None:
    repo = with_synonyms(
        make_repo,
        "  kvitto: zebrafink\n  iPad: BankID\n  ipad: BankID\n",
        **{"data/matrix.yaml": "categories: [\n"},
    )
    assert [code for _, _, code, _, _ in findings(repo)] == ["duplicate-synonym"]


def test_a_broken_library_has_no_synonym_findings(make_repo: MakeRepo) -> None:
    repo = make_repo({**SEARCH_TREE, "data/library.yaml": "synonyms:\n  kvitto: zebrafink\nx: [\n"})
    assert findings(repo) == []


@pytest.mark.parametrize(
    ("synonyms", "message"),
    [
        ("  printa:\n", "data/library.yaml:14:10: error: printa: expected text, found nothing"),
        (
            "  printa: {skriva: ut}\n",
            "data/library.yaml:14:11: error: printa: expected text, found a mapping of keys",
        ),
        (
            "  printa: [skriva ut, {a: b}]\n",
            "data/library.yaml:14:23: error: printa: expected text, found a mapping of keys",
        ),
        (
            "  printa: [skriva ut, '']\n",
            "data/library.yaml:14:23: error: printa: the text is empty",
        ),
    ],
)
def test_a_synonym_must_be_text_or_a_list_of_texts(
    make_repo: MakeRepo, synonyms: str, message: str
) -> None:
    report = validate_repository(with_synonyms(make_repo, synonyms))
    assert [f.format().splitlines()[0].rsplit(" [", 1)[0] for f in report.errors] == [message]

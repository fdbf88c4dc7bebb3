"""The measured accuracy of lookup and match on realistic desk queries, kept.

The evaluation set is tests/eval/desk_queries.yaml; tests/eval/evaluate.py defines the
figures (top-1, top-3, confident wrong answers, answered). `python -m
tests.eval.evaluate` prints them with every miss; benchmarks/README.md records them.
"""

from __future__ import annotations

from collections import Counter

import pytest

from referral_cli.store.repository import Guidelines
from tests.eval.evaluate import (
    SENTENCES,
    Case,
    Figures,
    bundled,
    evaluate_lookup,
    evaluate_match_every_sentence,
    load_cases,
    report,
)

TOP1 = 0.90
TOP3 = 0.97
KINDS = {"exact", "typo", "no-marks", "english", "inflected", "words", "synonym", "none"}


@pytest.fixture(scope="module")
def guidelines() -> Guidelines:
    return bundled()


@pytest.fixture(scope="module")
def cases() -> list[Case]:
    return load_cases()


def test_the_set_is_large_varied_and_about_every_row(
    guidelines: Guidelines, cases: list[Case]
) -> None:
    assert len(cases) >= 150
    assert len({case.query.casefold() for case in cases}) == len(cases), "a query twice"
    kinds = Counter(case.kind for case in cases)
    assert set(kinds) == KINDS
    assert kinds["none"] >= 20
    assert all(kinds[kind] >= 8 for kind in KINDS), kinds
    rows = {row.id for _, row in guidelines.matrix.rows()}
    expected = Counter(case.row for case in cases if case.row is not None)
    assert set(expected) == rows, "every row is asked about, and only rows that exist"
    assert min(expected.values()) >= 8, expected
    assert all((case.row is None) == (case.kind == "none") for case in cases)


def assert_meets_the_bar(figures: Figures, title: str) -> None:
    summary = report(figures, title)
    print(summary)  # shown with pytest -s, and in the assertion below when it fails
    assert figures.top1 >= TOP1, summary
    assert figures.top3 >= TOP3, summary
    assert figures.confident_wrong == 0, summary


def test_lookup_answers_desk_queries(guidelines: Guidelines, cases: list[Case]) -> None:
    assert_meets_the_bar(evaluate_lookup(guidelines, cases), "lookup")


def test_match_proposes_the_same_rows_for_inventory_sentences(
    guidelines: Guidelines, cases: list[Case]
) -> None:
    figures = evaluate_match_every_sentence(guidelines, cases)
    assert len(figures.outcomes) == len(cases) * len(SENTENCES)
    assert_meets_the_bar(figures, "match")


def test_the_figures_count_what_they_claim() -> None:
    # A miss, a right answer, a wrong answer shown, a "none" answered and one left alone.
    from tests.eval.evaluate import Outcome

    outcomes = (
        Outcome(Case("a", "x", "exact"), ("y", "x"), (0.5, 0.4), None),
        Outcome(Case("b", "x", "exact"), ("x",), (0.9,), "x"),
        Outcome(Case("c", "x", "exact"), ("y", "z", "w", "x"), (0.9, 0.5, 0.4, 0.3), "y"),
        Outcome(Case("d", None, "none"), ("y",), (0.8,), "y"),
        Outcome(Case("e", None, "none"), ("y",), (0.3,), None),
    )
    figures = Figures(outcomes)
    assert (figures.top1, figures.top3) == (2 / 5, 3 / 5)
    assert figures.confident_wrong == 2
    assert figures.answered == 1 / 3
    assert [o.case.query for o in figures.misses()] == ["a", "c", "d"]

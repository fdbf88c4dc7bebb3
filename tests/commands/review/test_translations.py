"""`review` and translations: what is stale (and what changed, from the history), what is
not translated yet, the translator's list, and the lines on the review screen."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from referral_cli.cli import app
from referral_cli.commands.review.formats import format_review
from referral_cli.commands.review.report import build_review, load_for_review
from referral_cli.commands.review.translations import (
    LanguageReview,
    TranslationItem,
    changed_words,
    format_translations,
    review_translations,
    with_earlier_texts,
)
from referral_cli.rules.translations import fingerprint
from tests.conftest import MATRIX, write_tree
from tests.git_history import commit, git

MakeRepo = Callable[..., Path]
needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
NEED = "Bankärenden och inloggning med e-legitimation"
NEW_NEED = "Bankärenden och inloggning med BankID"
SOLUTION = "Ta reda på vilken e-legitimation användaren har."
UKRAINIAN = f"""\
rows:
  bank-e-legitimation:
    need:
      text: Банківські справи та вхід з е-ID
      source: {fingerprint(NEED)}
    solution: Дізнайтеся, який e-ID у користувача.
"""


@pytest.mark.parametrize(
    ("before", "now", "expected"),
    [
        (NEED, NEW_NEED, ["”e-legitimation” → ”BankID”"]),
        ("boka tider", "boka eller avboka tider", ["+ ”eller avboka”"]),
        ("Mån–fre 9–16, se webbplatsen.", "Mån–fre 9–16.", ["”9–16, se webbplatsen.” → ”9–16.”"]),
        ("a b c", "a c", ["− ”b”"]),
        (NEED, NEED, []),
    ],
)
def test_what_changed_in_words(before: str, now: str, expected: list[str]) -> None:
    assert [change.word("sv") for change in changed_words(before, now)] == expected


def test_states_per_language(make_repo: MakeRepo) -> None:
    repo = make_repo({"data/translations/uk.yaml": UKRAINIAN})
    guidelines = load_for_review(repo)
    (review,) = review_translations(guidelines)
    assert (review.language, review.file) == ("uk", "data/translations/uk.yaml")
    assert review.stale == []
    assert review.unconfirmed == [
        TranslationItem(
            "rows.bank-e-legitimation.solution",
            SOLUTION,
            "Дізнайтеся, який e-ID у користувача.",
            fingerprint(SOLUTION),
        )
    ]
    assert [item.name for item in review.missing] == ["categories.dokument.title"]
    assert review.attention == 1


@needs_git
def test_a_stale_translation_shows_the_text_it_was_made_from(tmp_path: Path) -> None:
    from tests.conftest import ACTORS, LIBRARY

    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    files = {
        "data/library.yaml": LIBRARY,
        "data/actors.yaml": ACTORS,
        "data/matrix.yaml": MATRIX,
        "data/translations/uk.yaml": UKRAINIAN,
    }
    commit(repo, files, "translated")
    commit(repo, {"data/matrix.yaml": MATRIX.replace(NEED, NEW_NEED)}, "the need changed")
    (review,) = with_earlier_texts(repo, review_translations(load_for_review(repo)))
    (stale,) = review.stale
    assert (stale.name, stale.before, stale.now) == (
        "rows.bank-e-legitimation.need",
        NEED,
        NEW_NEED,
    )
    assert stale.recorded == fingerprint(NEED) and stale.fingerprint == fingerprint(NEW_NEED)
    text = format_translations([review], "Testbiblioteket", "2026-10-01", "sv")
    assert (
        "  Översatta från en tidigare text (1)\n"
        "    rows.bank-e-legitimation.need\n"
        f"      före: {NEED}\n"
        f"      nu:   {NEW_NEED}\n"
        "      ändrat: ”e-legitimation” → ”BankID”\n"
        "      översättning: Банківські справи та вхід з е-ID\n"
        f"      source: {fingerprint(NEW_NEED)}\n"
    ) in text
    # The CLI prints the same list.
    result = CliRunner().invoke(
        app, ["review", "--root", str(repo), "--translations", "--today", "2026-10-01"]
    )
    assert result.exit_code == 0, result.output
    assert f"      före: {NEED}\n" in result.output


def test_outside_git_the_earlier_text_is_unknown(tmp_path: Path) -> None:
    repo = write_tree(
        tmp_path / "repo",
        {
            "data/actors.yaml": "actors: []\n",
            "data/matrix.yaml": MATRIX.replace(NEED, NEW_NEED).replace(
                "refer_to: [bank, skatteverket]", "refer_to: []"
            ),
            "data/translations/uk.yaml": UKRAINIAN,
        },
    )
    (review,) = with_earlier_texts(repo, review_translations(load_for_review(repo)))
    assert review.stale[0].before is None
    text = format_translations([review], "B", "2026-10-01", "en")
    assert "      before: (not found in the git history)\n" in text
    assert "changed:" not in text


def test_the_translators_list_in_english() -> None:
    review = LanguageReview(
        "ar",
        "data/translations/ar.yaml",
        missing=[TranslationItem("rows.r.need", "Granska källor", None, "bcdfghjk")],
    )
    assert format_translations([review], "Testbiblioteket", "2026-10-01", "en") == (
        "Translations – Testbiblioteket (2026-10-01)\n"
        "\n"
        "Arabic – data/translations/ar.yaml\n"
        "  Not translated yet (1)\n"
        "    rows.r.need\n"
        "      text: Granska källor\n"
        "      source: bcdfghjk\n"
        "\n"
        "0 stale, 0 without source, 1 not translated."
    )
    everything = LanguageReview("sv-lattlast", "data/translations/sv-lattlast.yaml")
    assert "Easy Swedish – data/translations/sv-lattlast.yaml\n  Every text is translated" in (
        format_translations([everything], "B", "2026-10-01", "en")
    )
    assert format_translations([], "B", "2026-10-01", "en").endswith(
        "No translations yet: data/translations/ holds no file."
    )


def test_the_review_screen_counts_translations_to_look_at(make_repo: MakeRepo) -> None:
    plain = build_review(load_for_review(make_repo()), language="en")
    report = build_review(
        load_for_review(make_repo({"data/translations/uk.yaml": UKRAINIAN})), language="en"
    )
    # One unconfirmed translation, and one line for the texts not translated yet.
    assert report.attention_count == plain.attention_count + 2
    assert (
        "\nTranslations into Ukrainian\n"
        "  rows.bank-e-legitimation.solution: no source\n"
        "  1 text not translated into Ukrainian yet (referral review --translations lists it)\n"
    ) in format_review(report)
    assert not report.overdue or plain.overdue  # translations never make a review overdue

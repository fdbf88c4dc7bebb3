"""Translations that know when they are stale: fingerprints, states, validate's findings."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from referral_cli.commands.validate import format_text, validate_repository
from referral_cli.models import TranslatedText
from referral_cli.rules.translations import (
    LABEL_KEYS,
    TranslatedField,
    fingerprint,
    label_key,
    translated_fields,
)
from referral_cli.store.repository import load_guidelines
from tests.conftest import MATRIX

MakeRepo = Callable[..., Path]
NEED = "Bankärenden och inloggning med e-legitimation"
SOLUTION = "Ta reda på vilken e-legitimation användaren har."
TRANSLATED = "الخدمات المصرفية وتسجيل الدخول بالهوية الإلكترونية"
FILE = "data/translations/ar.yaml"


def need_fp() -> str:
    return fingerprint(NEED)


def current(extra: str = "") -> str:
    """An Arabic file translating the row's need and solution, both current."""
    return (
        "rows:\n"
        "  bank-e-legitimation:\n"
        f"    need:\n      text: {TRANSLATED}\n      source: {fingerprint(NEED)}\n"
        f"    solution:\n      text: ترجمة\n      source: {fingerprint(SOLUTION)}\n" + extra
    )


def translation_findings(repo: Path, lang: str = "en") -> list[tuple[str, int, int, str, str, str]]:
    report = validate_repository(repo)
    return [
        (
            f.file,
            f.line,
            f.column,
            f.severity,
            f.code,
            f.text(lang) + " | " + (f.hint_text(lang) or ""),
        )
        for f in report.findings
        if f.file.startswith("data/translations/")
    ]


# --------------------------------------------------------------------------- fingerprints


def test_fingerprint_changes_with_the_words_only() -> None:
    assert fingerprint(NEED) == fingerprint("  Bankärenden och\ninloggning  med e-legitimation ")
    # An editor that writes ä as a + combining diaeresis makes no translation stale.
    assert fingerprint(NEED) == fingerprint(NEED.replace("ä", "a\u0308"))
    assert fingerprint(NEED) != fingerprint(NEED + ".")
    assert fingerprint(NEED) != fingerprint(NEED.replace("Bank", "bank"))
    assert len(fingerprint(NEED)) == 8 and set(fingerprint(NEED)) <= set("bcdfghjklmnpqrst")


@pytest.mark.parametrize(
    ("original", "translation", "state", "shown"),
    [
        (NEED, TranslatedText(text="x", source=fingerprint(NEED)), "current", "x"),
        (NEED, TranslatedText(text="x", source="bbbbbbbb"), "stale", None),
        (NEED, TranslatedText(text="x"), "unconfirmed", None),
        (NEED, None, "missing", None),
        (None, TranslatedText(text="x", source="bbbbbbbb"), "unused", None),
    ],
)
def test_only_a_current_translation_is_shown(
    original: str | None, translation: TranslatedText | None, state: str, shown: str | None
) -> None:
    item = TranslatedField("rows", "r", "need", original, translation)
    assert item.state == state
    assert item.text == shown
    assert item.name == "rows.r.need"


def test_translated_fields_in_document_order(make_repo: MakeRepo) -> None:
    repo = make_repo({FILE: current()})
    guidelines, _ = load_guidelines(repo, inventory=False, translations=True)
    file = guidelines.translations["ar"].file
    fields = [(f.name, f.state) for f in translated_fields(guidelines, file)]
    # The base repository: one category, one row without phrasing, no opening hours.
    assert fields == [
        ("categories.dokument.title", "missing"),
        ("rows.bank-e-legitimation.need", "current"),
        ("rows.bank-e-legitimation.solution", "current"),
    ]


def test_label_keys_name_catalogue_keys() -> None:
    assert label_key("slip_need") == "label.slip_need"
    assert label_key("requirement.e_id") == "vocab.requirement.e_id"
    assert label_key("fallback_note") == "visitors.label.fallback_note"
    assert "slip_need" in LABEL_KEYS and "desk_guide_title" not in LABEL_KEYS


# --------------------------------------------------------------------------- validate


def test_a_current_translation_only_lacks_the_category(make_repo: MakeRepo) -> None:
    repo = make_repo({FILE: current()})
    assert translation_findings(repo) == [
        (
            FILE,
            1,
            1,
            "warning",
            "translation-missing",
            "1 text is not translated yet (categories.dokument); slips and posters show it "
            "in the original, marked * | `referral review --translations` lists each text to "
            "translate with the source line to write",
        )
    ]
    assert validate_repository(repo).exit_code(strict=False) == 0
    assert validate_repository(repo).exit_code(strict=True) == 1


TITLE = "categories:\n  dokument:\n    title:\n      text: الوثائق\n      source: {fp}\n"


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        (
            "ar.yaml",
            TITLE
            + "rows:\n  bank-e-legitimation:\n    need:\n      text: نص\n      source: bcdfghjk\n",
            [
                (
                    FILE,
                    10,
                    15,
                    "warning",
                    "translation-stale",
                    "rows.bank-e-legitimation.need: the text has changed since it was translated, "
                    "so the slips show the original until the translation is checked | "
                    "`referral review --translations` shows what changed; when the translation "
                    f"says the same as the text does now, write  source: {fingerprint(NEED)}",
                ),
            ],
        ),
        (
            "ar.yaml",
            TITLE + "rows:\n  bank-e-legitimation:\n    need: نص\n",
            [
                (
                    FILE,
                    8,
                    11,
                    "warning",
                    "translation-unconfirmed",
                    "rows.bank-e-legitimation.need: no source, so nobody can tell which text was "
                    "translated; the slips show the original until it has one | when the "
                    "translation says the same as the text does now, write it as  text: …  with  "
                    f"source: {fingerprint(NEED)}  under it",
                ),
            ],
        ),
        (
            "ar.yaml",
            TITLE
            + "rows:\n  bank-e-legitimation:\n    phrasing:\n      text: نص\n      source: bcdfghjk\n",
            [
                (
                    FILE,
                    8,
                    5,
                    "warning",
                    "translation-unused",
                    "rows.bank-e-legitimation.phrasing: the original has no such text, so the "
                    "translation is never shown | remove it, or write the text in the original first",
                ),
            ],
        ),
        (
            "ar.yaml",
            TITLE + "rows:\n  bank-e-legitimaton:\n    need: نص\n",
            [
                (
                    FILE,
                    7,
                    3,
                    "warning",
                    "translation-unknown",
                    "there is no row 'bank-e-legitimaton' (did you mean 'bank-e-legitimation'?), so "
                    "its translation is never shown | correct the id, or remove the translation if "
                    "the original was removed",
                ),
            ],
        ),
        (
            "ar.yaml",
            TITLE + "labels:\n  slip_ned: تحتاج\n",
            [
                (
                    FILE,
                    7,
                    3,
                    "error",
                    "translation-unknown-label",
                    "unknown label 'slip_ned' (did you mean 'slip_need'?) | the labels a "
                    "translation file can give: " + ", ".join(LABEL_KEYS),
                ),
            ],
        ),
        (
            "arabic.yaml",
            "rows: {}\n",
            [
                (
                    "data/translations/arabic.yaml",
                    1,
                    1,
                    "error",
                    "translation-file-name",
                    "'arabic.yaml' is not named after a language, so it is never read | name the "
                    "file by its language code: ar.yaml, uk.yaml, sv-lattlast.yaml (Easy Swedish)",
                ),
            ],
        ),
        (
            "sv.yaml",
            "rows: {}\n",
            [
                (
                    "data/translations/sv.yaml",
                    1,
                    1,
                    "warning",
                    "translation-own-language",
                    "the guidelines are written in 'sv' already, so this file is never used | "
                    "remove it; Easy Swedish is sv-lattlast.yaml",
                ),
            ],
        ),
    ],
)
def test_problems_in_a_translation_file(
    make_repo: MakeRepo, name: str, text: str, expected: list[tuple[str, int, int, str, str, str]]
) -> None:
    text = text.replace("{fp}", fingerprint("Dokument, ärenden och e-tjänster"))
    repo = make_repo({f"data/translations/{name}": text})
    got = translation_findings(repo)
    if name == "ar.yaml":  # the row's untranslated texts are summed up as well
        got = [finding for finding in got if finding[4] != "translation-missing"]
    assert got == expected


def test_a_language_referral_has_no_labels_for_needs_the_librarys(make_repo: MakeRepo) -> None:
    repo = make_repo({"data/translations/pl.yaml": "labels:\n  slip_need: Potrzebujesz pomocy w\n"})
    found = [f for f in translation_findings(repo) if f[4] == "translation-labels-missing"]
    assert len(found) == 1
    file, line, _, severity, _, text = found[0]
    assert (file, line, severity) == ("data/translations/pl.yaml", 1, "warning")
    assert text.startswith(
        f"referral has no handout labels in 'pl' and this file gives 1 of {len(LABEL_KEYS)}; "
        "the others print in the guidelines' language, marked * | add them under labels: "
        "(slips_title, slips_intro, slip_heading,"
    )


@pytest.mark.parametrize(
    ("text", "code", "message"),
    [
        (
            "rows:\n  bank-e-legitimation:\n    nedd: نص\n",
            "unknown-key",
            # keyed by row id, and still the row's keys are known: a did-you-mean and a hint
            "unknown key 'nedd' (did you mean 'need'?) [unknown-key]\n"
            "    hint: allowed keys here: library_can, need, phrasing, solution",
        ),
        (
            "actors:\n  bank:\n    opening_hour: x\n",
            "unknown-key",
            "unknown key 'opening_hour' (did you mean 'opening_hours'?)",
        ),
        (
            "rows:\n  bank-e-legitimation:\n    need:\n      text: نص\n      source: abc\n",
            "invalid-value",
            "source:",
        ),
        ("rows:\n  Bank E:\n    need: نص\n", "invalid-value", "Bank E"),
    ],
)
def test_a_malformed_translation_file_is_an_error_located_in_it(
    make_repo: MakeRepo, text: str, code: str, message: str
) -> None:
    repo = make_repo({FILE: text})
    errors = [f for f in validate_repository(repo).errors if f.file == FILE]
    assert errors and errors[0].code.startswith(code.split("-")[0]), errors
    assert message in errors[0].format("en"), errors[0].format("en")


def test_the_bundled_example_translates_some_rows_into_arabic_and_ukrainian() -> None:
    bundled = Path(__file__).resolve().parents[2]
    report = validate_repository(bundled)
    assert report.errors == []
    translation = [f for f in report.findings if f.file.startswith("data/translations/")]
    # Only the texts not translated yet: every bundled translation is current.
    assert sorted((f.file, f.code) for f in translation) == [
        ("data/translations/ar.yaml", "translation-missing"),
        ("data/translations/uk.yaml", "translation-missing"),
    ]
    assert "translation-missing" in format_text(report)


def test_validate_reads_translations_but_other_commands_ignore_a_broken_one(
    make_repo: MakeRepo,
) -> None:
    from referral_cli.rules.loading import load_valid_guidelines

    repo = make_repo({FILE: "rows: [\n", "data/matrix.yaml": MATRIX})
    assert [f.code for f in validate_repository(repo).errors] == ["yaml-syntax"]
    # Logging a question or a lookup never reads the translations.
    assert load_valid_guidelines(repo, inventory=False).translations == {}

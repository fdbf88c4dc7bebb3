"""One validation of a candidate, each finding located where its value came from."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from referral_cli.intake.request import Candidate, Derived, InFile, Prompt
from referral_cli.intake.validation import check_candidate, without_field
from referral_cli.rules.loading import load_readable
from referral_cli.store.repository import Guidelines
from referral_cli.store.yamlio import SourceMap
from tests.conftest import MATRIX
from tests.intake.conftest import LIBRARY_TWO_BRANCHES, TODAY

# The English wording; the language rule is tested in tests/cli/test_errors.py.
pytestmark = pytest.mark.usefixtures("english")

# A second category, so a row can be given with a category it does not belong to.
MATRIX_TWO_CATEGORIES = MATRIX + "  - id: annat\n    title: Annat\n    rows: []\n"
UNCERTAIN = "Ordernummer 8112189876 i appen"


@pytest.fixture
def guidelines(make_repo: Callable[..., Path]) -> Guidelines:
    root = make_repo(
        {"data/library.yaml": LIBRARY_TWO_BRANCHES, "data/matrix.yaml": MATRIX_TWO_CATEGORIES}
    )
    return load_readable(root, inventory=False)


def from_options(**values: Any) -> Candidate:
    candidate = Candidate.from_options(values)
    candidate.fill("date", "2026-08-22", Derived())
    candidate.fill("description", "Ärende", Derived())
    return candidate


def formatted(findings: list[Any]) -> list[str]:
    return [line for finding in findings for line in finding.format().splitlines()]


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (
            {"category": "dokumnet"},
            [
                "--category: error: unknown category 'dokumnet' (did you mean 'dokument'?) "
                "[unknown-category]",
                "    hint: known category ids: annat, dokument",
            ],
        ),
        (
            {"row": "bank-e-legitimation", "category": "annat"},
            [
                "--row: error: the row 'bank-e-legitimation' belongs to the category "
                "'dokument', not 'annat' [row-category]",
                "    hint: set category: dokument, or choose a row of 'annat'",
            ],
        ),
        (
            {"reasons": ["time", "Tidskrävande"]},
            [  # the suggestion is a word that is itself accepted: the Swedish label
                "--reason: error: unknown reason 'Tidskrävande' (did you mean "
                "'För tidskrävande'?) [unknown-reason]",
                "    hint: known reason ids: competence, ethical, language, legal, other, "
                "privacy, technical, time",
            ],
        ),
        (
            {"date": "2027-01-01"},
            [
                "--date: error: 2027-01-01 is in the future (today is 2026-11-28) [future-date]",
                "    hint: check the year and month",
            ],
        ),
        (
            {"reflection": "Ring 070-123 45 67"},
            [  # the hint is the privacy guard's
                "--reflection: error: looks like a phone number (070-*** ** **); the inventory "
                "must not hold a visitor's personal data [personal-data]",
            ],
        ),
    ],
)
def test_a_finding_about_an_option_names_the_option(
    guidelines: Guidelines, options: dict[str, Any], expected: list[str]
) -> None:
    verdict = check_candidate(guidelines, from_options(**options), TODAY)
    assert formatted(verdict.errors)[: len(expected)] == expected
    assert [(f.line, f.column) for f in verdict.errors] == [(0, 0)]


def test_every_problem_at_once_in_the_order_of_the_checks(guidelines: Guidelines) -> None:
    candidate = from_options(minutes="lång", branch="centrm", description="Mejl a.b@example.se")
    verdict = check_candidate(guidelines, candidate, TODAY)
    assert [(f.file, f.code) for f in verdict.errors] == [
        ("--minutes", "invalid-number"),  # the model refused it
        ("--branch", "unknown-branch"),  # the rest is still checked against the guidelines
        ("--description", "personal-data"),  # and guarded against personal data
    ]
    assert verdict.entry is None


def test_a_value_the_command_filled_in_is_named_by_its_option(guidelines: Guidelines) -> None:
    candidate = Candidate.from_options({"description": "Ärende", "period": "ht-2026"})
    candidate.fill("date", "2026-09-02", Derived())
    verdict = check_candidate(guidelines, candidate, TODAY)
    assert verdict.errors == []
    assert formatted(verdict.warnings) == [
        "--date: warning: the date 2026-09-02 is outside the period 'ht-2026' "
        "(2026-08-17 to 2026-08-30) [outside-period]"
    ]


def test_a_finding_about_no_option_names_the_command(guidelines: Guidelines) -> None:
    candidate = Candidate({"date": "2026-08-22", "description": "x", "colour": "red"})
    [finding] = check_candidate(guidelines, candidate, TODAY).errors
    assert (finding.file, finding.line, finding.code) == (
        "referral add-question",
        0,
        "unknown-key",
    )


@pytest.mark.parametrize(
    ("origin", "doubted"),
    [(Derived(), True), (Prompt(), True), (Prompt(confirmed=True), False)],
)
def test_possible_personal_data_is_a_doubt_until_confirmed_at_a_prompt(
    guidelines: Guidelines, origin: Derived | Prompt, doubted: bool
) -> None:
    candidate = Candidate()
    candidate.fill("date", "2026-08-22", Derived())
    candidate.fill("description", UNCERTAIN, origin)
    verdict = check_candidate(guidelines, candidate, TODAY)
    assert (verdict.errors, verdict.warnings) == ([], [])
    assert [(f.file, f.severity, f.code) for f in verdict.doubts] == (
        [("--description", "warning", "possible-personal-data")] if doubted else []
    )


def in_csv_row(values: dict[str, Any], line: int = 3) -> Candidate:
    source = SourceMap()
    source.values[()] = (line, 1)
    for column, name in enumerate(values, start=1):
        source.values[(name,)] = (line, column)
    return Candidate(dict(values), in_file=InFile("log.csv", source))


def test_a_file_entry_is_located_in_the_file(guidelines: Guidelines) -> None:
    candidate = in_csv_row({"date": "2026-08-22", "description": "x", "minutes": "fyrtio"})
    candidate.fill_options({"branch": "centrm"})  # not in the row: shown at the row's start
    verdict = check_candidate(guidelines, candidate, TODAY)
    assert [line for line in formatted(verdict.errors) if not line.startswith(" ")] == [
        "log.csv:3:3: error: minutes: 'fyrtio' is not a whole number [invalid-number]",
        "log.csv:3:1: error: unknown branch 'centrm' (did you mean 'centrum'?) [unknown-branch]",
    ]


def test_yaml_text_locates_personal_data_at_its_column(guidelines: Guidelines) -> None:
    text = "date: 2026-08-22\ndescription: Mejl från a.b@example.se\n"
    source = SourceMap()
    source.values[("date",)] = (1, 7)
    source.values[("description",)] = (2, 14)
    candidate = Candidate(
        {"date": "2026-08-22", "description": "Mejl från a.b@example.se"},
        in_file=InFile("log.yaml", source, text),
    )
    [finding] = check_candidate(guidelines, candidate, TODAY).errors
    assert (finding.file, finding.line, finding.column) == ("log.yaml", 2, 24)
    assert finding.text().startswith("description: looks like an email address")


@pytest.mark.parametrize("date_value", [None, "2026-13-40"])
def test_no_date_checks_without_a_real_date(guidelines: Guidelines, date_value: str | None) -> None:
    values = {"description": "x", "period": "ht-2026"}
    if date_value is not None:
        values["date"] = date_value
    verdict = check_candidate(guidelines, in_csv_row(values), TODAY)
    assert [f.code for f in verdict.errors] == [
        "invalid-date" if date_value else "missing-key"
    ]  # and no outside-period or future-date about the stand-in date
    assert verdict.warnings == []


def test_after_its_option_a_message_loses_its_field_in_every_language() -> None:
    from referral_cli.findings import about_field
    from referral_cli.i18n import phrase

    inner = phrase("val.invalid-number", value=phrase("val.input.text", text="tjugo"))
    message = without_field(about_field("minutes", inner), "minutes")
    assert (message.word("en"), message.word("sv")) == (
        "'tjugo' is not a whole number",
        "'tjugo' är inget heltal",
    )
    other = without_field(about_field("read_level", inner), "minutes")
    assert other.word("en") == "read_level: 'tjugo' is not a whole number"  # another field

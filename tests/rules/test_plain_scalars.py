"""Editors agree with the tool: unquoted text that other YAML tools read otherwise."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
import yaml

from referral_cli.rules.checks import check_guidelines
from referral_cli.rules.plain_scalars import read_as
from referral_cli.store.repository import load_guidelines
from tests.conftest import ACTORS, ENTRY, LIBRARY, MATRIX

ENTRY_FILE = "data/inventory/2026/2026-08-22-test-000001.yaml"


def warnings(repo: Path) -> list[tuple[str, int, int, str]]:
    guidelines, _ = load_guidelines(repo)
    return [
        (f.file, f.line, f.column, f.text())
        for f in check_guidelines(guidelines, today=date(2026, 11, 28))
        if f.code == "ambiguous-value"
    ]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("1177", "number"),
        ("0701234567", "number"),  # octal to YAML 1.1, a number to 1.2
        ("08-123 45 67", None),
        ("+46", "number"),
        ("1_000", "number"),
        ("10:30", "number"),  # base 60 to YAML 1.1
        ("1.5", "number"),
        ("1.", "number"),
        (".5", "number"),
        ("1e3", "number"),
        ("0x1F", "number"),
        ("0o17", "number"),
        (".inf", "number"),
        (".NaN", "number"),
        ("no", "boolean"),
        ("NO", "boolean"),
        ("y", "boolean"),
        ("off", "boolean"),
        ("On", "boolean"),
        ("~", "null"),
        ("Null", "null"),
        ("2025-01-01", "date"),
        ("2025-1-1 10:00:00", "date"),
        ("2025-01-01T10:00:00Z", "date"),
        (".", None),
        ("-", None),
        ("nej", None),
        ("Norge", None),
        ("bankid", None),
        ("1177 Vårdguiden", None),
        ("e-id", None),
        ("", None),
    ],
)
def test_read_as(text: str, kind: str | None) -> None:
    assert read_as(text) == kind


@pytest.mark.parametrize(
    "text", ["1177", "0701234567", "no", "yes", "on", "~", "1.5", "10:30", "2025-01-01", ".inf"]
)
def test_what_read_as_flags_pyyaml_really_reads_otherwise(text: str) -> None:
    # PyYAML's safe loader resolves YAML 1.1: the claim is checked against a real tool.
    assert not isinstance(yaml.safe_load(f"value: {text}")["value"], str)


def test_clean_repository_has_none(make_repo: Callable[..., Path]) -> None:
    assert warnings(make_repo()) == []


HINT = 'put it in quotes, so that every tool reads it as text: "{}"'


@pytest.mark.parametrize(
    ("file", "content", "expected"),
    [
        (
            "data/actors.yaml",
            ACTORS.replace('[sv, en, "no"]', "[sv, en, no]"),
            [
                (
                    "data/actors.yaml",
                    10,
                    25,
                    "'no' is text to referral, but editors and other YAML tools read it as "
                    "a yes/no value (boolean)",
                )
            ],
        ),
        (
            "data/actors.yaml",
            ACTORS.replace("phone: 0771-567 567", "phone: 0701234567"),
            [
                (
                    "data/actors.yaml",
                    9,
                    14,
                    "'0701234567' is text to referral, but editors and other YAML tools read "
                    "it as a number",
                )
            ],
        ),
        (
            "data/matrix.yaml",
            MATRIX.replace("need: Bankärenden och inloggning med e-legitimation", "need: 1177"),
            [
                (
                    "data/matrix.yaml",
                    10,
                    15,
                    "'1177' is text to referral, but editors and other YAML tools read it as "
                    "a number",
                )
            ],
        ),
        (
            ENTRY_FILE,
            ENTRY.replace(
                "description: Ärende på Migrationsverkets webbplats; språkbarriär.",
                "description: 2025-01-01",
            ),
            [
                (
                    ENTRY_FILE,
                    2,
                    14,
                    "'2025-01-01' is text to referral, but editors and other YAML tools read "
                    "it as a date",
                )
            ],
        ),
        (
            "data/library.yaml",
            LIBRARY + "synonyms:\n  ~: [skriva ut]\n  1177: vård\n",
            [
                (
                    "data/library.yaml",
                    14,
                    3,
                    "'~' is text to referral, but editors and other YAML tools read it as "
                    "an empty value (null)",
                ),
                (
                    "data/library.yaml",
                    15,
                    3,
                    "'1177' is text to referral, but editors and other YAML tools read it as "
                    "a number",
                ),
            ],
        ),
    ],
    ids=["language-code", "phone", "row-need", "entry-description", "synonym-keys"],
)
def test_each_is_located_with_the_fix(
    make_repo: Callable[..., Path],
    file: str,
    content: str,
    expected: list[tuple[str, int, int, str]],
) -> None:
    found = warnings(make_repo({file: content}))
    assert found == expected
    guidelines, _ = load_guidelines(make_repo({file: content}))
    [finding, *_] = [
        f
        for f in check_guidelines(guidelines, today=date(2026, 11, 28))
        if f.code == "ambiguous-value"
    ]
    assert finding.severity == "warning"
    assert finding.hint is not None and finding.hint.word("en") == HINT.format(
        expected[0][3].split("'")[1]
    )


@pytest.mark.parametrize(
    "written",
    [
        '"0701234567"',
        "'0701234567'",
        "|-\n      0701234567",
        ">-\n      0701234567",
    ],
    ids=["double", "single", "literal", "folded"],
)
def test_quoted_and_block_values_are_text_to_every_tool(
    make_repo: Callable[..., Path], written: str
) -> None:
    repo = make_repo({"data/actors.yaml": ACTORS.replace("0771-567 567", written)})
    assert warnings(repo) == []


def test_dates_and_numbers_in_their_own_fields_are_meant(make_repo: Callable[..., Path]) -> None:
    # reviewed: 2026-06-01 and review_interval_months: 6 are read as a date and a number by
    # everyone, as the schema says: nothing to quote.
    entry = ENTRY + "minutes: 30\nread_level: 3\n"
    assert warnings(make_repo({ENTRY_FILE: entry})) == []


def test_swedish_wording(make_repo: Callable[..., Path]) -> None:
    guidelines, _ = load_guidelines(
        make_repo({"data/actors.yaml": ACTORS.replace('[sv, en, "no"]', "[sv, en, no]")})
    )
    [finding] = [f for f in check_guidelines(guidelines) if f.code == "ambiguous-value"]
    assert finding.format("sv") == (
        "data/actors.yaml:10:25: warning: 'no' är text för referral, men redigerare och andra "
        "YAML-verktyg läser det som ett ja/nej-värde (boolean) [ambiguous-value]\n"
        '    tips: sätt citattecken runt värdet, så att alla verktyg läser det som text: "no"'
    )


def test_a_translation_file_is_checked_too(make_repo: Callable[..., Path]) -> None:
    """check-jsonschema flags `text: 1177` in a translation file as it does in the matrix."""
    translation = "rows:\n  bank-e-legitimation:\n    need:\n      text: 1177\n"
    repo = make_repo({"data/translations/en.yaml": translation})
    guidelines, _ = load_guidelines(repo, translations=True)
    found = [
        (f.file, f.line, f.column, f.text())
        for f in check_guidelines(guidelines, today=date(2026, 11, 28))
        if f.code == "ambiguous-value"
    ]
    assert found == [
        (
            "data/translations/en.yaml",
            4,
            13,
            "'1177' is text to referral, but editors and other YAML tools read it as a number",
        )
    ]
    quoted = make_repo({"data/translations/en.yaml": translation.replace("1177", '"1177"')})
    assert [
        f
        for f in check_guidelines(load_guidelines(quoted, translations=True)[0])
        if f.code == "ambiguous-value"
    ] == []

"""The words and cells of the inventory table, and the csv and json formats."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from referral_cli.commands.inventory import InventoryListing, list_inventory
from referral_cli.formats.inventory import NONE, format_csv, format_json, table
from referral_cli.records import RecordFilter
from tests.conftest import LIBRARY
from tests.inventory_repo import FILES, MARCH_FILE, SIM_FILE


@pytest.fixture
def repo(make_repo: Callable[..., Path]) -> Path:
    return make_repo(FILES)


def listing(repo: Path, **conditions: object) -> InventoryListing:
    return list_inventory(repo, RecordFilter(**conditions))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("lang", "wide", "headings"),
    [
        ("sv", False, ("Datum", "Bibliotek", "Ärende", "Varför det skavde", "Rad i matrisen")),
        ("en", False, ("Date", "Branch", "Case", "Why it chafed", "Matrix row")),
        (
            "en",
            True,
            ("Date", "Branch", "Case", "Why it chafed", "Matrix row", "Referred to", "Outcome"),
        ),
    ],
)
def test_headings_follow_the_language_and_the_width(
    repo: Path, lang: str, wide: bool, headings: tuple[str, ...]
) -> None:
    content = table(listing(repo), lang, wide)
    assert content.headings == headings
    assert all(len(row) == len(headings) for row in content.rows)


def test_cells_of_one_entry(repo: Path) -> None:
    content = table(listing(repo, periods=("vt-2026",)), "en", wide=True)
    assert content.rows == [
        [
            "2026-03-05",
            "norrby",
            "Skanna pass och bifoga det i en visumansökan på ett annat lands webbplats.",
            "Privacy / personal data\nLegal\nLanguage barrier",
            NONE,
            "skatteverket",
            "Partly helped",
        ]
    ]
    assert content.caption == "1 question"


def test_library_language_is_the_default(repo: Path) -> None:
    content = table(listing(repo))
    assert content.caption == "4 frågor"
    assert content.rows[0][3] == "Integritet / personuppgifter\nJuridik\nSpråkbarriär"


def test_the_library_s_own_reason_labels_win(make_repo: Callable[..., Path]) -> None:
    library = LIBRARY + "reasons:\n  - id: language\n    label: Språket\n"
    repo = make_repo({"data/library.yaml": library})
    assert table(listing(repo), "en").rows[0][3] == "Språket\nprivacy"


def test_nothing_matched(repo: Path) -> None:
    content = table(listing(repo, since=None, categories=("dokument",), periods=("vt-2026",)), "en")
    assert content.rows == []
    assert content.empty == "No questions match."


def test_json_and_csv_carry_the_same_entries(repo: Path) -> None:
    chosen = listing(repo, branches=("norrby", "centrum"), reasons=("time", "legal"))
    records = json.loads(format_json(chosen))
    rows = list(csv.DictReader(io.StringIO(format_csv(chosen))))
    assert [r["file"] for r in records] == [r["file"] for r in rows] == [MARCH_FILE, SIM_FILE]
    assert rows[0]["reasons"] == "privacy;legal;language"
    assert records[0]["reasons"] == ["privacy", "legal", "language"]

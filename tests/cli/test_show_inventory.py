"""The inventory table as drawn at a terminal: golden files, width and markup."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from referral_cli.cli.show_inventory import WIDE, format_table
from referral_cli.commands.inventory import list_inventory
from referral_cli.records import RecordFilter
from tests.inventory_repo import BARE, BARE_FILE, FILES

GOLDEN = Path(__file__).parents[1] / "golden" / "inventory"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


@pytest.fixture
def repo(make_repo: Callable[..., Path]) -> Path:
    return make_repo(FILES)


@pytest.mark.parametrize(
    ("lang", "width", "golden"),
    [("sv", 100, "table.sv.100.txt"), ("en", 150, "table.en.150.txt")],
)
def test_table_golden(repo: Path, lang: str, width: int, golden: str) -> None:
    text = format_table(list_inventory(repo, RecordFilter()), lang, width) + "\n"
    path = GOLDEN / golden
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"missing golden file {path}; create it with UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize(("width", "wide"), [(WIDE - 1, False), (WIDE, True)])
def test_referrals_and_outcomes_only_in_a_wide_table(repo: Path, width: int, wide: bool) -> None:
    text = format_table(list_inventory(repo, RecordFilter()), "en", width)
    assert ("Referred to" in text) is wide
    assert ("Outcome" in text) is wide
    assert max(len(line) for line in text.splitlines()) <= width


def test_nothing_matched_is_one_line(repo: Path) -> None:
    listing = list_inventory(repo, RecordFilter(periods=("vt-2026",), branches=("centrum",)))
    assert format_table(listing, "sv") == "Inga frågor matchar."


def test_square_brackets_are_printed_as_typed(make_repo: Callable[..., Path]) -> None:
    # Rich would read '[/x]' as a closing markup tag and crash on it.
    repo = make_repo({**FILES, BARE_FILE: BARE.replace("Bluff-sms", "Bluff-sms [/x] [b]")})
    assert "[/x] [b]" in format_table(list_inventory(repo, RecordFilter()), "sv")

"""Inventory records, the one filter of inventory, stats, export and report, and sources."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from referral_cli.errors import UsageError
from referral_cli.i18n import phrase
from referral_cli.models import InventoryEntry
from referral_cli.records import (
    Labels,
    Record,
    RecordFilter,
    export_data,
    known_ids,
    load_export_records,
    load_repository_records,
    load_sources,
    month_label,
    record_from_export,
)
from referral_cli.store.export_file import EXPORT_FIELDS, TEXT_FIELDS, dump_line

RECORD = Record(
    "Testbiblioteket",
    "Testkommun",
    date(2026, 8, 22),
    branch="centrum",
    period="ht-2026",
    category="dokument",
    row="bank-e-legitimation",
    reasons=("language", "privacy"),
    referred_to=("skatteverket",),
    outcome="referred",
    minutes=20,
    read_level=3,
    description="Ett ärende.",
    reflection="Svårt.",
)
BARE = Record("Testbiblioteket", None, date(2026, 9, 3))


@pytest.mark.parametrize(
    ("selection", "record_passes", "bare_passes"),
    [
        (RecordFilter(), True, True),
        (RecordFilter(since=date(2026, 8, 22)), True, True),
        (RecordFilter(since=date(2026, 8, 23)), False, True),
        (RecordFilter(until=date(2026, 8, 22)), True, False),
        (RecordFilter(since=date(2026, 8, 1), until=date(2026, 8, 31)), True, False),
        (RecordFilter(branches=("centrum",)), True, False),
        (RecordFilter(branches=("norrby", "centrum")), True, False),
        (RecordFilter(branches=("norrby",)), False, False),
        (RecordFilter(reasons=("privacy",)), True, False),
        (RecordFilter(reasons=("time", "language")), True, False),
        (RecordFilter(reasons=("time",)), False, False),
        (RecordFilter(periods=("ht-2026", "vt-2026")), True, False),
        (RecordFilter(categories=("dokument",)), True, False),
        (RecordFilter(unmatched=True), False, True),
        (RecordFilter(branches=("centrum",), since=date(2026, 8, 23)), False, False),
    ],
)
def test_every_condition_must_hold_and_any_id_of_a_kind_matches(
    selection: RecordFilter, record_passes: bool, bare_passes: bool
) -> None:
    assert selection.accepts(RECORD) is record_passes
    assert selection.accepts(BARE) is bare_passes
    expected = [r for r, passes in ((RECORD, record_passes), (BARE, bare_passes)) if passes]
    assert selection.apply([RECORD, BARE]) == expected


def test_the_filter_takes_inventory_entries_too() -> None:
    entry = InventoryEntry.model_validate(
        {"date": "2026-08-22", "description": "Ett ärende.", "reasons": ["privacy"]}
    )
    assert RecordFilter(reasons=("privacy",), unmatched=True).accepts(entry)
    assert not RecordFilter(branches=("centrum",)).accepts(entry)


def test_from_options_parses_the_dates_and_keeps_the_ids() -> None:
    selection = RecordFilter.from_options(
        "2026-08-01", None, branches=["a", "b"], periods=["p"], unmatched=True
    )
    assert selection == RecordFilter(
        since=date(2026, 8, 1), branches=("a", "b"), periods=("p",), unmatched=True
    )


@pytest.mark.parametrize(
    ("since", "until", "message"),
    [
        ("22/8", None, "--since: '22/8' is not a date written as YYYY-MM-DD (e.g. 2026-08-22)"),
        (None, "2026-8-1", "--until: '2026-8-1' is not a date written as YYYY-MM-DD"),
        # swapped dates: said for every command, not answered with an empty count
        (
            "2026-10-01",
            "2026-01-01",
            "--since 2026-10-01 is after --until 2026-01-01; nothing can match (are the dates "
            "swapped?)",
        ),
    ],
)
def test_from_options_refuses_dates_in_other_forms(
    since: str | None, until: str | None, message: str
) -> None:
    with pytest.raises(UsageError) as caught:
        RecordFilter.from_options(since, until)
    assert str(caught.value).startswith(message)


@pytest.mark.parametrize(
    ("since", "until", "empty"),
    [
        (None, None, False),
        (date(2026, 9, 1), None, False),
        (date(2026, 9, 1), date(2026, 9, 1), False),
        (date(2026, 9, 2), date(2026, 9, 1), True),
    ],
)
def test_empty_range(since: date | None, until: date | None, empty: bool) -> None:
    assert RecordFilter(since=since, until=until).empty_range is empty


@pytest.mark.parametrize(
    ("start", "end", "overlaps"),
    [
        (date(2026, 7, 1), date(2026, 7, 31), False),
        (date(2026, 7, 1), date(2026, 8, 1), True),
        (date(2026, 8, 10), date(2026, 8, 20), True),
        (date(2026, 8, 31), date(2026, 9, 30), True),
        (date(2026, 9, 1), date(2026, 9, 30), False),
    ],
)
def test_overlaps_a_period(start: date, end: date, overlaps: bool) -> None:
    august = RecordFilter(since=date(2026, 8, 1), until=date(2026, 8, 31))
    assert august.overlaps(start, end) is overlaps
    assert RecordFilter().overlaps(start, end)


KNOWN = {"branch": {"centrum", "norrby"}, "reason": {"privacy"}, "period": set(), "category": {""}}


@pytest.mark.parametrize(
    ("selection", "message"),
    [
        (
            RecordFilter(branches=("centrum", "norby")),
            "--branch: unknown branch 'norby' (did you mean 'norrby'?); known: centrum, norrby",
        ),
        (
            RecordFilter(reasons=("privcy",)),
            "--reason: unknown reason 'privcy' (did you mean 'privacy'?); known: privacy",
        ),
        (RecordFilter(periods=("ht-2026",)), "--period: unknown period 'ht-2026'; known: none"),
        (RecordFilter(categories=("x",)), "--category: unknown category 'x'; known: none"),
        (
            RecordFilter(periods=("x",), branches=("y",)),
            "--branch: unknown branch 'y'; known: centrum, norrby",
        ),
    ],
)
def test_an_unknown_id_is_a_usage_error(selection: RecordFilter, message: str) -> None:
    with pytest.raises(UsageError) as caught:
        selection.check_ids(KNOWN, phrase("stats.known_none"))
    assert str(caught.value) == message


def test_known_ids_are_enough() -> None:
    RecordFilter(branches=("norrby",), reasons=("privacy",)).check_ids(
        KNOWN, phrase("stats.known_none")
    )


def test_known_ids_come_from_the_labels_and_the_items() -> None:
    labels = Labels()
    labels.add("branch", "norrby", "Norrby")
    labels.add("reason", "time", "För tidskrävande")
    assert known_ids(labels, [RECORD, BARE]) == {
        "branch": {"norrby", "centrum"},
        "reason": {"time", "language", "privacy"},
        "period": {"ht-2026"},
        "category": {"dokument"},
    }


def test_as_dict_writes_one_id_as_itself_and_several_as_a_list() -> None:
    assert RecordFilter().as_dict() == {
        "since": None,
        "until": None,
        "period": None,
        "branch": None,
    }
    chosen = RecordFilter(since=date(2026, 8, 1), periods=("ht-2026",), branches=("a", "b"))
    assert chosen.as_dict() == {
        "since": "2026-08-01",
        "until": None,
        "period": "ht-2026",
        "branch": ["a", "b"],
    }


def test_the_first_source_names_an_id() -> None:
    labels = Labels()
    labels.add("branch", "centrum", "Centrumbiblioteket")
    labels.add("branch", "centrum", "Centralbiblioteket")
    assert labels.by_dimension["branch"] == {"centrum": "Centrumbiblioteket"}


@pytest.mark.parametrize(
    ("lang", "text"), [("sv", "augusti 2026"), ("en", "August 2026"), ("sv", "december 2025")]
)
def test_month_label(lang: str, text: str) -> None:
    year, month = (2025, 12) if text.startswith("december") else (2026, 8)
    assert month_label(year, month, lang) == text


def test_export_data_has_the_documented_keys_in_order() -> None:
    assert tuple(export_data(RECORD)) == EXPORT_FIELDS
    assert tuple(export_data(RECORD, include_text=True)) == EXPORT_FIELDS + TEXT_FIELDS


@pytest.mark.parametrize("include_text", [False, True])
def test_a_record_survives_the_export_format(include_text: bool) -> None:
    again = record_from_export(export_data(RECORD, include_text))
    without_text = replace(RECORD, description=None, reflection=None)
    expected = RECORD if include_text else without_text
    assert again == expected


def test_repository_records_and_their_labels(make_repo: Callable[..., Path]) -> None:
    labels = Labels()
    (record,) = load_repository_records(make_repo(), labels)
    assert record == Record(
        "Testbiblioteket",
        "Testkommun",
        date(2026, 8, 22),
        branch="centrum",
        period="ht-2026",
        category="dokument",
        row="bank-e-legitimation",
        reasons=("language", "privacy"),
        referred_to=("skatteverket",),
        description="Ärende på Migrationsverkets webbplats; språkbarriär.",
    )
    assert labels.language == "sv"
    assert labels.by_dimension["branch"] == {"centrum": "Centrumbiblioteket"}
    assert labels.by_dimension["referred_to"]["skatteverket"] == "Skatteverket"
    assert labels.by_dimension["row"]["bank-e-legitimation"].startswith("Bankärenden")


def test_sources_add_up_and_export_files_name_their_library(
    make_repo: Callable[..., Path], tmp_path: Path
) -> None:
    export = tmp_path / "region.jsonl"
    export.write_text(dump_line(export_data(BARE)) + "\n", encoding="utf-8")
    assert load_export_records(export) == [BARE]
    dataset = load_sources([make_repo(), export])
    assert [r.date for r in dataset.records] == [date(2026, 8, 22), date(2026, 9, 3)]
    assert dataset.labels.by_dimension["library"] == {"Testbiblioteket": "Testbiblioteket"}
    assert dataset.known_ids()["branch"] == {"centrum"}


def test_a_missing_source_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as caught:
        load_sources([tmp_path / "nope"])
    assert str(caught.value) == (
        f"{tmp_path / 'nope'} does not exist: give a guideline repository or an export file"
    )

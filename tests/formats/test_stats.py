"""The output formats of `referral stats`: table, csv, json, html, title and numbers."""

from __future__ import annotations

import json
from datetime import date

import pytest

from referral_cli.commands.stats import StatsResult, compute_stats
from referral_cli.formats.stats import (
    format_csv,
    format_html,
    format_json,
    format_table,
    number,
    title,
)
from referral_cli.records import Dataset, Labels, Record, RecordFilter

# 2026-08-17 is a Monday, 2026-08-22 a Saturday.
RECORDS = (
    Record(
        "Testbiblioteket",
        "Testkommun",
        date(2026, 8, 17),
        branch="centrum",
        period="ht-2026",
        reasons=("privacy", "legal"),
        outcome="referred",
        minutes=10,
    ),
    Record(
        "Testbiblioteket",
        "Testkommun",
        date(2026, 8, 22),
        branch="centrum",
        period="ht-2026",
        reasons=("privacy",),
        outcome="helped",
        minutes=30,
    ),
    Record(
        "Testbiblioteket", "Testkommun", date(2026, 9, 3), reasons=("time",), outcome="referred"
    ),
)


def dataset(*records: Record) -> Dataset:
    labels = Labels(language="sv")
    labels.add("reason", "privacy", "Integritet / personuppgifter")
    return Dataset(list(records or RECORDS), labels)


def result(*by: str, language: str | None = None, **filters: object) -> StatsResult:
    return compute_stats(dataset(), by, RecordFilter(**filters), language)  # type: ignore[arg-type]


def test_table() -> None:
    assert format_table(result("outcome")).splitlines() == [
        "Alla frågor per utfall (3 frågor)",
        "",
        "Utfall    Antal  Minuter  Median (min)",
        "--------  -----  -------  ------------",
        "Hjälpt        1       30            30",
        "Hänvisad      2       10            10",
        "--------  -----  -------  ------------",
        "Totalt        3       40            20",
    ]


def test_table_without_dimensions_has_no_totals_line() -> None:
    assert format_table(result(language="en")).splitlines() == [
        "All questions (3 questions)",
        "",
        "Count  Minutes  Median (min)",
        "-----  -------  ------------",
        "3           40            20",
    ]


def test_cross_table_sums_the_columns() -> None:
    assert format_table(result("outcome", "branch", language="en")).splitlines()[2:] == [
        "Outcome   centrum  (not given)  Total",
        "--------  -------  -----------  -----",
        "Helped          1            0      1",
        "Referred        1            1      2",
        "--------  -------  -----------  -----",
        "Total           2            1      3",
    ]


def test_empty_selection() -> None:
    assert format_table(result("reason", until=date(2000, 1, 1))).splitlines() == [
        "Alla frågor per skäl (0 frågor, –2000-01-01)",
        "",
        "Inga frågor matchar urvalet.",
    ]


@pytest.mark.parametrize(
    ("by", "language", "filters", "expected"),
    [
        ((), "sv", {}, "Alla frågor (3 frågor)"),
        (("weekday",), "en", {}, "All questions by weekday (3 questions)"),
        (("reason", "read_level"), "sv", {}, "Alla frågor per skäl × read-nivå (3 frågor)"),
        (
            ("month",),
            "sv",
            {"since": date(2026, 8, 20)},
            "Alla frågor per månad (2 frågor, 2026-08-20–)",
        ),
        (
            ("outcome",),
            "en",
            {"since": date(2026, 8, 1), "until": date(2026, 8, 20)},
            "All questions by outcome (1 question, 2026-08-01–2026-08-20)",
        ),
        (
            ("row",),
            "sv",
            {"periods": ("ht-2026",)},
            "Alla frågor per rad i matrisen (2 frågor, period ht-2026)",
        ),
        (
            ("branch",),
            "sv",
            {"branches": ("centrum", "norrby")},
            "Alla frågor per bibliotek (2 frågor, bibliotek centrum eller norrby)",
        ),
        (
            ("branch",),
            "en",
            {"branches": ("centrum",), "periods": ("ht-2026", "vt-2026")},
            "All questions by branch (2 questions, period ht-2026 or vt-2026, branch centrum)",
        ),
    ],
)
def test_title_names_what_was_counted_and_the_filters(
    by: tuple[str, ...], language: str, filters: dict[str, object], expected: str
) -> None:
    assert title(result(*by, language=language, **filters)) == expected


@pytest.mark.parametrize(
    ("value", "language", "text"),
    [
        (None, "sv", "–"),
        (20.0, "sv", "20"),
        (12.5, "sv", "12,5"),
        (12.5, "en", "12.5"),
        (7, "en", "7"),
    ],
)
def test_number(value: float | None, language: str, text: str) -> None:
    assert number(value, language) == text


def test_median_uses_decimal_comma_in_the_swedish_table_only() -> None:
    records = [Record("B", None, date(2026, 1, d), minutes=m) for d, m in ((1, 10), (2, 15))]
    assert "12,5" in format_table(compute_stats(dataset(*records), ["library"]))
    assert "12.5" in format_table(compute_stats(dataset(*records), ["library"], language="en"))
    assert "12.5" in format_csv(compute_stats(dataset(*records), ["library"]))


@pytest.mark.parametrize(
    ("by", "language", "note"),
    [
        (
            ["reason"],
            "sv",
            "En fråga kan ha flera skäl; summan av raderna kan bli större än totalen.",
        ),
        (
            ["referred_to"],
            "sv",
            "En fråga kan ha hänvisats till flera aktörer; summan av raderna kan bli större "
            "än totalen.",
        ),
        (
            ["reason"],
            "en",
            "A question can have several reasons; the rows can add up to more than the total.",
        ),
        (
            ["reason", "referred_to"],
            "en",
            "A question can have several reasons and be referred to several actors; the rows, "
            "and the cells of a row, can add up to more than their totals.",
        ),
        (
            ["library", "reason"],
            "en",
            "A question can have several reasons; the cells of a row can add up to more than "
            "its total.",
        ),
        (
            ["library", "reason"],
            "sv",
            "En fråga kan ha flera skäl; summan av cellerna i en rad kan bli större än radens "
            "total.",
        ),
        (
            ["reason", "sent_by"],
            "sv",
            "En fråga kan ha flera skäl och ha skickats hit av flera aktörer; både summan av "
            "raderna och summan av cellerna i en rad kan bli större än sin total.",
        ),
    ],
)
def test_multi_valued_note_reads_as_a_sentence(by: list[str], language: str, note: str) -> None:
    record = Record("B", None, date(2026, 1, 1), reasons=("a", "b"))
    assert format_table(compute_stats(dataset(record), by, language=language)).endswith(note)


def test_no_note_for_single_valued_dimensions() -> None:
    assert format_table(result("outcome", "branch")).endswith("3")


def test_json_has_ids_labels_and_the_filters() -> None:
    data = json.loads(format_json(result("reason", "outcome", branches=("centrum", "norrby"))))
    assert data["filters"] == {
        "since": None,
        "until": None,
        "period": None,
        "branch": ["centrum", "norrby"],
    }
    assert data["columns"] == [
        {"key": "helped", "label": "Hjälpt", "total": 1},
        {"key": "referred", "label": "Hänvisad", "total": 1},
    ]
    assert data["rows"][0] == {
        "key": "privacy",
        "label": "Integritet / personuppgifter",
        "count": 2,
        "minutes_total": 40,
        "minutes_median": 20.0,
        "cells": [1, 1],
    }


def test_html_has_inline_svg_bars_and_no_script() -> None:
    html = format_html(result("reason"))
    assert html.startswith("<!DOCTYPE html>")
    assert html.count("<rect ") == 3
    assert 'width="360"' in html  # the largest bar is full width
    assert 'width="180"' in html  # half as many
    assert "<script" not in html
    assert "<td>Integritet / personuppgifter</td><td>2</td>" in html


def test_html_escapes_labels() -> None:
    html = format_html(
        compute_stats(dataset(Record("<b>Bibl</b>", None, date(2026, 8, 20))), ["library"])
    )
    assert "<b>Bibl" not in html
    assert "&lt;b&gt;Bibl&lt;/b&gt;" in html

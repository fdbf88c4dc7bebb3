"""ISO dates only, option values as the tool's own sentences, and calendar months."""

from __future__ import annotations

import calendar
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from referral_cli.dates import add_months, parse_date_option, parse_iso_date
from referral_cli.errors import UsageError


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-08-22", date(2026, 8, 22)),
        (" 2026-08-22 ", date(2026, 8, 22)),
        ("2024-02-29", date(2024, 2, 29)),
        ("2026-02-29", None),  # no such day
        ("2026-W34-1", None),  # a week date: fromisoformat would take it
        ("20260822", None),
        ("2026-8-22", None),
        ("22/8", None),
        ("", None),
    ],
)
def test_parse_iso_date_takes_only_the_plain_form(text: str, expected: date | None) -> None:
    assert parse_iso_date(text) == expected


def test_parse_date_option_names_the_option_in_both_languages() -> None:
    assert parse_date_option(None, "--since") is None
    assert parse_date_option("2026-08-22", "--since") == date(2026, 8, 22)
    with pytest.raises(UsageError) as caught:
        parse_date_option("22/8", "--until")
    assert caught.value.text("en") == (
        "--until: '22/8' is not a date written as YYYY-MM-DD (e.g. 2026-08-22)"
    )
    assert caught.value.text("sv") == (
        "--until: '22/8' är inget datum skrivet som ÅÅÅÅ-MM-DD (till exempel 2026-08-22)"
    )


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 8, 31), -6, date(2026, 2, 28)),
        (date(2024, 8, 31), -6, date(2024, 2, 29)),
        (date(2026, 1, 15), -1, date(2025, 12, 15)),
        (date(2026, 11, 28), 6, date(2027, 5, 28)),
        (date(2025, 8, 31), 6, date(2026, 2, 28)),
        (date(2023, 8, 31), 6, date(2024, 2, 29)),
        (date(2025, 12, 1), 1, date(2026, 1, 1)),
        (date(2025, 3, 31), 60, date(2030, 3, 31)),
        (date(2026, 12, 31), 0, date(2026, 12, 31)),
    ],
)
def test_add_months(day: date, months: int, expected: date) -> None:
    assert add_months(day, months) == expected


@given(
    day=st.dates(min_value=date(1901, 1, 1), max_value=date(2098, 12, 31)),
    months=st.integers(-120, 120),
)
def test_add_months_lands_in_the_right_month_on_the_nearest_day(day: date, months: int) -> None:
    moved = add_months(day, months)
    assert (moved.year * 12 + moved.month) - (day.year * 12 + day.month) == months
    last = calendar.monthrange(moved.year, moved.month)[1]
    assert moved.day == min(day.day, last)

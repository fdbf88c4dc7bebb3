"""iCalendar (RFC 5545) as real calendar software reads it."""

from __future__ import annotations

from datetime import date

import icalendar
import pytest

from referral_cli.formats.content_lines import escape_text, fold
from referral_cli.formats.ics import CalendarEvent, format_calendar

EVENTS = [
    CalendarEvent(
        uid="a@referral",
        day=date(2027, 3, 1),
        summary="Se över raden: Bank, e-legitimation; BankID",
        description="Senast granskad 2026-09-01.\nAnsvarig: Kajsa.",
        sequence=739860,
        categories=("Älvstads bibliotek",),
    ),
    CalendarEvent(uid="b@referral", day=date(2026, 12, 31), summary="Hör av er till Å" * 20),
]


def calendar() -> str:
    return format_calendar(
        EVENTS, name="Älvstad: översyner", stamp=date(2026, 11, 30), product="-//test//EN"
    )


def test_a_calendar_parser_reads_every_event() -> None:
    parsed = icalendar.Calendar.from_ical(calendar())
    events = list(parsed.walk("VEVENT"))
    assert [str(e["UID"]) for e in events] == ["a@referral", "b@referral"]
    first = events[0]
    assert str(first["SUMMARY"]) == "Se över raden: Bank, e-legitimation; BankID"
    assert str(first["DESCRIPTION"]) == "Senast granskad 2026-09-01.\nAnsvarig: Kajsa."
    assert first.decoded("DTSTART") == date(2027, 3, 1)
    assert first.decoded("DTEND") == date(2027, 3, 2)  # a whole day
    assert int(first["SEQUENCE"]) == 739860
    assert str(events[1]["SUMMARY"]) == "Hör av er till Å" * 20
    assert str(parsed["X-WR-CALNAME"]) == "Älvstad: översyner"


def test_lines_end_in_crlf_and_are_at_most_75_octets() -> None:
    text = calendar()
    assert text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))


@pytest.mark.parametrize(
    ("text", "escaped"),
    [("a,b;c\\d", "a\\,b\\;c\\\\d"), ("rad 1\nrad 2\r\nrad 3", "rad 1\\nrad 2\\nrad 3")],
)
def test_escape_text(text: str, escaped: str) -> None:
    assert escape_text(text) == escaped


def test_fold_never_splits_a_character() -> None:
    line = "SUMMARY:" + "å" * 100
    folded = fold(line)
    assert folded.replace("\r\n ", "") == line
    assert all(len(part.encode("utf-8")) <= 75 for part in folded.split("\r\n"))
    assert fold("short") == "short"

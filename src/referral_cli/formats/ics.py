"""Calendar events as iCalendar (RFC 5545), for Outlook and every other calendar.

Each event is a whole day. Its UID is given by the caller and must stay the same
from one export to the next, so that importing the file again updates the events
instead of adding copies; SEQUENCE tells a calendar which version is newer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from referral_cli.formats.content_lines import content, escape_text


@dataclass(frozen=True)
class CalendarEvent:
    """One all-day event."""

    uid: str
    day: date
    summary: str
    description: str = ""
    sequence: int = 0
    categories: tuple[str, ...] = ()


def format_calendar(
    events: Sequence[CalendarEvent], *, name: str, stamp: date, product: str
) -> str:
    """A VCALENDAR with every event; `stamp` (the day it was made) is each DTSTAMP."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{product}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    for event in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event.uid}",
            f"DTSTAMP:{stamp:%Y%m%d}T000000Z",
            f"DTSTART;VALUE=DATE:{event.day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{event.day + timedelta(days=1):%Y%m%d}",
            f"SEQUENCE:{event.sequence}",
            f"SUMMARY:{escape_text(event.summary)}",
        ]
        if event.description:
            lines.append(f"DESCRIPTION:{escape_text(event.description)}")
        if event.categories:
            lines.append("CATEGORIES:" + ",".join(escape_text(c) for c in event.categories))
        lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return content(lines)

"""`referral review --format ics`: the reviews and contacts that fall due, as calendar events.

One all-day event for the guidelines as a whole, one for each matrix row and each
actor (its next review: `reviewed` plus `review_interval_months`), and one for each
actor the library has been in touch with (`relationship.last_contact` plus the same
interval). What is overdue, or was never reviewed, falls due today, so importing the
file again moves it along instead of leaving it in the past.

Each event's UID is made from the library's name and the row's or actor's id, so a
calendar that imports the file again updates its events instead of adding copies;
SEQUENCE is the day of the last review or contact, so the newer version wins.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from referral_cli.dates import add_months
from referral_cli.formats.ics import CalendarEvent, format_calendar
from referral_cli.i18n import language_for, t

if TYPE_CHECKING:
    from referral_cli.store.repository import Guidelines

_UID_NAMESPACE = uuid.UUID("1f0c5a2e-6a0e-5b8e-9c3d-2b7a4e1d9f60")  # referral's own


@dataclass(frozen=True)
class _Due:
    """One thing that falls due: what, which one, and when it was last done."""

    what: str  # guidelines, row, actor or contact
    item_id: str
    summary: str
    done: date | None
    owner: str | None = None


def review_calendar(guidelines: Guidelines, today: date, language: str | None = None) -> str:
    """Every review and contact of `guidelines` as an iCalendar file, as of `today`."""
    from referral_cli import __version__

    library = guidelines.library
    lang = language_for(language, library.language)
    months = library.review_interval_months
    events = sorted(
        (_event(due, library.name, today, months, lang) for due in _dues(guidelines, lang)),
        key=lambda event: (event.day, event.uid),
    )
    return format_calendar(
        events,
        name=t("review.ics.calendar", lang, library=library.name),
        stamp=today,
        product=f"-//referral//referral-cli {__version__}//{lang.upper()}",
    )


def _dues(guidelines: Guidelines, lang: str) -> list[_Due]:
    library = guidelines.library
    dues = [_Due("guidelines", "", t("review.ics.guidelines", lang), library.reviewed)]
    for _category, row in guidelines.matrix.rows():
        summary = t("review.ics.row", lang, need=row.need)
        dues.append(_Due("row", row.id, summary, row.reviewed, row.owner))
    for actor in guidelines.actors.actors:
        relationship = actor.relationship
        owner = relationship.owner if relationship else None
        summary = t("review.ics.actor", lang, name=actor.name)
        dues.append(_Due("actor", actor.id, summary, actor.reviewed, owner))
        if relationship is not None and relationship.last_contact is not None:
            summary = t("review.ics.contact", lang, name=actor.name)
            dues.append(_Due("contact", actor.id, summary, relationship.last_contact, owner))
    return dues


def _event(due: _Due, library: str, today: date, months: int, lang: str) -> CalendarEvent:
    deadline = add_months(due.done, months) if due.done else today
    if due.done is None:
        done = t("review.ics.never", lang)
    elif due.what == "contact":
        done = t("review.ics.last-contact", lang, date=due.done.isoformat())
    else:
        done = t("review.ics.last-reviewed", lang, date=due.done.isoformat())
    lines = [done, t("review.ics.due", lang, date=deadline.isoformat(), months=months)]
    if deadline < today:
        lines.append(t("review.ics.overdue", lang))
    if due.owner:
        lines.append(t("review.ics.owner", lang, owner=due.owner))
    if due.item_id:
        lines.append(t(f"review.ics.id.{due.what}", lang, id=due.item_id))
    key = f"{library}\n{due.what}\n{due.item_id}"
    return CalendarEvent(
        uid=f"{uuid.uuid5(_UID_NAMESPACE, key)}@referral",
        day=max(deadline, today),
        summary=due.summary,
        description="\n".join(lines),
        sequence=due.done.toordinal() if due.done else 0,
        categories=(library,),
    )

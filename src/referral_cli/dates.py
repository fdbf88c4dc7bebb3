"""Dates as the guidelines write them: ISO `YYYY-MM-DD` only, and calendar months."""

from __future__ import annotations

import re
from datetime import date

from referral_cli.errors import UsageError
from referral_cli.i18n import phrase

# Only the plain form: `date.fromisoformat` alone also takes week dates like 2026-W34-1.
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_iso_date(text: str) -> date | None:
    """`text` as a date if it is written `YYYY-MM-DD` and exists, else None."""
    stripped = text.strip()
    if not ISO_DATE.fullmatch(stripped):
        return None
    try:
        return date.fromisoformat(stripped)
    except ValueError:
        return None


def parse_date_option(value: str | None, option: str) -> date | None:
    """A date option's value (`--since`, `--until`...) as a date; UsageError if it is not one."""
    if value is None:
        return None
    day = parse_iso_date(value)
    if day is None:
        raise UsageError(phrase("common.date-option", option=option, value=value))
    return day


def add_months(day: date, months: int) -> date:
    """`day` moved by `months` calendar months, clamped to the month's last day."""
    month_index = day.year * 12 + day.month - 1 + months
    year, month = divmod(month_index, 12)
    last = (date(year + (month + 1) // 12, (month + 1) % 12 + 1, 1) - date(year, month + 1, 1)).days
    return date(year, month + 1, min(day.day, last))

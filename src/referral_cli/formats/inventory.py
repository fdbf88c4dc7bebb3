"""The output formats of `referral inventory`: csv, json and the cells of the table.

csv and json carry every field of every entry (for spreadsheets and tools); the table
is for people at a screen, so `table` gives its words and cells in the reader's
language and the command line draws it.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from referral_cli.i18n import t

if TYPE_CHECKING:
    from referral_cli.commands.inventory import InventoryListing
    from referral_cli.models import Library
    from referral_cli.store.repository import LoadedEntry

NONE = "—"
DESCRIPTION_LIMIT = 80
# The table's columns in order; the last two only in a wide table.
COLUMNS: tuple[str, ...] = ("date", "branch", "description", "reasons", "row")
WIDE_COLUMNS: tuple[str, ...] = ("referred_to", "outcome")


def entry_record(loaded: LoadedEntry) -> dict[str, Any]:
    """Every field of an entry (absent ones as None or an empty list), plus `file`."""
    from referral_cli.store.inventory_writer import FIELD_ORDER

    record: dict[str, Any] = {}
    for name in FIELD_ORDER:
        value = getattr(loaded.entry, name)
        record[name] = value.isoformat() if isinstance(value, date) else value
    record["file"] = loaded.display
    return record


def format_json(listing: InventoryListing) -> str:
    """A JSON list of objects with every field, dates as YYYY-MM-DD, and `file`."""
    records = [entry_record(loaded) for loaded in listing.entries]
    return json.dumps(records, ensure_ascii=False, indent=2)


def format_csv(listing: InventoryListing) -> str:
    """CSV with a header row and every field; lists are joined with `;`."""
    from referral_cli.store.inventory_writer import FIELD_ORDER

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    columns = [*FIELD_ORDER, "file"]
    writer.writerow(columns)
    for loaded in listing.entries:
        record = entry_record(loaded)
        writer.writerow([_csv_cell(record[name]) for name in columns])
    return out.getvalue()


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ";".join(str(item) for item in value)
    return str(value)


def reason_labels(library: Library, lang: str | None) -> dict[str, str]:
    """Reason id to label: the library's own labels, or the defaults in `lang`."""
    from referral_cli.models import default_reasons

    reasons = (
        library.reasons
        if library.reasons is not None
        else default_reasons(lang or library.language)
    )
    return {reason.id: reason.label for reason in reasons}


@dataclass(frozen=True)
class InventoryTable:
    """The table for people: column names (ids), their headings, rows of cells, caption.

    `rows` is empty when nothing matched; `empty` is then what to print instead.
    """

    columns: tuple[str, ...]
    headings: tuple[str, ...]
    rows: list[list[str]]
    caption: str
    empty: str


def table(listing: InventoryListing, lang: str | None = None, wide: bool = False) -> InventoryTable:
    """The table's words and cells in `lang` (default: the library's language).

    A wide table also shows whom each case was referred to and its outcome.
    """
    from referral_cli.views import outcome_label, shorten

    library = listing.guidelines.library
    language = lang or library.language
    labels = reason_labels(library, lang)
    columns = COLUMNS + WIDE_COLUMNS if wide else COLUMNS
    rows = []
    for loaded in listing.entries:
        entry = loaded.entry
        cells = [
            entry.date.isoformat(),
            entry.branch or NONE,
            shorten(entry.description, DESCRIPTION_LIMIT),
            "\n".join(labels.get(r, r) for r in entry.reasons) or NONE,
            entry.row or NONE,
        ]
        if wide:
            cells.append("\n".join(entry.referred_to) or NONE)
            cells.append(outcome_label(entry.outcome, language) if entry.outcome else NONE)
        rows.append(cells)
    count = len(rows)
    caption = (
        t("inventory.count_one", language)
        if count == 1
        else t("inventory.count_many", language, count=count)
    )
    return InventoryTable(
        columns=columns,
        headings=tuple(t(f"inventory.heading.{column}", language) for column in columns),
        rows=rows,
        caption=caption,
        empty=t("inventory.empty", language),
    )

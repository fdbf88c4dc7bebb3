"""The output formats of `referral inventory`: csv, xlsx, json and the cells of the table.

csv, xlsx and json carry every field of every entry (for spreadsheets and tools), with
the field names as column names; the table is for people at a screen, so `table` gives
its words and cells in the reader's language and the command line draws it. CSV (also
for Excel) and xlsx are written by `formats.spreadsheet`, which keeps dates as dates,
numbers as numbers, and any text from being run as a formula.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from referral_cli.formats.spreadsheet import Cell, Sheet, csv_text, excel_csv, xlsx_bytes
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


def sheet(listing: InventoryListing, lang: str | None = None) -> Sheet:
    """Every field of every entry as typed cells, plus `file`; lists joined with `;`.

    `lang` names the sheet (in xlsx); the columns are the field names in any language.
    """
    from referral_cli.store.inventory_writer import FIELD_ORDER

    columns = [*FIELD_ORDER, "file"]
    rows = []
    for loaded in listing.entries:
        values = {name: getattr(loaded.entry, name) for name in FIELD_ORDER}
        values["file"] = loaded.display
        rows.append([_cell(values[name]) for name in columns])
    language = lang or listing.guidelines.library.language
    return Sheet(t("inventory.sheet", language), columns, rows, frozen_columns=1)


def _cell(value: Any) -> Cell:
    if isinstance(value, list):
        return ";".join(str(item) for item in value) or None
    return value  # type: ignore[no-any-return]


def format_csv(listing: InventoryListing, excel: bool = False) -> str | bytes:
    """CSV with a header row and every field; `excel`: CSV for Swedish Excel (bytes)."""
    table = sheet(listing)
    return excel_csv(table) if excel else csv_text(table)


def format_xlsx(listing: InventoryListing, lang: str | None = None) -> bytes:
    """An Excel workbook with every field of every entry, dates as dates."""
    return xlsx_bytes(sheet(listing, lang))


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

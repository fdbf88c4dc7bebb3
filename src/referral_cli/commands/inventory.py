"""`referral inventory`: list, filter and export the question inventory."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from referral_cli.errors import UsageError
from referral_cli.findings import did_you_mean
from referral_cli.models import Library, default_reasons
from referral_cli.rules.loading import load_readable
from referral_cli.store.inventory_writer import FIELD_ORDER
from referral_cli.store.repository import Guidelines, LoadedEntry

NONE = "—"
_DESCRIPTION_LIMIT = 80
_WIDE = 140  # from this width on, the table also shows referrals and outcomes
_HEADERS: dict[str, dict[str, str]] = {
    "sv": {
        "date": "Datum",
        "branch": "Bibliotek",
        "description": "Ärende",
        "reasons": "Varför det skavde",
        "row": "Rad i matrisen",
        "referred_to": "Hänvisad till",
        "outcome": "Utfall",
        "count_one": "1 fråga",
        "count_many": "{count} frågor",
        "empty": "Inga frågor matchar.",
    },
    "en": {
        "date": "Date",
        "branch": "Branch",
        "description": "Case",
        "reasons": "Why it chafed",
        "row": "Matrix row",
        "referred_to": "Referred to",
        "outcome": "Outcome",
        "count_one": "1 question",
        "count_many": "{count} questions",
        "empty": "No questions match.",
    },
}


@dataclass
class InventoryFilter:
    """Which entries to list; every given condition must hold."""

    since: date | None = None
    until: date | None = None
    branches: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    periods: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    unmatched: bool = False

    def accepts(self, loaded: LoadedEntry) -> bool:
        """Whether the entry passes every condition."""
        entry = loaded.entry
        return (
            (self.since is None or entry.date >= self.since)
            and (self.until is None or entry.date <= self.until)
            and (not self.branches or entry.branch in self.branches)
            and (not self.reasons or any(r in self.reasons for r in entry.reasons))
            and (not self.periods or entry.period in self.periods)
            and (not self.categories or entry.category in self.categories)
            and (not self.unmatched or entry.row is None)
        )


@dataclass
class InventoryListing:
    """The entries that matched, sorted by date, with the guidelines they belong to."""

    guidelines: Guidelines
    entries: list[LoadedEntry]


def list_inventory(root: Path, selection: InventoryFilter) -> InventoryListing:
    """Load every entry and keep those `selection` accepts, sorted by date and file.

    Files that cannot be read or do not match the format stop the listing
    (`FindingsError`): an export that silently left them out would mislead.
    Unknown filter values are usage errors with a "did you mean" hint.
    """
    if selection.since and selection.until and selection.since > selection.until:
        raise UsageError(
            f"--since {selection.since} is after --until {selection.until}; nothing can match"
        )
    guidelines = load_readable(root)
    _check_filter_values(guidelines, selection)
    entries = sorted(
        (loaded for loaded in guidelines.entries if selection.accepts(loaded)),
        key=lambda loaded: (loaded.entry.date, loaded.display),
    )
    return InventoryListing(guidelines, entries)


def _check_filter_values(guidelines: Guidelines, selection: InventoryFilter) -> None:
    library, entries = guidelines.library, guidelines.entries
    known = {
        "--branch": {b.id for b in library.branches} | {e.entry.branch or "" for e in entries},
        "--reason": {r.id for r in library.reason_vocabulary()}
        | {r for e in entries for r in e.entry.reasons},
        "--period": {p.id for p in library.periods} | {e.entry.period or "" for e in entries},
        "--category": {c.id for c in guidelines.matrix.categories}
        | {e.entry.category or "" for e in entries},
    }
    given = {
        "--branch": selection.branches,
        "--reason": selection.reasons,
        "--period": selection.periods,
        "--category": selection.categories,
    }
    for option, values in given.items():
        choices = sorted(known[option] - {""})
        for value in values:
            if value not in choices:
                listed = ", ".join(choices) if choices else "none are defined"
                raise UsageError(
                    f"{option}: unknown {option[2:]} '{value}'{did_you_mean(value, choices)}; "
                    f"known: {listed}"
                )


def reason_labels(library: Library, lang: str | None) -> dict[str, str]:
    """Reason id to label: the library's own labels, or the defaults in `lang`."""
    reasons = (
        library.reasons
        if library.reasons is not None
        else default_reasons(lang or library.language)
    )
    return {reason.id: reason.label for reason in reasons}


def entry_record(loaded: LoadedEntry) -> dict[str, Any]:
    """Every field of an entry (absent ones as None or an empty list), plus `file`."""
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


def format_table(listing: InventoryListing, lang: str | None = None, width: int = 100) -> str:
    """A readable table sorted by date, reasons as labels, for people at a screen."""
    from rich import box
    from rich.console import Console
    from rich.table import Table

    from referral_cli.views import outcome_label, shorten

    library = listing.guidelines.library
    language = lang or library.language
    words = _HEADERS["en" if language == "en" else "sv"]
    if not listing.entries:
        return words["empty"]
    labels = reason_labels(library, lang)
    count = len(listing.entries)
    caption = words["count_one"] if count == 1 else words["count_many"].format(count=count)
    wide = width >= _WIDE
    table = Table(box=box.SIMPLE_HEAD, caption=caption, caption_justify="left", expand=True)
    table.add_column(words["date"], no_wrap=True)
    table.add_column(words["branch"], no_wrap=True, max_width=14, overflow="ellipsis")
    table.add_column(words["description"], ratio=1, min_width=20)
    table.add_column(words["reasons"], min_width=12, max_width=16)
    table.add_column(words["row"], min_width=10, max_width=24 if wide else 18, overflow="fold")
    if wide:
        table.add_column(words["referred_to"], max_width=22, overflow="fold")
        table.add_column(words["outcome"], max_width=14)
    for loaded in listing.entries:
        entry = loaded.entry
        cells = [
            entry.date.isoformat(),
            entry.branch or NONE,
            shorten(entry.description, _DESCRIPTION_LIMIT),
            "\n".join(labels.get(r, r) for r in entry.reasons) or NONE,
            entry.row or NONE,
        ]
        if wide:
            cells.append("\n".join(entry.referred_to) or NONE)
            cells.append(outcome_label(entry.outcome, language) if entry.outcome else NONE)
        table.add_row(*cells)
    rendered = io.StringIO()
    console = Console(
        file=rendered,
        width=width,
        color_system=None,
        force_terminal=False,
        legacy_windows=False,
        markup=False,  # descriptions are printed as typed: '[' starts no markup
    )
    console.print(table)
    return "\n".join(line.rstrip() for line in rendered.getvalue().splitlines()).strip("\n")


def render(listing: InventoryListing, output_format: str, lang: str | None, width: int) -> str:
    """The listing in `table`, `csv` or `json`."""
    if output_format == "json":
        return format_json(listing)
    if output_format == "csv":
        return format_csv(listing).rstrip("\n")
    return format_table(listing, lang, width)

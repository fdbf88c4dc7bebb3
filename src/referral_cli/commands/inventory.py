"""`referral inventory`: list the question inventory, filtered and sorted by date.

The output formats are in `referral_cli.formats.inventory` (csv, json and the cells of
the table); the command line draws the table.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from referral_cli.i18n import phrase
from referral_cli.records import Labels, RecordFilter, known_ids
from referral_cli.rules.loading import load_readable
from referral_cli.store.repository import Guidelines, LoadedEntry


@dataclass
class InventoryListing:
    """The entries that matched, sorted by date, with the guidelines they belong to."""

    guidelines: Guidelines
    entries: list[LoadedEntry]


def list_inventory(root: Path, selection: RecordFilter) -> InventoryListing:
    """Load every entry and keep those `selection` accepts, sorted by date and file.

    Files that cannot be read or do not match the format stop the listing
    (`FindingsError`): an export that silently left them out would mislead.
    Unknown filter values are usage errors with a "did you mean" hint.
    """
    selection.checked_range()
    guidelines = load_readable(root)
    selection = check_filter_ids(guidelines, selection)
    entries = sorted(
        (loaded for loaded in guidelines.entries if selection.accepts(loaded.entry)),
        key=lambda loaded: (loaded.entry.date, loaded.display),
    )
    return InventoryListing(guidelines, entries)


def check_filter_ids(guidelines: Guidelines, selection: RecordFilter) -> RecordFilter:
    """The filter with ids for its words; UsageError for a word naming none in the repository."""
    labels = Labels()
    labels.add_guidelines(guidelines)
    known = known_ids(labels, (loaded.entry for loaded in guidelines.entries))
    return selection.check_ids(known, phrase("inventory.known_none"), labels)

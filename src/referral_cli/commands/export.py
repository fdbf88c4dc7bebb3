"""`referral export`: the inventory as JSON Lines, one entry per line.

Each line is a JSON object with the keys in `store.export_file.EXPORT_FIELDS` (library
name and municipality added to every line) and, only with `--include-text`, the free
text fields `description` and `reflection`. `referral stats` reads these files back,
so a region can combine every municipality's figures.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from referral_cli.records import Record, RecordFilter, export_data, load_repository_records


def export_line(record: Record, include_text: bool = False) -> str:
    """One line of JSON (without the newline)."""
    from referral_cli.store.export_file import dump_line

    return dump_line(export_data(record, include_text))


def iter_export_lines(records: Iterable[Record], include_text: bool = False) -> Iterator[str]:
    """Every record as a line of JSON, newline included."""
    for record in records:
        yield export_line(record, include_text) + "\n"


def _selected_records(root: Path, filters: RecordFilter | None) -> list[Record]:
    records = load_repository_records(root)
    return filters.apply(records) if filters is not None else records


def export_inventory(
    root: Path,
    stream: TextIO,
    *,
    include_text: bool = False,
    filters: RecordFilter | None = None,
) -> int:
    """Write the inventory of the repository at `root` to `stream`; return the count."""
    count = 0
    for line in iter_export_lines(_selected_records(root, filters), include_text):
        stream.write(line)
        count += 1
    return count


def export_to_file(
    root: Path,
    out: Path,
    *,
    include_text: bool = False,
    filters: RecordFilter | None = None,
    force: bool = False,
) -> int:
    """Write the export to `out` (refusing to overwrite unless `force`); return the count."""
    from referral_cli.store.export_file import refuse_existing, write_export_file

    refuse_existing(out, force)  # before loading: a refused run costs nothing
    records = _selected_records(root, filters)
    write_export_file(out, iter_export_lines(records, include_text))
    return len(records)

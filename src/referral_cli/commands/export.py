"""`referral export`: the inventory as JSON Lines, one entry per line.

Each line is a JSON object with the keys in `EXPORT_FIELDS` (library name and
municipality added to every line) and, only with `--include-text`, the free
text fields `description` and `reflection`. `referral stats` reads these
files back, so a region can combine every municipality's figures.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from referral_cli.commands.stats import (
    EXPORT_FIELDS,
    TEXT_FIELDS,
    Filters,
    Record,
    load_repository_records,
)
from referral_cli.errors import UsageError


def record_data(record: Record, include_text: bool = False) -> dict[str, Any]:
    """The JSON object of one export line, keys in the documented order."""
    data: dict[str, Any] = {
        "library": record.library,
        "municipality": record.municipality,
        "date": record.date.isoformat(),
        "branch": record.branch,
        "period": record.period,
        "category": record.category,
        "row": record.row,
        "reasons": list(record.reasons),
        "referred_to": list(record.referred_to),
        "outcome": record.outcome,
        "minutes": record.minutes,
        "read_level": record.read_level,
    }
    assert tuple(data) == EXPORT_FIELDS
    if include_text:
        for key in TEXT_FIELDS:
            data[key] = getattr(record, key)
    return data


def export_line(record: Record, include_text: bool = False) -> str:
    """One line of JSON (without the newline)."""
    return json.dumps(record_data(record, include_text), ensure_ascii=False, separators=(",", ":"))


def iter_export_lines(records: Iterable[Record], include_text: bool = False) -> Iterator[str]:
    """Every record as a line of JSON, newline included."""
    for record in records:
        yield export_line(record, include_text) + "\n"


def export_inventory(
    root: Path,
    stream: TextIO,
    *,
    include_text: bool = False,
    filters: Filters | None = None,
) -> int:
    """Write the inventory of the repository at `root` to `stream`; return the count."""
    records = load_repository_records(root)
    if filters is not None:
        records = filters.apply(records)
    count = 0
    for line in iter_export_lines(records, include_text):
        stream.write(line)
        count += 1
    return count


def export_to_file(
    root: Path,
    out: Path,
    *,
    include_text: bool = False,
    filters: Filters | None = None,
    force: bool = False,
) -> int:
    """Write the export to `out` (refusing to overwrite unless `force`); return the count."""
    if out.exists() and not force:
        raise UsageError(f"{out} already exists; choose another file or pass --force")
    records = load_repository_records(root)
    if filters is not None:
        records = filters.apply(records)
    temporary = out.with_name(out.name + ".tmp")
    try:
        with temporary.open("w", encoding="utf-8", newline="\n") as handle:
            handle.writelines(iter_export_lines(records, include_text))
        temporary.replace(out)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise UsageError(f"cannot write {out}: {exc.strerror or exc}") from None
    return len(records)

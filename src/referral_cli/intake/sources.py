"""Candidate entries from a YAML or CSV file (`add-question --from-file`), with positions.

YAML is a list of entries (or one entry) with the keys of an entry file. CSV has a
header row of field names, then one entry a row; lists are separated by `;` or `,`
inside a cell and empty cells are left out. Every value keeps its position, so a
problem is reported at `file:line:column` (for CSV: the row's line, the cell's column).
Anything that cannot be read raises `FindingsError`, or `UsageError` for a file that
cannot be opened; nothing is validated here beyond the file's shape.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

from referral_cli.errors import FindingsError
from referral_cli.findings import Finding, suggestion
from referral_cli.i18n import phrase
from referral_cli.intake.request import (
    FLAG_OF,
    LIST_FIELDS,
    STDIN,
    Candidate,
    InFile,
    clean_text,
    split_list,
)
from referral_cli.store.inventory_writer import FIELD_ORDER
from referral_cli.store.limits import read_import
from referral_cli.store.repository import display_path
from referral_cli.store.yamlio import SourceMap, YamlError, parse_text


def read_candidates(name: str, root: Path) -> list[Candidate]:
    """Every entry in the file `name` (`-`: standard input); at least one."""
    if name == STDIN:
        display = "<stdin>"
    else:
        path = Path(name)
        display = display_path(root, path) if path.is_absolute() else name
    raw = read_import(name, display)  # within the documented size limit (README, "Limits")
    text = _decode(raw, display)
    lowered = name.lower()
    is_csv = lowered.endswith(".csv") or (
        not lowered.endswith((".yaml", ".yml")) and not _looks_like_yaml(text)
    )
    candidates = parse_csv_entries(text, display) if is_csv else parse_yaml_entries(text, display)
    if not candidates:
        raise FindingsError(
            [Finding(display, 1, 1, "error", "no-entries", phrase("finding.no-entries"))]
        )
    return candidates


def _decode(raw: bytes, display: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise FindingsError(
            [
                Finding(
                    display,
                    line,
                    1,
                    "error",
                    "encoding",
                    phrase("finding.encoding.import"),
                    phrase("hint.encoding.import"),
                )
            ]
        ) from None


def _looks_like_yaml(text: str) -> bool:
    """Judge by the first line that says anything: a list item, a mapping or a key."""
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        return (
            stripped.startswith(("-", "[", "{")) or re.match(r"^[\w-]+\s*:", stripped) is not None
        )
    return True


# --------------------------------------------------------------------------- YAML


def parse_yaml_entries(text: str, display: str) -> list[Candidate]:
    """Entries from YAML: a list of entries (or a single entry), each with its positions."""
    try:
        data, source = parse_text(text, display)
    except YamlError as exc:
        raise FindingsError([exc.finding]) from None
    if data is None:
        return []
    items: list[tuple[Any, tuple[int, ...]]]
    if isinstance(data, dict):
        items = [(data, ())]
    elif isinstance(data, list):
        items = [(item, (index,)) for index, item in enumerate(data)]
    else:
        line, column = source.locate(())
        raise FindingsError(
            [
                Finding(
                    display,
                    line,
                    column,
                    "error",
                    "wrong-type",
                    phrase("finding.wrong-type.entries"),
                )
            ]
        )
    candidates: list[Candidate] = []
    problems: list[Finding] = []
    for item, prefix in items:
        if not isinstance(item, dict):
            line, column = source.locate(prefix)
            problems.append(
                Finding(
                    display, line, column, "error", "wrong-type", phrase("finding.wrong-type.entry")
                )
            )
            continue
        candidates.append(
            Candidate(item, in_file=InFile(display, _sub_source(source, prefix), text))
        )
    if problems:
        raise FindingsError(problems)
    return candidates


def _sub_source(source: SourceMap, prefix: tuple[int, ...]) -> SourceMap:
    """The positions under `prefix` (one list item), with paths relative to it."""
    size = len(prefix)
    sub = SourceMap()
    sub.values = {p[size:]: loc for p, loc in source.values.items() if p[:size] == prefix}
    sub.keys = {p[size:]: loc for p, loc in source.keys.items() if p[:size] == prefix}
    return sub


# --------------------------------------------------------------------------- CSV


def parse_csv_entries(text: str, display: str) -> list[Candidate]:
    """Entries from CSV: a header row of field names, then one entry a row.

    The column separator (`,`, `;` or tab) is the one the first line uses most.
    Positions are the row's line and the field's column number.
    """
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max(",;\t", key=first.count)
    # strict: a quote left open would otherwise swallow the rest of the file silently.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    columns: list[str] | None = None
    candidates: list[Candidate] = []
    problems: list[Finding] = []
    while True:
        line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            message = phrase("finding.csv-syntax", error=str(exc))
            raise FindingsError(
                [Finding(display, line, 1, "error", "csv-syntax", message)]
            ) from None
        if not any(cell.strip() for cell in row):
            continue
        if columns is None:
            columns, problems = _csv_columns(row, display, line)
            if problems:
                raise FindingsError(problems)
            continue
        candidate = _csv_row(row, columns, display, line, problems)
        if candidate is not None:
            candidates.append(candidate)
    if problems:
        raise FindingsError(problems)
    return candidates


def _csv_columns(row: list[str], display: str, line: int) -> tuple[list[str], list[Finding]]:
    """The field of each column, and problems with the header (unknown or repeated names)."""
    columns: list[str] = []
    problems: list[Finding] = []
    for index, cell in enumerate(row, start=1):
        name = cell.strip().lower().replace("-", "_").replace(" ", "_")
        if name == "reason":
            name = "reasons"
        if name not in FLAG_OF:
            message = phrase(
                "finding.unknown-column",
                column=cell.strip(),
                suggestion=suggestion(name, FIELD_ORDER),
            )
            hint = phrase("hint.unknown-column", columns=", ".join(FIELD_ORDER))
            problems.append(Finding(display, line, index, "error", "unknown-column", message, hint))
        elif name in columns:
            message = phrase("finding.duplicate-column", column=name)
            problems.append(Finding(display, line, index, "error", "duplicate-column", message))
        columns.append(name)
    return columns, problems


def _csv_row(
    row: list[str], columns: list[str], display: str, line: int, problems: list[Finding]
) -> Candidate | None:
    """One entry from one row; None (and a problem) if it has more cells than the header."""
    source = SourceMap()
    source.values[()] = (line, 1)
    values: dict[str, Any] = {}
    for index, cell in enumerate(row, start=1):
        if not cell.strip():
            continue
        if index > len(columns):
            message = phrase("finding.extra-cell", count=len(columns))
            problems.append(Finding(display, line, index, "error", "extra-cell", message))
            return None
        name = columns[index - 1]
        source.values[(name,)] = (line, index)
        values[name] = split_list([cell]) if name in LIST_FIELDS else clean_text(cell)
    return Candidate(values, in_file=InFile(display, source))

"""Candidate entries from a YAML, CSV or Excel file (`add-question --from-file`), with positions.

YAML is a list of entries (or one entry) with the keys of an entry file. CSV and a
workbook (`.xlsx`, e.g. a Microsoft Forms export; its first sheet) have a header row,
then one entry a row; lists are separated by `;` or `,` inside a cell and empty cells
are left out. A column is named by its field (`referred_to` or `referred-to`) or by a
Swedish or English name from `COLUMN_NAMES` (`Datum`, `Beskrivning`, `Skäl`, ...);
the columns a Forms export adds about who answered and when (`FORMS_COLUMNS`: Id,
Starttid, E-post, Namn, ...) are personal data and are never read. Every value keeps its
position, so a problem is reported at `file:line:column` (CSV: the row's line, the cell's
column) or at the cell of a workbook (`log.xlsx:Blad1!C7`). Anything that cannot be read
raises `FindingsError`, or `UsageError` for a file that cannot be opened; nothing is
validated here beyond the file's shape.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, Final

from referral_cli.errors import FindingsError
from referral_cli.findings import Finding, suggestion
from referral_cli.i18n import Phrase, phrase
from referral_cli.intake.request import (
    LIST_FIELDS,
    STDIN,
    Candidate,
    InFile,
    cell_name,
    clean_text,
    split_list,
)
from referral_cli.stdio import STDIN_NAME
from referral_cli.store.inventory_writer import FIELD_ORDER
from referral_cli.store.limits import read_import
from referral_cli.store.repository import display_path
from referral_cli.store.yamlio import SourceMap, YamlError, parse_text

# The names a column may have besides its field's own: Swedish first (the first one is
# shown in hints), then English. Compared folded (see `fold`), so case, å/ä/ö written
# without dots, `-`, `_`, a trailing `?` or `:` and a note in brackets do not matter:
# `Datum (ÅÅÅÅ-MM-DD)`, `datum` and `DATUM:` are all the date.
COLUMN_NAMES: Final[Mapping[str, tuple[str, ...]]] = {
    "date": ("datum", "dag", "day"),
    "description": ("beskrivning", "ärende", "ärendet", "fråga", "frågan", "case", "question"),
    "reflection": ("reflektion", "egen reflektion", "kommentar", "comment"),
    "branch": ("bibliotek", "filial", "library"),
    "reasons": ("skäl", "orsak", "orsaker", "varför skavde det", "reason"),
    "category": ("kategori",),
    "row": ("rad", "matrisrad", "rad i matrisen", "matrix row"),
    "referred_to": ("hänvisad till", "hänvisat till", "hänvisning", "hänvisades till"),
    "sent_by": ("hänvisad hit av", "hänvisad av", "skickad av", "skickad hit av"),
    "outcome": ("utfall", "resultat", "result"),
    "minutes": ("minuter", "tid", "tid i minuter", "antal minuter", "time"),
    "read_level": ("läsnivå", "read-nivå", "read", "read level"),
    "recorded_by": ("antecknad av", "registrerad av", "signatur", "initialer", "initials"),
    "period": ("period", "inventeringsperiod"),
}
# The columns a Microsoft Forms export (Swedish or English) adds about the answer itself:
# who answered and when. Names and e-mail addresses are personal data, the rest no part of
# an entry; none of them is ever read.
FORMS_COLUMNS: Final = (
    "id",
    "starttid",
    "sluttid",
    "e-post",
    "e-postadress",
    "namn",
    "senast ändrad",
    "tid för senaste ändring",
    "poäng",
    "totalpoäng",
    "feedback",
    "start time",
    "completion time",
    "email",
    "e-mail",
    "name",
    "last modified time",
    "total points",
    "quiz feedback",
)
# The column `referral inventory --format csv|xlsx` adds after the fields: the file an
# entry came from. A new file is written for each entry read back, so it is never read.
EXPORT_COLUMNS: Final = ("file",)
_XLSX_MAGIC = b"PK\x03\x04"  # a workbook is a zip archive
_XLS_MAGIC = b"\xd0\xcf\x11\xe0"  # the old binary Excel format (.xls)


def fold(name: str) -> str:
    """A column name as compared: lower case, no diacritics, no notes or punctuation around.

    `Hänvisad till?`, `hanvisad_till` and `HÄNVISAD-TILL (aktör)` all fold to
    `hanvisad till`.
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = re.sub(r"\([^)]*\)\s*$", "", text.strip())  # a note in brackets at the end
    text = re.sub(r"[\s_-]+", " ", text).strip(" ?:.*")
    return text


def _column_fields() -> dict[str, str | None]:
    """Every folded column name and its field; None for a Forms column that is never read."""
    ignored = (*FORMS_COLUMNS, *EXPORT_COLUMNS)
    fields: dict[str, str | None] = {fold(name): None for name in ignored}
    for field_name in FIELD_ORDER:
        fields[fold(field_name)] = field_name
        for name in COLUMN_NAMES.get(field_name, ()):
            fields[fold(name)] = field_name
    return fields


COLUMN_FIELDS: Final = _column_fields()
# What a column name is compared with for "did you mean": every name, as written.
_KNOWN_NAMES: Final = (*FIELD_ORDER, *(n for names in COLUMN_NAMES.values() for n in names))


def read_candidates(name: str, root: Path) -> list[Candidate]:
    """Every entry in the file `name` (`-`: standard input); at least one."""
    if name == STDIN:
        display = STDIN_NAME
    else:
        path = Path(name)
        display = display_path(root, path) if path.is_absolute() else name
    raw = read_import(name, display)  # within the documented size limit (README, "Limits")
    data = raw if isinstance(raw, bytes) else raw.encode("utf-8")
    lowered = name.lower()
    if data.startswith(_XLSX_MAGIC) or lowered.endswith((".xlsx", ".xlsm", ".xls")):
        candidates = parse_xlsx_entries(data, display)
    else:
        text = _decode(data, display)
        is_csv = lowered.endswith(".csv") or (
            not lowered.endswith((".yaml", ".yml")) and not _looks_like_yaml(text)
        )
        candidates = (
            parse_csv_entries(text, display) if is_csv else parse_yaml_entries(text, display)
        )
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
    for item, prefix in items:
        in_file = InFile(display, _sub_source(source, prefix), text)
        if not isinstance(item, dict):
            # Reported as the entry it should be; the others are still checked (personal
            # data above all), so one run names every problem of the file.
            line, column = source.locate(prefix)
            problem = Finding(
                display, line, column, "error", "wrong-type", phrase("finding.wrong-type.entry")
            )
            candidates.append(Candidate(in_file=in_file, problems=[problem], unreadable=True))
            continue
        candidates.append(Candidate(item, in_file=in_file))
    return candidates


def _sub_source(source: SourceMap, prefix: tuple[int, ...]) -> SourceMap:
    """The positions under `prefix` (one list item), with paths relative to it."""
    size = len(prefix)
    sub = SourceMap()
    sub.values = {p[size:]: loc for p, loc in source.values.items() if p[:size] == prefix}
    sub.keys = {p[size:]: loc for p, loc in source.keys.items() if p[:size] == prefix}
    return sub


# --------------------------------------------------------------------------- tables

Value = str | None  # a cell's text; None for an empty cell
Row = tuple[int, list[tuple[int, Value]]]  # a row's number and its (column, text) cells


class _Table:
    """The rows of a CSV file or a sheet, read into candidates.

    `where(line, column)` is where a problem at that cell is shown: a finding's file,
    line and column (`log.csv:3:4`, or a workbook's cell with line 0).
    """

    def __init__(self, display: str, sheet: str | None = None) -> None:
        self.display = display
        self.sheet = sheet
        self.problems: list[Finding] = []

    def finding(
        self, line: int, column: int, code: str, message: Phrase, hint: Phrase | None = None
    ) -> Finding:
        if self.sheet is not None:
            where = cell_name(self.display, self.sheet, line, column)
            return Finding(where, 0, 0, "error", code, message, hint)
        return Finding(self.display, line, column, "error", code, message, hint)

    def problem(
        self, line: int, column: int, code: str, message: Phrase, hint: Phrase | None = None
    ) -> None:
        self.problems.append(self.finding(line, column, code, message, hint))

    def candidates(self, rows: Iterable[Row]) -> list[Candidate]:
        """One candidate a row after the header row (the first row with any text)."""
        columns: dict[int, str | None] | None = None
        found: list[Candidate] = []
        for line, cells in rows:
            if not any(value and value.strip() for _, value in cells):
                continue
            if columns is None:
                columns = self.columns(line, cells)
                if self.problems:
                    break
                continue
            found.append(self.row(line, cells, columns))
        if self.problems:
            raise FindingsError(self.problems)
        return found

    def columns(self, line: int, cells: list[tuple[int, Value]]) -> dict[int, str | None]:
        """The field of each column (None: a column never read), and problems with them."""
        columns: dict[int, str | None] = {}
        headings: dict[str, str] = {}  # field -> the heading first read as it
        for index, value in cells:
            name = (value or "").strip()
            if not name:
                continue  # no heading: a value under it is a problem (see `row`)
            field_name = COLUMN_FIELDS.get(fold(name), "")
            if field_name == "":
                message = phrase(
                    "finding.unknown-column",
                    column=name,
                    suggestion=suggestion(name.casefold(), _KNOWN_NAMES),
                )
                hint = phrase(
                    "hint.unknown-column",
                    columns=", ".join(FIELD_ORDER),
                    swedish=", ".join(COLUMN_NAMES[f][0] for f in FIELD_ORDER if f in COLUMN_NAMES),
                )
                self.problem(line, index, "unknown-column", message, hint)
            elif field_name is not None and field_name in headings:
                first = headings[field_name]
                message = (
                    phrase("finding.duplicate-column.same", column=name)
                    if fold(first) == fold(name)
                    else phrase(
                        "finding.duplicate-column", column=name, first=first, field=field_name
                    )
                )
                self.problem(line, index, "duplicate-column", message)
            if field_name:
                headings.setdefault(field_name, name)
            columns[index] = field_name
        return columns

    def row(
        self, line: int, cells: list[tuple[int, Value]], columns: Mapping[int, str | None]
    ) -> Candidate:
        """One entry from one row; a value outside the columns is a problem of the entry.

        The row's other cells are still read, so their values are checked too (personal
        data above all) and one run reports every problem.
        """
        source = SourceMap()
        source.values[()] = (line, 1)
        values: dict[str, Any] = {}
        problems: list[Finding] = []
        for index, value in cells:
            if value is None or not value.strip():
                continue
            if index not in columns:
                if self.sheet is None and index > max(columns, default=0):
                    message = phrase("finding.extra-cell", count=max(columns, default=0))
                    problems.append(self.finding(line, index, "extra-cell", message))
                else:
                    message = phrase("finding.unnamed-column")
                    problems.append(self.finding(line, index, "unnamed-column", message))
                continue
            name = columns[index]
            if name is None:
                continue  # a Forms column about who answered: never read
            if name == "date" and isinstance(value, _DateAndTime):
                value = value.day  # an entry records the day; the time of day is no part of it
            source.values[(name,)] = (line, index)
            text = _restore(value)
            values[name] = split_list([text]) if name in LIST_FIELDS else clean_text(text)
        in_file = InFile(self.display, source, sheet=self.sheet)
        return Candidate(values, in_file=in_file, problems=problems)


def _restore(text: str) -> str:
    """A cell as recorded: the `'` a spreadsheet export put before a formula-like text goes.

    `referral inventory --format csv` writes `'=A1` for the text `=A1` (see
    `formats.spreadsheet`), so an exported file reads back as the same entries.
    """
    from referral_cli.formats.spreadsheet import is_formula

    if text.startswith("'") and is_formula(text[1:]):
        return text[1:]
    return text


# --------------------------------------------------------------------------- CSV


def parse_csv_entries(text: str, display: str) -> list[Candidate]:
    """Entries from CSV: a header row of column names, then one entry a row.

    The column separator (`,`, `;` or tab) is the one the first line uses most.
    Positions are the row's line and the field's column number.
    """
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max(",;\t", key=first.count)
    table = _Table(display)
    return table.candidates(_csv_rows(text, delimiter, display))


def _csv_rows(text: str, delimiter: str, display: str) -> Iterator[Row]:
    # strict: a quote left open would otherwise swallow the rest of the file silently.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    while True:
        line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error:  # its text is English: the catalogue says what to look for
            message = phrase("finding.csv-syntax")
            raise FindingsError(
                [Finding(display, line, 1, "error", "csv-syntax", message)]
            ) from None
        yield line, list(enumerate(row, start=1))


# --------------------------------------------------------------------------- workbooks


def parse_xlsx_entries(raw: bytes, display: str) -> list[Candidate]:
    """Entries from the first sheet of a workbook (`.xlsx`): a header row, one entry a row.

    Read with openpyxl in read-only mode, formulas as their last computed values.
    Dates become `YYYY-MM-DD`, whole numbers lose their `.0`. A problem is located at its
    cell: `log.xlsx:Blad1!C7`.
    """
    if raw.startswith(_XLS_MAGIC):
        raise FindingsError([_unreadable(display, phrase("finding.xlsx-old-format"))])
    try:
        from openpyxl import load_workbook

        workbook = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
        try:
            sheet = workbook.worksheets[0]
            sheet.reset_dimensions()  # some programs write a wrong size: read every row
            rows = list(_sheet_rows(sheet.iter_rows()))
            title = sheet.title
        finally:
            workbook.close()
    except FindingsError:
        raise
    except Exception:  # a damaged or hostile file: any error at all, never a traceback
        raise FindingsError([_unreadable(display, phrase("finding.xlsx-unreadable"))]) from None
    return _Table(display, title).candidates(rows)


def _unreadable(display: str, message: Phrase) -> Finding:
    return Finding(
        display, 1, 1, "error", "xlsx-unreadable", message, phrase("hint.xlsx-unreadable")
    )


def _sheet_rows(rows: Iterable[Sequence[Any]]) -> Iterator[Row]:
    """Each row's number and its cells' (column, text), empty cells left out."""
    for cells in rows:
        located = [cell for cell in cells if getattr(cell, "row", None) is not None]
        if not located:
            continue
        yield located[0].row, [(cell.column, _cell_text(cell.value)) for cell in located]


class _DateAndTime(str):
    """A date cell that also holds a time of day (`2026-09-18 14:30`), as text.

    Its `day` is what the date column takes; in a text column it stays as shown.
    """

    day: str

    def __new__(cls, moment: datetime) -> _DateAndTime:
        text = super().__new__(cls, moment.isoformat(sep=" ", timespec="minutes"))
        text.day = moment.date().isoformat()
        return text


def _cell_text(value: Any) -> Value:
    """A cell's value as the text an entry file would hold."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        if value.time() == time():
            return value.date().isoformat()
        return _DateAndTime(value)
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)

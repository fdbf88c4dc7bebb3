"""Tables for spreadsheets, shared by `inventory` and `stats`: CSV, CSV for Excel, and xlsx.

A `Sheet` holds typed cells: text, whole numbers, decimals, dates, or None for an empty
cell. Each writer keeps the type: a number stays a number and a date a date, so a
spreadsheet can sum and sort them.

- `csv_text`: plain CSV for tools: `,`, a decimal point, dates as `YYYY-MM-DD`.
- `excel_csv`: CSV that Swedish Excel opens right on a double-click: UTF-8 with a
  byte-order mark (else Excel reads `Skäl` as `SkÃ¤l`), `;` between cells (the list
  separator of Swedish Windows, else everything lands in one column), a decimal comma
  and CR LF line endings.
- `xlsx_bytes`: an Excel workbook (openpyxl, imported only here, when one is written):
  real numbers and dates, a bold header row, frozen panes and column widths.

Formula injection (OWASP, "CSV Injection"): a text cell that starts with `=`, `+`, `-`
or `@`, also after leading tabs, carriage returns, line feeds or spaces, or that starts
with a tab or a carriage return, is a formula to a spreadsheet (`=HYPERLINK(...)` in a
description). In CSV such a cell gets a leading `'`, which every spreadsheet shows as
text; in xlsx it is written as a text cell with Excel's quote prefix (the `'` Excel itself
adds), so the text stays exactly as recorded and is never evaluated, not even when the
cell is edited. Only text is touched: numbers are numbers, so `-5` in a numeric column
stays a negative number.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, Final

Cell = str | int | float | date | None

FORMULA_MARKS: Final = ("=", "+", "-", "@")
# Characters a spreadsheet may skip before it looks for a formula mark.
_SKIPPED: Final = " \t\r\n"
BOM: Final = "\ufeff"
# Column widths in characters: at least the header's, at most this many.
MAX_WIDTH: Final = 60
MIN_WIDTH: Final = 6


@dataclass(frozen=True)
class Sheet:
    """One table: a header row, rows of typed cells, and what goes around them in xlsx.

    `totals` is a last row set in bold; `notes` are lines of text under the table (both
    only in xlsx: CSV is for data, and holds the rows alone). `frozen_columns` columns
    on the left stay in view when scrolling sideways (the header row always does).
    """

    name: str
    header: Sequence[str]
    rows: Sequence[Sequence[Cell]]
    totals: Sequence[Cell] | None = None
    notes: Sequence[str] = field(default_factory=tuple)
    frozen_columns: int = 0


def check_excel(output_format: str, excel: bool) -> None:
    """UsageError for `--excel` with a format other than csv (it shapes CSV only)."""
    if excel and output_format != "csv":
        from referral_cli.errors import UsageError
        from referral_cli.i18n import phrase

        raise UsageError(phrase("error.spreadsheet.excel_needs_csv", format=output_format))


def is_formula(text: str) -> bool:
    """Whether a spreadsheet could read `text` as a formula (see the module's docstring)."""
    if text[:1] in ("\t", "\r"):
        return True
    return text.lstrip(_SKIPPED)[:1] in FORMULA_MARKS


def neutralise(text: str) -> str:
    """`text` as a CSV cell no spreadsheet runs: a leading `'` where it could be a formula."""
    return "'" + text if is_formula(text) else text


def _csv_cell(value: Cell, decimal: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):  # a bool is an int to Python, but not a figure
        return str(value).lower()
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        text = str(int(value)) if value.is_integer() else repr(value)
        return text.replace(".", decimal)
    if isinstance(value, date):
        return value.isoformat()
    return neutralise(value)


def _csv(sheet: Sheet, delimiter: str, decimal: str, newline: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator=newline)
    writer.writerow([neutralise(name) for name in sheet.header])
    writer.writerows([_csv_cell(cell, decimal) for cell in row] for row in sheet.rows)
    return out.getvalue()


def csv_text(sheet: Sheet) -> str:
    """Plain CSV: a header row, `,` between cells, a decimal point, a line feed a row."""
    return _csv(sheet, ",", ".", "\n")


def excel_csv(sheet: Sheet) -> bytes:
    """CSV for Swedish Excel: UTF-8 with a byte-order mark, `;`, a decimal comma, CR LF."""
    return (BOM + _csv(sheet, ";", ",", "\r\n")).encode("utf-8")


def xlsx_bytes(sheet: Sheet, title: str | None = None) -> bytes:
    """The sheet as an Excel workbook (`.xlsx`); `title` is the document's title."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    if title:
        workbook.properties.title = title
    worksheet = workbook.create_sheet(_sheet_name(sheet.name))
    for index, width in enumerate(_widths(sheet), start=1):
        worksheet.column_dimensions[get_column_letter(index)].width = width
    worksheet.freeze_panes = f"{get_column_letter(sheet.frozen_columns + 1)}2"
    bold = Font(bold=True)

    def cells(values: Sequence[Cell], font: Font | None = None) -> list[Any]:
        row: list[Any] = []
        for value in values:
            formula = isinstance(value, str) and is_formula(value)
            if font is None and not formula and not isinstance(value, date):
                # A plain value needs no cell object of its own (much faster): openpyxl
                # reads only text that starts with "=" as a formula, and that is `formula`.
                row.append(_xlsx_value(value))
                continue
            cell = WriteOnlyCell(worksheet, value=_xlsx_value(value))
            if isinstance(value, str):
                cell.data_type = "s"  # text is text, never a formula, whatever it starts with
                if formula:
                    cell.quotePrefix = True
            elif isinstance(value, date):
                cell.number_format = "yyyy-mm-dd"
            if font is not None:
                cell.font = font
            row.append(cell)
        return row

    worksheet.append(cells(sheet.header, bold))
    for values in sheet.rows:
        worksheet.append(cells(values))
    if sheet.totals is not None:
        worksheet.append(cells(sheet.totals, bold))
    if sheet.notes:
        worksheet.append([])
        for note in sheet.notes:
            worksheet.append(cells([note]))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def write_output(out: Path, content: str | bytes) -> None:
    """Write `content` (text as UTF-8) to `out` whole, replacing the file; UsageError if not.

    See `store.atomic.write_whole`: a failed run leaves no half file, a link is followed,
    and what is not a file (`/dev/stdout`, a named pipe) is written to as it is.
    """
    from referral_cli.errors import UsageError
    from referral_cli.i18n import os_reason, phrase
    from referral_cli.store.atomic import write_whole

    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        write_whole(out, data)
    except OSError as exc:
        reason = os_reason(exc)
        raise UsageError(
            phrase("error.spreadsheet.unwritable", out=str(out), reason=reason)
        ) from None


def _xlsx_value(value: Cell) -> str | float | datetime | None:
    if isinstance(value, str):
        from referral_cli.text import printable

        return printable(value)  # xlsx cannot hold control characters: show them instead
    if isinstance(value, date) and not isinstance(value, datetime):
        return datetime.combine(value, time())  # a date is a day at midnight to Excel
    return value


def _sheet_name(name: str) -> str:
    """A name Excel accepts for a sheet: at most 31 characters, no brackets, `:*?/`, backslash."""
    cleaned = "".join(" " if ch in "[]:*?/\\" else ch for ch in name).strip("' ")
    return cleaned[:31] or "Sheet1"


def _widths(sheet: Sheet) -> list[float]:
    """Each column as wide as its longest line of text, within MIN_WIDTH and MAX_WIDTH."""
    widths = [max(MIN_WIDTH, len(str(name))) for name in sheet.header]
    for row in [*sheet.rows, *([sheet.totals] if sheet.totals is not None else [])]:
        for index, value in enumerate(row[: len(widths)]):
            text = value.isoformat() if isinstance(value, date) else str(value or "")
            longest = max((len(line) for line in text.splitlines()), default=0)
            widths[index] = max(widths[index], longest)
    return [min(width, MAX_WIDTH) + 2 for width in widths]

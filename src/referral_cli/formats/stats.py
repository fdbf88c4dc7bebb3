"""The output formats of `referral stats`: table, csv, json, html and xlsx, side by side.

Every format is built from a `StatsResult`; the words come from the catalogue in the
result's language. The table and html formats write decimals the way the language does
(`12,5` in Swedish); csv and json always use a decimal point, CSV for Excel a decimal
comma, and xlsx real numbers (see `formats.spreadsheet`, which also keeps any label from
being run as a formula).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from referral_cli.formats.spreadsheet import Cell, Sheet, csv_text, excel_csv, xlsx_bytes
from referral_cli.i18n import t

if TYPE_CHECKING:
    from referral_cli.commands.stats import StatsResult

# Dimensions a question can hold several values of, so the rows can add up to more
# than the total (a note under the table says so).
MULTI_VALUED: tuple[str, ...] = ("reason", "referred_to", "sent_by")


def render_stats(result: StatsResult, output_format: str, excel: bool = False) -> str | bytes:
    """The result in `output_format` (table, csv, json, html or xlsx: bytes).

    `excel` makes the CSV one that Swedish Excel opens right (bytes, see
    `formats.spreadsheet.excel_csv`).
    """
    if output_format == "csv":
        return excel_csv(sheet(result)) if excel else format_csv(result)
    if output_format == "xlsx":
        return format_xlsx(result)
    if output_format == "json":
        return format_json(result)
    if output_format == "html":
        return format_html(result)
    return format_table(result)


def number(value: float | None, language: str = "en") -> str:
    """A figure as `language` writes it: whole numbers bare, else one decimal; `–` for none."""
    if value is None:
        return "–"
    text = str(int(value)) if float(value).is_integer() else f"{value:.1f}"
    return text.replace(".", t("stats.decimal_mark", language))


def _label(dimension: str, language: str) -> str:
    return t(f"stats.dimension.{dimension}", language)


def title(result: StatsResult) -> str:
    """One heading line: what was counted, how many, which filters."""
    lang = result.language
    if result.dimensions:
        parts = " × ".join(_label(d, lang) for d in result.dimensions)
        head = t("stats.title.by", lang, dimensions=parts.lower())
    else:
        head = t("stats.title.all", lang)
    count_key = "stats.title.count_one" if result.total == 1 else "stats.title.count_many"
    extra = [t(count_key, lang, count=result.total)]
    f = result.filters
    if f.since or f.until:
        extra.append(f"{f.since or ''}–{f.until or ''}")
    either = f" {t('stats.or', lang)} "
    if f.periods:
        extra.append(f"{_label('period', lang).lower()} {either.join(f.periods)}")
    if f.branches:
        extra.append(f"{_label('branch', lang).lower()} {either.join(f.branches)}")
    return f"{head} ({', '.join(extra)})"


def table_rows(result: StatsResult, decimal: str = "en") -> tuple[list[str], list[list[str]]]:
    """Header and body cells shared by the table, csv and html formats.

    `decimal` is the language whose decimal mark is used (csv always uses '.').
    """
    lang = result.language
    if not result.dimensions:
        header = [
            t("stats.heading.count", lang),
            t("stats.heading.minutes", lang),
            t("stats.heading.median", lang),
        ]
        return header, [
            [str(result.total), str(result.minutes_total), number(result.minutes_median, decimal)]
        ]
    first = _label(result.dimensions[0], lang)
    if result.columns:
        header = [first, *[label for _, label in result.columns], t("stats.heading.total", lang)]
        body = [
            [b.label, *[str(b.cells.get(key, 0)) for key, _ in result.columns], str(b.count)]
            for b in result.buckets
        ]
        return header, body
    header = [
        first,
        t("stats.heading.count", lang),
        t("stats.heading.minutes", lang),
        t("stats.heading.median", lang),
    ]
    body = [
        [b.label, str(b.count), str(b.minutes_total), number(b.minutes_median, decimal)]
        for b in result.buckets
    ]
    return header, body


def footer(result: StatsResult) -> list[str]:
    """The totals line under the buckets (none without a dimension)."""
    if not result.dimensions:
        return []
    total = t("stats.heading.total", result.language)
    if result.columns:
        # Distinct questions per column, not the sum of the cells above: a question with
        # two reasons is in two cells of its branch's column but is one question.
        return [
            total,
            *[str(result.column_totals.get(k, 0)) for k, _ in result.columns],
            str(result.total),
        ]
    return [
        total,
        str(result.total),
        str(result.minutes_total),
        number(result.minutes_median, result.language),
    ]


def multi_note(result: StatsResult) -> str | None:
    """The note that counts can add up to more than their total, when a dimension allows it.

    Said once: the rows add up to more when the first dimension can hold several values
    of a question, the cells of a row when the second can, or both.
    """
    lang = result.language
    multi = [d for d in result.dimensions if d in MULTI_VALUED]
    if not multi:
        return None
    what = f" {t('stats.and', lang)} ".join(t(f"stats.multi.{d}", lang) for d in multi)
    rows = result.dimensions[0] in MULTI_VALUED
    cells = len(result.dimensions) == 2 and result.dimensions[1] in MULTI_VALUED
    key = "stats.multi_note_both" if rows and cells else "stats.multi_note"
    if cells and not rows:
        key = "stats.multi_note_cells"
    return t(key, lang, what=what)


def format_table(result: StatsResult) -> str:
    """Aligned plain text for the terminal."""
    lines = [title(result), ""]
    if result.total == 0:
        return "\n".join([*lines, t("stats.no_entries", result.language)])
    header, body = table_rows(result, result.language)
    totals = footer(result)
    rows = [header, *body, *([totals] if totals else [])]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]

    def render(cells: list[str]) -> str:
        first = cells[0].ljust(widths[0])
        rest = [cell.rjust(widths[i + 1]) for i, cell in enumerate(cells[1:])]
        return "  ".join([first, *rest]).rstrip()

    rule = "  ".join("-" * width for width in widths)
    lines += [render(header), rule, *(render(row) for row in body)]
    if totals:
        lines += [rule, render(totals)]
    note = multi_note(result)
    if note:
        lines += ["", note]
    return "\n".join(lines)


def sheet(result: StatsResult) -> Sheet:
    """The table as typed cells: labels as text, counts and minutes as numbers.

    The header and rows are those of the table; the totals line and the title and note
    come along for xlsx (CSV holds the rows alone, for further work).
    """
    lang = result.language
    header, _ = table_rows(result)
    rows: list[list[Cell]]
    totals: list[Cell] | None = None
    total_label = t("stats.heading.total", lang)
    figures: list[Cell] = [result.total, result.minutes_total, result.minutes_median]
    if not result.dimensions:
        rows = [figures]
    elif result.columns:
        keys = [key for key, _ in result.columns]
        rows = [[b.label, *[b.cells.get(k, 0) for k in keys], b.count] for b in result.buckets]
        totals = [total_label, *[result.column_totals.get(k, 0) for k in keys], result.total]
    else:
        rows = [[b.label, b.count, b.minutes_total, b.minutes_median] for b in result.buckets]
        totals = [total_label, *figures]
    note = multi_note(result)
    return Sheet(
        name=t("stats.sheet", lang),
        header=header,
        rows=rows,
        totals=totals if result.total else None,
        notes=[title(result), *([note] if note else [])],
        frozen_columns=1 if result.dimensions else 0,
    )


def format_csv(result: StatsResult) -> str:
    """CSV with a header row; ids are not included, labels are; no median is empty."""
    return csv_text(sheet(result)).rstrip("\n")


def format_xlsx(result: StatsResult) -> bytes:
    """An Excel workbook: the table with its totals, then the title and the note."""
    return xlsx_bytes(sheet(result), title(result))


def as_json(result: StatsResult) -> dict[str, Any]:
    """Plain data: keys (ids) and labels, counts, minutes."""
    data: dict[str, Any] = {
        "by": result.dimensions,
        "language": result.language,
        "filters": result.filters.as_dict(),
        "libraries": result.libraries,
        "total": result.total,
        "minutes_total": result.minutes_total,
        "minutes_median": result.minutes_median,
        "rows": [],
    }
    if result.columns:
        data["columns"] = [
            {"key": key, "label": label, "total": result.column_totals.get(key, 0)}
            for key, label in result.columns
        ]
    for b in result.buckets:
        row: dict[str, Any] = {
            "key": b.key,
            "label": b.label,
            "count": b.count,
            "minutes_total": b.minutes_total,
            "minutes_median": b.minutes_median,
        }
        if result.columns:
            row["cells"] = [b.cells.get(key, 0) for key, _ in result.columns]
        data["rows"].append(row)
    return data


def format_json(result: StatsResult) -> str:
    """JSON text of `as_json`."""
    return json.dumps(as_json(result), ensure_ascii=False, indent=2)


def chart_data(result: StatsResult, bar_width: int = 360) -> dict[str, Any] | None:
    """Geometry of a horizontal bar chart of the first dimension's counts (None: no chart)."""
    if not result.buckets:
        return None
    largest = max(b.count for b in result.buckets) or 1
    label_width = min(260, 16 + 7 * max(len(b.label) for b in result.buckets))
    bars = [
        {
            "label": b.label,
            "count": b.count,
            "y": 6 + 24 * index,
            "width": round(bar_width * b.count / largest),
        }
        for index, b in enumerate(result.buckets)
    ]
    return {
        "bars": bars,
        "label_width": label_width,
        "width": label_width + bar_width + 60,
        "height": 12 + 24 * len(bars),
    }


def format_html(result: StatsResult) -> str:
    """A printable HTML page: bar chart as inline SVG (no JavaScript) and the table."""
    from referral_cli.rendering import build_environment, render_template

    header, body = table_rows(result, result.language)
    context = {
        "language": result.language,
        "title": title(result),
        "libraries": result.libraries,
        "chart": chart_data(result) if result.dimensions else None,
        "header": header,
        "body": body if result.total else [],
        "footer": footer(result),
        "note": multi_note(result),
        "no_entries": t("stats.no_entries", result.language),
    }
    return render_template(build_environment("html"), "stats.html.j2", context).rstrip("\n")

"""`referral stats` and the shared inventory records behind `referral export`.

Every source (a guideline repository or a JSON Lines export file) is turned
into flat `Record`s; counting works on those, so a region can combine many
libraries' figures in one run. Labels come from each library's own data
(branch names, reason labels, category titles, actor names) and from the
built-in sv/en vocabularies below.
"""

from __future__ import annotations

import csv
import io
import json
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from referral_cli.dates import parse_date_option
from referral_cli.errors import FindingsError, UsageError
from referral_cli.findings import Finding, did_you_mean
from referral_cli.i18n import check_language

DIMENSIONS: tuple[str, ...] = (
    "category",
    "reason",
    "branch",
    "outcome",
    "referred_to",
    "month",
    "weekday",
    "read_level",
    "row",
    "period",
    "library",
    "municipality",
)
FORMATS: tuple[str, ...] = ("table", "csv", "json", "html")

_DIMENSION_LABELS: dict[str, dict[str, str]] = {
    "sv": {
        "category": "Kategori",
        "reason": "Skäl",
        "branch": "Bibliotek",
        "outcome": "Utfall",
        "referred_to": "Hänvisad till",
        "month": "Månad",
        "weekday": "Veckodag",
        "read_level": "READ-nivå",
        "row": "Rad i matrisen",
        "period": "Period",
        "library": "Biblioteksorganisation",
        "municipality": "Kommun",
    },
    "en": {
        "category": "Category",
        "reason": "Reason",
        "branch": "Branch",
        "outcome": "Outcome",
        "referred_to": "Referred to",
        "month": "Month",
        "weekday": "Weekday",
        "read_level": "READ level",
        "row": "Matrix row",
        "period": "Period",
        "library": "Library",
        "municipality": "Municipality",
    },
}
WEEKDAY_LABELS: dict[str, tuple[str, ...]] = {
    "sv": ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
MONTH_LABELS: dict[str, tuple[str, ...]] = {
    "sv": (
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}
_WORDS: dict[str, dict[str, str]] = {
    "sv": {
        "none": "(inget angivet)",
        "count": "Antal",
        "minutes": "Minuter",
        "median": "Median (min)",
        "total": "Totalt",
        "questions": "frågor",
        "question": "fråga",
        "by": "per",
        "all": "Alla frågor",
        "no_entries": "Inga frågor matchar urvalet.",
        "multi_note": "En fråga kan {what}; summan av raderna kan bli större än totalen.",
        "and": "och",
    },
    "en": {
        "none": "(not given)",
        "count": "Count",
        "minutes": "Minutes",
        "median": "Median (min)",
        "total": "Total",
        "questions": "questions",
        "question": "question",
        "by": "by",
        "all": "All questions",
        "no_entries": "No questions match the selection.",
        "multi_note": "A question can {what}; the rows can add up to more than the total.",
        "and": "and",
    },
}
# How a question holds several values of a dimension, for the note under a table.
_MULTI_VALUED: dict[str, dict[str, str]] = {
    "sv": {"reason": "ha flera skäl", "referred_to": "ha hänvisats till flera aktörer"},
    "en": {"reason": "have several reasons", "referred_to": "be referred to several actors"},
}
_ORDERED = {"month", "weekday", "read_level", "outcome"}
_OUTCOME_ORDER = ("helped", "partly", "referred", "declined")


def words(language: str) -> dict[str, str]:
    """The small vocabulary of stats output in `language` (sv or en)."""
    return _WORDS["en" if language == "en" else "sv"]


def dimension_label(dimension: str, language: str) -> str:
    """The heading of a `--by` dimension in `language`."""
    return _DIMENSION_LABELS["en" if language == "en" else "sv"][dimension]


@dataclass(slots=True)
class Record:
    """One inventory entry, flattened; the unit of `stats` and `export`."""

    library: str
    municipality: str | None
    date: date
    branch: str | None = None
    period: str | None = None
    category: str | None = None
    row: str | None = None
    reasons: tuple[str, ...] = ()
    referred_to: tuple[str, ...] = ()
    outcome: str | None = None
    minutes: int | None = None
    read_level: int | None = None
    description: str | None = None
    reflection: str | None = None


@dataclass
class Labels:
    """Human labels for ids, per dimension, gathered from every source read."""

    by_dimension: dict[str, dict[str, str]] = field(default_factory=lambda: defaultdict(dict))
    language: str | None = None

    def add(self, dimension: str, key: str, label: str) -> None:
        """Remember `label` for `key` unless an earlier source already named it."""
        self.by_dimension[dimension].setdefault(key, label)


@dataclass
class Dataset:
    """All records from all sources, with their labels."""

    records: list[Record]
    labels: Labels


def _outcome_label(outcome: str, lang: str) -> str:
    # The words add-question, inventory and the handouts use for the same outcome.
    from referral_cli.i18n import vocabulary_label, vocabulary_values

    if outcome not in vocabulary_values("outcome"):
        return outcome  # an export file from a newer version: show the id as written
    return vocabulary_label("outcome", outcome, "en" if lang == "en" else "sv")


# --------------------------------------------------------------------------- loading


def records_from_guidelines(guidelines: Any, labels: Labels | None = None) -> list[Record]:
    """Flatten a loaded repository's inventory; add its labels to `labels`."""
    library = guidelines.library
    if labels is not None:
        if labels.language is None:
            labels.language = library.language
        labels.add("library", library.name, library.name)
        if library.municipality:
            labels.add("municipality", library.municipality, library.municipality)
        for branch in library.branches:
            labels.add("branch", branch.id, branch.name)
        for reason in library.reason_vocabulary():
            labels.add("reason", reason.id, reason.label)
        for period in library.periods:
            labels.add("period", period.id, period.id)
        for category in guidelines.matrix.categories:
            labels.add("category", category.id, category.title)
            for row in category.rows:
                labels.add("row", row.id, row.need)
        for actor in guidelines.actors.actors:
            labels.add("referred_to", actor.id, actor.name)
    name, municipality = library.name, library.municipality
    records = []
    for loaded in guidelines.entries:
        e = loaded.entry
        records.append(
            Record(
                library=name,
                municipality=municipality,
                date=e.date,
                branch=e.branch,
                period=e.period,
                category=e.category,
                row=e.row,
                reasons=tuple(e.reasons),
                referred_to=tuple(e.referred_to),
                outcome=e.outcome,
                minutes=e.minutes,
                read_level=e.read_level,
                description=e.description,
                reflection=e.reflection,
            )
        )
    return records


def load_repository_records(root: Path, labels: Labels | None = None) -> list[Record]:
    """Load a guideline repository; raise FindingsError when a file cannot be read."""
    from referral_cli.rules.loading import load_readable

    return records_from_guidelines(load_readable(root), labels)


EXPORT_FIELDS: tuple[str, ...] = (
    "library",
    "municipality",
    "date",
    "branch",
    "period",
    "category",
    "row",
    "reasons",
    "referred_to",
    "outcome",
    "minutes",
    "read_level",
)
TEXT_FIELDS: tuple[str, ...] = ("description", "reflection")
_TEXT_KEYS = {"library", "municipality", "branch", "period", "category", "row", "outcome"}
_LIST_KEYS = {"reasons", "referred_to"}
_INT_KEYS = {"minutes": (0, 1440), "read_level": (1, 6)}


def _check_line(data: Any) -> str | None:
    """Why a parsed export line is not a valid record, or None."""
    if not isinstance(data, dict):
        return "expected a JSON object ({...}) on each line"
    allowed = set(EXPORT_FIELDS) | set(TEXT_FIELDS)
    for key in data:
        if key not in allowed:
            return f"unknown key '{key}'{did_you_mean(key, allowed)}"
    for key in ("library", "date"):
        if data.get(key) is None:
            return f"the key '{key}' is missing"
    for key in _TEXT_KEYS | set(TEXT_FIELDS):
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            return f"{key}: expected text or null"
    if data.get("outcome") is not None and data["outcome"] not in _OUTCOME_ORDER:
        return f"outcome: '{data['outcome']}' is not one of {', '.join(_OUTCOME_ORDER)}"
    for key in _LIST_KEYS:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return f"{key}: expected a list of ids"
    for key, (low, high) in _INT_KEYS.items():
        value = data.get(key)
        if value is not None and (
            isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high
        ):
            return f"{key}: expected a whole number {low}–{high} or null"
    text = data["date"]
    try:
        if not isinstance(text, str) or len(text) != 10:
            raise ValueError
        date.fromisoformat(text)
    except ValueError:
        return f"date: {text!r} is not a date written as YYYY-MM-DD"
    return None


def load_export_records(
    path: Path, display: str | None = None, labels: Labels | None = None
) -> list[Record]:
    """Read a JSON Lines export; every bad line is reported as `file:line`."""
    shown = display or str(path)
    records: list[Record] = []
    problems: list[Finding] = []
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot read {shown}: {exc.strerror or exc}") from None
    with handle:
        try:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    data = json.loads(line)
                except json.JSONDecodeError as exc:
                    problems.append(
                        Finding(
                            shown,
                            number,
                            exc.colno,
                            "error",
                            "export-json",
                            f"not valid JSON: {exc.msg}",
                            "each line must be one JSON object as written by 'referral export'",
                        )
                    )
                    continue
                problem = _check_line(data)
                if problem:
                    problems.append(Finding(shown, number, 1, "error", "export-line", problem))
                    continue
                records.append(_record_from_json(data, labels))
        except UnicodeDecodeError:
            raise FindingsError(
                [Finding(shown, 1, 1, "error", "encoding", "the file is not valid UTF-8 text")]
            ) from None
    if problems:
        raise FindingsError(problems)
    return records


def _record_from_json(data: dict[str, Any], labels: Labels | None) -> Record:
    if labels is not None:
        labels.add("library", data["library"], data["library"])
        if data.get("municipality"):
            labels.add("municipality", data["municipality"], data["municipality"])
    return Record(
        library=data["library"],
        municipality=data.get("municipality"),
        date=date.fromisoformat(data["date"]),
        branch=data.get("branch"),
        period=data.get("period"),
        category=data.get("category"),
        row=data.get("row"),
        reasons=tuple(data.get("reasons") or ()),
        referred_to=tuple(data.get("referred_to") or ()),
        outcome=data.get("outcome"),
        minutes=data.get("minutes"),
        read_level=data.get("read_level"),
        description=data.get("description"),
        reflection=data.get("reflection"),
    )


def load_sources(sources: Sequence[Path]) -> Dataset:
    """Read every source: a folder is a guideline repository, a file a JSON Lines export."""
    from referral_cli.store.repository import find_root

    labels = Labels()
    records: list[Record] = []
    for source in sources:
        if source.is_file():
            records += load_export_records(source, str(source), labels)
        elif source.is_dir():
            records += load_repository_records(find_root(source), labels)
        else:
            raise UsageError(
                f"{source} does not exist: give a guideline repository or an export file"
            )
    return Dataset(records, labels)


# --------------------------------------------------------------------------- filtering


@dataclass(frozen=True)
class Filters:
    """Which records count: date range, period id, branch id."""

    since: date | None = None
    until: date | None = None
    period: str | None = None
    branch: str | None = None

    @classmethod
    def from_options(
        cls, since: str | None, until: str | None, period: str | None, branch: str | None
    ) -> Filters:
        """The filters of `stats` and `export` as typed on the command line."""
        return cls(
            since=parse_date_option(since, "--since"),
            until=parse_date_option(until, "--until"),
            period=period,
            branch=branch,
        )

    def apply(self, records: Iterable[Record]) -> list[Record]:
        """The records that pass every filter."""
        since, until, period, branch = self.since, self.until, self.period, self.branch
        return [
            r
            for r in records
            if (since is None or r.date >= since)
            and (until is None or r.date <= until)
            and (period is None or r.period == period)
            and (branch is None or r.branch == branch)
        ]

    def as_dict(self) -> dict[str, str | None]:
        """Plain data for JSON output."""
        return {
            "since": self.since.isoformat() if self.since else None,
            "until": self.until.isoformat() if self.until else None,
            "period": self.period,
            "branch": self.branch,
        }


# --------------------------------------------------------------------------- counting

Key = str | int | None


def _keys(record: Record, dimension: str) -> tuple[Key, ...]:
    if dimension == "reason":
        return record.reasons or (None,)
    if dimension == "referred_to":
        return record.referred_to or (None,)
    if dimension == "month":
        return (f"{record.date.year:04d}-{record.date.month:02d}",)
    if dimension == "weekday":
        return (record.date.weekday(),)
    value: Key = getattr(record, dimension)
    return (value,)


def key_label(dimension: str, key: Key, labels: Labels, language: str) -> str:
    """How `key` of `dimension` is shown to people."""
    lang = "en" if language == "en" else "sv"
    if key is None:
        return words(lang)["none"]
    if dimension == "weekday":
        return WEEKDAY_LABELS[lang][int(key)]
    if dimension == "month":
        year, month = str(key).split("-")
        return f"{MONTH_LABELS[lang][int(month) - 1]} {year}"
    if dimension == "outcome":
        return _outcome_label(str(key), lang)
    if dimension == "read_level":
        return str(key)
    return labels.by_dimension.get(dimension, {}).get(str(key), str(key))


def _sort_keys(dimension: str, counts: Counter[Key]) -> list[Key]:
    present = [k for k in counts if k is not None]
    if dimension == "outcome":
        ordered = sorted(
            present,
            key=lambda k: (
                _OUTCOME_ORDER.index(str(k)) if k in _OUTCOME_ORDER else 99,
                str(k),
            ),
        )
    elif dimension in _ORDERED:
        ordered = sorted(present, key=lambda k: (str(type(k)), str(k).zfill(12)))
    else:
        ordered = sorted(present, key=lambda k: (-counts[k], str(k)))
    return ordered + ([None] if None in counts else [])


@dataclass
class Bucket:
    """One line of the result: a key of the first dimension and its figures."""

    key: Key
    label: str
    count: int
    minutes_total: int
    minutes_median: float | None
    cells: dict[Key, int] = field(default_factory=dict)


@dataclass
class StatsResult:
    """Counts of records by zero, one or two dimensions."""

    dimensions: list[str]
    language: str
    total: int
    minutes_total: int
    minutes_median: float | None
    buckets: list[Bucket]
    columns: list[tuple[Key, str]]
    filters: Filters
    libraries: list[str]


def _median(values: list[int]) -> float | None:
    return float(statistics.median(values)) if values else None


def compute_stats(
    dataset: Dataset,
    by: Sequence[str] = (),
    filters: Filters | None = None,
    language: str | None = None,
) -> StatsResult:
    """Count the dataset's records by the `by` dimensions (at most two)."""
    for dimension in by:
        if dimension not in DIMENSIONS:
            raise UsageError(
                f"--by: '{dimension}' is not a field to count by"
                f"{did_you_mean(dimension, DIMENSIONS)}; choose one of: {', '.join(DIMENSIONS)}"
            )
    if len(by) > 2:
        raise UsageError("--by can be given at most twice (a cross table)")
    if len(by) == 2 and by[0] == by[1]:
        raise UsageError("--by: give two different fields for a cross table")
    filters = filters or Filters()
    lang = language or dataset.labels.language or "sv"
    records = filters.apply(dataset.records)
    all_minutes = [r.minutes for r in records if r.minutes is not None]
    buckets: list[Bucket] = []
    columns: list[tuple[Key, str]] = []
    if by:
        first = by[0]
        counts: Counter[Key] = Counter()
        minutes: dict[Key, list[int]] = defaultdict(list)
        cells: dict[Key, Counter[Key]] = defaultdict(Counter)
        column_counts: Counter[Key] = Counter()
        second = by[1] if len(by) == 2 else None
        for record in records:
            keys = _keys(record, first)
            column_keys = _keys(record, second) if second else ()
            for key in keys:
                counts[key] += 1
                if record.minutes is not None:
                    minutes[key].append(record.minutes)
                for column_key in column_keys:
                    cells[key][column_key] += 1
            for column_key in column_keys:
                column_counts[column_key] += 1
        for key in _sort_keys(first, counts):
            buckets.append(
                Bucket(
                    key,
                    key_label(first, key, dataset.labels, lang),
                    counts[key],
                    sum(minutes[key]),
                    _median(minutes[key]),
                    dict(cells[key]),
                )
            )
        if second:
            columns = [
                (k, key_label(second, k, dataset.labels, lang))
                for k in _sort_keys(second, column_counts)
            ]
    return StatsResult(
        dimensions=list(by),
        language=lang,
        total=len(records),
        minutes_total=sum(all_minutes),
        minutes_median=_median(all_minutes),
        buckets=buckets,
        columns=columns,
        filters=filters,
        libraries=sorted({r.library for r in records}),
    )


# --------------------------------------------------------------------------- output


def _number(value: float | None, language: str = "en") -> str:
    if value is None:
        return "–"
    text = str(int(value)) if float(value).is_integer() else f"{value:.1f}"
    return text.replace(".", ",") if language == "sv" else text


def title(result: StatsResult) -> str:
    """One heading line: what was counted, how many, which filters."""
    w = words(result.language)
    if result.dimensions:
        parts = " × ".join(dimension_label(d, result.language) for d in result.dimensions)
        head = f"{w['all']} {w['by']} {parts.lower()}"
    else:
        head = w["all"]
    noun = w["question"] if result.total == 1 else w["questions"]
    extra = [f"{result.total} {noun}"]
    f = result.filters
    if f.since or f.until:
        extra.append(f"{f.since or ''}–{f.until or ''}")
    if f.period:
        extra.append(f"{dimension_label('period', result.language).lower()} {f.period}")
    if f.branch:
        extra.append(f"{dimension_label('branch', result.language).lower()} {f.branch}")
    return f"{head} ({', '.join(extra)})"


def table_rows(result: StatsResult, decimal: str = "en") -> tuple[list[str], list[list[str]]]:
    """Header and body cells shared by the table and CSV formats.

    `decimal` is the language whose decimal mark is used (CSV always uses '.').
    """
    w = words(result.language)
    if not result.dimensions:
        header = [w["count"], w["minutes"], w["median"]]
        return header, [
            [str(result.total), str(result.minutes_total), _number(result.minutes_median, decimal)]
        ]
    first = dimension_label(result.dimensions[0], result.language)
    if result.columns:
        header = [first, *[label for _, label in result.columns], w["total"]]
        body = [
            [
                b.label,
                *[str(b.cells.get(key, 0)) for key, _ in result.columns],
                str(b.count),
            ]
            for b in result.buckets
        ]
        return header, body
    header = [first, w["count"], w["minutes"], w["median"]]
    body = [
        [b.label, str(b.count), str(b.minutes_total), _number(b.minutes_median, decimal)]
        for b in result.buckets
    ]
    return header, body


def _multi_note(result: StatsResult) -> str | None:
    phrases = _MULTI_VALUED["en" if result.language == "en" else "sv"]
    multi = [phrases[d] for d in result.dimensions if d in phrases]
    if not multi:
        return None
    vocabulary = words(result.language)
    return vocabulary["multi_note"].format(what=f" {vocabulary['and']} ".join(multi))


def format_table(result: StatsResult) -> str:
    """Aligned plain text for the terminal."""
    w = words(result.language)
    lines = [title(result), ""]
    if result.total == 0:
        return "\n".join([*lines, w["no_entries"]])
    header, body = table_rows(result, result.language)
    if result.dimensions:
        footer = [w["total"]]
        if result.columns:
            footer += [
                str(sum(b.cells.get(k, 0) for b in result.buckets)) for k, _ in result.columns
            ]
            footer.append(str(result.total))
        else:
            footer += [
                str(result.total),
                str(result.minutes_total),
                _number(result.minutes_median, result.language),
            ]
        body = [*body, footer]
    widths = [max(len(row[i]) for row in [header, *body]) for i in range(len(header))]

    def render(cells: list[str]) -> str:
        first = cells[0].ljust(widths[0])
        rest = [cell.rjust(widths[i + 1]) for i, cell in enumerate(cells[1:])]
        return "  ".join([first, *rest]).rstrip()

    lines.append(render(header))
    lines.append("  ".join("-" * width for width in widths))
    lines += [render(row) for row in body[:-1]] if result.dimensions else [render(body[0])]
    if result.dimensions:
        lines.append("  ".join("-" * width for width in widths))
        lines.append(render(body[-1]))
    note = _multi_note(result)
    if note:
        lines += ["", note]
    return "\n".join(lines)


def format_csv(result: StatsResult) -> str:
    """CSV with a header row; ids are not included, labels are."""
    header, body = table_rows(result)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(body)
    return buffer.getvalue().rstrip("\n")


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
        data["columns"] = [{"key": key, "label": label} for key, label in result.columns]
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


def render_stats(result: StatsResult, output_format: str) -> str:
    """The result in `output_format` (table, csv, json or html)."""
    if output_format == "csv":
        return format_csv(result)
    if output_format == "json":
        return format_json(result)
    if output_format == "html":
        return format_html(result)
    return format_table(result)


def run_stats(
    sources: Sequence[Path],
    by: Sequence[str] = (),
    filters: Filters | None = None,
    language: str | None = None,
    output_format: str = "table",
) -> str:
    """Load every source, count, and render: the core of `referral stats`."""
    if output_format not in FORMATS:
        raise UsageError(f"--format: choose one of {', '.join(FORMATS)}")
    check_language(language)
    for dimension in by:  # fail fast, before reading 100,000 files
        if dimension not in DIMENSIONS:
            compute_stats(Dataset([], Labels()), by)
    dataset = load_sources(sources)
    if filters is not None:
        check_filter_ids(dataset, filters)
    return render_stats(compute_stats(dataset, by, filters, language), output_format)


def check_filter_ids(dataset: Dataset, filters: Filters) -> None:
    """UsageError for a --period/--branch id that no source knows (a typo counts nothing)."""
    for option, wanted in (("period", filters.period), ("branch", filters.branch)):
        if wanted is None:
            continue
        known = set(dataset.labels.by_dimension.get(option, {}))
        known.update(value for r in dataset.records if (value := getattr(r, option)))
        if wanted not in known:
            listed = ", ".join(sorted(known)) or "none"
            raise UsageError(
                f"--{option}: unknown {option} '{wanted}'{did_you_mean(wanted, known)}; "
                f"known: {listed}"
            )


def _footer(result: StatsResult) -> list[str]:
    w = words(result.language)
    if not result.dimensions:
        return []
    if result.columns:
        return [
            w["total"],
            *[str(sum(b.cells.get(k, 0) for b in result.buckets)) for k, _ in result.columns],
            str(result.total),
        ]
    return [
        w["total"],
        str(result.total),
        str(result.minutes_total),
        _number(result.minutes_median, result.language),
    ]


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
        "footer": _footer(result),
        "note": _multi_note(result),
        "no_entries": words(result.language)["no_entries"],
    }
    return render_template(build_environment("html"), "stats.html.j2", context).rstrip("\n")

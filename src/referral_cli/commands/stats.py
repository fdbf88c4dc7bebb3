"""`referral stats`: count inventory records by zero, one or two dimensions.

The records come from any number of sources (`referral_cli.records.load_sources`), so
a region can combine many libraries' figures in one run. Labels come from each
library's own data (branch names, reason labels, category titles, actor names) and
from the catalogue (weekdays, months, outcomes); the output formats are in
`referral_cli.formats.stats`.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from referral_cli.errors import UsageError
from referral_cli.findings import Finding, suggestion
from referral_cli.i18n import check_language, phrase, t
from referral_cli.records import Dataset, Labels, Record, RecordFilter, month_label

DIMENSIONS: tuple[str, ...] = (
    "category",
    "reason",
    "branch",
    "outcome",
    "referred_to",
    "sent_by",
    "month",
    "weekday",
    "read_level",
    "row",
    "period",
    "library",
    "municipality",
)
FORMATS: tuple[str, ...] = ("table", "csv", "json", "html", "xlsx")
# Dimensions with a natural order of their own; the others are sorted by count.
_ORDERED = {"month", "weekday", "read_level", "outcome"}

Key = str | int | None


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
    """Counts of records by zero, one or two dimensions.

    In a cross table, `column_totals` counts the distinct questions of each column,
    as a bucket's `count` does for its row: a question with two reasons counts once in
    its branch's total, whichever dimension comes first.
    """

    dimensions: list[str]
    language: str
    total: int
    minutes_total: int
    minutes_median: float | None
    buckets: list[Bucket]
    columns: list[tuple[Key, str]]
    filters: RecordFilter
    libraries: list[str]
    column_totals: dict[Key, int] = field(default_factory=dict)


def _keys(record: Record, dimension: str) -> tuple[Key, ...]:
    if dimension == "reason":
        return record.reasons or (None,)
    if dimension == "referred_to":
        return record.referred_to or (None,)
    if dimension == "sent_by":
        return record.sent_by or (None,)
    if dimension == "month":
        return (f"{record.date.year:04d}-{record.date.month:02d}",)
    if dimension == "weekday":
        return (record.date.weekday(),)
    value: Key = getattr(record, dimension)
    return (value,)


def key_label(dimension: str, key: Key, labels: Labels, language: str) -> str:
    """How `key` of `dimension` is shown to people."""
    if key is None:
        return t("stats.none", language)
    if dimension == "weekday":
        return t(f"stats.weekday.{key}", language)
    if dimension == "month":
        year, month = str(key).split("-")
        return month_label(int(year), int(month), language)
    if dimension == "outcome":
        return _outcome_label(str(key), language)
    if dimension == "read_level":
        return str(key)
    if dimension == "reason":
        return labels.reason_label(str(key), language)
    return labels.by_dimension.get(dimension, {}).get(str(key), str(key))


def _outcome_label(outcome: str, language: str) -> str:
    from referral_cli.models import OUTCOMES
    from referral_cli.views import outcome_label

    # The words add-question, inventory and the handouts use for the same outcome.
    return outcome_label(outcome, language) if outcome in OUTCOMES else outcome


def _sort_keys(dimension: str, counts: Counter[Key]) -> list[Key]:
    present = [k for k in counts if k is not None]
    if dimension == "outcome":
        from referral_cli.models import OUTCOMES

        ordered = sorted(
            present,
            key=lambda k: (OUTCOMES.index(str(k)) if k in OUTCOMES else 99, str(k)),
        )
    elif dimension in _ORDERED:
        ordered = sorted(present, key=lambda k: (str(type(k)), str(k).zfill(12)))
    else:
        ordered = sorted(present, key=lambda k: (-counts[k], str(k)))
    return ordered + ([None] if None in counts else [])


def _median(values: list[int]) -> float | None:
    return float(statistics.median(values)) if values else None


def check_dimension_names(by: Sequence[str]) -> None:
    """UsageError for a `--by` value that is not a dimension."""
    for dimension in by:
        if dimension not in DIMENSIONS:
            raise UsageError(
                phrase(
                    "error.stats.unknown_dimension",
                    dimension=dimension,
                    suggestion=suggestion(dimension, DIMENSIONS),
                    choices=", ".join(DIMENSIONS),
                )
            )


def resolve_dimensions(by: Sequence[str]) -> list[str]:
    """The dimensions `--by` names as people type them: `skäl`, `Månad`, `Hänvisad hit av`.

    An id or the column's heading in Swedish or English, any case, with or without
    accents (`choices`); UsageError, with a "did you mean" that is accepted, otherwise.
    """
    from referral_cli.choices import Choices
    from referral_cli.i18n import LANGUAGES

    named = Choices.of(
        (d, [t(f"stats.dimension.{d}", lang) for lang in LANGUAGES]) for d in DIMENSIONS
    )
    resolved: list[str] = []
    for typed in by:
        dimension = named.resolve(typed)
        if dimension is None:
            raise UsageError(
                phrase(
                    "error.stats.unknown_dimension",
                    dimension=typed,
                    suggestion=named.suggestion(typed),
                    choices=", ".join(DIMENSIONS),
                )
            )
        resolved.append(dimension)
    return resolved


def check_dimensions(by: Sequence[str]) -> None:
    """UsageError unless `by` is at most two different dimensions."""
    check_dimension_names(by)
    if len(by) > 2:
        raise UsageError(phrase("error.stats.too_many_dimensions"))
    if len(by) == 2 and by[0] == by[1]:
        raise UsageError(phrase("error.stats.same_dimension"))


def compute_stats(
    dataset: Dataset,
    by: Sequence[str] = (),
    filters: RecordFilter | None = None,
    language: str | None = None,
) -> StatsResult:
    """Count the dataset's records by the `by` dimensions (at most two)."""
    check_dimensions(by)
    filters = filters or RecordFilter()
    lang = language or dataset.labels.language or "sv"
    records = filters.apply(dataset.records)
    all_minutes = [r.minutes for r in records if r.minutes is not None]
    buckets: list[Bucket] = []
    columns: list[tuple[Key, str]] = []
    column_totals: dict[Key, int] = {}
    if by:
        buckets, columns, column_totals = _count(records, by, dataset.labels, lang)
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
        column_totals=column_totals,
    )


def _count(
    records: list[Record], by: Sequence[str], labels: Labels, lang: str
) -> tuple[list[Bucket], list[tuple[Key, str]], dict[Key, int]]:
    """The buckets of the first dimension, the columns of the second and their totals.

    A question counts once under each of its keys (an id written twice counts once), so
    a row's count and a column's total are numbers of distinct questions.
    """
    first = by[0]
    second = by[1] if len(by) == 2 else None
    counts: Counter[Key] = Counter()
    minutes: dict[Key, list[int]] = defaultdict(list)
    cells: dict[Key, Counter[Key]] = defaultdict(Counter)
    column_counts: Counter[Key] = Counter()
    for record in records:
        column_keys = tuple(dict.fromkeys(_keys(record, second))) if second else ()
        for key in dict.fromkeys(_keys(record, first)):
            counts[key] += 1
            if record.minutes is not None:
                minutes[key].append(record.minutes)
            for column_key in column_keys:
                cells[key][column_key] += 1
        for column_key in column_keys:
            column_counts[column_key] += 1
    buckets = [
        Bucket(
            key,
            key_label(first, key, labels, lang),
            counts[key],
            sum(minutes[key]),
            _median(minutes[key]),
            dict(cells[key]),
        )
        for key in _sort_keys(first, counts)
    ]
    columns = (
        [(k, key_label(second, k, labels, lang)) for k in _sort_keys(second, column_counts)]
        if second
        else []
    )
    return buckets, columns, dict(column_counts)


def check_filter_ids(dataset: Dataset, filters: RecordFilter) -> RecordFilter:
    """The filter with ids for its words; UsageError for one no source knows (a typo)."""
    return filters.check_ids(dataset.known_ids(), phrase("stats.known_none"), dataset.labels)


@dataclass
class StatsOutput:
    """What `referral stats` prints: the rendered result, and warnings in its language.

    `content` is bytes for xlsx and for CSV for Excel (see `formats.spreadsheet`).
    """

    content: str | bytes
    warnings: list[Finding]
    language: str


def run_stats(
    sources: Sequence[Path],
    by: Sequence[str] = (),
    filters: RecordFilter | None = None,
    language: str | None = None,
    output_format: str = "table",
    excel: bool = False,
) -> StatsOutput:
    """Load every source, count, and render: the core of `referral stats`.

    `excel` (with csv only) writes CSV for Swedish Excel.
    """
    from referral_cli.formats.spreadsheet import check_excel
    from referral_cli.formats.stats import render_stats
    from referral_cli.records import load_sources

    if output_format not in FORMATS:
        raise UsageError(phrase("error.stats.unknown_format", formats=", ".join(FORMATS)))
    check_excel(output_format, excel)
    check_language(language)
    by = resolve_dimensions(by)  # fail fast, before reading 100,000 files
    dataset = load_sources(sources)
    if filters is not None:
        filters = check_filter_ids(dataset, filters)
    result = compute_stats(dataset, by, filters, language)
    content = render_stats(result, output_format, excel)
    return StatsOutput(content, dataset.warnings, result.language)

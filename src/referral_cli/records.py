"""Inventory records: flat entries, the one filter, and the sources they are read from.

A `Record` is one inventory entry flattened with its library's name and municipality:
the unit `stats` counts and `export` writes. Records come from a guideline repository
or from a JSON Lines export file (`store.export_file`), so a region can combine many
libraries' figures in one run; `Labels` keep the human names of the ids they meet.

`RecordFilter` is the one filter of `inventory`, `stats`, `export` and `report`: a date
range, ids of branches, reasons, periods and categories, and "no matrix row yet". It
accepts a `Record` as well as a loaded `InventoryEntry` (both are `Filterable`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from referral_cli.dates import parse_date_option
from referral_cli.errors import UsageError
from referral_cli.findings import Finding
from referral_cli.i18n import Phrase, phrase, t
from referral_cli.stdio import STDIN_NAME, is_dash

if TYPE_CHECKING:
    from referral_cli.choices import Choices
    from referral_cli.store.repository import Guidelines

# The id filters, in the order their unknown values are reported.
ID_FILTERS: tuple[str, ...] = ("branch", "reason", "period", "category")


@dataclass(slots=True)
class Record:
    """One inventory entry, flattened; the unit of `stats` and `export`."""

    library: str
    municipality: str | None
    date: dt.date
    branch: str | None = None
    period: str | None = None
    category: str | None = None
    row: str | None = None
    reasons: tuple[str, ...] = ()
    referred_to: tuple[str, ...] = ()
    sent_by: tuple[str, ...] = ()
    outcome: str | None = None
    minutes: int | None = None
    read_level: int | None = None
    description: str | None = None
    reflection: str | None = None


class Filterable(Protocol):
    """What `RecordFilter` looks at: a `Record` and an `InventoryEntry` both have it."""

    @property
    def date(self) -> dt.date:
        """The day of the case."""

    @property
    def branch(self) -> str | None:
        """Branch id."""

    @property
    def period(self) -> str | None:
        """Period id."""

    @property
    def category(self) -> str | None:
        """Matrix category id."""

    @property
    def row(self) -> str | None:
        """Matrix row id."""

    @property
    def reasons(self) -> Sequence[str]:
        """Reason ids."""


F = TypeVar("F", bound=Filterable)


@dataclass(frozen=True)
class RecordFilter:
    """Which entries count; every given condition must hold, any id of a kind matches."""

    since: dt.date | None = None
    until: dt.date | None = None
    branches: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()
    periods: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    unmatched: bool = False

    @classmethod
    def from_options(
        cls,
        since: str | None = None,
        until: str | None = None,
        *,
        branches: Sequence[str] = (),
        reasons: Sequence[str] = (),
        periods: Sequence[str] = (),
        categories: Sequence[str] = (),
        unmatched: bool = False,
    ) -> RecordFilter:
        """The filter as typed on the command line (dates as `YYYY-MM-DD` text).

        `--since` after `--until` is a usage error (`checked_range`), for every command.
        """
        return cls(
            since=parse_date_option(since, "--since"),
            until=parse_date_option(until, "--until"),
            branches=tuple(branches),
            reasons=tuple(reasons),
            periods=tuple(periods),
            categories=tuple(categories),
            unmatched=unmatched,
        ).checked_range()

    @property
    def empty_range(self) -> bool:
        """True when `since` is after `until`: no day can match."""
        return self.since is not None and self.until is not None and self.since > self.until

    def checked_range(self) -> RecordFilter:
        """The same filter, checked: a `UsageError` when `--since` is after `--until`.

        An empty range is a typing mistake (the dates swapped), never a question: a count
        of 0 or an empty export would let it pass as an answer.
        """
        if self.empty_range:
            raise UsageError(
                phrase("error.filter.empty_period", since=str(self.since), until=str(self.until))
            )
        return self

    def accepts(self, item: Filterable) -> bool:
        """Whether `item` passes every condition."""
        return (
            (self.since is None or item.date >= self.since)
            and (self.until is None or item.date <= self.until)
            and (not self.branches or item.branch in self.branches)
            and (not self.reasons or any(r in self.reasons for r in item.reasons))
            and (not self.periods or item.period in self.periods)
            and (not self.categories or item.category in self.categories)
            and (not self.unmatched or item.row is None)
        )

    def apply(self, items: Iterable[F]) -> list[F]:
        """The items that pass every condition, in their order."""
        return [item for item in items if self.accepts(item)]

    def overlaps(self, start: dt.date, end: dt.date) -> bool:
        """Whether the days `start`–`end` share at least one day with the date range."""
        return (self.until is None or start <= self.until) and (
            self.since is None or end >= self.since
        )

    def ids(self) -> dict[str, tuple[str, ...]]:
        """The wanted ids by kind (`branch`, `reason`, `period`, `category`)."""
        return {
            "branch": self.branches,
            "reason": self.reasons,
            "period": self.periods,
            "category": self.categories,
        }

    def check_ids(
        self,
        known: Mapping[str, set[str]],
        none_known: Phrase,
        labels: Labels | None = None,
    ) -> RecordFilter:
        """The filter with the ids its words name; UsageError for a word naming none.

        A word is an id, or a label as people type it (`språkbarriär` for the reason
        `language`, a branch's name; `labels` gives them, see `choices`); a typo
        would match nothing. `none_known` is what the message lists when no id of
        that kind is known at all.
        """
        resolved: dict[str, tuple[str, ...]] = {}
        for kind, wanted in self.ids().items():
            ids = sorted(known.get(kind, set()) - {""})
            choices = _filter_choices(kind, ids, labels)
            chosen = []
            for value in wanted:
                found = value if value in ids else choices.resolve(value)
                if found is None:
                    raise UsageError(
                        phrase(
                            f"error.filter.unknown_{kind}",
                            value=value,
                            suggestion=choices.suggestion(value),
                            known=", ".join(ids) if ids else none_known,
                        )
                    )
                chosen.append(found)
            resolved[kind] = tuple(dict.fromkeys(chosen))
        return replace(
            self,
            branches=resolved["branch"],
            reasons=resolved["reason"],
            periods=resolved["period"],
            categories=resolved["category"],
        )

    def as_dict(self) -> dict[str, Any]:
        """Plain data for JSON: a repeated id filter is a list, a single one its id."""

        def one_or_many(ids: tuple[str, ...]) -> str | list[str] | None:
            if not ids:
                return None
            return ids[0] if len(ids) == 1 else list(ids)

        return {
            "since": self.since.isoformat() if self.since else None,
            "until": self.until.isoformat() if self.until else None,
            "period": one_or_many(self.periods),
            "branch": one_or_many(self.branches),
        }


@dataclass
class Labels:
    """Human labels for ids, per dimension, gathered from every source read.

    A library that keeps the default reasons has no labels of its own for them: their
    ids are in `default_reasons`, and `reason_label` words them in the reader's language.
    """

    by_dimension: dict[str, dict[str, str]] = field(default_factory=lambda: defaultdict(dict))
    language: str | None = None
    default_reasons: set[str] = field(default_factory=set)

    def add(self, dimension: str, key: str, label: str) -> None:
        """Remember `label` for `key` unless an earlier source already named it."""
        self.by_dimension[dimension].setdefault(key, label)

    def add_guidelines(self, guidelines: Guidelines) -> None:
        """Every id a repository defines, with its label; its language if none is set yet."""
        library = guidelines.library
        if self.language is None:
            self.language = library.language
        self.add("library", library.name, library.name)
        if library.municipality:
            self.add("municipality", library.municipality, library.municipality)
        for branch in library.branches:
            self.add("branch", branch.id, branch.name)
        if library.reasons is not None:
            for reason in library.reasons:
                self.add("reason", reason.id, reason.label)
        else:
            self.default_reasons.update(reason.id for reason in library.reason_vocabulary())
        for period in library.periods:
            self.add("period", period.id, period.id)
        for category in guidelines.matrix.categories:
            self.add("category", category.id, category.title)
            for row in category.rows:
                self.add("row", row.id, row.need)
        for actor in guidelines.actors.actors:
            self.add("referred_to", actor.id, actor.name)
            self.add("sent_by", actor.id, actor.name)

    def reason_label(self, reason: str, language: str) -> str:
        """A reason's label: a source's own, else the default vocabulary's in `language`.

        An id in neither (a reason from a newer or another library's vocabulary) is
        shown as written. Export files carry no labels, so their reasons are worded here.
        """
        own = self.by_dimension.get("reason", {}).get(reason)
        if own is not None:
            return own
        from referral_cli.reasons import DEFAULT_REASONS_EN, DEFAULT_REASONS_SV

        defaults = dict(DEFAULT_REASONS_EN if language == "en" else DEFAULT_REASONS_SV)
        return defaults.get(reason, reason)


def known_ids(labels: Labels, items: Iterable[Filterable]) -> dict[str, set[str]]:
    """The ids an id filter may name: those the sources define and those the items use."""
    known = {kind: set(labels.by_dimension.get(kind, {})) for kind in ID_FILTERS}
    known["reason"] |= labels.default_reasons
    for item in items:
        for kind, value in (
            ("branch", item.branch),
            ("period", item.period),
            ("category", item.category),
        ):
            if value:
                known[kind].add(value)
        known["reason"].update(item.reasons)
    return known


@dataclass
class Dataset:
    """All records from all sources, with their labels and what is worth a warning."""

    records: list[Record]
    labels: Labels
    warnings: list[Finding] = field(default_factory=list)

    def known_ids(self) -> dict[str, set[str]]:
        """The ids an id filter may name (see `known_ids`)."""
        return known_ids(self.labels, self.records)


def month_label(year: int, month: int, lang: str) -> str:
    """A month as people write it, e.g. `augusti 2026` or `August 2026`."""
    return f"{t(f'stats.month.{month}', lang)} {year}"


# --------------------------------------------------------------------------- loading


def records_from_guidelines(guidelines: Guidelines, labels: Labels | None = None) -> list[Record]:
    """Flatten a loaded repository's inventory; add its labels to `labels`."""
    library = guidelines.library
    if labels is not None:
        labels.add_guidelines(guidelines)
    name, municipality = library.name, library.municipality
    return [
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
            sent_by=tuple(e.sent_by),
            outcome=e.outcome,
            minutes=e.minutes,
            read_level=e.read_level,
            description=e.description,
            reflection=e.reflection,
        )
        for e in (loaded.entry for loaded in guidelines.entries)
    ]


def load_repository_records(root: Path, labels: Labels | None = None) -> list[Record]:
    """Load a guideline repository; raise FindingsError when a file cannot be read."""
    from referral_cli.rules.loading import load_readable

    return records_from_guidelines(load_readable(root), labels)


def export_data(record: Record, include_text: bool = False) -> dict[str, Any]:
    """The JSON object of one export line, keys in the documented order."""
    from referral_cli.store.export_file import EXPORT_FIELDS, TEXT_FIELDS

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
        "sent_by": list(record.sent_by),
        "outcome": record.outcome,
        "minutes": record.minutes,
        "read_level": record.read_level,
    }
    assert tuple(data) == EXPORT_FIELDS
    if include_text:
        for key in TEXT_FIELDS:
            data[key] = getattr(record, key)
    return data


def record_from_export(data: Mapping[str, Any], labels: Labels | None = None) -> Record:
    """The record of one checked export line; add its library to `labels`."""
    if labels is not None:
        labels.add("library", data["library"], data["library"])
        if data.get("municipality"):
            labels.add("municipality", data["municipality"], data["municipality"])
    return Record(
        library=data["library"],
        municipality=data.get("municipality"),
        date=dt.date.fromisoformat(data["date"]),
        branch=data.get("branch"),
        period=data.get("period"),
        category=data.get("category"),
        row=data.get("row"),
        reasons=tuple(data.get("reasons") or ()),
        referred_to=tuple(data.get("referred_to") or ()),
        sent_by=tuple(data.get("sent_by") or ()),
        outcome=data.get("outcome"),
        minutes=data.get("minutes"),
        read_level=data.get("read_level"),
        description=data.get("description"),
        reflection=data.get("reflection"),
    )


def load_export_records(
    path: Path, display: str | None = None, labels: Labels | None = None
) -> list[Record]:
    """Read a JSON Lines export; every bad line is reported as `file:line` (FindingsError)."""
    from referral_cli.store.export_file import read_export_file

    return [record_from_export(data, labels) for data in read_export_file(path, display)]


def load_sources(sources: Sequence[Path]) -> Dataset:
    """Read every source: a folder is a guideline repository, a file a JSON Lines export.

    A source named twice (also as another path to the same file or repository) is read
    once, with a warning: counting its questions twice would double every figure.
    """
    from referral_cli.store.repository import find_root

    labels = Labels()
    dataset = Dataset([], labels)
    seen: set[Path] = set()
    for source in sources:
        if is_dash(source):  # `referral export | referral stats --root -`
            place = Path(STDIN_NAME)  # standard input is read once: a second `-` finds it empty
        elif source.is_file():
            place = source.resolve()
        elif source.is_dir():
            place = find_root(source)
        else:
            raise UsageError(phrase("error.stats.missing_source", source=str(source)))
        if place in seen:
            message = phrase("stats.duplicate_source", source=str(source))
            dataset.warnings.append(Finding("--root", 0, 0, "warning", "duplicate-source", message))
            continue
        seen.add(place)
        if is_dash(source):
            dataset.records += load_export_records(source, None, labels)
        elif source.is_file():
            dataset.records += load_export_records(source, str(source), labels)
        else:
            dataset.records += load_repository_records(place, labels)
    return dataset


def _filter_choices(kind: str, ids: Sequence[str], labels: Labels | None) -> Choices:
    """What a filter of `kind` accepts: its ids, their labels, the default reasons' words."""
    from referral_cli.choices import Choices
    from referral_cli.i18n import LANGUAGES
    from referral_cli.models import default_reasons

    named: dict[str, list[str]] = {item: [] for item in ids}
    for item, label in (labels.by_dimension.get(kind, {}) if labels else {}).items():
        if item in named:
            named[item].append(label)
    if kind == "reason":
        for lang in LANGUAGES:
            for reason in default_reasons(lang):
                if reason.id in named:
                    named[reason.id].append(reason.label)
    return Choices.of(named.items())

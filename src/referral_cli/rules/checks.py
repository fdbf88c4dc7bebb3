"""Checks that span files: unique ids, references, dates, review reminders, privacy."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from referral_cli.dates import add_months
from referral_cli.findings import Finding, Severity, about_field, suggestion
from referral_cli.i18n import Phrase, phrase
from referral_cli.models import InventoryEntry
from referral_cli.rules.plain_scalars import check_plain_scalars
from referral_cli.rules.privacy import allowed_contacts, kind_phrase, personal_data_matches
from referral_cli.rules.synonyms import check_synonyms
from referral_cli.rules.translations import check_translations
from referral_cli.store.limits import ENTRY_TEXT_CHARACTERS
from referral_cli.store.repository import (
    ACTORS_FILE,
    LIBRARY_FILE,
    MATRIX_FILE,
    Guidelines,
    LoadedEntry,
)
from referral_cli.store.yamlio import PathKey, SourceMap

if TYPE_CHECKING:
    from referral_cli.rules.privacy import PersonalDataMatch

# The free texts of an inventory entry, each at most `ENTRY_TEXT_CHARACTERS` long.
TEXT_FIELDS = ("description", "reflection", "recorded_by")


class _Reporter:
    """Collects findings located through the repository's source maps."""

    def __init__(self, guidelines: Guidelines) -> None:
        self.guidelines = guidelines
        self.findings: list[Finding] = []

    def add(
        self,
        display: str,
        path: PathKey,
        severity: Severity,
        code: str,
        message: Phrase,
        hint: Phrase | None = None,
        source: SourceMap | None = None,
    ) -> None:
        source = source or self.guidelines.sources.get(display)
        line, column = source.locate(path) if source else (1, 1)
        self.findings.append(Finding(display, line, column, severity, code, message, hint))


def check_guidelines(guidelines: Guidelines, today: date | None = None) -> list[Finding]:
    """Every cross-file finding for a loaded repository."""
    today = today or date.today()
    for loaded in guidelines.entries:
        guidelines.sources.setdefault(loaded.display, loaded.source)
    report = _Reporter(guidelines)
    _check_unique_ids(report)
    if _readable(guidelines, "actors"):
        _check_matrix_references(report)
    _check_inventory(report, today)
    _check_future_dates(report, today)
    _check_reminders(report, today)
    _check_unreachable_actors(report)
    _check_privacy(report)
    _check_strays(report)
    report.findings.extend(check_synonyms(guidelines))
    report.findings.extend(check_plain_scalars(guidelines))
    report.findings.extend(check_translations(guidelines))
    return report.findings


def _check_strays(report: _Reporter) -> None:
    """Hidden and temporary files in data/inventory/: never read, so never checked.

    A hidden file is a way around every check (the CI privacy check included); a
    temporary one is what an interrupted save left behind, possibly a question's text.
    """
    for display, kind in report.guidelines.strays:
        report.findings.append(
            Finding(
                display,
                1,
                1,
                "error",
                f"{kind}-file",
                phrase(f"check.{kind}-file"),
                phrase(f"check.{kind}-file.hint"),
            )
        )


def _duplicates(
    report: _Reporter, display: str, items: Iterable[tuple[str, PathKey]], what: str
) -> None:
    first_seen: dict[str, PathKey] = {}
    for item_id, path in items:
        if item_id in first_seen:
            source = report.guidelines.sources.get(display)
            first_line = source.locate(first_seen[item_id])[0] if source else 0
            report.add(
                display,
                path,
                "error",
                "duplicate-id",
                phrase(
                    "check.duplicate-id",
                    id_of=phrase(f"check.id-of.{what}"),
                    id=item_id,
                    first_line=first_line,
                ),
                phrase("check.duplicate-id.hint"),
            )
        else:
            first_seen[item_id] = path


# Where the ids of each kind sit: the part (and file) that defines them, and the path
# to every id in its plain data ("*" for each item of a list).
_ID_PATHS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "actor": ("actors", ACTORS_FILE, ("actors", "*", "id")),
    "category": ("matrix", MATRIX_FILE, ("categories", "*", "id")),
    "row": ("matrix", MATRIX_FILE, ("categories", "*", "rows", "*", "id")),
    "branch": ("library", LIBRARY_FILE, ("branches", "*", "id")),
    "reason": ("library", LIBRARY_FILE, ("reasons", "*", "id")),
    "period": ("library", LIBRARY_FILE, ("periods", "*", "id")),
}


def _each(data: Any, path: tuple[str, ...], at: PathKey = ()) -> Iterator[tuple[PathKey, Any]]:
    """Every value at `path` in plain data, with its full path; `*` is each list item."""
    if not path:
        yield at, data
        return
    step, rest = path[0], path[1:]
    if step == "*":
        if isinstance(data, list):
            for index, item in enumerate(data):
                yield from _each(item, rest, (*at, index))
    elif isinstance(data, dict) and step in data:
        yield from _each(data[step], rest, (*at, step))


def _model_ids(g: Guidelines, what: str) -> list[tuple[str, PathKey]]:
    if what == "actor":
        return [(a.id, ("actors", i, "id")) for i, a in enumerate(g.actors.actors)]
    if what == "category":
        return [(c.id, ("categories", i, "id")) for i, c in enumerate(g.matrix.categories)]
    if what == "row":
        return [
            (row.id, ("categories", ci, "rows", ri, "id"))
            for ci, category in enumerate(g.matrix.categories)
            for ri, row in enumerate(category.rows)
        ]
    lib = g.library
    if what == "branch":
        return [(b.id, ("branches", i, "id")) for i, b in enumerate(lib.branches)]
    if what == "reason":
        return [(r.id, ("reasons", i, "id")) for i, r in enumerate(lib.reasons or [])]
    return [(p.id, ("periods", i, "id")) for i, p in enumerate(lib.periods)]


def _ids(g: Guidelines, what: str) -> list[tuple[str, PathKey]]:
    """Every id of one kind with its path, from the model or from a refused file.

    What can be read of a file the model refused still says which ids it defines: a
    duplicate among them, or a reference to one, is worth reporting in the same run.
    """
    part, _, path = _ID_PATHS[what]
    if part not in g.broken:
        return _model_ids(g, what)
    return [(value, at) for at, value in _each(g.raw.get(part), path) if isinstance(value, str)]


def _readable(g: Guidelines, part: str) -> bool:
    """Whether the ids of `part` are known: its file loaded, or can at least be read."""
    return part not in g.broken or isinstance(g.raw.get(part), dict)


def _check_unique_ids(report: _Reporter) -> None:
    g = report.guidelines
    for what, (_, display, _) in _ID_PATHS.items():
        _duplicates(report, display, _ids(g, what), what)
    lib = g.library
    for i, period in enumerate(lib.periods):
        if period.end < period.start:
            report.add(
                LIBRARY_FILE,
                ("periods", i, "end"),
                "error",
                "period-order",
                phrase("check.period-order", period=period.id, end=period.end, start=period.start),
            )


def _unknown(
    report: _Reporter,
    display: str,
    path: PathKey,
    what: str,
    value: str,
    known: Iterable[str],
    where: str,
    source: SourceMap | None = None,
) -> None:
    known = list(known)
    hint = (
        phrase(f"check.known.{what}", ids=", ".join(sorted(known)))
        if known
        else phrase(f"check.none-defined.{what}", where=where)
    )
    report.add(
        display,
        path,
        "error",
        f"unknown-{what}",
        phrase(f"check.unknown.{what}", value=value, suggestion=suggestion(value, known)),
        hint,
        source,
    )


def _check_matrix_references(report: _Reporter) -> None:
    g = report.guidelines
    actor_ids = {actor_id for actor_id, _ in _ids(g, "actor")}
    if "matrix" in g.broken:
        path = ("categories", "*", "rows", "*", "refer_to", "*")
        references = [(v, at) for at, v in _each(g.raw.get("matrix"), path) if isinstance(v, str)]
    else:
        references = [
            (actor_id, ("categories", ci, "rows", ri, "refer_to", k))
            for ci, category in enumerate(g.matrix.categories)
            for ri, row in enumerate(category.rows)
            for k, actor_id in enumerate(row.refer_to)
        ]
    for actor_id, at in references:
        if actor_id not in actor_ids:
            _unknown(report, MATRIX_FILE, at, "actor", actor_id, actor_ids, ACTORS_FILE)


@dataclass(frozen=True)
class _Vocabulary:
    """The ids an inventory entry may refer to, computed once per run."""

    actor_ids: set[str]
    branch_ids: set[str]
    reason_ids: set[str]
    period_ids: set[str]
    category_ids: set[str]
    category_of_row: dict[str, str]
    actors_ok: bool
    matrix_ok: bool
    library_ok: bool

    @classmethod
    def of(cls, g: Guidelines) -> _Vocabulary:
        def ids(what: str) -> set[str]:
            return {item_id for item_id, _ in _ids(g, what)}

        return cls(
            actor_ids=ids("actor"),
            branch_ids=ids("branch"),
            reason_ids=_reason_ids(g),
            period_ids=ids("period"),
            category_ids=ids("category"),
            category_of_row=_category_of_row(g),
            # A file that cannot even be read leaves the defaults in place; judging
            # entries against them would bury its one real error under false ones.
            # One the model refused still says which ids it defines.
            actors_ok=_readable(g, "actors"),
            matrix_ok=_readable(g, "matrix"),
            library_ok=_readable(g, "library"),
        )


def _reason_ids(g: Guidelines) -> set[str]:
    """The reasons entries may name: the library's own, or the default vocabulary."""
    raw = g.raw.get("library")
    if "library" in g.broken and isinstance(raw, dict) and "reasons" in raw:
        return {reason_id for reason_id, _ in _ids(g, "reason")}
    return {r.id for r in g.library.reason_vocabulary()}


def _category_of_row(g: Guidelines) -> dict[str, str]:
    """The category of every row id (from what can be read of a refused matrix, too)."""
    if "matrix" not in g.broken:
        return {row.id: category.id for category, row in g.matrix.rows()}
    found: dict[str, str] = {}
    for _, category in _each(g.raw.get("matrix"), ("categories", "*")):
        category_id = category.get("id") if isinstance(category, dict) else None
        for _, row_id in _each(category, ("rows", "*", "id")):
            if isinstance(row_id, str) and isinstance(category_id, str):
                found.setdefault(row_id, category_id)
    return found


def check_entry(guidelines: Guidelines, loaded: LoadedEntry, today: date) -> list[Finding]:
    """Findings for one inventory entry against the rest of the guidelines.

    References (branch, reasons, period, actors, category and row), a date in
    the future and a date outside the entry's period, located through
    `loaded.source`. Personal data is checked by `personal_data_findings`.
    Only the library, actors and matrix are consulted, never other entries,
    so checking a new entry costs the same however large the inventory is.
    """
    report = _Reporter(guidelines)
    _check_one_entry(report, _Vocabulary.of(guidelines), loaded, today)
    return report.findings


def _check_inventory(report: _Reporter, today: date) -> None:
    vocabulary = _Vocabulary.of(report.guidelines)
    for loaded in (*report.guidelines.entries, *report.guidelines.partial):
        _check_one_entry(report, vocabulary, loaded, today)


def _check_library_references(
    unknown: Callable[[PathKey, str, str, Iterable[str], str], None],
    entry: InventoryEntry,
    vocabulary: _Vocabulary,
) -> None:
    if entry.branch is not None and entry.branch not in vocabulary.branch_ids:
        unknown(("branch",), "branch", entry.branch, vocabulary.branch_ids, LIBRARY_FILE)
    for k, reason in enumerate(entry.reasons):
        if reason not in vocabulary.reason_ids:
            unknown(("reasons", k), "reason", reason, vocabulary.reason_ids, LIBRARY_FILE)
    if entry.period is not None and entry.period not in vocabulary.period_ids:
        unknown(("period",), "period", entry.period, vocabulary.period_ids, LIBRARY_FILE)


def _check_one_entry(
    report: _Reporter, vocabulary: _Vocabulary, loaded: LoadedEntry, today: date
) -> None:
    g = report.guidelines
    entry, display, source = loaded.entry, loaded.display, loaded.source

    def unknown(path: PathKey, what: str, value: str, known: Iterable[str], where: str) -> None:
        _unknown(report, display, path, what, value, known, where, source)

    _check_text_sizes(report, loaded)
    if vocabulary.library_ok:
        _check_library_references(unknown, entry, vocabulary)
    if vocabulary.actors_ok:
        # Both lists name actors: those the visitor was referred to, and those that sent
        # the visitor to the library.
        for field_name in ("referred_to", "sent_by"):
            for k, actor_id in enumerate(getattr(entry, field_name)):
                if actor_id not in vocabulary.actor_ids:
                    unknown((field_name, k), "actor", actor_id, vocabulary.actor_ids, ACTORS_FILE)
    if vocabulary.matrix_ok:
        _check_entry_matrix(report, loaded, vocabulary.category_ids, vocabulary.category_of_row)
    if "date" in loaded.stand_ins:
        return  # the entry's own date could not be read: nothing to say about it
    if entry.date > today:
        report.add(
            display,
            ("date",),
            "error",
            "future-date",
            about_field("date", phrase("check.future-entry-date", day=entry.date, today=today)),
            phrase("check.future-date.hint"),
            source,
        )
    if entry.period is not None:
        period = next((p for p in g.library.periods if p.id == entry.period), None)
        if period is not None and not period.start <= entry.date <= period.end:
            report.add(
                display,
                ("date",),
                "warning",
                "outside-period",
                phrase(
                    "check.outside-period",
                    day=entry.date,
                    period=period.id,
                    start=period.start,
                    end=period.end,
                ),
                None,
                source,
            )


def _check_text_sizes(report: _Reporter, loaded: LoadedEntry) -> None:
    """A text over the documented limit (README, "Limits"): `match` would search it for minutes."""
    for name in TEXT_FIELDS:
        text = getattr(loaded.entry, name)
        if text is not None and len(text) > ENTRY_TEXT_CHARACTERS:
            report.add(
                loaded.display,
                (name,),
                "error",
                "text-too-long",
                phrase(
                    "check.text-too-long",
                    field=name,
                    length=len(text),
                    limit=ENTRY_TEXT_CHARACTERS,
                ),
                phrase("check.text-too-long.hint"),
                loaded.source,
            )


def _check_entry_matrix(
    report: _Reporter,
    loaded: LoadedEntry,
    category_ids: set[str],
    category_of_row: dict[str, str],
) -> None:
    display, source = loaded.display, loaded.source
    category, row = loaded.entry.category, loaded.entry.row
    if category is not None and category not in category_ids:
        _unknown(
            report, display, ("category",), "category", category, category_ids, MATRIX_FILE, source
        )
    if row is None:
        return
    if row not in category_of_row:
        _unknown(report, display, ("row",), "row", row, category_of_row, MATRIX_FILE, source)
    elif category is not None and category in category_ids and category_of_row[row] != category:
        report.add(
            display,
            ("row",),
            "error",
            "row-category",
            phrase("check.row-category", row=row, actual=category_of_row[row], category=category),
            phrase("check.row-category.hint", actual=category_of_row[row], category=category),
            source,
        )


def _dated_fields(g: Guidelines) -> Iterator[tuple[str, PathKey, date | None]]:
    yield LIBRARY_FILE, ("reviewed",), g.library.reviewed
    for i, actor in enumerate(g.actors.actors):
        yield ACTORS_FILE, ("actors", i, "reviewed"), actor.reviewed
        if actor.relationship is not None:
            rel = actor.relationship
            yield ACTORS_FILE, ("actors", i, "relationship", "last_contact"), rel.last_contact
            yield ACTORS_FILE, ("actors", i, "relationship", "informed"), rel.informed
    for ci, category in enumerate(g.matrix.categories):
        for ri, row in enumerate(category.rows):
            yield MATRIX_FILE, ("categories", ci, "rows", ri, "reviewed"), row.reviewed


def _check_future_dates(report: _Reporter, today: date) -> None:
    # Periods are exempt: a coordinator plans the next inventory campaign ahead.
    for display, path, value in _dated_fields(report.guidelines):
        if value is not None and value > today:
            report.add(
                display,
                path,
                "error",
                "future-date",
                about_field(str(path[-1]), phrase("check.future-date", day=value, today=today)),
                phrase("check.future-date.hint"),
            )


def _check_reminders(report: _Reporter, today: date) -> None:
    g = report.guidelines
    # Until library.yaml loads, the review interval is unknown: no review reminders.
    interval_known = "library" not in g.broken
    months = g.library.review_interval_months
    due_before = add_months(today, -months)
    referred = {actor_id for _, row in g.matrix.rows() for actor_id in row.refer_to}

    def stale(what: str, item_id: str, reviewed: date | None) -> Phrase | None:
        if not interval_known:
            return None
        if reviewed is None:
            return phrase(f"check.review-due.{what}.never", id=item_id)
        if reviewed < due_before:
            return phrase(
                f"check.review-due.{what}.old", id=item_id, reviewed=reviewed, months=months
            )
        return None

    if "matrix" not in g.broken:
        for i, actor in enumerate(g.actors.actors):
            if actor.id not in referred:
                report.add(
                    ACTORS_FILE,
                    ("actors", i, "id"),
                    "warning",
                    "unused-actor",
                    phrase("check.unused-actor", actor=actor.id),
                    phrase("check.unused-actor.hint"),
                )
    for i, actor in enumerate(g.actors.actors):
        problem = stale("actor", actor.id, actor.reviewed)
        if problem:
            report.add(
                ACTORS_FILE,
                ("actors", i, "id"),
                "warning",
                "review-due",
                problem,
                phrase("check.review-due.actor.hint"),
            )
    for ci, category in enumerate(g.matrix.categories):
        if not category.rows:
            report.add(
                MATRIX_FILE,
                ("categories", ci, "id"),
                "warning",
                "empty-category",
                phrase("check.empty-category", category=category.id),
            )
        for ri, row in enumerate(category.rows):
            problem = stale("row", row.id, row.reviewed)
            if problem:
                report.add(
                    MATRIX_FILE,
                    ("categories", ci, "rows", ri, "id"),
                    "warning",
                    "review-due",
                    problem,
                    phrase("check.review-due.row.hint"),
                )


# The channels the actor-no-contact hint names: every contact key but the opening hours.
CONTACT_CHANNELS: Final = ("phone", "website", "email", "address", "chat")


def _check_unreachable_actors(report: _Reporter) -> None:
    """Warn about an actor a row refers to that has no contact channel at all.

    Its slip would send the visitor somewhere with no way to get in touch. Opening hours
    alone say when, not where or how: they are no channel.
    """
    g = report.guidelines
    if "matrix" in g.broken or "actors" in g.broken:
        return
    referred = {actor_id for _, row in g.matrix.rows() for actor_id in row.refer_to}
    for i, actor in enumerate(g.actors.actors):
        contact = actor.contact
        reachable = contact is not None and any(getattr(contact, key) for key in CONTACT_CHANNELS)
        if actor.id in referred and not reachable:
            report.add(
                ACTORS_FILE,
                ("actors", i, "contact") if contact is not None else ("actors", i, "id"),
                "warning",
                "actor-no-contact",
                phrase("check.actor-no-contact", actor=actor.id),
                phrase("check.actor-no-contact.hint"),
            )


def personal_data_message(field_name: str, match: PersonalDataMatch) -> Phrase:
    """The message for one match: what was found, masked, and why it matters."""
    key = "privacy.personal-data" if match.certain else "privacy.possible-personal-data"
    return about_field(field_name, phrase(key, kind=kind_phrase(match.kind), masked=match.masked))


def personal_data_findings(
    display: str,
    entry: InventoryEntry,
    source: SourceMap,
    raw: str | None,
    allowed: AbstractSet[str] = frozenset(),
) -> list[Finding]:
    """Personal data in one entry, located in `raw` (the file's text) when given.

    A certain match is an error (`personal-data`). An uncertain one (digits
    without any separator that pass the checks, which may as well be an order
    or reference number) is a warning (`possible-personal-data`): whoever added
    the entry confirmed it, and a reviewer sees it; `validate --strict` fails on it.
    Numbers and addresses in `allowed` (the repository's own public contact details,
    from `privacy.allowed_contacts`) are not personal data.
    """
    findings = []
    for field_name, match in personal_data_matches(entry, allowed):
        text = getattr(entry, field_name)
        fallback = source.locate((field_name,))
        line, column = (
            locate_in_text(raw, text[match.start : match.end], fallback)
            if raw is not None
            else fallback
        )
        findings.append(
            Finding(
                display,
                line,
                column,
                "error" if match.certain else "warning",
                "personal-data" if match.certain else "possible-personal-data",
                personal_data_message(field_name, match),
                match.hint,
            )
        )
    return findings


def _check_privacy(report: _Reporter) -> None:
    allowed = allowed_contacts(report.guidelines)
    for loaded in (*report.guidelines.entries, *report.guidelines.partial):
        # An entry the scan already passed (at load, or cached with its file) is skipped.
        if loaded.privacy_clean or not personal_data_matches(loaded.entry, allowed):
            continue
        report.findings.extend(
            personal_data_findings(
                loaded.display, loaded.entry, loaded.source, _read_text(loaded.path), allowed
            )
        )


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return ""


def locate_in_text(raw: str, match_text: str, fallback: tuple[int, int]) -> tuple[int, int]:
    """Line and column of `match_text` in `raw`, at or after the field's own line."""
    lines = raw.splitlines()
    first = max(fallback[0] - 1, 0)
    for index in range(first, len(lines)):
        column = lines[index].find(match_text)
        if column >= 0:
            return index + 1, column + 1
    return fallback

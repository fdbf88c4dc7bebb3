"""`referral report actor`: a feedback letter (återkoppling) to one actor.

Organisations that cut personal service rarely learn which of their
questions end up at the library. The letter tells one actor, for a period:
how many questions about its services the library recorded, by theme
(matrix category) and outcome, a few anonymised example descriptions, what
the library does and does not do for its users (the matrix rows that refer
to it) and how to reach the library.

"Questions about the actor's services" are the inventory entries whose
`referred_to` names the actor or whose `row` is a matrix row referring to
it. Visitors the actor sent to the library (`sent_by`) get a sentence of their
own, with what they needed. The letter leaves the library, so its context is
built field by field from public data only: never a reflection, `recorded_by`, a branch, a row
owner or any internal actor field (relationship, owner, notes). Example
descriptions go through the privacy guard once more and anything it finds
is replaced by its masked form. Nothing in the letter depends on today's
date or on git, so the same data always gives byte-identical files.

Options, template overrides, PDF printing and writing reuse
`referral_cli.documents`; the letter's words are the catalogue's `report.letter.*`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from referral_cli.errors import UsageError
from referral_cli.findings import suggestion
from referral_cli.i18n import catalogue, check_language, labels, phrase, t
from referral_cli.records import RecordFilter, month_label

if TYPE_CHECKING:
    from referral_cli.models import InventoryEntry
    from referral_cli.store.repository import Guidelines

REPORT_NAME: Final = "report-actor"
MAX_EXAMPLES: Final = 3
LETTER: Final = "report.letter."  # catalogue prefix of the letter's own labels


def report_labels(language: str) -> dict[str, str]:
    """The letter's own labels in `language` (`sv` or `en`), by name without the prefix.

    The shared handout labels (contact keys, page numbers, "need") are `i18n.labels`.
    """
    return {
        key.removeprefix(LETTER): text
        for key, text in catalogue(language).items()
        if key.startswith(LETTER)
    }


def _word(name: str, lang: str, **values: Any) -> str:
    """One of the letter's own labels, with `values` filled in."""
    return t(LETTER + name, lang, **values)


@dataclass(frozen=True)
class ActorReportOptions:
    """What to render: the actor, the period, formats, language and template override.

    `since`/`until` None means no limit; `formats` may contain `all` or
    comma-separated names (as `referral render`); `language` None means
    `library.language`; `templates` replaces the repository's `templates/`.
    """

    actor: str
    since: date | None = None
    until: date | None = None
    formats: Sequence[str] = ("html",)
    language: str | None = None
    templates: Path | None = None


# ---------------------------------------------------------------------------
# Privacy


def anonymise(text: str) -> str:
    """`text` with everything the privacy guard finds replaced by its masked form."""
    from referral_cli.rules.privacy import scan_text

    result = text
    for match in reversed(scan_text(text)):
        result = result[: match.start] + match.masked + result[match.end :]
    return result


# ---------------------------------------------------------------------------
# Context


def _period_text(period: RecordFilter, first_last: str | None, lang: str) -> str:
    since, until = period.since, period.until
    if since and until:
        return f"{since.isoformat()} – {until.isoformat()}"
    if since:
        return _word("period_since", lang, date=since.isoformat())
    if until:
        return _word("period_until", lang, date=until.isoformat())
    everything = _word("period_all", lang)
    return f"{everything} ({first_last})" if first_last else everything


def _duration(minutes: int, lang: str) -> str:
    hours, rest = divmod(minutes, 60)
    if hours:
        return _word("hours_minutes", lang, h=hours, m=rest)
    return _word("only_minutes", lang, m=rest)


def _outcome_label(outcome: str | None, lang: str) -> str:
    from referral_cli.views import outcome_label

    return _word("outcome_none", lang) if outcome is None else outcome_label(outcome, lang)


@dataclass(frozen=True)
class _Themes:
    """Matrix categories by id and the category of every row: an entry's theme."""

    titles: dict[str, str]
    category_of_row: dict[str, str]

    def of(self, entry: InventoryEntry) -> str | None:
        """The entry's category, else its row's category, else None."""
        if entry.category is not None:
            return str(entry.category)
        if entry.row is not None:
            return self.category_of_row.get(entry.row)
        return None

    def label(self, theme: str | None, lang: str) -> str:
        """A theme's title (its id when unknown); *Uncategorised* for None."""
        return self.titles.get(theme, theme) if theme else _word("uncategorised", lang)


def _theme_table(
    chosen: list[InventoryEntry], category_order: list[str], themes: _Themes, lang: str
) -> dict[str, Any] | None:
    """Theme x outcome counts, in matrix order; uncategorised and unrecorded last."""
    from referral_cli.models import OUTCOMES

    if not chosen:
        return None
    cells: dict[str | None, Counter[str | None]] = {}
    for entry in chosen:
        cells.setdefault(themes.of(entry), Counter())[entry.outcome] += 1
    present = {outcome for counts in cells.values() for outcome in counts}
    outcomes: list[str | None] = [o for o in OUTCOMES if o in present]
    outcomes += [None] if None in present else []
    order: list[str | None] = [c for c in category_order if c in cells]
    order += [None] if None in cells else []
    return {
        "columns": [_outcome_label(o, lang) for o in outcomes],
        "rows": [
            {
                "label": themes.label(theme, lang),
                "cells": [cells[theme][o] for o in outcomes],
                "total": sum(cells[theme].values()),
            }
            for theme in order
        ],
        "totals": [sum(cells[theme][o] for theme in order) for o in outcomes],
        "total": len(chosen),
    }


def _reason_counts(chosen: list[InventoryEntry], library: Any, lang: str) -> list[dict[str, Any]]:
    """Reasons with their counts: the vocabulary's order first, unknown ids after."""
    from referral_cli.models import default_reasons

    # The library's own reasons as written; the default vocabulary in the letter's language.
    vocabulary = library.reasons if library.reasons is not None else default_reasons(lang)
    labels = {r.id: r.label for r in vocabulary}
    counts = Counter(reason for entry in chosen for reason in entry.reasons)
    order = [rid for rid in labels if rid in counts] + sorted(
        rid for rid in counts if rid not in labels
    )
    return [{"label": labels.get(rid, rid), "count": counts[rid]} for rid in order]


def _examples(chosen: list[InventoryEntry], themes: _Themes, lang: str) -> list[dict[str, Any]]:
    """Up to `MAX_EXAMPLES` different anonymised descriptions, the most recent first."""
    examples: list[dict[str, Any]] = []
    seen: set[str] = set()
    for entry in reversed(chosen):
        text = anonymise(" ".join(entry.description.split()))
        if text in seen:
            continue
        seen.add(text)
        examples.append(
            {
                "when": month_label(entry.date.year, entry.date.month, lang),
                "theme": themes.label(themes.of(entry), lang),
                "outcome": _outcome_label(entry.outcome, lang) if entry.outcome else None,
                "description": text,
            }
        )
        if len(examples) == MAX_EXAMPLES:
            break
    return examples


def _minutes(chosen: list[InventoryEntry], lang: str) -> str | None:
    """Staff time on the chosen questions, and for how many it was recorded if not all."""
    timed = [entry.minutes for entry in chosen if entry.minutes is not None]
    if not timed:
        return None
    minutes = _duration(sum(timed), lang)
    if len(timed) < len(chosen):
        partial = _word("minutes_partial", lang, n=len(timed), count=len(chosen))
        minutes += f" ({partial})"
    return minutes


def _sent_by(
    sent: list[InventoryEntry], needs: dict[str, str], themes: _Themes, lang: str
) -> str | None:
    """The sentence on the visitors the actor sent to the library, and what they needed.

    What each visitor needed is the entry's matrix row (its `need`), else its theme;
    the most frequent first, counted when more than one visitor needed it.
    """
    if not sent:
        return None
    other = _word("sent_other", lang)
    counts: Counter[str] = Counter()
    for entry in sent:
        if entry.row is not None and entry.row in needs:
            counts[needs[entry.row]] += 1
        elif themes.of(entry) is not None:
            counts[themes.label(themes.of(entry), lang)] += 1
        else:
            counts[other] += 1
    # The most frequent first, "other matters" last among equals; else first seen first.
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0] == other))
    listed = ", ".join(need if n == 1 else f"{need} ({n})" for need, n in ranked)
    key = "sent_one" if len(sent) == 1 else "sent_many"
    return _word(key, lang, n=len(sent), needs=listed)


def actor_report_context(
    guidelines: Guidelines,
    actor_id: str,
    lang: str,
    since: date | None = None,
    until: date | None = None,
) -> dict[str, Any]:
    """The plain-data context of the letter to `actor_id` (which must exist).

    Keys: `handout`, `lang`, `L` (handout labels and the letter's own),
    `library` (public view), `actor` (`id`, `name`), `period`, `footer`,
    `figures`, `sent` (the sentence on the visitors the actor sent to the library, or
    None), `campaigns`, `table` (None without questions), `reasons`,
    `examples`, `rows`. Only public data is in it.
    """
    from referral_cli.views import library_view

    words = {**labels(lang), **report_labels(lang)}
    library = guidelines.library
    actors = {actor.id: actor for actor in guidelines.actors.actors}
    actor = actors[actor_id]
    period = RecordFilter(since=since, until=until)

    category_of_row: dict[str, str] = {}
    actor_rows = []
    all_rows = guidelines.matrix.rows()
    for category, row in all_rows:
        category_of_row[row.id] = category.id
        if actor_id in row.refer_to:
            actor_rows.append(row)
    row_ids = {row.id for row in actor_rows}
    categories = guidelines.matrix.categories
    themes = _Themes({c.id: c.title for c in categories}, category_of_row)

    everything = sorted(guidelines.entries, key=lambda e: (e.entry.date, e.display))
    in_period = period.apply(e.entry for e in everything)
    chosen = [
        entry
        for entry in in_period
        if actor_id in entry.referred_to or (entry.row is not None and entry.row in row_ids)
    ]
    sent = [entry for entry in in_period if actor_id in entry.sent_by]
    first_last = (
        f"{everything[0].entry.date.isoformat()} – {everything[-1].entry.date.isoformat()}"
        if everything
        else None
    )
    period_text = _period_text(period, first_last, lang)
    campaigns = [
        f"{p.start.isoformat()} – {p.end.isoformat()}"
        for p in sorted(library.periods, key=lambda p: (p.start, p.end, p.id))
        if period.overlaps(p.start, p.end)
    ]
    rows = [
        {
            "id": row.id,
            "need": row.need,
            "library_can": row.library_can,
            "solution": row.solution,
            "phrasing": row.phrasing,
            "also": [actors[a].name for a in row.refer_to if a != actor_id and a in actors],
        }
        for row in actor_rows
    ]
    title = _word("report_title", lang, actor=actor.name)
    return {
        "handout": REPORT_NAME,
        "lang": lang,
        "L": words,
        "library": library_view(library),
        "actor": {"id": actor.id, "name": actor.name},
        "title": title,
        "period": {
            "text": period_text,
            "since": since.isoformat() if since else None,
            "until": until.isoformat() if until else None,
        },
        "footer": f"{library.name} · {title} · {words['period']}: {period_text}",
        "figures": {
            "questions": len(chosen),
            "referred": sum(1 for entry in chosen if actor_id in entry.referred_to),
            "total": len(in_period),
            "minutes": _minutes(chosen, lang),
        },
        "sent": _sent_by(sent, {row.id: row.need for _, row in all_rows}, themes, lang),
        "campaigns": campaigns,
        "table": _theme_table(chosen, [c.id for c in categories], themes, lang),
        "reasons": _reason_counts(chosen, library, lang),
        "examples": _examples(chosen, themes, lang),
        "rows": rows,
    }


# ---------------------------------------------------------------------------
# Rendering


def unknown_actor(actor_id: str, known: Iterable[str]) -> UsageError:
    """The error for an actor id that is not in actors.yaml, with a did-you-mean."""
    listed = list(known)
    return UsageError(
        phrase(
            "error.report.unknown_actor",
            actor=actor_id,
            suggestion=suggestion(actor_id, listed),
            known=", ".join(listed),
        )
    )


def file_name(actor_id: str, fmt: str) -> str:
    """`report-actor-<ID>.<ext>`."""
    return f"{REPORT_NAME}-{actor_id}.{fmt}"


def render_actor_report(root: Path, options: ActorReportOptions) -> dict[str, bytes]:
    """Render the letter in every chosen format, in memory: file name -> content.

    Raises `UsageError` for bad options or an unknown actor, `FindingsError`
    for bad data or a broken template of the repository; nothing is written.
    """
    from referral_cli.documents import plan_documents, render_documents
    from referral_cli.rules.loading import load_valid_guidelines

    RecordFilter(since=options.since, until=options.until).checked_range()
    check_language(options.language)
    plan = plan_documents(root, tuple(options.formats) or ("html",), options.templates)
    guidelines = load_valid_guidelines(root)
    known = [actor.id for actor in guidelines.actors.actors]
    if options.actor not in known:
        raise unknown_actor(options.actor, known)
    lang = options.language or guidelines.library.language
    context = actor_report_context(guidelines, options.actor, lang, options.since, options.until)

    stem = file_name(options.actor, "").removesuffix(".")
    return render_documents(root, plan, [(REPORT_NAME, stem, context)])


def report_actor(root: Path, out: Path, options: ActorReportOptions) -> list[Path]:
    """`referral report actor`: render the letter in memory, then write it into `out`."""
    from referral_cli.documents import write_files

    return write_files(out, render_actor_report(root, options))

"""`referral report actor`: a feedback letter (återkoppling) to one actor.

Organisations that cut personal service rarely learn which of their
questions end up at the library. The letter tells one actor, for a period:
how many questions about its services the library recorded, by theme
(matrix category) and outcome, a few anonymised example descriptions, what
the library does and does not do for its users (the matrix rows that refer
to it) and how to reach the library.

"Questions about the actor's services" are the inventory entries whose
`referred_to` names the actor or whose `row` is a matrix row referring to
it. The letter leaves the library, so its context is built field by field
from public data only: never a reflection, `recorded_by`, a branch, a row
owner or any internal actor field (relationship, owner, notes). Example
descriptions go through the privacy guard once more and anything it finds
is replaced by its masked form. Nothing in the letter depends on today's
date or on git, so the same data always gives byte-identical files.

Options, template overrides, PDF printing and writing reuse
`referral_cli.commands.render`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Final

from referral_cli.errors import UsageError

REPORT_NAME: Final = "report-actor"
MAX_EXAMPLES: Final = 3
OUTCOME_ORDER: Final = ("helped", "partly", "referred", "declined")

# key -> (Swedish, English). Labels of the letter only; the shared handout labels
# (contact keys, page numbers, "need") come from `referral_cli.i18n`.
_LABELS: Final[dict[str, tuple[str, str]]] = {
    "report_title": ("Återkoppling till {actor}", "Feedback to {actor}"),
    "report_subtitle": (
        "Frågor om era tjänster som kommit till biblioteket",
        "Questions about your services that reached the library",
    ),
    "to": ("Till", "To"),
    "from": ("Från", "From"),
    "period": ("Period", "Period"),
    "period_all": ("alla registrerade frågor", "all recorded questions"),
    "period_since": ("från och med {date}", "from {date}"),
    "period_until": ("till och med {date}", "up to and including {date}"),
    "report_intro": (
        "Många tjänster finns i dag främst digitalt, och den som inte klarar de digitala "
        "kanalerna vänder sig ofta till biblioteket. Biblioteket registrerar frågor som hör "
        "till andra organisationer i en frågeinventering. Här berättar vi vilka frågor om era "
        "tjänster som har nått oss och hur vi hanterar dem, så att ni kan se vilka behov era "
        "användare har och var de söker hjälp.",
        "Many services are now mainly digital, and people who cannot use the digital channels "
        "often turn to the library. The library records questions that belong to other "
        "organisations in a question inventory. This letter tells you which questions about "
        "your services reached us and how we handle them, so that you can see what your users "
        "need and where they look for help.",
    ),
    "summary_heading": ("Frågorna i korthet", "The questions in brief"),
    "figure_questions": ("Frågor om era tjänster", "Questions about your services"),
    "figure_referred": ("Varav hänvisade till er", "Of which referred to you"),
    "figure_total": (
        "Alla frågor som biblioteket registrerade under perioden",
        "All questions the library recorded in the period",
    ),
    "figure_minutes": (
        "Personalens tid för frågorna om era tjänster",
        "Staff time spent on the questions about your services",
    ),
    "minutes_partial": (
        "tid angiven för {n} av {count} frågor",
        "time recorded for {n} of {count} questions",
    ),
    "hours_minutes": ("{h} h {m} min", "{h} h {m} min"),
    "only_minutes": ("{m} min", "{m} min"),
    "no_questions": (
        "Under perioden registrerade biblioteket inga frågor som gällde era tjänster.",
        "The library recorded no questions about your services in the period.",
    ),
    "inventory_note": (
        "Siffrorna kommer från bibliotekets frågeinventering: personalen registrerar frågor "
        "som är svåra att hantera, oftast under avgränsade inventeringsperioder. De visar "
        "vilka slags ärenden som kommer till biblioteket, inte hur många de är totalt.",
        "The figures come from the library's question inventory: staff record questions that "
        "are hard to handle, mostly during set inventory periods. They show what kinds of "
        "errands come to the library, not how many there are in total.",
    ),
    "campaigns": ("Inventeringsperioder", "Inventory periods"),
    "themes_heading": ("Frågor per tema och utfall", "Questions by theme and outcome"),
    "theme": ("Tema", "Theme"),
    "total": ("Totalt", "Total"),
    "uncategorised": ("Ej kategoriserad", "Uncategorised"),
    "outcome_none": ("Ej angivet", "Not recorded"),
    "reasons_heading": (
        "Varför frågorna var svåra för biblioteket",
        "Why the questions were hard for the library",
    ),
    "reason": ("Skäl", "Reason"),
    "count": ("Antal", "Count"),
    "reasons_note": ("En fråga kan ha flera skäl.", "A question can have several reasons."),
    "examples_heading": ("Exempel på frågor", "Example questions"),
    "examples_note": (
        "Anonymiserade beskrivningar ur frågeinventeringen, de senaste först. De beskriver "
        "ärendet, aldrig personen.",
        "Anonymised descriptions from the question inventory, most recent first. They describe "
        "the case, never the person.",
    ),
    "rows_heading": (
        "Så hanterar biblioteket frågor om era tjänster",
        "How the library handles questions about your services",
    ),
    "rows_intro": (
        "Bibliotekets riktlinjer anger vad personalen hjälper till med och när vi hänvisar "
        "vidare. Det här gäller för frågor som rör er.",
        "The library's guidelines say what staff help with and when we refer users elsewhere. "
        "This is what applies to questions that concern you.",
    ),
    "row_library_can": ("Det här gör biblioteket", "What the library does"),
    "row_solution": ("Lösning och motivering", "Solution and reasoning"),
    "row_phrasing": ("Så säger personalen till användaren", "What staff tell the user"),
    "row_also": ("Vi hänvisar också till", "We also refer to"),
    "no_rows": (
        "Bibliotekets riktlinjer hänvisar ännu inte användare till er.",
        "The library's guidelines do not yet refer users to you.",
    ),
    "contact_heading": ("Kontakt", "Contact"),
    "contact_text": (
        "Hör gärna av er om ni har frågor om återkopplingen eller synpunkter på hur vi "
        "hänvisar till er.",
        "Please get in touch if you have questions about this feedback or comments on how we "
        "refer users to you.",
    ),
}


def report_labels(language: str) -> dict[str, str]:
    """The letter's own labels in `language` (`sv` or `en`)."""
    index = 1 if language == "en" else 0
    return {key: pair[index] for key, pair in _LABELS.items()}


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


def _period_text(
    since: date | None, until: date | None, first_last: str | None, t: dict[str, str]
) -> str:
    if since and until:
        return f"{since.isoformat()} – {until.isoformat()}"
    if since:
        return t["period_since"].format(date=since.isoformat())
    if until:
        return t["period_until"].format(date=until.isoformat())
    return f"{t['period_all']} ({first_last})" if first_last else t["period_all"]


def _duration(minutes: int, t: dict[str, str]) -> str:
    hours, rest = divmod(minutes, 60)
    if hours:
        return t["hours_minutes"].format(h=hours, m=rest)
    return t["only_minutes"].format(m=rest)


def _in_period(day: date, since: date | None, until: date | None) -> bool:
    return (since is None or day >= since) and (until is None or day <= until)


def _outcome_label(outcome: str | None, lang: str, t: dict[str, str]) -> str:
    from referral_cli.i18n import vocabulary_label

    return t["outcome_none"] if outcome is None else vocabulary_label("outcome", outcome, lang)


def actor_report_context(
    guidelines: Any,
    actor_id: str,
    lang: str,
    since: date | None = None,
    until: date | None = None,
) -> dict[str, Any]:
    """The plain-data context of the letter to `actor_id` (which must exist).

    Keys: `handout`, `lang`, `L` (handout labels and the letter's own),
    `library` (public view), `actor` (`id`, `name`), `period`, `footer`,
    `figures`, `campaigns`, `table` (None without questions), `reasons`,
    `examples`, `rows`. Only public data is in it.
    """
    from referral_cli.commands.stats import MONTH_LABELS
    from referral_cli.i18n import labels
    from referral_cli.models import default_reasons
    from referral_cli.views import library_view

    t = report_labels(lang)
    words = {**labels(lang), **t}
    library = guidelines.library
    actors = {actor.id: actor for actor in guidelines.actors.actors}
    actor = actors[actor_id]

    category_of: dict[str, Any] = {}
    actor_rows = []
    for category, row in guidelines.matrix.rows():
        category_of[row.id] = category
        if actor_id in row.refer_to:
            actor_rows.append(row)
    row_ids = {row.id for row in actor_rows}
    titles = {category.id: category.title for category in guidelines.matrix.categories}

    everything = sorted(guidelines.entries, key=lambda e: (e.entry.date, e.display))
    in_period = [e.entry for e in everything if _in_period(e.entry.date, since, until)]
    chosen = [
        entry
        for entry in in_period
        if actor_id in entry.referred_to or (entry.row is not None and entry.row in row_ids)
    ]
    first_last = (
        f"{everything[0].entry.date.isoformat()} – {everything[-1].entry.date.isoformat()}"
        if everything
        else None
    )
    period_text = _period_text(since, until, first_last, t)

    def theme_of(entry: Any) -> str | None:
        if entry.category is not None:
            return str(entry.category)
        if entry.row is not None and entry.row in category_of:
            return str(category_of[entry.row].id)
        return None

    # Theme x outcome table, in matrix order; uncategorised and unrecorded last.
    cells: dict[str | None, Counter[str | None]] = {}
    for entry in chosen:
        cells.setdefault(theme_of(entry), Counter())[entry.outcome] += 1
    present = {outcome for counts in cells.values() for outcome in counts}
    outcomes: list[str | None] = [o for o in OUTCOME_ORDER if o in present]
    outcomes += [None] if None in present else []
    themes: list[str | None] = [c.id for c in guidelines.matrix.categories if c.id in cells]
    themes += [None] if None in cells else []
    table = None
    if chosen:
        table = {
            "columns": [_outcome_label(o, lang, t) for o in outcomes],
            "rows": [
                {
                    "label": titles.get(theme, theme) if theme else t["uncategorised"],
                    "cells": [cells[theme][o] for o in outcomes],
                    "total": sum(cells[theme].values()),
                }
                for theme in themes
            ],
            "totals": [sum(cells[theme][o] for theme in themes) for o in outcomes],
            "total": len(chosen),
        }

    # The library's own reasons as written; the default vocabulary in the letter's language.
    vocabulary = library.reasons if library.reasons is not None else default_reasons(lang)
    reason_labels = {r.id: r.label for r in vocabulary}
    reason_counts = Counter(reason for entry in chosen for reason in entry.reasons)
    reason_order = [rid for rid in reason_labels if rid in reason_counts] + sorted(
        rid for rid in reason_counts if rid not in reason_labels
    )
    reasons = [
        {"label": reason_labels.get(rid, rid), "count": reason_counts[rid]} for rid in reason_order
    ]

    examples: list[dict[str, Any]] = []
    seen: set[str] = set()
    for entry in reversed(chosen):
        text = anonymise(" ".join(entry.description.split()))
        if text in seen:
            continue
        seen.add(text)
        theme = theme_of(entry)
        examples.append(
            {
                "when": f"{MONTH_LABELS[lang][entry.date.month - 1]} {entry.date.year}",
                "theme": titles.get(theme, theme) if theme else t["uncategorised"],
                "outcome": _outcome_label(entry.outcome, lang, t) if entry.outcome else None,
                "description": text,
            }
        )
        if len(examples) == MAX_EXAMPLES:
            break

    timed = [entry.minutes for entry in chosen if entry.minutes is not None]
    minutes = None
    if timed:
        minutes = _duration(sum(timed), t)
        if len(timed) < len(chosen):
            minutes += " (" + t["minutes_partial"].format(n=len(timed), count=len(chosen)) + ")"

    campaigns = [
        f"{p.start.isoformat()} – {p.end.isoformat()}"
        for p in sorted(library.periods, key=lambda p: (p.start, p.end, p.id))
        if (until is None or p.start <= until) and (since is None or p.end >= since)
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
    title = t["report_title"].format(actor=actor.name)
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
            "minutes": minutes,
        },
        "campaigns": campaigns,
        "table": table,
        "reasons": reasons,
        "examples": examples,
        "rows": rows,
    }


# ---------------------------------------------------------------------------
# Rendering


def _check_period(since: date | None, until: date | None) -> None:
    if since is not None and until is not None and since > until:
        raise UsageError(
            f"--since {since.isoformat()} is after --until {until.isoformat()}: "
            "the period would be empty"
        )


def unknown_actor(actor_id: str, known: Iterable[str]) -> UsageError:
    """The error for an actor id that is not in actors.yaml, with a did-you-mean."""
    from referral_cli.findings import did_you_mean

    listed = list(known)
    return UsageError(
        f"unknown actor '{actor_id}'{did_you_mean(actor_id, listed)}: "
        f"choose one of the ids in data/actors.yaml: {', '.join(listed)}"
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
    from referral_cli.i18n import check_language
    from referral_cli.rules.loading import load_valid_guidelines

    _check_period(options.since, options.until)
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

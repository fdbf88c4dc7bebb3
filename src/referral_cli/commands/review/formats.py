"""`referral review`'s report as one screen of text, and the staff-meeting agenda.

The screen is plain text; the agenda is Markdown or HTML from the templates
`agenda.md.j2` / `agenda.html.j2`. Both are worded from the catalogue's review
section in the report's language; the data (names, descriptions) stays as written.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from referral_cli.commands.review.report import (
    ActorItem,
    ContactItem,
    DueItem,
    QuestionItem,
    ReviewReport,
)
from referral_cli.errors import UsageError
from referral_cli.i18n import catalogue, phrase, t

if TYPE_CHECKING:
    from referral_cli.rendering import OutputKind
    from referral_cli.store.repository import Guidelines, LoadedEntry

AGENDA_FORMATS = ("md", "html")
AGENDA_LABELS = "review.agenda.label."  # the catalogue keys the agenda templates see as `L`


# --------------------------------------------------------------------------- the screen


def format_review(report: ReviewReport) -> str:
    """The one-screen text of `referral review`."""
    lang = report.language
    months = report.interval_months
    lines = [
        t("review.title", lang, library=report.library, today=report.today.isoformat()),
        t("review.interval", lang, months=months, due=report.due_before.isoformat()),
        _whole_review(report),
    ]
    lines += _section(
        t("review.heading.rows", lang, months=months),
        _aligned([(i.id, _due_text(i, lang)) for i in report.overdue_rows]),
    )
    lines += _section(
        t("review.heading.actors", lang, months=months),
        _aligned([(i.id, _due_text(i, lang)) for i in report.overdue_actors]),
    )
    lines += _section(
        t("review.heading.relationship", lang),
        _aligned([(a.id, f"{a.name} ({_status(a, lang)})") for a in report.no_relationship]),
    )
    lines += _section(
        t("review.heading.contact", lang, months=months),
        _aligned([(c.id, f"{c.name} ({_contact_text(c, lang)})") for c in report.quiet_contacts]),
    )
    lines += _section(
        t("review.heading.informed", lang),
        _aligned([(a.id, a.name) for a in report.never_informed]),
    )
    lines += _section(
        _questions_heading(report),
        [_question_line(q, lang) for q in report.unmatched_questions],
    )
    lines += _section(
        t("review.heading.unowned", lang),
        _aligned([(r.id, r.name) for r in report.unowned_rows]),
    )
    from referral_cli.commands.review.translations import attention_lines

    for heading, items in attention_lines(report.translations, lang):
        lines += ["", heading, *[f"  {line}" for line in items]]
    lines += ["", _summary(report)]
    return "\n".join(lines)


def _whole_review(report: ReviewReport) -> str:
    """The line on the last review of the guidelines as a whole."""
    if report.last_review is None:
        return t("review.whole_never_reviewed", report.language)
    key = "review.last_review_due" if report.library_overdue else "review.last_review"
    return t(key, report.language, date=report.last_review.isoformat())


def _due_text(item: DueItem, lang: str) -> str:
    owner = f", {t('review.owner', lang, owner=item.owner)}" if item.owner else ""
    return _last_reviewed(item, lang) + owner


def _last_reviewed(item: DueItem, lang: str) -> str:
    if item.reviewed is None:
        return t("review.never_reviewed", lang)
    return t("review.last_reviewed", lang, date=item.reviewed.isoformat())


def _contact_text(item: ContactItem, lang: str) -> str:
    when = (
        t("review.last_contact", lang, date=item.last_contact.isoformat())
        if item.last_contact
        else t("review.no_contact_date", lang)
    )
    return when + (f", {t('review.owner', lang, owner=item.owner)}" if item.owner else "")


def _status(actor: ActorItem, lang: str) -> str:
    return t(f"actors.status.{actor.status}", lang)  # as the actor table says it


def _questions_heading(report: ReviewReport) -> str:
    if report.last_review is None:
        return t("review.heading.questions_all", report.language)
    return t("review.heading.questions", report.language, since=report.last_review.isoformat())


def _question_line(question: QuestionItem, lang: str) -> str:
    parts = [question.date.isoformat(), question.file]
    if question.category:
        parts.append(t("review.category", lang, category=question.category))
    if question.reasons:
        parts.append(t("review.reasons", lang, reasons=", ".join(question.reasons)))
    return "  ".join(parts)


def _summary(report: ReviewReport) -> str:
    lang = report.language
    if report.attention_count == 0:
        return t("review.nothing", lang)
    overdue = t("review.summary_overdue" if report.overdue else "review.summary_ok", lang)
    return t("review.summary", lang, count=report.attention_count, overdue=overdue)


def _section(heading: str, lines: list[str]) -> list[str]:
    if not lines:
        return []
    return ["", f"{heading} ({len(lines)})", *[f"  {line}" for line in lines]]


def _aligned(pairs: list[tuple[str, str]]) -> list[str]:
    width = max((len(a) for a, _ in pairs), default=0)
    return [f"{a.ljust(width)}  {b}".rstrip() for a, b in pairs]


# --------------------------------------------------------------------------- the agenda


def check_review_format(
    output: str | None, *, agenda: bool, translations: bool, since: bool = False
) -> str:
    """The format `review` writes in, checked before anything is read; else a UsageError.

    The agenda is md (default) or html; the translations list is text; the review
    itself text (default) or ics. `since` (a --since was given) belongs to the agenda
    alone: ignoring it would let a coordinator believe the review was limited to it.
    """
    if since and not agenda:
        raise UsageError(phrase("review.error.since_without_agenda"))
    if agenda:
        return check_agenda_format(output or "md")
    if translations:
        if output not in (None, "text"):
            raise UsageError(phrase("review.error.translations_format", value=output))
        return "text"
    if output not in (None, "text", "ics"):
        raise UsageError(phrase("review.error.format", value=output))
    return output or "text"


def check_agenda_format(output: str) -> str:
    """`output` if the agenda can be written in it; else a UsageError."""
    if output not in AGENDA_FORMATS:
        raise UsageError(phrase("review.error.agenda_format", value=output))
    return output


def render_agenda(
    guidelines: Guidelines, report: ReviewReport, since: date | None = None, output: str = "md"
) -> str:
    """The staff-meeting agenda as Markdown or HTML, through the template system.

    The repository's own `templates/agenda.md.j2` / `agenda.html.j2` win over the
    defaults, as for `referral render`.
    """
    from referral_cli.documents import render_repository_template

    check_agenda_format(output)
    context = agenda_context(guidelines, report, since)
    kind: OutputKind = "html" if output == "html" else "md"
    return render_repository_template(guidelines.root, kind, f"agenda.{output}.j2", context)


def agenda_context(
    guidelines: Guidelines, report: ReviewReport, since: date | None = None
) -> dict[str, Any]:
    """Plain data for the agenda templates: what is due, and questions grouped by reason.

    `since` (default: the last review) limits the questions; a question with two
    reasons is listed under both.
    """
    lang = report.language
    since = since if since is not None else report.last_review
    return {
        "language": lang,
        "library": report.library,
        "today": report.today.isoformat(),
        "L": agenda_labels(lang),
        "due_sections": _due_sections(report),
        "questions_heading": t("review.agenda.questions", lang, since=since.isoformat())
        if since
        else t("review.agenda.questions_all", lang),
        "groups": _question_groups(guidelines, since, lang),
    }


def agenda_labels(lang: str) -> dict[str, str]:
    """The labels the agenda templates print as `L.<name>`."""
    return {
        key.removeprefix(AGENDA_LABELS): text
        for key, text in catalogue(lang).items()
        if key.startswith(AGENDA_LABELS)
    }


def _due_sections(report: ReviewReport) -> list[dict[str, Any]]:
    """What is due, as headings with lines; the library's own review first, without lines."""
    lang = report.language
    months = report.interval_months
    sections: list[dict[str, Any]] = []
    if report.library_overdue:
        sections.append({"heading": _whole_review(report), "lines": []})

    def due(items: list[DueItem]) -> list[str]:
        return [f"{i.id} – {i.name} ({_last_reviewed(i, lang)})" for i in items]

    for heading, items in (
        (t("review.heading.rows", lang, months=months), due(report.overdue_rows)),
        (t("review.heading.actors", lang, months=months), due(report.overdue_actors)),
        (
            t("review.heading.relationship", lang),
            [f"{x.id} – {x.name} ({_status(x, lang)})" for x in report.no_relationship],
        ),
        (
            t("review.heading.contact", lang, months=months),
            [f"{c.id} – {c.name} ({_contact_text(c, lang)})" for c in report.quiet_contacts],
        ),
        (
            t("review.heading.informed", lang),
            [f"{x.id} – {x.name}" for x in report.never_informed],
        ),
        (t("review.heading.unowned", lang), [f"{r.id} – {r.name}" for r in report.unowned_rows]),
    ):
        if items:
            sections.append({"heading": heading, "lines": items})
    return sections


def _question_groups(guidelines: Guidelines, since: date | None, lang: str) -> list[dict[str, Any]]:
    """The questions since `since`, grouped by reason.

    The library's reasons come in their order, then unknown reasons by id, then the
    questions without a reason.
    """
    library = guidelines.library
    branches = {b.id: b.name for b in library.branches}
    rows = {row.id: row.need for _, row in guidelines.matrix.rows()}
    entries = sorted(
        (e for e in guidelines.entries if since is None or e.entry.date >= since),
        key=lambda e: (e.entry.date, e.display),
    )
    grouped: dict[str, list[dict[str, Any]]] = {}
    for loaded in entries:
        item = _question(loaded, branches, rows)
        for reason in loaded.entry.reasons or [""]:
            grouped.setdefault(reason, []).append(item)
    vocabulary = library.reason_vocabulary(lang)
    labels = {r.id: r.label for r in vocabulary}
    order = [*(r.id for r in vocabulary), *sorted(k for k in grouped if k not in labels and k), ""]
    return [
        {
            "label": labels.get(rid, rid) if rid else t("review.agenda.no_reason", lang),
            "count": _count(len(grouped[rid]), lang),
            "questions": grouped[rid],
        }
        for rid in order
        if rid in grouped
    ]


def _question(
    loaded: LoadedEntry, branches: dict[str, str], rows: dict[str, str]
) -> dict[str, Any]:
    entry = loaded.entry
    return {
        "date": entry.date.isoformat(),
        "branch": branches.get(entry.branch, entry.branch) if entry.branch else None,
        "description": entry.description,
        "reflection": entry.reflection,
        "row": rows.get(entry.row, entry.row) if entry.row else None,
    }


def _count(n: int, lang: str) -> str:
    return t("review.agenda.count_one", lang) if n == 1 else t("review.agenda.count", lang, n=n)

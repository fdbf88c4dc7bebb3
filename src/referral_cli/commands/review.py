"""`referral review`: what in the guidelines needs attention now, on one screen.

Overdue means a matrix row, an actor, or the guidelines as a whole not reviewed
within `review_interval_months` (or never); `--strict` turns that into exit 1
so CI can remind the coordinator. The other lists are things worth raising at
the next review: actors without an established contact, actors never told
about the guidelines, inventory questions since the last review that have no
matrix row, and rows nobody owns.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class DueItem:
    """A row or actor whose review is overdue (`reviewed` None = never)."""

    id: str
    name: str
    reviewed: date | None
    owner: str | None = None


@dataclass(frozen=True)
class ActorItem:
    """An actor in one of the relationship lists."""

    id: str
    name: str
    status: str


@dataclass(frozen=True)
class QuestionItem:
    """An inventory question with no matrix row."""

    file: str
    date: date
    category: str | None
    reasons: tuple[str, ...]
    description: str


@dataclass
class ReviewReport:
    """Everything `referral review` shows."""

    library: str
    language: str
    today: date
    interval_months: int
    due_before: date
    last_review: date | None
    library_overdue: bool
    overdue_rows: list[DueItem] = field(default_factory=list)
    overdue_actors: list[DueItem] = field(default_factory=list)
    no_relationship: list[ActorItem] = field(default_factory=list)
    never_informed: list[ActorItem] = field(default_factory=list)
    unmatched_questions: list[QuestionItem] = field(default_factory=list)
    unowned_rows: list[DueItem] = field(default_factory=list)

    @property
    def overdue(self) -> bool:
        """True when anything's review is overdue (what `--strict` fails on)."""
        return self.library_overdue or bool(self.overdue_rows or self.overdue_actors)

    @property
    def attention_count(self) -> int:
        """How many items are listed in total."""
        return (
            int(self.library_overdue)
            + len(self.overdue_rows)
            + len(self.overdue_actors)
            + len(self.no_relationship)
            + len(self.never_informed)
            + len(self.unmatched_questions)
            + len(self.unowned_rows)
        )

    def exit_code(self, strict: bool) -> int:
        """0, or 1 under `strict` when something is overdue."""
        return 1 if strict and self.overdue else 0


def load_for_review(root: Path) -> Any:
    """Load the repository; raise FindingsError if a file cannot be read at all."""
    from referral_cli.rules.loading import load_readable

    return load_readable(root)


def build_review(
    guidelines: Any, today: date | None = None, language: str | None = None
) -> ReviewReport:
    """Collect what needs attention in loaded `guidelines` as of `today`."""
    from referral_cli.dates import add_months

    today = today or date.today()
    library = guidelines.library
    months = library.review_interval_months
    due_before = add_months(today, -months)

    def is_due(reviewed: date | None) -> bool:
        return reviewed is None or reviewed < due_before

    report = ReviewReport(
        library=library.name,
        language=language or library.language,
        today=today,
        interval_months=months,
        due_before=due_before,
        last_review=library.reviewed,
        library_overdue=is_due(library.reviewed),
    )
    for _category, row in guidelines.matrix.rows():
        item = DueItem(row.id, row.need, row.reviewed, row.owner)
        if is_due(row.reviewed):
            report.overdue_rows.append(item)
        if not row.owner:
            report.unowned_rows.append(item)
    for actor in guidelines.actors.actors:
        relationship = actor.relationship
        if is_due(actor.reviewed):
            owner = relationship.owner if relationship else None
            report.overdue_actors.append(DueItem(actor.id, actor.name, actor.reviewed, owner))
        status = relationship.status if relationship else "unknown"
        if status in ("none", "unknown"):
            report.no_relationship.append(ActorItem(actor.id, actor.name, status))
        if relationship is None or relationship.informed is None:
            report.never_informed.append(ActorItem(actor.id, actor.name, status))
    since = library.reviewed
    for loaded in sorted(guidelines.entries, key=lambda e: (e.entry.date, e.display)):
        entry = loaded.entry
        if entry.row is None and (since is None or entry.date >= since):
            report.unmatched_questions.append(
                QuestionItem(
                    loaded.display,
                    entry.date,
                    entry.category,
                    tuple(entry.reasons),
                    entry.description,
                )
            )
    return report


_TEXT: dict[str, dict[str, str]] = {
    "sv": {
        "title": "Översyn av riktlinjerna – {library} ({today})",
        "interval": "Översynsintervall: {months} månader "
        "(granskat före {due} räknas som försenat).",
        "last_review": "Senaste översyn av helheten: {date}.",
        "last_review_due": "Senaste översyn av helheten: {date} – dags för en ny översyn.",
        "never_review": "Riktlinjerna som helhet har aldrig markerats som översedda "
        "(reviewed i library.yaml).",
        "rows": "Rader som inte granskats inom {months} månader",
        "actors": "Aktörer som inte granskats inom {months} månader",
        "relationship": "Aktörer utan etablerad kontakt",
        "informed": "Aktörer som aldrig informerats om riktlinjerna",
        "questions": "Frågor sedan senaste översynen ({since}) utan rad i matrisen",
        "questions_all": "Frågor utan rad i matrisen",
        "unowned": "Rader utan ansvarig",
        "never": "aldrig granskad",
        "last": "senast granskad {date}",
        "owner": "ansvarig: {owner}",
        "none": "ingen kontakt",
        "unknown": "okänt",
        "category": "kategori {category}",
        "reasons": "skäl: {reasons}",
        "nothing": "Inget behöver åtgärdas just nu.",
        "summary": "{count} punkter att titta på; {overdue}.",
        "summary_overdue": "översynen är försenad",
        "summary_ok": "inget är försenat",
    },
    "en": {
        "title": "Guideline review – {library} ({today})",
        "interval": "Review interval: {months} months (reviewed before {due} counts as overdue).",
        "last_review": "Last review of the whole guidelines: {date}.",
        "last_review_due": "Last review of the whole guidelines: {date} – a new review is due.",
        "never_review": "The guidelines as a whole have never been marked as reviewed "
        "(reviewed in library.yaml).",
        "rows": "Rows not reviewed within {months} months",
        "actors": "Actors not reviewed within {months} months",
        "relationship": "Actors without an established contact",
        "informed": "Actors never informed of the guidelines",
        "questions": "Questions since the last review ({since}) with no matrix row",
        "questions_all": "Questions with no matrix row",
        "unowned": "Rows nobody owns",
        "never": "never reviewed",
        "last": "last reviewed {date}",
        "owner": "owner: {owner}",
        "none": "no contact",
        "unknown": "unknown",
        "category": "category {category}",
        "reasons": "reasons: {reasons}",
        "nothing": "Nothing needs attention right now.",
        "summary": "{count} items to look at; {overdue}.",
        "summary_overdue": "the review is overdue",
        "summary_ok": "nothing is overdue",
    },
}


def review_text(language: str) -> dict[str, str]:
    """The phrases of the review screen in `language` (sv or en)."""
    return _TEXT["en" if language == "en" else "sv"]


def _section(heading: str, lines: list[str]) -> list[str]:
    if not lines:
        return []
    return ["", f"{heading} ({len(lines)})", *[f"  {line}" for line in lines]]


def _aligned(pairs: list[tuple[str, str]]) -> list[str]:
    width = max((len(a) for a, _ in pairs), default=0)
    return [f"{a.ljust(width)}  {b}".rstrip() for a, b in pairs]


def format_review(report: ReviewReport) -> str:
    """The one-screen text of `referral review`."""
    t = review_text(report.language)
    months = report.interval_months
    lines = [
        t["title"].format(library=report.library, today=report.today.isoformat()),
        t["interval"].format(months=months, due=report.due_before.isoformat()),
    ]
    if report.last_review is None:
        lines.append(t["never_review"])
    else:
        key = "last_review_due" if report.library_overdue else "last_review"
        lines.append(t[key].format(date=report.last_review.isoformat()))

    def due_line(item: DueItem) -> tuple[str, str]:
        when = t["last"].format(date=item.reviewed.isoformat()) if item.reviewed else t["never"]
        owner = f", {t['owner'].format(owner=item.owner)}" if item.owner else ""
        return item.id, f"{when}{owner}"

    lines += _section(
        t["rows"].format(months=months), _aligned([due_line(i) for i in report.overdue_rows])
    )
    lines += _section(
        t["actors"].format(months=months), _aligned([due_line(i) for i in report.overdue_actors])
    )
    lines += _section(
        t["relationship"],
        _aligned([(a.id, f"{a.name} ({t[a.status]})") for a in report.no_relationship]),
    )
    lines += _section(t["informed"], _aligned([(a.id, a.name) for a in report.never_informed]))
    question_lines = []
    for q in report.unmatched_questions:
        parts = [q.date.isoformat(), q.file]
        if q.category:
            parts.append(t["category"].format(category=q.category))
        if q.reasons:
            parts.append(t["reasons"].format(reasons=", ".join(q.reasons)))
        question_lines.append("  ".join(parts))
    heading = (
        t["questions"].format(since=report.last_review.isoformat())
        if report.last_review
        else t["questions_all"]
    )
    lines += _section(heading, question_lines)
    lines += _section(t["unowned"], _aligned([(r.id, r.name) for r in report.unowned_rows]))
    lines.append("")
    if report.attention_count == 0:
        lines.append(t["nothing"])
    else:
        overdue = t["summary_overdue"] if report.overdue else t["summary_ok"]
        lines.append(t["summary"].format(count=report.attention_count, overdue=overdue))
    return "\n".join(lines)


def run_review(root: Path, today: date | None = None, language: str | None = None) -> ReviewReport:
    """Load the repository at `root` and build its review: the core of `referral review`."""
    return build_review(load_for_review(root), today, language)


_AGENDA: dict[str, dict[str, str]] = {
    "sv": {
        "title": "Dagordning: översyn av riktlinjerna",
        "date": "Datum",
        "due": "Att gå igenom",
        "nothing_due": "Inget är försenat.",
        "questions": "Frågor som skavt sedan {since}",
        "questions_all": "Frågor som skavt",
        "no_questions": "Inga frågor har registrerats under perioden.",
        "no_reason": "Inget skäl angivet",
        "reflection": "Reflektion",
        "row": "Rad i matrisen",
        "no_row": "ingen rad i matrisen",
        "branch": "Bibliotek",
        "count": "{n} frågor",
        "count_one": "1 fråga",
    },
    "en": {
        "title": "Agenda: review of the guidelines",
        "date": "Date",
        "due": "To go through",
        "nothing_due": "Nothing is overdue.",
        "questions": "Questions that chafed since {since}",
        "questions_all": "Questions that chafed",
        "no_questions": "No questions were recorded in the period.",
        "no_reason": "No reason given",
        "reflection": "Reflection",
        "row": "Matrix row",
        "no_row": "no matrix row",
        "branch": "Branch",
        "count": "{n} questions",
        "count_one": "1 question",
    },
}


def agenda_context(
    guidelines: Any, report: ReviewReport, since: date | None = None
) -> dict[str, Any]:
    """Plain data for the agenda templates: what is due, and questions grouped by reason."""
    lang = "en" if report.language == "en" else "sv"
    t, a = review_text(lang), _AGENDA[lang]
    since = since if since is not None else report.last_review
    library = guidelines.library
    branches = {b.id: b.name for b in library.branches}
    rows = {row.id: row.need for _, row in guidelines.matrix.rows()}
    vocabulary = [(r.id, r.label) for r in library.reason_vocabulary()]
    entries = sorted(
        (e for e in guidelines.entries if since is None or e.entry.date >= since),
        key=lambda e: (e.entry.date, e.display),
    )
    grouped: dict[str, list[dict[str, Any]]] = {}
    for loaded in entries:
        entry = loaded.entry
        item = {
            "date": entry.date.isoformat(),
            "branch": branches.get(entry.branch, entry.branch) if entry.branch else None,
            "description": entry.description,
            "reflection": entry.reflection,
            "row": rows.get(entry.row, entry.row) if entry.row else None,
        }
        for reason in entry.reasons or [""]:
            grouped.setdefault(reason, []).append(item)
    known = [rid for rid, _ in vocabulary]
    order = known + sorted(k for k in grouped if k not in known and k) + [""]
    labels = dict(vocabulary)
    groups = [
        {
            "label": labels.get(rid, rid) if rid else a["no_reason"],
            "count": a["count_one"]
            if len(grouped[rid]) == 1
            else a["count"].format(n=len(grouped[rid])),
            "questions": grouped[rid],
        }
        for rid in order
        if rid in grouped
    ]
    months = report.interval_months

    def due(items: list[DueItem]) -> list[str]:
        return [
            f"{i.id} – {i.name} ("
            + (t["last"].format(date=i.reviewed.isoformat()) if i.reviewed else t["never"])
            + ")"
            for i in items
        ]

    sections = []
    if report.library_overdue:
        sections.append(
            {
                "heading": t["never_review"]
                if report.last_review is None
                else t["last_review_due"].format(date=report.last_review.isoformat()),
                "lines": [],
            }
        )
    for heading, items in (
        (t["rows"].format(months=months), due(report.overdue_rows)),
        (t["actors"].format(months=months), due(report.overdue_actors)),
        (
            t["relationship"],
            [f"{x.id} – {x.name} ({t[x.status]})" for x in report.no_relationship],
        ),
        (t["informed"], [f"{x.id} – {x.name}" for x in report.never_informed]),
        (t["unowned"], [f"{r.id} – {r.name}" for r in report.unowned_rows]),
    ):
        if items:
            sections.append({"heading": heading, "lines": items})
    return {
        "language": lang,
        "library": report.library,
        "today": report.today.isoformat(),
        "L": a,
        "due_sections": sections,
        "questions_heading": a["questions"].format(since=since.isoformat())
        if since
        else a["questions_all"],
        "groups": groups,
    }


def render_agenda(
    guidelines: Any, report: ReviewReport, since: date | None = None, output: str = "md"
) -> str:
    """The staff-meeting agenda as Markdown or HTML, through the template system."""
    from referral_cli.errors import UsageError
    from referral_cli.rendering import build_environment, render_template

    if output not in ("md", "html"):
        raise UsageError(f"--format: '{output}' is not md or html (the agenda's formats)")
    env = build_environment("html" if output == "html" else "md")
    context = agenda_context(guidelines, report, since)
    return render_template(env, f"agenda.{output}.j2", context)

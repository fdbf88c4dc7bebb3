"""`referral actors` at a terminal: the actors as a table, one actor as a panel.

Imported only when text is printed. Headings the handouts also use come from
`label.*`, so an actor reads the same on screen and in the printed directory.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from referral_cli.commands.actors import ActorSummary, ActorsView
from referral_cli.i18n import label, t, vocabulary_label
from referral_cli.views import contact_lines, iso

WIDE = 110  # owner and scope columns only from this console width


def render_table(view: ActorsView, console: Console) -> None:
    """The actors as a table, with a count line."""
    language = view.language
    if not view.summaries:
        console.print(t("actors.none_found", language))
        return
    wide = console.width >= WIDE
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, highlight=False, show_lines=True)
    table.add_column(t("actors.name_id", language), ratio=3)
    table.add_column(label("kind", language), no_wrap=True)
    if wide:
        table.add_column(label("scope", language), no_wrap=True)
    table.add_column(t("actors.contact", language), no_wrap=True)
    if wide:
        table.add_column(t("actors.owner", language), ratio=2, overflow="fold")
    table.add_column(t("actors.rows", language), justify="right", no_wrap=True)
    table.add_column(t("actors.questions", language), justify="right", no_wrap=True)
    for summary in view.summaries:
        table.add_row(*_cells(summary, language, wide=wide))
    console.print(table)
    console.print(t("actors.count", language, shown=len(view.summaries), total=view.total))


def _cells(summary: ActorSummary, language: str, *, wide: bool) -> list[str | Text]:
    actor = summary.actor
    relationship = actor.relationship
    cells: list[str | Text] = [
        Text.assemble(actor.name, "\n", (actor.id, "dim")),
        _vocab(language, "kind", actor.kind),
    ]
    if wide:
        cells.append(_vocab(language, "scope", actor.scope))
    cells.append(_status(language, summary.status))
    if wide:
        cells.append(relationship.owner or "" if relationship else "")
    cells += [str(len(summary.rows)), str(summary.questions)]
    return cells


def render_detail(view: ActorsView, console: Console) -> None:
    """One actor in full: description, contact, relationship, rows and questions."""
    language = view.language
    summary = view.summaries[0]
    actor = summary.actor
    parts: list[Text] = []

    def section(heading: str, lines: Sequence[str]) -> None:
        if not lines:
            return
        if parts:
            parts.append(Text(""))
        parts.append(Text(heading, style="bold"))
        parts.extend(Text(line) for line in lines)

    if actor.description:
        section(t("actors.description", language), [actor.description])
    section(label("helps_with", language), [f"• {text}" for text in actor.helps_with])
    section(label("contact_details", language), _contact(summary, language))
    section(label("relationship", language), _relationship(summary, language))
    if actor.notes:
        section(label("notes", language), [actor.notes])
    rows = [f"• {item.row.id}: {item.row.need} ({item.category.title})" for item in summary.rows]
    section(t("actors.referring_rows", language), rows or [t("actors.no_rows", language)])
    periods = ", ".join(f"{period}: {count}" for period, count in summary.questions_by_period)
    section(
        t("actors.referred_questions", language),
        [f"{summary.questions}" + (f" ({periods})" if periods else "")],
    )
    kind, scope = _vocab(language, "kind", actor.kind), _vocab(language, "scope", actor.scope)
    console.print(
        Panel(
            Group(*parts),
            title=Text(actor.name, style="bold"),
            title_align="left",
            subtitle=Text(f"{actor.id} · {kind} · {scope}"),
        )
    )


def _contact(summary: ActorSummary, language: str) -> list[str]:
    """Every contact channel, then the languages the actor helps in."""
    actor = summary.actor
    lines = contact_lines(actor, language)
    if actor.languages:
        lines.append(f"{label('languages', language)}: {', '.join(actor.languages)}")
    return lines


def _relationship(summary: ActorSummary, language: str) -> list[str]:
    """`Heading: value` lines about the library's contact with the actor."""
    actor = summary.actor
    lines = [f"{t('actors.contact', language)}: {_status(language, summary.status)}"]
    rel = actor.relationship
    if rel is not None:
        pairs = [
            (t("actors.owner", language), rel.owner),
            (label("last_contact", language), iso(rel.last_contact)),
            (label("informed", language), iso(rel.informed)),
            (label("wanted_collaboration", language), rel.wanted_collaboration),
        ]
        lines += [f"{heading}: {value}" for heading, value in pairs if value]
    if actor.reviewed:
        lines.append(f"{t('actors.reviewed', language)}: {actor.reviewed.isoformat()}")
    return lines


def _status(language: str, status: str) -> str:
    return t(f"actors.status.{status}", language)


def _vocab(language: str, vocabulary: str, value: str) -> str:
    # The same words the handouts use, in lower case to sit inside a table or a line.
    return vocabulary_label(vocabulary, value, language).lower()

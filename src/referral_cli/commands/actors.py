"""`referral actors`: the actor list as a table, and one actor in full.

`list_actors` filters by kind, scope and relationship status (an actor without a
`relationship` counts as `unknown`), e.g. `status=["none"]` answers the workshop
question "which actors do we have no contact with?". `show_actor` gives one actor
with every matrix row that refers to it and the inventory questions referred to it.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from referral_cli.errors import UsageError
from referral_cli.findings import did_you_mean
from referral_cli.i18n import language_for
from referral_cli.models import ACTOR_KINDS, RELATIONSHIP_STATUSES, SCOPES, Actor
from referral_cli.rules.loading import load_valid_guidelines
from referral_cli.store.repository import Guidelines
from referral_cli.views import MatrixRow, contact_lines, matrix_rows

if TYPE_CHECKING:
    from rich.console import Console

LABELS: dict[str, dict[str, str]] = {
    "sv": {
        "id": "Id",
        "name": "Namn",
        "kind": "Typ",
        "scope": "Räckvidd",
        "status": "Kontakt",
        "owner": "Ansvarig",
        "last_contact": "Senaste kontakt",
        "rows": "Rader",
        "questions": "Frågor",
        "none_found": "Inga aktörer matchar filtret.",
        "count": "{n} av {total} aktörer.",
        "description": "Beskrivning",
        "helps_with": "Hjälper till med",
        "contact": "Kontaktuppgifter",
        "email": "E-post",
        "languages": "Språk",
        "relationship": "Relation",
        "informed": "Informerad om riktlinjerna",
        "wanted_collaboration": "Önskat samarbete",
        "reviewed": "Senast kontrollerad",
        "notes": "Anteckningar",
        "referring_rows": "Rader i matrisen som hänvisar hit",
        "no_rows": "Ingen rad i matrisen hänvisar hit än.",
        "referred_questions": "Frågor i inventeringen som hänvisats hit",
        "established": "etablerad",
        "none": "ingen kontakt",
        "unknown": "okänd",
    },
    "en": {
        "id": "Id",
        "name": "Name",
        "kind": "Kind",
        "scope": "Scope",
        "status": "Contact",
        "owner": "Owner",
        "last_contact": "Last contact",
        "rows": "Rows",
        "questions": "Questions",
        "none_found": "No actors match the filter.",
        "count": "{n} of {total} actors.",
        "description": "Description",
        "helps_with": "Helps with",
        "contact": "Contact details",
        "email": "Email",
        "languages": "Languages",
        "relationship": "Relationship",
        "informed": "Told about the guidelines",
        "wanted_collaboration": "Wanted collaboration",
        "reviewed": "Last verified",
        "notes": "Notes",
        "referring_rows": "Matrix rows that refer here",
        "no_rows": "No matrix row refers here yet.",
        "referred_questions": "Inventory questions referred here",
        "established": "established",
        "none": "no contact",
        "unknown": "unknown",
    },
}


def _t(language: str, key: str) -> str:
    return LABELS.get(language, LABELS["sv"])[key]


def _vocab(language: str, vocabulary: str, value: str) -> str:
    # The same words the handouts use, in lower case to sit inside a table or a line.
    from referral_cli.i18n import vocabulary_label

    return vocabulary_label(vocabulary, value, "en" if language == "en" else "sv").lower()


@dataclass(frozen=True)
class ActorSummary:
    """An actor with its status and how much the guidelines use it."""

    actor: Actor
    status: str
    rows: tuple[MatrixRow, ...]
    questions: int
    questions_by_period: tuple[tuple[str, int], ...] = ()


def status_of(actor: Actor) -> str:
    """The relationship status; `unknown` when the actor has no relationship block."""
    return actor.relationship.status if actor.relationship else "unknown"


def summarise(guidelines: Guidelines) -> list[ActorSummary]:
    """Every actor in file order, with referring rows and referred questions counted."""
    rows = matrix_rows(guidelines)
    questions: Counter[str] = Counter()
    by_period: dict[str, Counter[str]] = {}
    for loaded in guidelines.entries:
        for actor_id in set(loaded.entry.referred_to):
            questions[actor_id] += 1
            period = loaded.entry.period or "-"
            by_period.setdefault(actor_id, Counter())[period] += 1
    return [
        ActorSummary(
            actor,
            status_of(actor),
            tuple(item for item in rows if actor.id in item.row.refer_to),
            questions[actor.id],
            tuple(sorted(by_period.get(actor.id, Counter()).items())),
        )
        for actor in guidelines.actors.actors
    ]


def _check_choices(option: str, values: Sequence[str], allowed: Sequence[str]) -> None:
    for value in values:
        if value not in allowed:
            raise UsageError(
                f"{option} '{value}' is not allowed{did_you_mean(value, allowed)}; "
                f"choose one of: {', '.join(allowed)}"
            )


def list_actors(
    guidelines: Guidelines,
    *,
    kinds: Sequence[str] = (),
    scopes: Sequence[str] = (),
    statuses: Sequence[str] = (),
) -> list[ActorSummary]:
    """The actors matching every given filter (each filter: any of its values)."""
    _check_choices("--kind", kinds, ACTOR_KINDS)
    _check_choices("--scope", scopes, SCOPES)
    _check_choices("--status", statuses, RELATIONSHIP_STATUSES)
    return [
        summary
        for summary in summarise(guidelines)
        if (not kinds or summary.actor.kind in kinds)
        and (not scopes or summary.actor.scope in scopes)
        and (not statuses or summary.status in statuses)
    ]


def show_actor(guidelines: Guidelines, actor_id: str) -> ActorSummary:
    """One actor by id; an unknown id is a usage error with a suggestion."""
    summaries = summarise(guidelines)
    for summary in summaries:
        if summary.actor.id == actor_id:
            return summary
    ids = [s.actor.id for s in summaries]
    raise UsageError(
        f"no actor with id '{actor_id}'{did_you_mean(actor_id, ids)}; "
        "list them with 'referral actors'"
    )


@dataclass
class ActorsView:
    """What the CLI prints: the chosen actors, the total and the language."""

    summaries: list[ActorSummary]
    total: int
    language: str


def run_list(
    root: Path,
    *,
    kinds: Sequence[str] = (),
    scopes: Sequence[str] = (),
    statuses: Sequence[str] = (),
    language: str | None = None,
) -> ActorsView:
    """Load the repository at `root` and list its actors."""
    guidelines = load_valid_guidelines(root)
    chosen = list_actors(guidelines, kinds=kinds, scopes=scopes, statuses=statuses)
    return ActorsView(
        chosen, len(guidelines.actors.actors), language_for(language, guidelines.library.language)
    )


def run_show(root: Path, actor_id: str, *, language: str | None = None) -> ActorsView:
    """Load the repository at `root` and pick one actor."""
    guidelines = load_valid_guidelines(root)
    summary = show_actor(guidelines, actor_id)
    return ActorsView(
        [summary],
        len(guidelines.actors.actors),
        language_for(language, guidelines.library.language),
    )


def as_data(summary: ActorSummary) -> dict[str, Any]:
    """Plain data for JSON: the actor as in actors.yaml plus status and usage."""
    return {
        **summary.actor.model_dump(mode="json", exclude_none=True),
        "status": summary.status,
        "rows": [
            {"row": item.row.id, "category": item.category.id, "need": item.row.need}
            for item in summary.rows
        ],
        "questions": summary.questions,
        "questions_by_period": dict(summary.questions_by_period),
    }


def format_json(view: ActorsView, *, single: bool = False) -> str:
    """The actors (or the one actor) as indented JSON."""
    data: Any = [as_data(s) for s in view.summaries]
    if single:
        data = data[0]
    return json.dumps(data, ensure_ascii=False, indent=2)


def render_table(view: ActorsView, console: Console) -> None:
    """The actors as a table, with a count line."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    language = view.language
    if not view.summaries:
        console.print(_t(language, "none_found"))
        return
    wide = console.width >= 110  # owner and scope only where there is room
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, highlight=False, show_lines=True)
    table.add_column(f"{_t(language, 'name')} / {_t(language, 'id').lower()}", ratio=3)
    table.add_column(_t(language, "kind"), no_wrap=True)
    if wide:
        table.add_column(_t(language, "scope"), no_wrap=True)
    table.add_column(_t(language, "status"), no_wrap=True)
    if wide:
        table.add_column(_t(language, "owner"), ratio=2, overflow="fold")
    table.add_column(_t(language, "rows"), justify="right", no_wrap=True)
    table.add_column(_t(language, "questions"), justify="right", no_wrap=True)
    for summary in view.summaries:
        actor = summary.actor
        relationship = actor.relationship
        cells: list[str | Text] = [
            Text.assemble(actor.name, "\n", (actor.id, "dim")),
            _vocab(language, "kind", actor.kind),
        ]
        if wide:
            cells.append(_vocab(language, "scope", actor.scope))
        cells.append(_t(language, summary.status))
        if wide:
            cells.append(relationship.owner or "" if relationship else "")
        cells += [str(len(summary.rows)), str(summary.questions)]
        table.add_row(*cells)
    console.print(table)
    console.print(
        LABELS.get(language, LABELS["sv"])["count"].format(n=len(view.summaries), total=view.total)
    )


def render_detail(view: ActorsView, console: Console) -> None:
    """One actor in full: description, contact, relationship, rows and questions."""
    from rich.console import Group
    from rich.panel import Panel
    from rich.text import Text

    language = view.language
    summary = view.summaries[0]
    actor = summary.actor
    parts: list[Text] = []

    def section(key: str, lines: Sequence[str]) -> None:
        if not lines:
            return
        if parts:
            parts.append(Text(""))
        parts.append(Text(_t(language, key), style="bold"))
        parts.extend(Text(line) for line in lines)

    if actor.description:
        section("description", [actor.description])
    section("helps_with", [f"• {text}" for text in actor.helps_with])
    contact = contact_lines(actor, language)
    if actor.contact and actor.contact.email:
        contact.append(f"{_t(language, 'email')}: {actor.contact.email}")
    if actor.languages:
        contact.append(f"{_t(language, 'languages')}: {', '.join(actor.languages)}")
    section("contact", contact)
    relationship = [f"{_t(language, 'status')}: {_t(language, summary.status)}"]
    rel = actor.relationship
    if rel is not None:
        pairs = [
            ("owner", rel.owner),
            ("last_contact", rel.last_contact.isoformat() if rel.last_contact else None),
            ("informed", rel.informed.isoformat() if rel.informed else None),
            ("wanted_collaboration", rel.wanted_collaboration),
        ]
        relationship += [f"{_t(language, key)}: {value}" for key, value in pairs if value]
    if actor.reviewed:
        relationship.append(f"{_t(language, 'reviewed')}: {actor.reviewed.isoformat()}")
    section("relationship", relationship)
    if actor.notes:
        section("notes", [actor.notes])
    rows = [f"• {item.row.id}: {item.row.need} ({item.category.title})" for item in summary.rows]
    section("referring_rows", rows or [_t(language, "no_rows")])
    periods = ", ".join(f"{period}: {count}" for period, count in summary.questions_by_period)
    section(
        "referred_questions",
        [f"{summary.questions}" + (f" ({periods})" if periods else "")],
    )
    kind, scope = _vocab(language, "kind", actor.kind), _vocab(language, "scope", actor.scope)
    subtitle = f"{actor.id} · {kind} · {scope}"
    console.print(
        Panel(
            Group(*parts),
            title=Text(actor.name, style="bold"),
            title_align="left",
            subtitle=subtitle,
        )
    )

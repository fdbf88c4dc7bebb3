"""`referral actors`: the actor list, and one actor in full, as plain data.

`list_actors` filters by kind, scope and relationship status (an actor without a
`relationship` counts as `unknown`), e.g. `status=["none"]` answers the workshop
question "which actors do we have no contact with?". `show_actor` gives one actor
with every matrix row that refers to it and the inventory questions referred to it.
The table and the panel are printed by `referral_cli.cli.show_actors`; `format_json`
gives the JSON, `format_vcf` the address-book cards (public fields only).
"""

from __future__ import annotations

import json
import uuid
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from referral_cli.errors import UsageError
from referral_cli.formats.vcard import Card, format_cards
from referral_cli.i18n import label, language_for, phrase, vocabulary_label
from referral_cli.models import ACTOR_KINDS, RELATIONSHIP_STATUSES, SCOPES, Actor
from referral_cli.rules.loading import load_valid_guidelines
from referral_cli.store.repository import Guidelines
from referral_cli.views import MatrixRow, matrix_rows


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


def _chosen(
    option: str, values: Sequence[str], vocabulary: str, allowed: Sequence[str]
) -> tuple[str, ...]:
    """The ids the values name, as people type them (`myndighet`, `Ingen kontakt`)."""
    from referral_cli.choices import vocabulary_choices

    choices = vocabulary_choices(vocabulary, allowed)
    chosen = []
    for value in values:
        found = choices.resolve(value)
        if found is None:
            raise UsageError(
                phrase(
                    "error.actors.not_allowed",
                    option=option,
                    value=value,
                    suggestion=choices.suggestion(value),
                    choices=", ".join(allowed),
                )
            )
        chosen.append(found)
    return tuple(chosen)


def list_actors(
    guidelines: Guidelines,
    *,
    kinds: Sequence[str] = (),
    scopes: Sequence[str] = (),
    statuses: Sequence[str] = (),
) -> list[ActorSummary]:
    """The actors matching every given filter (each filter: any of its values)."""
    kinds = _chosen("--kind", kinds, "kind", ACTOR_KINDS)
    scopes = _chosen("--scope", scopes, "scope", SCOPES)
    statuses = _chosen("--status", statuses, "status", RELATIONSHIP_STATUSES)
    return [
        summary
        for summary in summarise(guidelines)
        if (not kinds or summary.actor.kind in kinds)
        and (not scopes or summary.actor.scope in scopes)
        and (not statuses or summary.status in statuses)
    ]


def show_actor(guidelines: Guidelines, actor_id: str) -> ActorSummary:
    """One actor by id; an unknown id is a usage error with a suggestion."""
    from referral_cli.choices import Choices

    summaries = summarise(guidelines)
    choices = Choices.of((s.actor.id, [s.actor.name]) for s in summaries)  # id or name
    chosen = choices.resolve(actor_id)
    for summary in summaries:
        if summary.actor.id == chosen:
            return summary
    close = choices.suggestion(actor_id)
    raise UsageError(phrase("error.actors.unknown_id", actor=actor_id, suggestion=close))


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


_CARD_NAMESPACE = uuid.UUID("6b1f3c0d-2e4a-5f7b-8c9d-0a1b2c3d4e5f")  # referral's own


def actor_card(actor: Actor, language: str) -> Card:
    """An actor's public fields as a vCard: never its relationship or notes.

    The UID is made from the id alone, so importing the cards again updates them.
    """
    contact = actor.contact
    note = [actor.description or ""]
    if actor.helps_with:
        note.append(f"{label('helps_with', language)}: {'; '.join(actor.helps_with)}")
    if contact is not None and contact.opening_hours:
        note.append(f"{label('opening_hours', language)}: {contact.opening_hours}")
    websites = (contact.website, contact.chat) if contact is not None else ()
    return Card(
        uid=f"urn:uuid:{uuid.uuid5(_CARD_NAMESPACE, actor.id)}",
        name=actor.name,
        categories=(vocabulary_label("kind", actor.kind, language),),
        note="\n".join(line for line in note if line),
        phone=(contact.phone or "") if contact is not None else "",
        email=(contact.email or "") if contact is not None else "",
        websites=tuple(url for url in websites if url),
        address=(contact.address or "") if contact is not None else "",
        languages=tuple(actor.languages),
    )


def format_vcf(view: ActorsView) -> str:
    """The chosen actors as vCard 4.0, one card each, public fields only."""
    from referral_cli import __version__

    cards = [actor_card(summary.actor, view.language) for summary in view.summaries]
    return format_cards(cards, product=f"-//referral//referral-cli {__version__}//EN")

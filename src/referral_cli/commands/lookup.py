"""`referral lookup`: find the matrix rows (and actors) that fit a query typed in a hurry.

The core loads only library, actors and matrix (never the inventory), builds a
`SearchIndex` over the rows and the actors, and returns a `LookupResult`; printing is
separate (`format_json`, `render_text`) and imports rich only when called.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from referral_cli.errors import UsageError
from referral_cli.models import Actor, Category, Row
from referral_cli.repository import Guidelines, load_valid_guidelines
from referral_cli.search import Hit, SearchDoc, SearchIndex

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

# Field weights: what the user needs and the keywords count most; the long texts and
# the referred actors less, so a row is found first by what it is about.
ROW_WEIGHTS: dict[str, float] = {
    "keywords": 1.0,
    "need": 1.0,
    "category": 0.6,
    "library_can": 0.5,
    "solution": 0.5,
    "actor_name": 0.5,
    "actor_helps": 0.35,
}
ACTOR_WEIGHTS: dict[str, float] = {"name": 1.0, "helps_with": 0.7, "description": 0.4}

MIN_SCORE = 0.2  # below this a row is not shown at all
RELATIVE_SCORE = 0.3  # rows scoring under this share of the best one are noise
MORE_HITS = 4  # one-line hits shown after the best row
ACTOR_HITS = 3
ACTOR_MIN_SCORE = 0.5  # actors are listed for what they are, not for a stray word

LABELS: dict[str, dict[str, str]] = {
    "sv": {
        "library_can": "Biblioteket kan",
        "phrasing": "Säg så här",
        "solution": "Lösning / motivering",
        "refer_to": "Hänvisa till",
        "requires": "Ta med",
        "no_referral": "Ingen hänvisning: biblioteket hjälper till.",
        "more": "Fler träffar",
        "actors": "Aktörer",
        "nothing": "Inget i matrisen matchar",
        "closest": "Närmaste ord i matrisen",
        "no_words": "Inga liknande ord i matrisen. Pröva ett kortare eller annat ord.",
        "score": "träff",
        "phone": "Telefon",
        "website": "Webb",
        "chat": "Chatt",
        "email": "E-post",
        "address": "Adress",
        "opening_hours": "Öppettider",
        "row": "rad",
        "id_document": "Legitimation",
        "library_card": "Lånekort",
        "e_id": "E-legitimation",
        "password": "Lösenord",
        "own_device": "Egen telefon, surfplatta eller dator",
        "other": "Annat",
    },
    "en": {
        "library_can": "The library can",
        "phrasing": "Say this",
        "solution": "Solution / reason",
        "refer_to": "Refer to",
        "requires": "Bring",
        "no_referral": "No referral: the library helps.",
        "more": "More hits",
        "actors": "Actors",
        "nothing": "Nothing in the matrix matches",
        "closest": "Closest words in the matrix",
        "no_words": "No similar words in the matrix. Try a shorter or different word.",
        "score": "score",
        "phone": "Phone",
        "website": "Web",
        "chat": "Chat",
        "email": "Email",
        "address": "Address",
        "opening_hours": "Opening hours",
        "row": "row",
        "id_document": "ID document",
        "library_card": "Library card",
        "e_id": "E-ID",
        "password": "Passwords",
        "own_device": "Own phone, tablet or computer",
        "other": "Other",
    },
}


def label(language: str, key: str) -> str:
    """A label in `language` (sv or en), falling back to Swedish."""
    return LABELS.get(language, LABELS["sv"]).get(key, LABELS["sv"][key])


def resolve_language(guidelines: Guidelines, override: str | None) -> str:
    """`--lang` if given (sv or en), else the library's language."""
    if override is None:
        return guidelines.library.language
    if override not in LABELS:
        raise UsageError(f"--lang must be 'sv' or 'en', not '{override}'")
    return override


@dataclass(frozen=True)
class MatrixRow:
    """A matrix row with its category and the actors it refers to."""

    category: Category
    row: Row
    actors: tuple[Actor, ...]


def matrix_rows(guidelines: Guidelines) -> list[MatrixRow]:
    """Every row in document order, with its referred actors resolved (unknown ids skipped)."""
    by_id = {actor.id: actor for actor in guidelines.actors.actors}
    return [
        MatrixRow(category, row, tuple(by_id[a] for a in row.refer_to if a in by_id))
        for category, row in guidelines.matrix.rows()
    ]


def row_document(item: MatrixRow) -> SearchDoc:
    """The searchable text of one row: its own fields, category title and referred actors."""
    row = item.row
    return SearchDoc(
        row.id,
        {
            "need": [row.need],
            "keywords": list(row.keywords),
            "solution": [row.solution],
            "library_can": [row.library_can] if row.library_can else [],
            "category": [item.category.title],
            "actor_name": [actor.name for actor in item.actors],
            "actor_helps": [text for actor in item.actors for text in actor.helps_with],
        },
    )


def actor_document(actor: Actor) -> SearchDoc:
    """The searchable text of one actor."""
    return SearchDoc(
        actor.id,
        {
            "name": [actor.name],
            "helps_with": list(actor.helps_with),
            "description": [actor.description] if actor.description else [],
        },
    )


@dataclass
class RowIndex:
    """The rows of a matrix and a search index over them."""

    rows: list[MatrixRow]
    index: SearchIndex

    @classmethod
    def build(cls, guidelines: Guidelines) -> RowIndex:
        """Index every row of the loaded matrix."""
        rows = matrix_rows(guidelines)
        return cls(rows, SearchIndex((row_document(r) for r in rows), ROW_WEIGHTS))

    def by_id(self) -> dict[str, MatrixRow]:
        """Rows by id."""
        return {item.row.id: item for item in self.rows}


@dataclass(frozen=True)
class RowHit:
    """One matching row with its score (0–1) and the matrix words it matched."""

    item: MatrixRow
    score: float
    matched: tuple[str, ...]


@dataclass(frozen=True)
class ActorHit:
    """One matching actor."""

    actor: Actor
    score: float


@dataclass
class LookupResult:
    """What `lookup` found for one query."""

    query: str
    language: str
    hits: list[RowHit]
    actors: list[ActorHit]
    suggestions: list[str]


def keep_relevant(hits: Sequence[Hit], min_score: float = MIN_SCORE) -> list[Hit]:
    """Drop hits under `min_score` or far below the best one."""
    if not hits:
        return []
    floor = max(min_score, hits[0].score * RELATIVE_SCORE)
    return [hit for hit in hits if hit.score >= floor]


def lookup(guidelines: Guidelines, terms: Sequence[str], language: str) -> LookupResult:
    """Search the matrix rows and the actors for `terms`, best first."""
    query = " ".join(terms).strip()
    if not query:
        raise UsageError("give one or more search words, e.g. referral lookup bankid")
    row_index = RowIndex.build(guidelines)
    rows = row_index.by_id()
    hits = [
        RowHit(rows[hit.key], hit.score, hit.matched)
        for hit in keep_relevant(row_index.index.search(query))
    ]
    actors = {actor.id: actor for actor in guidelines.actors.actors}
    actor_index = SearchIndex((actor_document(a) for a in guidelines.actors.actors), ACTOR_WEIGHTS)
    actor_hits = [
        ActorHit(actors[hit.key], hit.score)
        for hit in keep_relevant(actor_index.search(query), ACTOR_MIN_SCORE)[:ACTOR_HITS]
    ]
    suggestions: list[str] = []
    if not hits:
        suggestions = row_index.index.suggest(query)
    return LookupResult(query, language, hits, actor_hits, suggestions)


def run_lookup(root: Path, terms: Sequence[str], language: str | None = None) -> LookupResult:
    """Load the matrix and actors at `root` (not the inventory) and search them."""
    guidelines = load_valid_guidelines(root, inventory=False)
    return lookup(guidelines, terms, resolve_language(guidelines, language))


def _contact_dict(actor: Actor) -> dict[str, Any]:
    contact = actor.contact.model_dump(exclude_none=True) if actor.contact else {}
    return {"id": actor.id, "name": actor.name, **contact}


def as_data(result: LookupResult) -> dict[str, Any]:
    """Plain data for JSON: ranked row hits, matching actors, suggestions."""
    return {
        "query": result.query,
        "hits": [
            {
                "rank": rank,
                "row": hit.item.row.id,
                "category": hit.item.category.id,
                "category_title": hit.item.category.title,
                "score": hit.score,
                "need": hit.item.row.need,
                "library_can": hit.item.row.library_can,
                "solution": hit.item.row.solution,
                "phrasing": hit.item.row.phrasing,
                "refer_to": list(hit.item.row.refer_to),
                "actors": [_contact_dict(actor) for actor in hit.item.actors],
                "requires": list(hit.item.row.requires),
                "matched": list(hit.matched),
            }
            for rank, hit in enumerate(result.hits, start=1)
        ],
        "actors": [{**_contact_dict(hit.actor), "score": hit.score} for hit in result.actors],
        "suggestions": result.suggestions,
    }


def format_json(result: LookupResult) -> str:
    """The result as indented JSON (UTF-8 text, not escaped)."""
    return json.dumps(as_data(result), ensure_ascii=False, indent=2)


def contact_lines(actor: Actor, language: str) -> list[str]:
    """`Label: value` lines for an actor's phone, website, chat, hours and address."""
    if actor.contact is None:
        return []
    contact = actor.contact
    pairs = [
        ("phone", contact.phone),
        ("website", contact.website),
        ("chat", contact.chat),
        ("opening_hours", contact.opening_hours),
        ("address", contact.address),
    ]
    return [f"{label(language, key)}: {value}" for key, value in pairs if value]


def _panel(hit: RowHit, language: str) -> RenderableType:
    from rich.console import Group
    from rich.panel import Panel
    from rich.text import Text

    row = hit.item.row
    parts: list[RenderableType] = []

    def section(key: str, body: str | Text) -> None:
        if parts:
            parts.append(Text(""))
        parts.append(Text(label(language, key), style="bold"))
        parts.append(body if isinstance(body, Text) else Text(body))

    if row.library_can:
        section("library_can", row.library_can)
    if row.phrasing:
        section("phrasing", Text(f"”{row.phrasing}”", style="italic"))
    section("solution", row.solution)
    if hit.item.actors:
        lines = Text()
        for number, actor in enumerate(hit.item.actors):
            if number:
                lines.append("\n")
            lines.append(actor.name, style="bold")
            for line in contact_lines(actor, language):
                lines.append(f"\n  {line}")
        section("refer_to", lines)
    elif not row.refer_to:
        section("refer_to", label(language, "no_referral"))
    if row.requires:
        section("requires", ", ".join(label(language, r) for r in row.requires))
    need = Text(row.need, style="bold")
    subtitle = f"{label(language, 'row')} {row.id} · {label(language, 'score')} {hit.score:.2f}"
    return Panel(
        Group(need, Text(""), *parts),
        title=hit.item.category.title,
        title_align="left",
        subtitle=subtitle,
        subtitle_align="right",
    )


def _one_liner(rank: int, hit: RowHit) -> str:
    refer = ", ".join(actor.name for actor in hit.item.actors)
    return f"{rank}. {hit.item.row.need}" + (f" → {refer}" if refer else "")


def _line(console: Console, text: str, *, style: str = "") -> None:
    """One line cut to the console's width (desk screens are narrow)."""
    from rich.text import Text

    console.print(Text(text, style=style), no_wrap=True, overflow="ellipsis")


def render_text(result: LookupResult, console: Console, *, show_all: bool = False) -> None:
    """Print the best row as a panel, the next few as one-liners, then matching actors."""
    language = result.language
    shown: set[str] = set()
    if not result.hits:
        console.print(f"{label(language, 'nothing')} ”{result.query}”.")
        if result.suggestions:
            console.print(f"{label(language, 'closest')}: {', '.join(result.suggestions)}")
        else:
            console.print(label(language, "no_words"))
    else:
        full = result.hits if show_all else result.hits[:1]
        for hit in full:
            console.print(_panel(hit, language))
            shown.update(actor.id for actor in hit.item.actors)
        rest = [] if show_all else result.hits[1 : 1 + MORE_HITS]
        if rest:
            _line(console, f"{label(language, 'more')}:", style="bold")
            for rank, hit in enumerate(rest, start=2):
                _line(console, "  " + _one_liner(rank, hit))
    actors = [hit.actor for hit in result.actors if hit.actor.id not in shown]
    if actors:
        _line(console, f"{label(language, 'actors')}:", style="bold")
        for actor in actors:
            details = "; ".join(contact_lines(actor, language)[:2])
            _line(console, f"  {actor.name}" + (f" ({details})" if details else ""))

"""`referral lookup`: find the matrix rows (and actors) that fit a query typed in a hurry.

The core loads only library, actors and matrix (never the inventory), builds a
`SearchIndex` over the rows and the actors, and returns a `LookupResult`; printing is
the CLI's job (`referral_cli.cli.show_lookup`); here `format_json` gives the JSON.

At the desk every millisecond counts, so `run_lookup` keeps what it built (the rows,
the actors and both indexes, as plain data) in the user's cache folder, keyed by the
three files' sizes, times and inodes (see `cache.load_snapshot`). A warm lookup then
imports neither pydantic nor yaml: the rows and actors come back as light objects
with the same attributes as the models. The answers are the same either way.
"""

from __future__ import annotations

import marshal
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, cast

# What is shown for a query is defined in `answers`, for lookup and the desk page alike.
from referral_cli.answers import ACTOR_HITS, ACTOR_MIN_SCORE, actor_index, sure_answer
from referral_cli.answers import ACTOR_WEIGHTS as ACTOR_WEIGHTS
from referral_cli.answers import MIN_SCORE as MIN_SCORE
from referral_cli.answers import RELATIVE_SCORE as RELATIVE_SCORE
from referral_cli.answers import actor_document as actor_document
from referral_cli.answers import keep_relevant as keep_relevant
from referral_cli.errors import UsageError
from referral_cli.i18n import language_for, phrase
from referral_cli.row_index import RowHit, RowIndex
from referral_cli.search import SearchIndex
from referral_cli.store.limits import QUERY_CHARACTERS
from referral_cli.store.repository import ACTORS_FILE, LIBRARY_FILE, MATRIX_FILE
from referral_cli.text import printable
from referral_cli.views import MatrixRow, helps_in

if TYPE_CHECKING:
    from referral_cli.models import Actor
    from referral_cli.store.repository import Guidelines

LOOKUP_FILES = (LIBRARY_FILE, ACTORS_FILE, MATRIX_FILE)
SNAPSHOT_KIND = "lookup"
# The modules whose code decides what a lookup loads, checks and indexes: a change in
# any of them makes the cached lookup data stale.
SNAPSHOT_MODULES = (
    "__init__.py",
    "store/cache.py",
    "store/limits.py",
    "store/links.py",
    "rules/loading.py",
    "rules/checks.py",
    "rules/plain_scalars.py",
    "rules/privacy.py",
    "rules/synonyms.py",
    "rules/translations.py",
    "store/translations.py",
    "i18n/visitor/__init__.py",
    "dates.py",
    "findings.py",
    "models.py",
    "reasons.py",
    "store/repository.py",
    "search.py",
    "rules/validation.py",
    "store/yamlio.py",
    "commands/lookup.py",
    "row_index.py",
    "text.py",
    "views.py",
    "choices.py",
    "answers.py",
)


@dataclass(frozen=True)
class ActorHit:
    """One matching actor."""

    actor: Actor
    score: float


@dataclass
class LookupResult:
    """What `lookup` found for one query.

    `visitor_language` is the language the visitor speaks (`--visitor-lang`), or None:
    with it, `speaks(actor)` tells which actors help in it.
    """

    query: str
    language: str
    hits: list[RowHit]
    actors: list[ActorHit]
    suggestions: list[str]
    unmatched: list[str] = field(default_factory=list)  # query words no row matched
    # Nothing found because no word of the query counts (only stop words such as "hur gör
    # jag", or one letter): the desk is told to name the errand, not to try other spellings.
    common_words_only: bool = False
    visitor_language: str | None = None

    def speaks(self, actor: Actor) -> bool | None:
        """Whether `actor` helps in the visitor's language.

        None when its languages are not recorded, or no visitor language was asked for.
        """
        if self.visitor_language is None:
            return None
        return helps_in(actor.languages, self.visitor_language)

    @property
    def answer(self) -> RowHit | None:
        """The best row when it is sure (`answers.sure_answer`): shown as the answer."""
        return sure_answer(self.hits)


@dataclass
class LookupData:
    """Everything a lookup searches: the rows and actors, indexed, and the language."""

    language: str
    rows: RowIndex
    actors: list[Actor]
    actor_index: SearchIndex

    @classmethod
    def build(cls, guidelines: Guidelines) -> LookupData:
        """Index the rows and the actors of loaded guidelines."""
        actors = list(guidelines.actors.actors)
        return cls(
            guidelines.library.language,
            RowIndex.build(guidelines),
            actors,
            actor_index(actors, guidelines.library.synonyms),
        )

    def to_plain(self) -> dict[str, Any]:
        """Plain data (for `marshal`) from which `from_plain` rebuilds this."""
        categories: list[Any] = []
        category_numbers: dict[int, int] = {}
        actor_numbers = {id(actor): number for number, actor in enumerate(self.actors)}
        rows = []
        for item in self.rows.rows:
            number = category_numbers.get(id(item.category))
            if number is None:
                number = category_numbers[id(item.category)] = len(categories)
                categories.append(_encode(item.category, skip="rows"))
            # A row is decoded only when a lookup shows it: one blob per row.
            blob = marshal.dumps(_encode(item.row), 4)
            rows.append((number, item.row.id, blob, [actor_numbers[id(a)] for a in item.actors]))
        return {
            "language": self.language,
            "categories": categories,
            "rows": rows,
            "actors": [_encode(actor) for actor in self.actors],
            "row_index": self.rows.index.to_state(),
            "actor_index": self.actor_index.to_state(),
        }

    @classmethod
    def from_plain(cls, data: dict[str, Any]) -> LookupData:
        """Rebuild from `to_plain`'s data; rows and actors become light objects."""
        categories = [_decode(category) for category in data["categories"]]
        for category in categories:
            category.rows = []
        actors = [_decode(actor) for actor in data["actors"]]
        rows = []
        for number, row_id, blob, actor_numbers in data["rows"]:
            category, light_row = categories[number], cast(Any, _LazyModel(blob, id=row_id))
            category.rows.append(light_row)
            rows.append(MatrixRow(category, light_row, tuple(actors[n] for n in actor_numbers)))
        return cls(
            str(data["language"]),
            RowIndex(rows, SearchIndex.from_state(data["row_index"])),
            actors,
            SearchIndex.from_state(data["actor_index"]),
        )


def _encode(value: Any, skip: str = "") -> Any:
    """Plain data for a model: ("m", fields, names of fields that need decoding).

    Dates become ("d", ordinal); text, numbers and lists of them stay as they are,
    so decoding touches only the few fields that are neither.
    """
    if isinstance(value, list):
        return [_encode(item) for item in value]
    if isinstance(value, date):
        return ("d", value.toordinal())
    if hasattr(value, "__pydantic_fields__"):
        fields: dict[str, Any] = {}
        special = []
        for name, item in vars(value).items():
            if name == skip:
                continue
            if not _is_plain(item):
                special.append(name)
            fields[name] = _encode(item)
        return ("m", fields, special)
    if _is_plain(value):
        return value
    raise ValueError(f"cannot keep {type(value).__name__} in the lookup cache")


def _is_plain(value: Any) -> bool:
    plain = (str, int, float, bool, type(None))
    return isinstance(value, plain) or (
        type(value) is list and all(isinstance(item, plain) for item in value)
    )


class _LazyModel:
    """A model's fields as attributes, unpacked from the cache when first read."""

    __slots__ = ("__dict__", "_blob")

    def __init__(self, blob: bytes, **known: Any) -> None:
        self.__dict__.update(known)
        self._blob: bytes | None = blob

    def __getattr__(self, name: str) -> Any:
        blob = self._blob
        if blob is None or name.startswith("__"):
            raise AttributeError(name)
        self._blob = None
        self.__dict__.update(vars(_decode(marshal.loads(blob))))
        return getattr(self, name)


def _decode(value: Any) -> Any:
    if type(value) is list:
        return [_decode(item) for item in value]
    if type(value) is tuple:
        if value[0] == "d":
            return date.fromordinal(value[1])
        _, fields, special = value
        light = SimpleNamespace(**fields)
        for name in special:
            setattr(light, name, _decode(fields[name]))
        return light
    return value


def lookup(guidelines: Guidelines, terms: Sequence[str], language: str) -> LookupResult:
    """Search the matrix rows and the actors for `terms`, best first."""
    _query(terms)
    return search(LookupData.build(guidelines), terms, language)


def _query(terms: Sequence[str]) -> str:
    query = " ".join(terms).strip()
    if not query:
        raise UsageError(phrase("error.lookup.no_terms"))
    if len(query) > QUERY_CHARACTERS:
        # A desk question is a few words; a pasted page would keep the desk waiting for
        # minutes (a single 5,000-letter word took seconds to find no suggestions for).
        raise UsageError(phrase("error.lookup.too_long", length=len(query), limit=QUERY_CHARACTERS))
    return query


def search(data: LookupData, terms: Sequence[str], language: str) -> LookupResult:
    """Search indexed rows and actors for `terms`, best first."""
    query = _query(terms)
    found, unmatched, counted = data.rows.query(query)
    hits = keep_relevant(found)
    actors = {actor.id: actor for actor in data.actors}
    actor_hits = [
        ActorHit(actors[hit.key], hit.score)
        for hit in keep_relevant(data.actor_index.search(query), ACTOR_MIN_SCORE)[:ACTOR_HITS]
    ]
    suggestions: list[str] = []
    common_words_only = False
    if not hits:
        suggestions = data.rows.index.suggest(query)
        common_words_only = not counted
    # The query is shown back: a control character typed or pasted into it is shown, not run.
    shown = printable(query)
    return LookupResult(
        shown,
        language,
        hits,
        actor_hits,
        suggestions,
        list(unmatched),
        common_words_only=common_words_only,
    )


def load_lookup_data(root: Path) -> LookupData:
    """The indexed rows and actors of the repository at `root`, from the cache if fresh.

    Raises `FindingsError` when library, actors or matrix have errors (those are
    never cached). Without the cache, or when it is stale, the files are loaded,
    checked and indexed, and the result is stored for the next lookup.
    """
    import gc

    from referral_cli.store import cache

    # Unpacking makes many small objects and frees none: the collector would only
    # rescan everything imported so far.
    collecting = gc.isenabled()
    gc.disable()
    try:
        cached = cache.load_snapshot(SNAPSHOT_KIND, root, SNAPSHOT_MODULES)
        if cached is not None:
            return LookupData.from_plain(cached)
    except (KeyError, TypeError, ValueError, IndexError, AttributeError):
        pass  # a damaged cache is only ignored
    finally:
        if collecting:
            gc.enable()
    from referral_cli.rules.loading import load_valid_guidelines

    contents: dict[str, bytes] = {}
    keys: list[Any] | None = None
    if cache.enabled():
        contents, keys = cache.read_files(root, LOOKUP_FILES)
    guidelines = load_valid_guidelines(root, inventory=False, contents=contents)
    data = LookupData.build(guidelines)
    if keys is not None:
        try:
            plain = data.to_plain()
        except ValueError:
            return data
        cache.save_snapshot(SNAPSHOT_KIND, root, SNAPSHOT_MODULES, keys, plain)
    return data


VISITOR_CODE = re.compile(r"[a-z]{2,3}(?:-[a-z0-9]{2,8})?")


def check_visitor_language(value: str | None) -> str | None:
    """`--visitor-lang` as a language code (`ar`, `sv-lattlast`); else a `UsageError`."""
    if value is None:
        return None
    code = value.strip()
    if not VISITOR_CODE.fullmatch(code):
        raise UsageError(phrase("visitors.error.visitor-lang", value=value))
    return code


def run_lookup(
    root: Path,
    terms: Sequence[str],
    language: str | None = None,
    visitor_language: str | None = None,
) -> LookupResult:
    """Load the matrix and actors at `root` (not the inventory) and search them.

    `visitor_language`: the language the visitor speaks; the result then tells which
    of each row's actors help in it (from the actors' `languages`).
    """
    visitor = check_visitor_language(visitor_language)
    data = load_lookup_data(root)
    result = search(data, terms, language_for(language, data.language))
    result.visitor_language = visitor
    return result


def _actor_dict(actor: Actor, result: LookupResult) -> dict[str, Any]:
    """An actor's id, name and contact; with a visitor language, whether it helps in it."""
    found = _contact_dict(actor)
    if result.visitor_language is not None:
        found["helps_in_visitor_language"] = result.speaks(actor)
    return found


def _contact_dict(actor: Actor) -> dict[str, Any]:
    # The contact's fields that are set; the same for a model and its light copy.
    contact = (
        {name: value for name, value in vars(actor.contact).items() if value is not None}
        if actor.contact
        else {}
    )
    return {"id": actor.id, "name": actor.name, **contact}


def as_data(result: LookupResult) -> dict[str, Any]:
    """Plain data for JSON: ranked row hits, matching actors, suggestions.

    With a visitor language, each actor also says `helps_in_visitor_language`: true,
    false, or null when its languages are not recorded.
    """
    answer = result.answer
    return {
        "query": result.query,
        "visitor_language": result.visitor_language,
        "answer": answer.item.row.id if answer else None,
        "unmatched": result.unmatched,
        "common_words_only": result.common_words_only,
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
                "actors": [_actor_dict(actor, result) for actor in hit.item.actors],
                "requires": list(hit.item.row.requires),
                "matched": list(hit.matched),
                "unmatched": list(hit.unmatched),
            }
            for rank, hit in enumerate(result.hits, start=1)
        ],
        "actors": [{**_actor_dict(hit.actor, result), "score": hit.score} for hit in result.actors],
        "suggestions": result.suggestions,
    }


def format_json(result: LookupResult) -> str:
    """The result as indented JSON (UTF-8 text, not escaped)."""
    import json

    return json.dumps(as_data(result), ensure_ascii=False, indent=2)

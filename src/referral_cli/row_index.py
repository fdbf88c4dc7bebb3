"""The matrix rows as a search index: what `lookup` and `match` both search.

A row is found by its own fields, its category's title and the actors it refers to
(`row_document`), each field weighed by `ROW_WEIGHTS`. The scoring itself lives in
`referral_cli.search`; this module only decides what a row's searchable text is and
turns the index's hits back into rows.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from referral_cli.search import SearchDoc, SearchIndex
from referral_cli.views import MatrixRow, matrix_rows

if TYPE_CHECKING:
    from referral_cli.store.repository import Guidelines

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
PHRASES = ("keywords",)  # a keyword of several words is one phrase (see SearchIndex)


def row_document(item: MatrixRow, shown: Mapping[str, str | None] | None = None) -> SearchDoc:
    """The searchable text of one row: its own fields, category title and referred actors.

    `shown` holds the texts a page shows instead (a visitor's language: `need`,
    `library_can`, `solution`, `category`); they are searched besides the originals,
    which a visitor meets on Swedish signs and websites.
    """
    row = item.row
    shown = shown or {}

    def texts(field: str, original: str | None) -> list[str]:
        other = shown.get(field)
        return ([other] if other and other != original else []) + ([original] if original else [])

    return SearchDoc(
        row.id,
        {
            "need": texts("need", row.need),
            "keywords": list(row.keywords),
            "solution": texts("solution", row.solution),
            "library_can": texts("library_can", row.library_can),
            "category": texts("category", item.category.title),
            "actor_name": [actor.name for actor in item.actors],
            "actor_helps": [text for actor in item.actors for text in actor.helps_with],
        },
    )


@dataclass(frozen=True)
class RowHit:
    """One matching row: its score (0–1), matrix words matched, query words not matched."""

    item: MatrixRow
    score: float
    matched: tuple[str, ...]
    unmatched: tuple[str, ...] = ()


@dataclass
class RowIndex:
    """The rows of a matrix and a search index over them."""

    rows: list[MatrixRow]
    index: SearchIndex
    _by_id: dict[str, MatrixRow] | None = field(default=None, init=False, repr=False)

    @classmethod
    def build(
        cls, guidelines: Guidelines, shown: Mapping[str, Mapping[str, str | None]] | None = None
    ) -> RowIndex:
        """Index every row of the loaded matrix (with `shown` texts by row id: `row_document`)."""
        rows = matrix_rows(guidelines)
        synonyms = guidelines.library.synonyms
        shown = shown or {}
        documents = (row_document(r, shown.get(r.row.id)) for r in rows)
        index = SearchIndex(documents, ROW_WEIGHTS, synonyms, PHRASES)
        return cls(rows, index)

    def by_id(self) -> dict[str, MatrixRow]:
        """Rows by id."""
        if self._by_id is None:
            self._by_id = {item.row.id: item for item in self.rows}
        return self._by_id

    def query(
        self, query: str, *, unknown_weight: float | None = None
    ) -> tuple[list[RowHit], tuple[str, ...], tuple[str, ...]]:
        """The rows matching `query` (best first), the words no row matched, the words counted.

        The words counted are none when the query holds only stop words or single letters.
        `unknown_weight` is passed on to `SearchIndex.query` only when given, so
        lookup keeps the search engine's own default.
        """
        found = (
            self.index.query(query)
            if unknown_weight is None
            else self.index.query(query, unknown_weight=unknown_weight)
        )
        rows = self.by_id()
        hits = [RowHit(rows[hit.key], hit.score, hit.matched, hit.unmatched) for hit in found.hits]
        return hits, found.unmatched, found.words

    def search(self, query: str, *, unknown_weight: float | None = None) -> list[RowHit]:
        """The rows matching `query`, best first."""
        return self.query(query, unknown_weight=unknown_weight)[0]

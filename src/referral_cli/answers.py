"""What the desk is shown for a query: one definition for `lookup` and the desk page.

`referral lookup` (`commands/lookup.py`) and the desk page (`referral_cli.pages`, run in
the browser by a JavaScript port of the search) must show the same rows for the same
query. Both take from here what decides it beyond the row index (`row_index`): the
thresholds of a shown row and of an answer, and the index of the actors. The desk page
embeds these numbers and the built indexes as data, so nothing is defined twice.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Protocol, TypeVar

from referral_cli.search import SearchDoc, SearchIndex

if TYPE_CHECKING:
    from referral_cli.models import Actor

ACTOR_WEIGHTS: dict[str, float] = {"name": 1.0, "helps_with": 0.7, "description": 0.4}

MIN_SCORE = 0.2  # below this a row is not shown at all
# The best row is shown as the answer only at or above this score (see README, "Score");
# below it the rows are only the closest ones. Calibrated on tests/eval/desk_queries.yaml.
ANSWER_SCORE = 0.6
# Two rows this close are equally good readings of the query (a synonym leading to both,
# a word both rows carry): neither is the answer, whichever the index happens to list
# first; the desk sees the closest rows and chooses.
TIE_MARGIN = 0.05
RELATIVE_SCORE = 0.3  # rows scoring under this share of the best one are noise
ACTOR_HITS = 3
ACTOR_MIN_SCORE = 0.5  # actors are listed for what they are, not for a stray word


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


def actor_index(actors: Sequence[Actor], synonyms: Mapping[str, Sequence[str]]) -> SearchIndex:
    """The index of the actors a query also lists (by name, services, description)."""
    return SearchIndex((actor_document(a) for a in actors), ACTOR_WEIGHTS, synonyms)


class _Scored(Protocol):
    @property
    def score(self) -> float: ...


ScoredT = TypeVar("ScoredT", bound=_Scored)


def sure_answer(hits: Sequence[ScoredT]) -> ScoredT | None:
    """The best hit when it is shown as the answer (hits come best first), else None.

    It must score `ANSWER_SCORE` or more and be clearly ahead of the second best.
    """
    if not hits or hits[0].score < ANSWER_SCORE:
        return None
    if len(hits) > 1 and _lead(hits[0].score, hits[1].score) < round(TIE_MARGIN * 10_000):
        return None
    return hits[0]


def _lead(best: float, second: float) -> int:
    """How far `best` is ahead, in ten-thousandths (scores carry four decimals).

    Whole numbers, so 0.95 against 0.90 is 500 and not 0.0499999…; the page computes
    the same with Math.round.
    """
    return round(best * 10_000) - round(second * 10_000)


def keep_relevant(hits: Sequence[ScoredT], min_score: float = MIN_SCORE) -> list[ScoredT]:
    """Drop hits under `min_score` or far below the best one (hits come best first)."""
    if not hits:
        return []
    floor = max(min_score, hits[0].score * RELATIVE_SCORE)
    return [hit for hit in hits if hit.score >= floor]

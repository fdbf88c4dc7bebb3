"""Measure lookup and match against the desk evaluation set (desk_queries.yaml).

Used by tests/test_search_eval.py (which asserts the targets) and by
benchmarks/bench_lookup.py (which records the figures). Run it directly for a report
with every miss:

    python -m tests.eval.evaluate

Definitions
    top-1: for a query with an expected row, that row is the first hit; for a query
    the matrix has no row for ("none"), nothing is shown as the answer.
    top-3: the expected row is among the first three hits ("none": as for top-1).
    shown as the answer: for `lookup`, the best row scores at least
    `lookup.ANSWER_SCORE` (the renderer shows it as the answer; below it, the rows are
    only "closest rows"); for `match`, `match.unattended_choice` picks the best row,
    that is what `match --apply --yes` would write unattended.
    confident wrong answer: a row shown as the answer that is not the expected one, or
    any row shown as the answer for a "none" query.
    answered: queries with a row whose expected row is shown as the answer.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from referral_cli.commands import lookup as lookup_core
from referral_cli.commands import match as match_core
from referral_cli.models import InventoryEntry
from referral_cli.store.repository import Guidelines, LoadedEntry
from referral_cli.store.yamlio import SourceMap

CASES_FILE = Path(__file__).resolve().parent / "desk_queries.yaml"
REPO_ROOT = Path(__file__).resolve().parents[2]

# How a query reads as an inventory entry: a staff member's description of the case,
# with the narrative words real entries have. The templates take turns.
SENTENCES = (
    "En besökare ville ha hjälp med {q}.",
    "Besökaren frågade om {q}. Jag var osäker på vad vi får göra.",
    "Fick en fråga om {q} i disken.",
    "En äldre man kom fram och frågade om {q}, han pratade lite svenska.",
    "Hjälpte en besökare med {q}, det tog lång tid.",
    "Besökaren behövde hjälp med {q} och hade blivit hänvisad hit av någon annan.",
    "Någon frågade i informationsdisken om {q}.",
    "Ung besökare med frågor om {q}, visste inte vart hon skulle vända sig.",
)


@dataclass(frozen=True)
class Case:
    """One desk query and the row staff should get (None: the matrix has no row)."""

    query: str
    row: str | None
    kind: str


@dataclass(frozen=True)
class Outcome:
    """What one query got: the ranked rows (best first) and the row shown as the answer."""

    case: Case
    ranked: tuple[str, ...]
    scores: tuple[float, ...]
    answer: str | None

    @property
    def top1(self) -> bool:
        """The expected row came first (a "none" query: nothing shown as the answer)."""
        if self.case.row is None:
            return self.answer is None
        return self.ranked[:1] == (self.case.row,)

    @property
    def top3(self) -> bool:
        """The expected row is among the first three (a "none" query: as `top1`)."""
        if self.case.row is None:
            return self.answer is None
        return self.case.row in self.ranked[:3]

    @property
    def confident_wrong(self) -> bool:
        """A row shown as the answer that is not the expected one."""
        return self.answer is not None and self.answer != self.case.row

    @property
    def answered(self) -> bool:
        """The expected row is shown as the answer."""
        return self.case.row is not None and self.answer == self.case.row


@dataclass(frozen=True)
class Figures:
    """The outcomes of one run over the evaluation set."""

    outcomes: tuple[Outcome, ...]

    def _share(self, test: Callable[[Outcome], bool], rows_only: bool = False) -> float:
        pool = [o for o in self.outcomes if o.case.row is not None or not rows_only]
        return sum(1 for o in pool if test(o)) / len(pool) if pool else 0.0

    @property
    def top1(self) -> float:
        """Share of queries with the right first answer."""
        return self._share(lambda o: o.top1)

    @property
    def top3(self) -> float:
        """Share of queries with the right row among the first three."""
        return self._share(lambda o: o.top3)

    @property
    def confident_wrong(self) -> int:
        """How many queries got a wrong row shown as the answer."""
        return sum(1 for o in self.outcomes if o.confident_wrong)

    @property
    def answered(self) -> float:
        """Share of queries with a row whose row is shown as the answer."""
        return self._share(lambda o: o.answered, rows_only=True)

    def misses(self) -> list[Outcome]:
        """Outcomes that are not right first, or are confidently wrong."""
        return [o for o in self.outcomes if not o.top1 or o.confident_wrong]

    def summary(self) -> str:
        """One line of figures."""
        return (
            f"{len(self.outcomes)} queries: top-1 {self.top1:.1%}, top-3 {self.top3:.1%}, "
            f"confident wrong {self.confident_wrong}, answered {self.answered:.1%}"
        )


def load_cases(path: Path = CASES_FILE) -> list[Case]:
    """The evaluation set."""
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        Case(str(item["q"]), None if item["row"] == "none" else str(item["row"]), item["kind"])
        for item in data["queries"]
    ]


def bundled() -> Guidelines:
    """The bundled example (library, actors, matrix), checked."""
    from referral_cli.rules.loading import load_valid_guidelines

    return load_valid_guidelines(REPO_ROOT, inventory=False)


def evaluate_lookup(guidelines: Guidelines, cases: Sequence[Case]) -> Figures:
    """Every case through lookup's core, as `referral lookup QUERY` runs it."""
    data = lookup_core.LookupData.build(guidelines)
    outcomes = []
    for case in cases:
        result = lookup_core.search(data, [case.query], guidelines.library.language)
        answer = result.answer
        outcomes.append(
            Outcome(
                case,
                tuple(hit.item.row.id for hit in result.hits),
                tuple(hit.score for hit in result.hits),
                answer.item.row.id if answer else None,
            )
        )
    return Figures(tuple(outcomes))


def sentence(number: int, case: Case, rotation: int = 0) -> str:
    """The inventory-like sentence for the `number`th case (templates take turns)."""
    return SENTENCES[(number + rotation) % len(SENTENCES)].format(q=case.query)


def evaluate_match(guidelines: Guidelines, cases: Sequence[Case], rotation: int = 0) -> Figures:
    """Every case as an inventory entry's description through match's proposals."""
    entries = [
        LoadedEntry(
            Path(f"eval-{number:03d}.yaml"),
            f"eval-{number:03d}.yaml",
            InventoryEntry(date=date(2026, 8, 20), description=sentence(number, case, rotation)),
            SourceMap(),
        )
        for number, case in enumerate(cases)
    ]
    with_entries = dataclasses.replace(guidelines, entries=entries)
    proposals = match_core.propose(with_entries)
    outcomes = []
    for case, proposal in zip(cases, proposals, strict=True):
        choice = match_core.unattended_choice(proposal)
        outcomes.append(
            Outcome(
                case,
                tuple(c.item.row.id for c in proposal.candidates),
                tuple(c.score for c in proposal.candidates),
                choice.item.row.id if choice else None,
            )
        )
    return Figures(tuple(outcomes))


def evaluate_match_every_sentence(guidelines: Guidelines, cases: Sequence[Case]) -> Figures:
    """`evaluate_match` with each case written in every one of the `SENTENCES`."""
    outcomes = [
        outcome
        for rotation in range(len(SENTENCES))
        for outcome in evaluate_match(guidelines, cases, rotation).outcomes
    ]
    return Figures(tuple(outcomes))


def report(figures: Figures, title: str) -> str:
    """The figures and every miss, one line each."""
    lines = [f"{title}: {figures.summary()}"]
    for outcome in figures.misses():
        ranked = ", ".join(
            f"{row} {score:.2f}" for row, score in zip(outcome.ranked, outcome.scores, strict=True)
        )
        flag = " CONFIDENT WRONG" if outcome.confident_wrong else ""
        lines.append(
            f"  {outcome.case.query!r} ({outcome.case.kind}) expected {outcome.case.row}: "
            f"[{ranked}]{flag}"
        )
    return "\n".join(lines)


def main() -> None:
    """Print both reports."""
    guidelines = bundled()
    cases = load_cases()
    print(report(evaluate_lookup(guidelines, cases), "lookup"))
    print(report(evaluate_match_every_sentence(guidelines, cases), "match"))


if __name__ == "__main__":
    main()

"""`referral match`: propose matrix rows for inventory entries that have none.

The same search as `referral lookup` runs over each entry's description and
reflection. Entries whose best row scores at least `min_score` get proposals; the
rest are *gaps*: questions the matrix has no row for yet. Gaps are grouped so that
questions about the same thing sit together (see `group_gaps`).

Applying a choice edits the entry file surgically (`entry_edit.update_entry_file`):
only `row:` (and `category:` when it changes) are set, the rest of the file stays
byte-identical, and the edited entry must validate before it is written.
"""

from __future__ import annotations

import heapq
import json
import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from referral_cli.errors import FindingsError
from referral_cli.findings import Finding
from referral_cli.i18n import language_for, t
from referral_cli.row_index import RowHit, RowIndex
from referral_cli.rules.loading import load_valid_guidelines
from referral_cli.search import content_words, fold
from referral_cli.store.entry_edit import update_entry_file
from referral_cli.store.repository import Guidelines, LoadedEntry

MIN_SCORE = 0.2  # calibrated on the bundled example: real matches score ≥ 0.2, gaps ≤ 0.18
# A question's words that no row contains count half a rare word each: a long question
# always has words no row uses, yet a question that shares one word with a row and has
# another that no row knows ("boka tvättstuga") must not look like a match.
UNKNOWN_WEIGHT = 0.5
# `--apply --yes` writes a proposal only at or above this score (unless --min-score is
# given) and only when the second best scores at least AMBIGUITY_MARGIN less.
# Calibrated on tests/eval/desk_queries.yaml (see benchmarks/README.md).
AUTO_APPLY_SCORE = 0.7
AMBIGUITY_MARGIN = 0.15
PROPOSALS = 3
GROUP_SIMILARITY = 0.12  # weighted share of distinctive words two gap questions must share
_STEM = 6  # words are compared on their first letters, so inflections meet

# One proposed row for an entry: the row, its score and the words it matched.
Candidate = RowHit


@dataclass
class Proposal:
    """An inventory entry without a row and the rows proposed for it, best first."""

    loaded: LoadedEntry
    candidates: list[Candidate]
    unmatched: tuple[str, ...] = ()  # the question's words no row has, as written

    @property
    def best(self) -> Candidate | None:
        """The best candidate, if any row matched at all."""
        return self.candidates[0] if self.candidates else None

    def is_good(self, min_score: float) -> bool:
        """True when the best candidate reaches `min_score`."""
        return self.best is not None and self.best.score >= min_score


@dataclass
class GapGroup:
    """Gap questions that are about the same thing."""

    words: list[str]
    proposals: list[Proposal]


@dataclass
class MatchReport:
    """Proposals for every entry without a row, and the gaps among them."""

    proposals: list[Proposal]
    min_score: float
    language: str
    library_name: str
    reason_labels: dict[str, str] = field(default_factory=dict)
    actor_names: dict[str, str] = field(default_factory=dict)
    background: list[str] = field(default_factory=list)

    @property
    def good(self) -> list[Proposal]:
        """Entries with a proposal at or above the minimum score."""
        return [p for p in self.proposals if p.is_good(self.min_score)]

    @property
    def gaps(self) -> list[Proposal]:
        """Entries no row fits well enough."""
        return [p for p in self.proposals if not p.is_good(self.min_score)]

    def gap_groups(self) -> list[GapGroup]:
        """The gaps grouped by similarity, words weighed against all questions."""
        return group_gaps(self.gaps, self.background)


def entry_query(entry: LoadedEntry) -> str:
    """The text an entry is matched on: its description and reflection."""
    return " ".join(part for part in (entry.entry.description, entry.entry.reflection) if part)


def propose(
    guidelines: Guidelines, *, limit: int = PROPOSALS, index: RowIndex | None = None
) -> list[Proposal]:
    """Rank rows for every entry that has no `row`, in file order.

    An entry that already names a `category` only gets rows from that category.
    """
    index = index or RowIndex.build(guidelines)
    proposals = []
    for loaded in guidelines.entries:
        if loaded.entry.row is not None:
            continue
        candidates = []
        hits, unmatched, _ = index.query(entry_query(loaded), unknown_weight=UNKNOWN_WEIGHT)
        for hit in hits:
            if loaded.entry.category and hit.item.category.id != loaded.entry.category:
                continue
            candidates.append(hit)
            if len(candidates) == limit:
                break
        proposals.append(Proposal(loaded, candidates, _distinct(unmatched)))
    return proposals


def _distinct(words: Sequence[str]) -> tuple[str, ...]:
    """Each word once (ignoring case), as first written."""
    seen: set[str] = set()
    kept = []
    for word in words:
        if word.casefold() not in seen:
            seen.add(word.casefold())
            kept.append(word)
    return tuple(kept)


def build_report(
    guidelines: Guidelines, *, min_score: float = MIN_SCORE, language: str | None = None
) -> MatchReport:
    """Proposals and gaps for the loaded repository."""
    language = language_for(language, guidelines.library.language)
    return MatchReport(
        propose(guidelines),
        min_score,
        language,
        guidelines.library.name,
        {r.id: r.label for r in guidelines.library.reason_vocabulary(language)},
        {a.id: a.name for a in guidelines.actors.actors},
        [entry_query(loaded) for loaded in guidelines.entries],
    )


def run_match(
    root: Path, *, min_score: float = MIN_SCORE, language: str | None = None
) -> MatchReport:
    """Load the whole repository (it must validate) and build the report."""
    return build_report(
        load_valid_guidelines(root, inventory=True), min_score=min_score, language=language
    )


# --- grouping gaps ----------------------------------------------------------------------


def _stems(text: str) -> set[str]:
    return {word[:_STEM] for word in content_words(text)}


def group_gaps(
    gaps: Sequence[Proposal],
    background: Sequence[str] = (),
    threshold: float = GROUP_SIMILARITY,
) -> list[GapGroup]:
    """Group gap questions that share distinctive words (average-link clustering).

    Every question becomes a set of word stems (the first six letters of each content
    word, so `telefon` and `telefonen` meet). Each stem weighs by how rare it is among
    the `background` texts (all inventory questions; default: the gaps), so words that
    every question uses weigh almost nothing. The similarity of two questions is the
    weight of the stems they share divided by the weight of all their stems (0–1).
    Starting from one group per question, the two most similar groups are merged again
    and again, the similarity of two groups being the average over their pairs of
    questions, until no two groups reach `threshold`. The largest groups come first;
    questions keep file order inside a group.
    """
    stems = [_stems(entry_query(p.loaded)) for p in gaps]
    corpus = [_stems(text) for text in background] or stems
    frequency: Counter[str] = Counter(s for group in corpus for s in group)
    total = len(corpus)

    def weight(stem: str) -> float:
        return math.log(1 + total / (frequency[stem] or 1))

    # Sparse similarities: most pairs of questions share nothing.
    by_stem: dict[str, list[int]] = {}
    for i, group in enumerate(stems):
        for stem in group:
            by_stem.setdefault(stem, []).append(i)
    mass = [sum(weight(s) for s in group) for group in stems]
    shared: dict[tuple[int, int], float] = {}
    for stem, holders in by_stem.items():
        for a, i in enumerate(holders):
            for j in holders[a + 1 :]:
                shared[(i, j)] = shared.get((i, j), 0.0) + weight(stem)
    neighbours: dict[int, dict[int, float]] = {i: {} for i in range(len(gaps))}
    for (i, j), overlap in shared.items():
        similarity = overlap / (mass[i] + mass[j] - overlap)
        neighbours[i][j] = neighbours[j][i] = similarity
    clusters = _average_link(neighbours, threshold)
    groups = [
        GapGroup(_group_words([gaps[i] for i in members], weight), [gaps[i] for i in members])
        for members in clusters
    ]
    groups.sort(key=lambda g: -len(g.proposals))  # stable: file order among equals
    return groups


def _average_link(neighbours: dict[int, dict[int, float]], threshold: float) -> list[list[int]]:
    """Merge the most similar clusters while their average similarity >= `threshold`.

    `neighbours[i][j]` is the similarity of items i and j (missing: 0). Uses a heap of
    candidate pairs; a merged cluster gets a new id, so stale pairs are simply skipped.
    Returns the clusters, each sorted, ordered by their first item.
    """
    members: dict[int, list[int]] = {i: [i] for i in neighbours}
    links = {i: dict(row) for i, row in neighbours.items()}
    heap = [(-s, i, j) for i, row in links.items() for j, s in row.items() if i < j]
    heap = [entry for entry in heap if -entry[0] >= threshold]
    heapq.heapify(heap)
    next_id = len(neighbours)
    while heap:
        _, i, j = heapq.heappop(heap)
        if i not in members or j not in members:
            continue
        left, right = members.pop(i), members.pop(j)
        row_i, row_j = links.pop(i), links.pop(j)
        merged: dict[int, float] = {}
        for k in (row_i.keys() | row_j.keys()) - {i, j}:
            similarity = (len(left) * row_i.get(k, 0.0) + len(right) * row_j.get(k, 0.0)) / (
                len(left) + len(right)
            )
            links[k].pop(i, None)
            links[k].pop(j, None)
            if similarity > 0:
                merged[k] = links[k][next_id] = similarity
                if similarity >= threshold:
                    heapq.heappush(heap, (-similarity, k, next_id))
        members[next_id] = sorted(left + right)
        links[next_id] = merged
        next_id += 1
    return sorted(members.values())


def _group_words(proposals: list[Proposal], weight: Callable[[str], float]) -> list[str]:
    """Up to four words that describe a group, as written in its descriptions.

    Words shared by more of the group's questions come first, then rarer words, then
    longer ones (in Swedish the long words are mostly the telling compounds).
    """
    counts: Counter[str] = Counter()
    surface: dict[str, Counter[str]] = {}
    for proposal in proposals:
        seen: set[str] = set()
        for word in proposal.loaded.entry.description.split():
            cleaned = word.strip(".,;:!?()\"'”“").lower()
            if not content_words(cleaned):
                continue
            stem = fold(cleaned)[:_STEM]
            surface.setdefault(stem, Counter())[cleaned] += 1
            if stem not in seen:
                seen.add(stem)
                counts[stem] += 1
    minimum = 2 if len(proposals) > 1 and any(n > 1 for n in counts.values()) else 1
    ranked = sorted(
        (s for s in counts if counts[s] >= minimum),
        key=lambda s: (-counts[s], -round(weight(s), 3), -len(surface[s].most_common(1)[0][0])),
    )
    return [surface[s].most_common(1)[0][0] for s in ranked[:4]]


# --- applying ---------------------------------------------------------------------------


def apply_candidate(proposal: Proposal, candidate: Candidate) -> None:
    """Write the candidate's row (and category, if it changes) into the entry file."""
    entry = proposal.loaded.entry
    updates: dict[str, str] = {}
    if entry.category != candidate.item.category.id:
        updates["category"] = candidate.item.category.id
    updates["row"] = candidate.item.row.id
    loaded = proposal.loaded
    # Only the file as the proposal was made from: a colleague may have set `row:` since.
    update_entry_file(loaded.path, updates, loaded.display, expected=loaded.digest)


@dataclass
class ApplySummary:
    """What an apply session did."""

    applied: list[tuple[Proposal, Candidate]] = field(default_factory=list)
    skipped: list[Proposal] = field(default_factory=list)
    failed: list[Finding] = field(default_factory=list)
    quit: bool = False
    # `--yes`: the entries with proposals it did not write (weak or ambiguous), left
    # for a person to choose.
    unattended: bool = False
    left: list[Proposal] = field(default_factory=list)

    def apply(self, proposal: Proposal, candidate: Candidate) -> bool:
        """Write one choice; a file that cannot be edited safely is recorded, not fatal."""
        try:
            apply_candidate(proposal, candidate)
        except FindingsError as exc:
            self.failed.extend(exc.findings)
            return False
        self.applied.append((proposal, candidate))
        return True


def unattended_choice(proposal: Proposal, min_score: float = AUTO_APPLY_SCORE) -> Candidate | None:
    """The candidate `--apply --yes` may write for `proposal`, or None.

    Only the best one, only when it scores at least `min_score`, and never when the
    second best is nearly as good (within `AMBIGUITY_MARGIN`): then a person must choose.
    """
    best = proposal.best
    if best is None or best.score < min_score:
        return None
    runner_up = proposal.candidates[1] if len(proposal.candidates) > 1 else None
    if runner_up is not None and best.score - runner_up.score < AMBIGUITY_MARGIN:
        return None
    return best


def apply_above(report: MatchReport, min_score: float = AUTO_APPLY_SCORE) -> ApplySummary:
    """Write every top proposal `unattended_choice` allows (for `--yes`)."""
    summary = ApplySummary(unattended=True)
    for proposal in report.proposals:
        choice = unattended_choice(proposal, min_score)
        if choice is not None:
            summary.apply(proposal, choice)
        elif proposal.candidates:
            summary.left.append(proposal)
    return summary


def apply_interactively(
    report: MatchReport, ask: Callable[[str], str], say: Callable[[str], None]
) -> ApplySummary:
    """Ask about each entry that has candidates: accept, choose another, skip or quit.

    Every accepted choice is written at once, so quitting keeps what was applied. A
    file that cannot be edited safely is reported and the session goes on.
    """
    language = report.language
    summary = ApplySummary()
    asked = [proposal for proposal in report.proposals if proposal.candidates]
    for number, proposal in enumerate(asked, start=1):
        say(describe_proposal(proposal, number, report, reasons=True))
        count = len(proposal.candidates)
        while True:
            answer = ask(t("match.prompt", language, count=count)).strip().lower()
            if answer == "a":
                chosen: Candidate | None = proposal.candidates[0]
            elif answer.isdigit() and 1 <= int(answer) <= count:
                chosen = proposal.candidates[int(answer) - 1]
            elif answer == "s":
                chosen = None
            elif answer == "q":
                summary.quit = True
                say(t("match.quit", language))
                return summary
            else:
                say(t("match.bad_answer", language, count=count))
                continue
            break
        if chosen is None:
            summary.skipped.append(proposal)
            say(t("match.skipped", language, file=proposal.loaded.display))
        elif summary.apply(proposal, chosen):
            say(t("match.wrote", language, row=chosen.item.row.id, file=proposal.loaded.display))
        else:
            say("\n".join(finding.format(language) for finding in summary.failed[-1:]))
    return summary


# --- output -----------------------------------------------------------------------------


def _excerpt(text: str, width: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"


def describe_proposal(
    proposal: Proposal, number: int, report: MatchReport, *, reasons: bool = False
) -> str:
    """A few lines about one entry and its candidates, numbered 1..n.

    With `reasons` (when asking which row to write), each candidate also shows the
    row's words the question matched, and the question's words no row has are named:
    the coordinator sees why a row was proposed, and what it leaves out.
    """
    language = report.language
    entry = proposal.loaded.entry
    lines = [
        f"{number}. {proposal.loaded.display} ({entry.date})",
        f"   {_excerpt(entry.description)}",
    ]
    for rank, candidate in enumerate(proposal.candidates, start=1):
        weak = "" if candidate.score >= report.min_score else f"  ({t('match.weak', language)})"
        lines.append(
            f"   [{rank}] {candidate.item.row.id} {candidate.score:.2f}  "
            f"{_excerpt(candidate.item.row.need, 60)}{weak}"
        )
        if reasons and candidate.matched:
            words = ", ".join(candidate.matched)
            lines.append("       " + _excerpt(t("match.matched", language, words=words), 86))
    if reasons and proposal.unmatched:
        words = ", ".join(proposal.unmatched)
        lines.append("   " + _excerpt(t("match.unmatched", language, words=words)))
    return "\n".join(lines)


def _closest(proposal: Proposal, language: str) -> str:
    best = proposal.best
    if best is None:
        return t("match.none_closest", language)
    return t("match.closest", language, row=best.item.row.id, score=f"{best.score:.2f}")


def _group_heading(number: int, group: GapGroup, language: str) -> str:
    """`Group 1: words (2 questions)`, in the text report and as a Markdown heading."""
    size = len(group.proposals)
    questions = t(
        "match.questions.one" if size == 1 else "match.questions.many", language, count=size
    )
    return t(
        "match.group", language, number=number, words=", ".join(group.words), questions=questions
    )


def format_gaps(report: MatchReport) -> str:
    """The gaps, grouped, or a line saying there are none."""
    language = report.language
    groups = report.gap_groups()
    if not groups:
        return t("match.no_gaps", language)
    lines = [t("match.gaps", language, count=len(report.gaps))]
    for number, group in enumerate(groups, start=1):
        lines.append(_group_heading(number, group, language))
        for proposal in group.proposals:
            excerpt = _excerpt(proposal.loaded.entry.description, 70)
            lines.append(
                f"  - {proposal.loaded.display}: {excerpt} [{_closest(proposal, language)}]"
            )
    return "\n".join(lines)


def format_text(report: MatchReport) -> str:
    """Proposals for entries with a good match, then the grouped gaps."""
    language = report.language
    if not report.proposals:
        return t("match.nothing", language)
    blocks: list[str] = []
    good = report.good
    if good:
        blocks.append(t("match.proposals", language, count=len(good)))
        for number, proposal in enumerate(good, start=1):
            blocks.append(describe_proposal(proposal, number, report))
    blocks.append(format_gaps(report))
    return "\n\n".join(blocks)


def format_markdown(report: MatchReport, today: date | None = None) -> str:
    """The gaps as a Markdown document for the working group."""
    language = report.language
    today = today or date.today()
    lines = [
        f"# {t('match.md.title', language)}",
        "",
        t("match.md.compiled", language, library=report.library_name, date=today.isoformat()),
        "",
        t("match.md.intro", language),
        "",
    ]
    groups = report.gap_groups()
    if not groups:
        lines += [t("match.md.none", language), ""]
    for number, group in enumerate(groups, start=1):
        lines += [f"## {_group_heading(number, group, language)}", ""]
        if len(group.proposals) > 1:
            lines += [t("match.md.common", language, words=", ".join(group.words)), ""]
        for proposal in group.proposals:
            entry = proposal.loaded.entry
            lines.append(f"### {entry.date} · `{proposal.loaded.display}`")
            lines += ["", " ".join(entry.description.split()), ""]
            if entry.reflection:
                lines += [
                    f"*{t('match.md.reflection', language)}:* {' '.join(entry.reflection.split())}",
                    "",
                ]
            details = []
            if entry.reasons:
                reasons = ", ".join(report.reason_labels.get(r, r) for r in entry.reasons)
                details.append(f"- {t('match.md.reasons', language)}: {reasons}")
            if entry.referred_to:
                names = ", ".join(report.actor_names.get(a, a) for a in entry.referred_to)
                details.append(f"- {t('match.md.referred', language)}: {names}")
            best = proposal.best
            closest = (
                f"{best.item.row.id} ({best.item.row.need}), {best.score:.2f}"
                if best
                else t("match.none_closest", language)
            )
            details.append(f"- {t('match.md.closest', language)}: {closest}")
            lines += [*details, ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def as_data(report: MatchReport) -> dict[str, Any]:
    """Plain data for JSON: proposals per entry and the grouped gaps."""

    def candidates(proposal: Proposal) -> list[dict[str, Any]]:
        return [
            {
                "row": c.item.row.id,
                "category": c.item.category.id,
                "score": c.score,
                "need": c.item.row.need,
                "refer_to": list(c.item.row.refer_to),
                "matched": list(c.matched),
            }
            for c in proposal.candidates
        ]

    return {
        "min_score": report.min_score,
        "entries": [
            {
                "file": p.loaded.display,
                "date": p.loaded.entry.date.isoformat(),
                "good": p.is_good(report.min_score),
                "candidates": candidates(p),
                "unmatched": list(p.unmatched),
            }
            for p in report.proposals
        ],
        "gaps": [
            {"words": g.words, "files": [p.loaded.display for p in g.proposals]}
            for g in report.gap_groups()
        ],
    }


def format_json(report: MatchReport) -> str:
    """The report as indented JSON."""
    return json.dumps(as_data(report), ensure_ascii=False, indent=2)


def summary_line(language: str, summary: ApplySummary) -> str:
    """One line after an apply session."""
    if summary.unattended:
        line = t(
            "match.summary_unattended",
            language,
            applied=len(summary.applied),
            left=len(summary.left),
        )
    else:
        line = t(
            "match.summary", language, applied=len(summary.applied), skipped=len(summary.skipped)
        )
    if summary.failed:
        line += " " + t("match.failed", language, count=len(summary.failed))
    return line

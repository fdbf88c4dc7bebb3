"""Checks of the library's synonyms (`synonyms:` in data/library.yaml).

A synonym leads from a word visitors or staff use (``printa``) to words the matrix uses
(``skriva ut``); `lookup` and `match` follow it one step, never further. So:

- every word a synonym leads to should be found in the matrix (a row's texts or the
  actors it refers to), or the synonym finds nothing (`unknown-synonym-target`);
- a word should be listed once: two keys that are the same word once case, å/ä/ö and
  hyphens are ignored (`iPad`, `ipad`), a target listed twice, or a word leading to
  itself (`duplicate-synonym`, `duplicate-synonym-target`, `synonym-of-itself`);
- synonyms that lead back to where they started (``printa: skriva ut`` and
  ``skriva: printa``) show that the direction is muddled (`synonym-cycle`).

All are warnings: a synonym that leads nowhere never stops a lookup at the desk.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from referral_cli.findings import Finding, suggestion
from referral_cli.i18n import phrase
from referral_cli.search import STOPWORDS, SearchDoc, SearchIndex, fold, joined_key, words
from referral_cli.store.repository import LIBRARY_FILE
from referral_cli.views import matrix_rows

if TYPE_CHECKING:
    from referral_cli.i18n import Phrase
    from referral_cli.store.repository import Guidelines
    from referral_cli.store.yamlio import PathKey


def check_synonyms(guidelines: Guidelines) -> list[Finding]:
    """Every finding about the synonyms in library.yaml (none when it is broken)."""
    if "library" in guidelines.broken or not guidelines.library.synonyms:
        return []
    findings = [*_duplicates(guidelines), *_cycles(guidelines)]
    if not {"matrix", "actors"} & set(guidelines.broken):
        findings.extend(_unknown_targets(guidelines))
    return findings


def _finding(
    guidelines: Guidelines,
    path: PathKey,
    code: str,
    message: Phrase,
    hint: Phrase | None,
    *,
    key: bool = False,
) -> Finding:
    source = guidelines.sources.get(LIBRARY_FILE)
    line, column = source.locate(path, key=key) if source else (1, 1)
    return Finding(LIBRARY_FILE, line, column, "warning", code, message, hint)


def _targets(guidelines: Guidelines) -> Iterator[tuple[str, PathKey, str]]:
    """(synonym, path of the target, target) for every target, in file order."""
    for word, means in guidelines.library.synonyms.items():
        for number, target in enumerate(means):
            yield word, ("synonyms", word, number), target


def _duplicates(guidelines: Guidelines) -> Iterator[Finding]:
    first_key: dict[str, str] = {}
    for word in guidelines.library.synonyms:
        same = first_key.setdefault(joined_key(word), word)
        if same != word:
            line = _line(guidelines, ("synonyms", same))
            yield _finding(
                guidelines,
                ("synonyms", word),
                "duplicate-synonym",
                phrase("finding.duplicate-synonym", word=word, first=same, line=line),
                phrase("hint.duplicate-synonym"),
                key=True,
            )
    seen: set[tuple[str, str]] = set()
    for word, path, target in _targets(guidelines):
        if joined_key(target) == joined_key(word):
            yield _finding(
                guidelines,
                path,
                "synonym-of-itself",
                phrase("finding.synonym-of-itself", word=word),
                phrase("hint.synonym-of-itself"),
            )
        elif (word, joined_key(target)) in seen:
            yield _finding(
                guidelines,
                path,
                "duplicate-synonym-target",
                phrase("finding.duplicate-synonym-target", word=word, target=target),
                phrase("hint.duplicate-synonym-target"),
            )
        seen.add((word, joined_key(target)))


def _line(guidelines: Guidelines, path: PathKey) -> int:
    source = guidelines.sources.get(LIBRARY_FILE)
    return source.locate(path, key=True)[0] if source else 0


def _leads_to(target: str) -> set[str]:
    """The words a target phrase offers as synonym keys: the phrase and its words."""
    content = {fold(w) for w in words(target) if fold(w) not in STOPWORDS}
    return {joined_key(target), *content}


def _cycles(guidelines: Guidelines) -> Iterator[Finding]:
    """One finding per cycle, at the synonym that starts it (in file order)."""
    keys = {joined_key(word): word for word in guidelines.library.synonyms}
    edges: dict[str, list[str]] = {key: [] for key in keys}
    for word, _, target in _targets(guidelines):
        source = joined_key(word)
        for step in sorted(_leads_to(target)):
            if step in keys and step != source and step not in edges[source]:
                edges[source].append(step)
    reported: set[frozenset[str]] = set()
    for start in keys:
        cycle = _cycle_from(start, edges)
        if cycle is None or frozenset(cycle) in reported:
            continue
        reported.add(frozenset(cycle))
        path = " → ".join(keys[step] for step in [*cycle, cycle[0]])
        yield _finding(
            guidelines,
            ("synonyms", keys[start]),
            "synonym-cycle",
            phrase("finding.synonym-cycle", cycle=path),
            phrase("hint.synonym-cycle"),
            key=True,
        )


def _cycle_from(start: str, edges: dict[str, list[str]]) -> list[str] | None:
    """The shortest way from `start` back to itself, as the list of keys passed."""
    paths: list[list[str]] = [[start]]
    visited = {start}
    while paths:
        path = paths.pop(0)
        for step in edges[path[-1]]:
            if step == start:
                return path
            if step not in visited:
                visited.add(step)
                paths.append([*path, step])
    return None


def _unknown_targets(guidelines: Guidelines) -> Iterator[Finding]:
    index = _matrix_index(guidelines)
    for word, path, target in _targets(guidelines):
        if joined_key(target) and not index.knows(target):
            written = [index.surface(term) for term in index.vocabulary]
            yield _finding(
                guidelines,
                path,
                "unknown-synonym-target",
                phrase(
                    "finding.unknown-synonym-target",
                    word=word,
                    target=target,
                    suggestion=suggestion(target, written),
                ),
                phrase("hint.unknown-synonym-target", target=target),
            )


def _matrix_index(guidelines: Guidelines) -> SearchIndex:
    """Every word lookup can find: each row's texts and those of the actors it refers to."""
    docs = []
    for item in matrix_rows(guidelines):
        row = item.row
        texts = [row.need, row.solution, item.category.title, *row.keywords]
        texts += [row.library_can] if row.library_can else []
        texts += [text for actor in item.actors for text in (actor.name, *actor.helps_with)]
        docs.append(SearchDoc(row.id, {"text": texts}))
    return SearchIndex(docs, {"text": 1.0})

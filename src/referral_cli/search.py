"""A small full-text search engine for the referral matrix, pure standard library.

It answers queries typed in a hurry at the desk and is reused by `referral match` to
compare inventory questions with matrix rows. The index is built from plain data
(`SearchDoc`: a key and some named text fields), so it knows nothing about the models.

Normalisation
    Text is case-folded and split into words at anything that is not a letter or digit,
    so hyphens, slashes and punctuation never matter. Every word is indexed in its
    *folded* form, with diacritics removed (``Försäkringskassan`` → ``forsakringskassan``),
    because staff often type ``a``/``o`` for ``å``/``ä``/``ö``; the original spelling is
    kept too, so a query that does use å/ä/ö prefers the words spelled exactly that way.
    Words joined by hyphens are also indexed joined (``SIM-kort`` → ``simkort``), and short
    texts such as keywords and names are also indexed as one word (``Mobilt BankID`` →
    ``mobiltbankid``). Query words are also tried joined with their neighbour, so
    ``bank id``, ``e-leg`` and ``sim kort`` find ``BankID``, ``e-legitimation`` and
    ``SIM-kort``.

Matching one query word against the index vocabulary, best first
    exact (1.0); the query word starts a longer word, a Swedish compound or inflection
    (``pass`` → ``passansökan``); it ends or sits inside one (``ansökan`` →
    ``visumansökan``). Only when the word is not in the vocabulary at all: a known
    word starts it (``vaccinationstid`` → ``vaccination``), it splits into two known
    words (``passansökan`` → ``pass`` + ``ansökan``, also with a linking ``s``), or it
    is a small typo (Damerau-Levenshtein distance 1, or 2 for words of nine letters or
    more, with candidates found through shared letter trigrams).

Scoring
    For each query word (or joined pair), a document gets how good its best match is
    (1.0 exact, less for a compound part or a typo) times the weight of the field it is
    in (a word found in several fields gets a little more), times the word's inverse
    document frequency (how rare the words it matched are). A document's score is the
    sum over the query words divided by what a document with every word exactly in a
    field of the highest weight would get: 0 to 1, shown capped at 1.0. Query words that
    match nothing anywhere are left out of the sum by default (`unknown_weight`).
"""

from __future__ import annotations

import bisect
import gc
import marshal
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = [
    "Hit",
    "SearchDoc",
    "SearchIndex",
    "content_words",
    "fold",
    "osa_distance",
    "words",
]

# Words that carry no meaning on their own (folded forms), Swedish and English, and the
# words nearly every desk question and matrix row uses ("hjälp", "besökaren").
STOPWORDS: frozenset[str] = frozenset(
    """
    och att det den de dem en ett som pa for med till av om ar har hade inte kan kunde
    vill ville jag du vi ni man hur vad var vem sin sitt sina min mitt mina din ditt dina
    hen han hon sig eller men sa nar fran vid efter ur under over eftersom ocksa
    bara da dar denna detta dessa skulle ska sig mig dig oss er nagon nagot nagra alla
    the and of to in on for with my is are how what can an it this that be do i me you
    hjalp hjalpa hjalper hjalpte besokare besokaren besokarens anvandare anvandaren
    anvandarens fick kom gick blev
    """.split()
)

_WORD = re.compile(r"[^\W_]+")
# A run of words joined by hyphens or dashes, without spaces: "SIM-kort", "e-leg".
_CHAIN = re.compile(r"[^\W_]+(?:[-‐‑–][^\W_]+)*")
_SPECIAL_FOLDS = str.maketrans({"ø": "o", "æ": "ae", "ß": "ss", "ł": "l", "đ": "d", "þ": "th"})
_SHORT_TEXT_WORDS = 3  # texts of at most this many words are also indexed as one word

_fold_cache: dict[str, str] = {}


def fold(text: str) -> str:
    """Case-fold and strip diacritics: ``'Försäkringskassan'`` → ``'forsakringskassan'``."""
    cached = _fold_cache.get(text)
    if cached is not None:
        return cached
    lowered = text.casefold().translate(_SPECIAL_FOLDS)
    if lowered.isascii():
        folded = lowered
    else:
        decomposed = unicodedata.normalize("NFKD", lowered)
        folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    if len(_fold_cache) < 200_000:
        _fold_cache[text] = folded
    return folded


def words(text: str) -> list[str]:
    """The words of `text`, case-folded but with diacritics kept, in order."""
    return [w.casefold() for w in _WORD.findall(text)]


def content_words(text: str) -> set[str]:
    """Folded words of at least three letters that are not stopwords."""
    return {f for f in (fold(w) for w in _WORD.findall(text)) if len(f) >= 3} - STOPWORDS


def osa_distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment edit distance, or `limit + 1` once it exceeds `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    if a == b:
        return 0
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        row_min = i
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
            row_min = min(row_min, value)
        if row_min > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[len(b)] if previous[len(b)] <= limit else limit + 1


def _trigrams(term: str) -> set[str]:
    padded = f"^{term}$"
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


class _Postings(dict[str, Any]):
    """Postings restored by `SearchIndex.from_state`: each term's decoded when first read."""

    def __getitem__(self, term: str) -> dict[int, float]:
        value = dict.__getitem__(self, term)
        if type(value) is bytes:
            value = marshal.loads(value)
            dict.__setitem__(self, term, value)
        docs: dict[int, float] = value
        return docs


@dataclass(frozen=True)
class SearchDoc:
    """One searchable document: a key and its named text fields."""

    key: str
    fields: Mapping[str, Sequence[str]]


@dataclass(frozen=True)
class Hit:
    """A document that matched, with its score (0–1) and the index words it matched."""

    key: str
    score: float
    matched: tuple[str, ...] = ()


@dataclass
class _QueryWord:
    folded: str
    original: str  # case-folded, diacritics kept


@dataclass
class _Unit:
    """One way to read part of the query: a single word, or two neighbours joined."""

    positions: tuple[int, ...]
    values: dict[int, tuple[float, str]]  # document -> (match value 0-1+, matched term)


class SearchIndex:
    """An inverted index over `SearchDoc`s with fuzzy, compound-aware matching.

    `weights` gives each field's weight; fields not listed weigh 0.5 of the heaviest.
    """

    def __init__(self, docs: Iterable[SearchDoc], weights: Mapping[str, float]) -> None:
        """Build the index; cheap enough to do on every run."""
        self.docs: list[SearchDoc] = list(docs)
        self.weights = dict(weights)
        self._top_weight = max(self.weights.values(), default=1.0)
        self._surface: dict[str, str] = {}
        # A word spelled with å/ä/ö/é (case-folded) -> the documents spelling it so.
        self._marked: dict[str, set[int]] = defaultdict(set)
        # term -> {doc index -> field factor}
        self._postings: dict[str, dict[int, float]] = {}
        # The same texts recur (an actor's texts in every row referring to it).
        known: dict[str, tuple[set[str], set[str]]] = {}
        collecting = gc.isenabled()
        gc.disable()  # many small objects: the collector would dominate a large build
        try:
            for index, doc in enumerate(self.docs):
                fields: dict[str, list[float]] = {}
                for name, texts in doc.fields.items():
                    weight = self.weights.get(name, self._top_weight * 0.5)
                    seen: set[str] = set()
                    for text in texts:
                        parsed = known.get(text)
                        if parsed is None:
                            pairs = self._terms(text)
                            parsed = ({t for t, _ in pairs}, {sp for t, sp in pairs if sp != t})
                            known[text] = parsed
                        seen |= parsed[0]
                        for spelling in parsed[1]:
                            self._marked[spelling].add(index)
                    for term in seen:
                        fields.setdefault(term, []).append(weight)
                for term, field_weights in fields.items():
                    self._postings.setdefault(term, {})[index] = self._field_factor(field_weights)
        finally:
            if collecting:
                gc.enable()
        self._sorted = sorted(self._postings)
        self._trigram_index: dict[str, list[str]] | None = None
        self._unit_cache: dict[tuple[str, str, bool], dict[int, tuple[float, str]]] = {}

    def to_state(self) -> dict[str, Any]:
        """The built index as plain data (for `marshal`); `from_state` restores it.

        The documents' keys are kept, not their texts: searching does not read them.
        """
        return {
            "keys": [doc.key for doc in self.docs],
            "weights": self.weights,
            "surface": self._surface,
            "marked": dict(self._marked),
            # One marshalled blob per term: a restored index decodes only what it reads.
            "postings": {term: marshal.dumps(docs) for term, docs in self._postings.items()},
            "sorted": self._sorted,
        }

    @classmethod
    def from_state(cls, state: Mapping[str, Any]) -> SearchIndex:
        """An index that answers like the one `to_state` was called on, without building it.

        Its documents have their keys but no text fields.
        """
        index = cls.__new__(cls)
        index.docs = [SearchDoc(key, {}) for key in state["keys"]]
        index.weights = dict(state["weights"])
        index._top_weight = max(index.weights.values(), default=1.0)
        index._surface = state["surface"]
        index._marked = defaultdict(set, state["marked"])
        index._postings = _Postings(state["postings"])
        index._sorted = list(state["sorted"])
        index._trigram_index = None
        index._unit_cache = {}
        return index

    def __len__(self) -> int:
        """The number of documents."""
        return len(self.docs)

    @property
    def vocabulary(self) -> list[str]:
        """Every indexed (folded) term, sorted."""
        return list(self._sorted)

    def surface(self, term: str) -> str:
        """How a folded index term was first written in the data."""
        return self._surface.get(term, term)

    def _field_factor(self, weights: list[float]) -> float:
        if len(weights) == 1:
            return weights[0] / self._top_weight
        best = max(weights)
        rest = sum(weights) - best
        return (best + 0.15 * rest) / self._top_weight

    def _add_term(
        self, terms: list[tuple[str, str]], original: str, surface: str | None = None
    ) -> None:
        folded = fold(original)
        if len(folded) < 2 or folded in STOPWORDS:
            return
        terms.append((folded, original.casefold()))
        self._surface.setdefault(folded, surface or original)

    def _terms(self, text: str) -> list[tuple[str, str]]:
        """(folded term, case-folded spelling) pairs to index for one text."""
        terms: list[tuple[str, str]] = []
        chains = _CHAIN.findall(text)
        for chain in chains:
            parts = _WORD.findall(chain)
            for part in parts:
                self._add_term(terms, part)
            if len(parts) > 1:
                self._add_term(terms, "".join(parts), chain)  # SIM-kort -> simkort
                if len(parts) > 2:
                    for left, right in zip(parts, parts[1:], strict=False):
                        self._add_term(terms, left + right, f"{left}-{right}")
        all_words = _WORD.findall(text)
        if 1 < len(all_words) <= _SHORT_TEXT_WORDS and len(chains) > 1:
            # "Mobilt BankID" -> mobiltbankid; the surface keeps the text as written.
            self._add_term(terms, "".join(all_words), " ".join(text.split()))
        return terms

    # --- matching one query word -------------------------------------------------------

    def _trigram_candidates(self, term: str) -> list[str]:
        grams = _trigrams(term)
        limit = 1 if len(term) < 9 else 2
        needed = max(1, len(grams) - 3 * limit)
        counts = self._shared_trigrams(grams)
        return [t for t, n in counts.items() if n >= needed]

    def _shared_trigrams(self, grams: set[str]) -> Counter[str]:
        if self._trigram_index is None:
            index: dict[str, list[str]] = defaultdict(list)
            for vocab_term in self._sorted:
                for gram in _trigrams(vocab_term):
                    index[gram].append(vocab_term)
            self._trigram_index = dict(index)
        counts: Counter[str] = Counter()
        for gram in grams:
            counts.update(self._trigram_index.get(gram, ()))
        return counts

    def _match_word(self, word: _QueryWord, *, partial: bool = True) -> dict[str, float]:
        """Vocabulary terms similar to one folded query word, with a similarity 0–1.

        With `partial=False` only exact, prefix and typo matches are looked for (the
        scans for words inside compounds and for compound parts are skipped).
        """
        q = word.folded
        found: dict[str, float] = {}

        def keep(term: str, similarity: float) -> None:
            if similarity > found.get(term, 0.0):
                found[term] = similarity

        exact = q in self._postings
        if exact:
            keep(q, 1.0)  # see _unit_values for words typed with å/ä/ö
        if len(q) >= 3:
            # The query word begins a longer word: pass -> passansökan, telefon -> telefonen.
            start = bisect.bisect_left(self._sorted, q)
            for term in self._sorted[start:]:
                if not term.startswith(q):
                    break
                if term != q:
                    keep(term, 0.6 + 0.3 * len(q) / len(term))
        if partial and len(q) >= 4:
            # The query word ends (or sits inside) a compound: ansökan -> visumansökan.
            for term in self._sorted:
                if len(term) > len(q) and q in term and not term.startswith(q):
                    if term.endswith(q):
                        keep(term, 0.55 + 0.25 * len(q) / len(term))
                    else:
                        keep(term, 0.4 + 0.2 * len(q) / len(term))
        if exact:
            return found
        if partial and len(q) >= 5:
            # A known word begins the query word: vaccinationstid -> vaccination,
            # telefonen -> telefon. (A known word that only ends it, streamingtjänst ->
            # tjänst, says too little on its own; see `_split` for full compounds.)
            for cut in range(len(q) - 1, 3, -1):
                if q[:cut] in self._postings:
                    keep(q[:cut], 0.5 + 0.4 * cut / len(q))
        if len(q) >= 4:
            limit = 1 if len(q) < 9 else 2
            for term in self._trigram_candidates(q):
                if len(q) <= 5 and term[0] != q[0]:
                    continue
                distance = osa_distance(q, term, limit)
                if 0 < distance <= limit:
                    keep(term, 0.75 if distance == 1 else 0.6)
        return found

    def _split(self, q: str) -> tuple[str, str] | None:
        """Split an unknown compound into two known words (longest head first)."""
        if q in self._postings or len(q) < 7:
            return None
        for cut in range(len(q) - 3, 2, -1):
            head, tail = q[:cut], q[cut:]
            if head in self._postings and tail in self._postings:
                return head, tail
            if head.endswith("s") and head[:-1] in self._postings and tail in self._postings:
                return head[:-1], tail  # Swedish linking s: bostadsbidrag
        return None

    def _unit_values(
        self, word: _QueryWord, *, partial: bool = True
    ) -> dict[int, tuple[float, str]]:
        """For one reading of a query word: per document, the best value and its term.

        Remembered per word, since `match` asks about the same words again and again.
        """
        key = (word.folded, word.original, partial)
        cached = self._unit_cache.get(key)
        if cached is not None:
            return cached
        if len(self._unit_cache) > 20_000:
            self._unit_cache.clear()
        per_doc: dict[int, tuple[float, str]] = {}
        self._unit_cache[key] = per_doc

        def offer(doc: int, value: float, term: str) -> None:
            if value > per_doc.get(doc, (0.0, ""))[0]:
                per_doc[doc] = (value, term)

        # Typed with å/ä/ö: documents that spell the word differently score a little lower
        # ("får" prefers "får" to "far"); typed without, both spellings count the same.
        marked = self._marked.get(word.original, set()) if word.original != word.folded else None
        for term, similarity in self._match_word(word, partial=partial).items():
            for doc, factor in self._postings[term].items():
                if term == word.folded and marked is not None and doc not in marked:
                    offer(doc, 0.9 * factor, term)
                else:
                    offer(doc, similarity * factor, term)
        split = self._split(word.folded) if partial else None
        if split is not None:
            head, tail = (self._postings[part] for part in split)
            for doc in head.keys() & tail.keys():
                offer(doc, 0.85 * (head[doc] + tail[doc]) / 2, split[0])
        return per_doc

    # --- queries -----------------------------------------------------------------------

    def _units(self, query: str) -> tuple[list[int], list[_Unit]]:
        tokens = [_QueryWord(fold(w), w.casefold()) for w in _WORD.findall(query)]
        positions = [
            i for i, t in enumerate(tokens) if len(t.folded) >= 2 and t.folded not in STOPWORDS
        ]
        if not positions:
            positions = [i for i, t in enumerate(tokens) if len(t.folded) >= 2]
        units = [_Unit((i,), self._unit_values(tokens[i])) for i in positions]
        wanted = set(positions)
        for i in range(len(tokens) - 1):
            covered = tuple(p for p in (i, i + 1) if p in wanted)
            if not covered:
                continue
            joined = _QueryWord(
                tokens[i].folded + tokens[i + 1].folded,
                tokens[i].original + tokens[i + 1].original,
            )
            values = self._unit_values(joined, partial=False)
            # A joined reading ("bank id" -> bankid) counts only when it is a real word
            # or a close variant of one, never through a weak partial match.
            values = {doc: pair for doc, pair in values.items() if pair[0] >= 0.7}
            if values:
                units.append(_Unit(covered, values))
        return positions, units

    def _idf(self, values: Mapping[int, tuple[float, str]]) -> float:
        """Inverse document frequency of a reading, counting partial matches partly."""
        frequency = sum(min(1.0, value) for value, _ in values.values())
        total = len(self.docs)
        return math.log(1 + (total - frequency + 0.5) / (frequency + 0.5))

    def search(
        self,
        query: str,
        *,
        limit: int | None = None,
        min_score: float = 0.0,
        unknown_weight: float = 0.0,
    ) -> list[Hit]:
        """Documents matching `query`, best first (ties keep document order).

        Query words that match nothing in the index are left out of the score by
        default (a typo or a stray word at the desk should not hide a good row). With
        `unknown_weight` > 0 each of them counts as that share of a word no document
        has, so a long text that shares only a word or two with a row scores low.
        """
        positions, units = self._units(query)
        # Joined readings first, so that on a tie "sim kort" is credited to "SIM-kort".
        units.sort(key=lambda unit: -len(unit.positions))
        # Per query position: the best value per document, and the best possible value.
        best: dict[int, dict[int, tuple[float, str]]] = defaultdict(dict)
        ideal: dict[int, float] = {}
        for unit in units:
            if not unit.values:
                continue
            weight = self._idf(unit.values)
            for position in unit.positions:
                ideal[position] = max(ideal.get(position, 0.0), weight)
                slot = best[position]
                for doc, (value, term) in unit.values.items():
                    if weight * value > slot.get(doc, (0.0, ""))[0]:
                        slot[doc] = (weight * value, term)
        unknown = sum(1 for position in positions if position not in ideal)
        denominator = sum(ideal.values()) + unknown_weight * unknown * self._idf({})
        if not ideal or denominator <= 0:
            return []
        totals: dict[int, float] = defaultdict(float)
        matched: dict[int, list[str]] = defaultdict(list)
        for slot in best.values():
            for doc, (value, term) in slot.items():
                totals[doc] += value
                surface = self.surface(term)
                if surface not in matched[doc]:
                    matched[doc].append(surface)
        # Rank on the raw score (a word found in several fields ranks higher), show it
        # capped at 1.0.
        ranked = sorted(totals, key=lambda doc: (-totals[doc], doc))
        hits = [
            Hit(
                self.docs[doc].key,
                round(min(1.0, totals[doc] / denominator), 4),
                tuple(matched[doc]),
            )
            for doc in ranked
        ]
        hits = [h for h in hits if h.score >= min_score and h.score > 0]
        return hits if limit is None else hits[:limit]

    def suggest(self, query: str, *, limit: int = 5) -> list[str]:
        """The index words closest to the words of `query`, as written in the data.

        Close spellings (shared letter trigrams) and known words inside a compound
        (``parkeringsapp`` → ``app``) are both offered.
        """
        scored: dict[str, float] = {}

        def offer(term: str, similarity: float) -> None:
            if similarity > scored.get(term, 0.0):
                scored[term] = similarity

        for word in _WORD.findall(query):
            q = fold(word)
            if len(q) < 3 or q in STOPWORDS:
                continue
            grams = _trigrams(q)
            for term, shared in self._shared_trigrams(grams).items():
                if len(term) >= 3:
                    similarity = shared / len(grams | _trigrams(term))
                    if similarity >= 0.2:
                        offer(term, similarity)
            for start in range(len(q)):
                for end in range(start + 3, len(q) + 1):
                    part = q[start:end]
                    if part != q and part in self._postings and part not in STOPWORDS:
                        offer(part, 0.1 + 0.4 * len(part) / len(q))
        ranked = sorted(scored, key=lambda t: (-scored[t], len(t), t))
        result: list[str] = []
        for term in ranked:
            surface = self.surface(term)
            if surface.casefold() not in {r.casefold() for r in result}:
                result.append(surface)
            if len(result) == limit:
                break
        return result

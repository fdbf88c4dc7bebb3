"""A small full-text search engine for the referral matrix, pure standard library.

It answers queries typed in a hurry at the desk and is reused by `referral match` to
compare inventory questions with matrix rows. The index is built from plain data
(`SearchDoc`: a key and some named text fields), so it knows nothing about the models.

Normalisation
    Text is case-folded and split into words at anything that is not a letter or digit,
    so hyphens, slashes and punctuation never matter. Every word is indexed in its
    *folded* form, with diacritics removed (``Försäkringskassan`` → ``forsakringskassan``),
    because staff often type ``a``/``o`` for ``å``/``ä``/``ö``; the original spelling is
    kept too, so a query that does use å/ä/ö prefers the words spelled exactly that way,
    and a short query word typed without them (``rad``) only weakly matches a word that
    has them (``råd``). Words joined by hyphens are also indexed joined (``SIM-kort`` →
    ``simkort``), and short texts such as keywords and names are also indexed as one
    word (``Mobilt BankID`` → ``mobiltbankid``). Query words are also tried joined with
    their neighbour, so ``bank id``, ``e-leg`` and ``sim kort`` find ``BankID``,
    ``e-legitimation`` and ``SIM-kort``; when the joined word is itself a word of the
    index (``id-kort``), it is read as that one word and its parts do not count alone.

Stop words
    Function words and pronouns (``hos``, ``åt``, ``via``, ``upp``, ``honom``, ``hens``,
    `STOPWORDS`) and the words nearly every desk question uses (``hjälp``,
    ``besökaren``) are neither indexed nor counted: they never decide a match.

Matching one query word against the index vocabulary
    exact (1.0); the same Swedish word inflected or derived (`stem`: ``deklarera`` /
    ``deklaration``, ``kontot`` / ``konto``, ``mobilen`` / ``mobil``, ``blanketter`` /
    ``blankett``: 0.9); a word the library declared a synonym of it (`synonyms`: 0.9 of
    how well the row matches the synonym's words); part of a compound whose other part
    is itself an index word of at least three letters (``pass`` → ``passansökan``,
    ``ansökan`` → ``visumansökan``: 0.8; a query word of six letters or more may also be
    part of a compound whose other part the index does not know, ``tillstånd`` →
    ``uppehållstillstånd``: 0.6). Only when the word is neither in the vocabulary nor an
    inflection of a word in it: an unknown compound made of two index words
    (``vaccinationstid`` → ``vaccination`` + ``tid``, also with a linking ``s``: 0.85 for
    a document with both parts, 0.4 for one), or a small typo (Damerau-Levenshtein
    distance 1: 0.75, or 2 for words of nine letters or more: 0.6, with candidates found
    through shared letter trigrams).

Keyword phrases
    In the fields named as `phrases` (lookup's keywords), a text of several words is one
    phrase: its words found alone count `PHRASE_PART` (0.5) of the field, so ``svenska``
    does not find the keyword ``Svenska Pass`` as surely as ``svenska pass`` does.

Scoring (`SearchIndex.query`)
    Every query word counts. Each one weighs its inverse document frequency (a rare
    word counts for more; a word found nowhere weighs as much as the rarest word). For
    a document, each word contributes its weight times how well the document matches
    it (the match value above times the weight of the field it is in, at most 1). The
    score is the sum divided by the sum of the weights (where a word has several readings,
    its weight is that of the reading that can count the most: its weight times its best
    match; so a rarer but weaker reading, a synonym or a fragment, never lowers the score
    of a document that has the word itself): 1.00 means every word was found
    exactly in a field of the highest weight, a word found nowhere in the document
    lowers the score, and the words no document matched are reported (`unmatched`).
    Documents are ranked on the score as shown (two decimals); ties go to the document
    that has the words in more fields, then to document order.
"""

from __future__ import annotations

import bisect
import gc
import marshal
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = [
    "STOPWORDS",
    "Hit",
    "SearchDoc",
    "SearchIndex",
    "SearchResult",
    "content_words",
    "fold",
    "osa_distance",
    "stem",
    "words",
]

# Words that never decide a match, folded (no å/ä/ö): they are neither indexed nor
# counted in a query.
_SWEDISH_FUNCTION_WORDS = """
    att och eller men samt bade som om nar da sa eftersom an
    en ett den det de dem denna detta dessa
    jag du han hon hen vi ni man mig dig honom henne oss er sig
    min mitt mina din ditt dina hans hennes hens var vart vara ert era deras sin sitt sina
    nagon nagot nagra ingen inget inga alla allt varje annan annat andra sjalv sjalva
    hur vad vem vilken vilket vilka varfor
    pa i for med till av fran vid efter ur under over hos at via mot genom utan inom
    mellan kring bland enligt sedan sen
    upp ner ned ut in bort fram hit dit dar har
    inte ej ocksa bara ju nog kanske igen annu aven alltid aldrig redan nu mycket lite
    mer mest
    ar var varit blir bli blivit blev har hade haft ha kan kunde kunna ska skall skulle
    vill ville far fick ma maste bor gor gora gjorde gjort finns fanns ge ger gav
"""
# Visitors' English.
_ENGLISH_FUNCTION_WORDS = """
    a an the and or of to in on for with at from by my your i me you we they it this that
    is are was be been do does did has have can could how what not no please want need get
"""
# Words nearly every desk question or inventory entry uses: they tell no rows apart.
_DESK_WORDS = """
    hjalp hjalpa hjalper hjalpte besokare besokaren besokarens anvandare anvandaren
    anvandarens kom gick undrar undrade fraga fragade fragar behover behovde
    disk disken informationsdisken bibliotek biblioteket bibliotekets biblioteks
    biblioteken bibliotekens hanvisa hanvisad hanvisade hanvisar hanvisas hanvisat
    hanvisning
"""
STOPWORDS: frozenset[str] = frozenset(
    (_SWEDISH_FUNCTION_WORDS + _ENGLISH_FUNCTION_WORDS + _DESK_WORDS).split()
)

_WORD = re.compile(r"[^\W_]+")
# A run of words joined by hyphens or dashes, without spaces: "SIM-kort", "e-leg".
_CHAIN = re.compile(r"[^\W_]+(?:[-‐‑–][^\W_]+)*")
_SPECIAL_FOLDS = str.maketrans({"ø": "o", "æ": "ae", "ß": "ss", "ł": "l", "đ": "d", "þ": "th"})
_SHORT_TEXT_WORDS = 3  # texts of at most this many words are also indexed as one word

# How well one query word matches an index word, 0-1 (see the module docstring).
EXACT = 1.0
INFLECTION = 0.9
SYNONYM = 0.9
COMPOUND_PART = 0.8
LONG_FRAGMENT = 0.6
SPLIT_BOTH = 0.85
SPLIT_ONE = 0.4
TYPO_1 = 0.75
TYPO_2 = 0.6
SHORT_WITHOUT_MARKS = 0.6  # "rad" typed for a document that only has "råd"
DIFFERENTLY_MARKED = 0.9  # "får" typed for a document that only has "far"
SHORT_WORD = 4  # words this short typed without å/ä/ö only weakly match words with them
MIN_PART = 3  # a compound part must be an index word of at least this many letters
LONG_WORD = 6  # a query word this long may be a compound part on its own
JOINED_MIN = 0.7  # a joined reading ("bank id") counts only when at least this close
PHRASE_PART = 0.5  # a word of a keyword phrase, found alone ("svenska" of "Svenska Pass")

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


def _composed(text: str) -> str:
    """`text` with its letters composed (NFC): ``o`` + a combining diaeresis is ``ö``.

    Text pasted from a Mac or a PDF may write ``ö`` as two code points; the mark is no
    letter, so without this ``försändelse`` would be read as the words ``fo`` and
    ``rsändelse``. Query and data are both composed before they are split into words.
    """
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def words(text: str) -> list[str]:
    """The words of `text`, case-folded but with diacritics kept, in order."""
    return [w.casefold() for w in _WORD.findall(_composed(text))]


def content_words(text: str) -> set[str]:
    """Folded words of at least three letters that are not stopwords."""
    return {f for f in (fold(w) for w in _WORD.findall(_composed(text))) if len(f) >= 3} - STOPWORDS


# --- Swedish stemming --------------------------------------------------------------------

# Inflectional and a few derivational endings of Swedish words, folded (no å/ä/ö),
# longest first. Removing the longest one that leaves at least three letters makes
# the forms of a word meet: deklarera/deklaration -> deklar, kontot/konto -> konto,
# mobilen -> mobil, blanketter/blankett -> blanket (a final double consonant is
# made single), lösenordet -> losenord, skannern/skanna/skanning -> skan.
_ENDINGS: tuple[str, ...] = tuple(
    sorted(
        """
        ationerna ationernas ationen ationer ation eringarna eringar eringen ering
        ningarna ningar ningen ning ingarna ingar ingen ing heterna hetens heten heter
        het arnas ernas ornas arens andes arna erna orna ande ende aste erar erade erat
        erad era ades ade are ast ens ern ad at ar er or en et an na as es a e
        """.split(),
        key=lambda ending: (-len(ending), ending),
    )
)
# Snowball's rule for a genitive or passive s: only after these letters.
_S_ENDING_AFTER = frozenset("bcdfghjklmnoprtvy")
_CONSONANTS = frozenset("bcdfghjklmnpqrstvwxz")
_MIN_STEM = 3
_stem_cache: dict[str, str] = {}


def stem(word: str) -> str:
    """The stem of a folded word, so a word's Swedish forms meet (rules of our own).

    Snowball-style: a genitive/passive ``s`` goes first, then the longest ending that
    leaves at least three letters, then a final double consonant is made single.
    Words shorter than four letters, and words with digits, are their own stem.
    """
    cached = _stem_cache.get(word)
    if cached is not None:
        return cached
    result = word
    if len(word) >= 4 and word.isalpha():
        if len(result) >= 5 and result[-1] == "s" and result[-2] in _S_ENDING_AFTER:
            result = result[:-1]
        for ending in _ENDINGS:
            if result.endswith(ending) and len(result) - len(ending) >= _MIN_STEM:
                result = result[: -len(ending)]
                break
        else:
            if result.endswith("ot") and len(result) > _MIN_STEM + 1:
                result = result[:-1]  # kontot -> konto
        if len(result) >= 4 and result[-1] == result[-2] and result[-1] in _CONSONANTS:
            result = result[:-1]
    if len(_stem_cache) < 100_000:
        _stem_cache[word] = result
    return result


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


def joined_key(text: str) -> str:
    """A phrase as one folded word, the way query words are joined: ``'E-post'`` → ``'epost'``."""
    return "".join(fold(w) for w in _WORD.findall(_composed(text)))


# A match of one reading in one document: (value shown, at most the similarity; value
# with the bonus for being in several fields, for ranking; the index word matched).
_Match = tuple[float, float, str]
_NO_MATCH: _Match = (0.0, 0.0, "")


def _keep_best(values: dict[int, _Match], doc: int, match: _Match) -> None:
    if match[:2] > values.get(doc, _NO_MATCH)[:2]:
        values[doc] = match


def _offer(
    values: dict[int, _Match], doc: int, similarity: float, factor: float, term: str
) -> None:
    """Keep a match of `similarity` in fields weighing `factor` if it is the best so far."""
    _keep_best(values, doc, (similarity * min(factor, 1.0), similarity * factor, term))


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
    """A document that matched, with its score (0–1).

    `matched`: the index words it matched, as written in the data; `unmatched`: the
    query words it did not match, as typed.
    """

    key: str
    score: float
    matched: tuple[str, ...] = ()
    unmatched: tuple[str, ...] = ()


@dataclass(frozen=True)
class SearchResult:
    """The hits for a query, best first.

    `unmatched`: the query words (as typed) that no document matched; `words`: every
    query word that counted (stop words do not).
    """

    hits: list[Hit]
    unmatched: tuple[str, ...] = ()
    words: tuple[str, ...] = ()


@dataclass
class _QueryWord:
    folded: str
    original: str  # case-folded, diacritics kept
    typed: str = ""


@dataclass
class _Unit:
    """One way to read part of the query: a word, two neighbours joined, or a synonym."""

    positions: tuple[int, ...]
    values: dict[int, _Match]  # document -> its best match of this reading


class SearchIndex:
    """An inverted index over `SearchDoc`s: fuzzy, compound- and inflection-aware.

    `weights` gives each field's weight; fields not listed weigh 0.5 of the heaviest.
    `synonyms` maps a word (or a phrase read as one word, ``e-post``) to the words it
    means, each alternative a phrase (``printa`` → ``["skriva ut"]``).
    """

    def __init__(
        self,
        docs: Iterable[SearchDoc],
        weights: Mapping[str, float],
        synonyms: Mapping[str, Sequence[str]] | None = None,
        phrases: Collection[str] = (),
    ) -> None:
        """Build the index; cheap enough to do on every run.

        In the fields named in `phrases` (keywords), a text of several words is one
        phrase: its words alone weigh `PHRASE_PART` of the field, so ``svenska`` finds
        the keyword ``Svenska Pass`` less surely than ``svenska pass`` does.
        """
        self.docs: list[SearchDoc] = list(docs)
        self.weights = dict(weights)
        self._top_weight = max(self.weights.values(), default=1.0)
        self._surface: dict[str, str] = {}
        # A word spelled with å/ä/ö/é (case-folded) -> the documents spelling it so.
        self._marked: dict[str, set[int]] = defaultdict(set)
        # A folded word -> the documents spelling it without marks (only for words
        # some document spells with marks: "rad" next to "råd").
        self._unmarked: dict[str, set[int]] = {}
        # term -> {doc index -> field factor}
        self._postings: dict[str, dict[int, float]] = {}
        # Terms written as one word somewhere; the others only join words ("Mobilt
        # BankID" -> mobiltbankid) and are never taken for compounds.
        self._single: set[str] = set()
        # The same texts recur (an actor's texts in every row referring to it): per
        # text, its terms, its spellings with marks and its terms written without.
        known: dict[str, tuple[set[str], set[str], set[str]]] = {}
        whole_phrases: dict[str, str | None] = {}
        plain: dict[str, set[int]] = defaultdict(set)
        collecting = gc.isenabled()
        gc.disable()  # many small objects: the collector would dominate a large build
        try:
            for index, doc in enumerate(self.docs):
                fields: dict[str, list[float]] = {}
                for name, texts in doc.fields.items():
                    weight = self.weights.get(name, self._top_weight * 0.5)
                    seen: dict[str, float] = {}
                    for text in texts:
                        parsed = known.get(text)
                        if parsed is None:
                            pairs = self._terms(text)
                            parsed = (
                                {t for t, _ in pairs},
                                {sp for t, sp in pairs if sp != t},
                                {t for t, sp in pairs if sp == t},
                            )
                            known[text] = parsed
                        whole = _whole_phrase(text, whole_phrases) if name in phrases else None
                        for term in parsed[0]:
                            share = PHRASE_PART if whole is not None and term != whole else 1.0
                            seen[term] = max(seen.get(term, 0.0), share)
                        for spelling in parsed[1]:
                            self._marked[spelling].add(index)
                        for term in parsed[2]:
                            plain[term].add(index)
                    for term, share in seen.items():
                        fields.setdefault(term, []).append(weight * share)
                for term, field_weights in fields.items():
                    self._postings.setdefault(term, {})[index] = self._field_factor(field_weights)
        finally:
            if collecting:
                gc.enable()
        for spelling in self._marked:
            term = fold(spelling)
            if len(term) <= SHORT_WORD:
                self._unmarked[term] = plain.get(term, set())
        self._sorted = sorted(self._postings)
        self._joined = {term for term in self._sorted if term not in self._single}
        groups: dict[str, list[str]] = defaultdict(list)
        for term in self._sorted:
            groups[stem(term)].append(term)
        # Only the stems that join forms (or differ from their one word) are kept.
        self._stems: dict[str, list[str]] = {
            root: terms for root, terms in groups.items() if len(terms) > 1 or terms[0] != root
        }
        self._synonyms = _fold_synonyms(synonyms or {})
        self._reversed: list[str] | None = None
        self._trigram_index: dict[str, list[str]] | None = None
        # The two tables as kept by `to_state`, decoded when first needed.
        self._reversed_blob: bytes | None = None
        self._trigram_blob: bytes | None = None
        self._unit_cache: dict[tuple[str, str, bool, bool], dict[int, _Match]] = {}

    def to_state(self) -> dict[str, Any]:
        """The built index as plain data (for `marshal`); `from_state` restores it.

        The documents' keys are kept, not their texts: searching does not read them.
        """
        return {
            "keys": [doc.key for doc in self.docs],
            "weights": self.weights,
            "surface": self._surface,
            "marked": dict(self._marked),
            "unmarked": self._unmarked,
            # One marshalled blob per term: a restored index decodes only what it reads.
            "postings": {term: marshal.dumps(docs) for term, docs in self._postings.items()},
            "sorted": self._sorted,
            "joined": sorted(self._joined),
            "stems": self._stems,
            "synonyms": self._synonyms,
            # The tables for compounds (every term backwards, sorted) and for typos and
            # suggestions (letter trigrams): building them was most of a warm lookup's
            # search time on a large matrix; decoding them takes a tenth of that.
            "reversed": marshal.dumps(self._reversed_terms()),
            "trigrams": marshal.dumps(self._trigrams_table()),
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
        index._unmarked = state["unmarked"]
        index._postings = _Postings(state["postings"])
        index._sorted = list(state["sorted"])
        index._joined = set(state["joined"])
        index._stems = state["stems"]
        index._synonyms = state["synonyms"]
        index._reversed = None
        index._trigram_index = None
        index._reversed_blob = state.get("reversed")
        index._trigram_blob = state.get("trigrams")
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

    def knows(self, text: str) -> bool:
        """True when `text` is one index word, or each of its content words is.

        A content word counts when the index has it exactly, in another form, or as
        part of a compound; typos do not count.
        """
        if joined_key(text) in self._postings:
            return True
        content = [fold(w) for w in _WORD.findall(_composed(text))]
        content = [q for q in content if len(q) >= 2 and q not in STOPWORDS]
        return bool(content) and all(self._known_word(q) for q in content)

    def _known_word(self, q: str) -> bool:
        if q in self._postings or self._inflections(q):
            return True
        return any(True for _ in self._compounds_with(q))

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
        chains = _CHAIN.findall(_composed(text))
        for chain in chains:
            parts = _WORD.findall(chain)
            for part in parts:
                self._add_term(terms, part)
                self._single.add(fold(part))
            if len(parts) > 1:
                self._add_term(terms, "".join(parts), chain)  # SIM-kort -> simkort
                if len(parts) > 2:
                    for left, right in zip(parts, parts[1:], strict=False):
                        self._add_term(terms, left + right, f"{left}-{right}")
        all_words = _WORD.findall(_composed(text))
        if 1 < len(all_words) <= _SHORT_TEXT_WORDS and len(chains) > 1:
            # "Mobilt BankID" -> mobiltbankid; the surface keeps the text as written.
            self._add_term(terms, "".join(all_words), " ".join(_composed(text).split()))
        return terms

    # --- matching one query word -------------------------------------------------------

    def _trigram_candidates(self, term: str) -> list[str]:
        grams = _trigrams(term)
        limit = 1 if len(term) < 9 else 2
        needed = max(1, len(grams) - 4 * limit)  # a swap changes up to four trigrams
        counts = self._shared_trigrams(grams)
        return [t for t, n in counts.items() if n >= needed]

    def _shared_trigrams(self, grams: set[str]) -> Counter[str]:
        table = self._trigrams_table()
        counts: Counter[str] = Counter()
        for gram in grams:
            counts.update(table.get(gram, ()))
        return counts

    def _reversed_terms(self) -> list[str]:
        """Every vocabulary term spelled backwards, sorted: compounds by their last part."""
        if self._reversed is None:
            if self._reversed_blob is not None:
                self._reversed = marshal.loads(self._reversed_blob)
            else:
                self._reversed = sorted(term[::-1] for term in self._sorted)
        return self._reversed

    def _trigrams_table(self) -> dict[str, list[str]]:
        """Each letter trigram -> the vocabulary terms that have it (built on first use)."""
        if self._trigram_index is None:
            if self._trigram_blob is not None:
                self._trigram_index = marshal.loads(self._trigram_blob)
            else:
                table: dict[str, list[str]] = defaultdict(list)
                for vocab_term in self._sorted:
                    for gram in _trigrams(vocab_term):
                        table[gram].append(vocab_term)
                self._trigram_index = dict(table)
        return self._trigram_index

    def _known_part(self, part: str) -> bool:
        """A compound part that is a real index word of a sensible length."""
        return (
            len(part) >= MIN_PART
            and part not in STOPWORDS
            and (part in self._postings or bool(self._inflections(part)))
        )

    def _inflections(self, q: str) -> list[str]:
        """Index words that are other forms of `q`.

        The same stem, `q`'s stem itself, or forms whose stem is `q` (operatör and
        operatören, whose stems differ).
        """
        root = stem(q)
        found = {*self._stems.get(root, ()), *self._stems.get(q, ())}
        if root in self._postings:
            found.add(root)
        found.discard(q)
        return sorted(found)

    def _compounds_with(self, q: str) -> Iterable[tuple[str, float]]:
        """Index words that are compounds with `q` as their first or last part."""
        if len(q) < MIN_PART or q in STOPWORDS:
            return
        start = bisect.bisect_left(self._sorted, q)
        for term in self._sorted[start:]:
            if not term.startswith(q):
                break
            rest = term[len(q) :]
            if len(rest) < MIN_PART or term in self._joined:
                continue
            rests = (rest, rest[1:]) if rest.startswith("s") else (rest,)
            if any(self._known_part(r) for r in rests):
                yield term, COMPOUND_PART
            elif len(q) >= LONG_WORD:
                yield term, LONG_FRAGMENT
        backwards = q[::-1]
        reversed_terms = self._reversed_terms()
        start = bisect.bisect_left(reversed_terms, backwards)
        for reversed_term in reversed_terms[start:]:
            if not reversed_term.startswith(backwards):
                break
            term = reversed_term[::-1]
            head = term[: -len(q)]
            if len(head) < MIN_PART or term in self._joined:
                continue
            heads = (head, head[:-1]) if head.endswith("s") else (head,)
            if any(self._known_part(h) for h in heads):
                yield term, COMPOUND_PART
            elif len(q) >= LONG_WORD:
                yield term, LONG_FRAGMENT

    def _match_word(
        self, word: _QueryWord, *, partial: bool = True, typos: bool = True
    ) -> dict[str, float]:
        """Vocabulary terms similar to one folded query word, with a similarity 0–1.

        With `partial=False` only exact, inflected and typo matches are looked for (not
        compound parts); with `typos=False`, no typos either.
        """
        q = word.folded
        found: dict[str, float] = {}

        def keep(term: str, similarity: float) -> None:
            if similarity > found.get(term, 0.0):
                found[term] = similarity

        exact = q in self._postings
        if exact:
            keep(q, EXACT)  # see _unit_values for words typed with or without å/ä/ö
        inflected = self._inflections(q)
        for term in inflected:
            keep(term, INFLECTION)
        if partial:
            for term, similarity in self._compounds_with(q):
                keep(term, similarity)
        if exact or inflected or len(q) < 4 or not typos:
            return found
        limit = 1 if len(q) < 9 else 2
        for term in self._trigram_candidates(q):
            if len(q) <= 5 and term[0] != q[0]:
                continue
            distance = osa_distance(q, term, limit)
            if 0 < distance <= limit:
                keep(term, TYPO_1 if distance == 1 else TYPO_2)
        return found

    def _split(self, q: str) -> tuple[str, str] | None:
        """Split an unknown compound into two index words (longest head first)."""
        if q in self._postings or len(q) < 2 * MIN_PART or self._inflections(q):
            return None
        for cut in range(len(q) - MIN_PART, MIN_PART - 1, -1):
            head, tail = q[:cut], q[cut:]
            if not self._known_part(tail):
                continue
            if head.endswith("s") and head[:-1] in self._postings:
                return head[:-1], tail  # Swedish linking s: bostadsbidrag
            if self._known_part(head):
                return head, tail
            if head.endswith("s") and self._known_part(head[:-1]):
                return head[:-1], tail
        return None

    def _direct(self, part: str) -> dict[int, _Match]:
        """Per document, how well it has one compound part (exactly or inflected)."""
        values: dict[int, _Match] = {}
        terms = [(part, EXACT)] if part in self._postings else []
        terms += [(term, INFLECTION) for term in self._inflections(part)]
        for term, similarity in terms:
            for doc, factor in self._postings[term].items():
                _offer(values, doc, similarity, factor, term)
        return values

    def _unit_values(
        self, word: _QueryWord, *, partial: bool = True, typos: bool = True
    ) -> dict[int, _Match]:
        """For one reading of a query word: per document, the best match and its term.

        Remembered per word, since `match` asks about the same words again and again.
        """
        key = (word.folded, word.original, partial, typos)
        cached = self._unit_cache.get(key)
        if cached is not None:
            return cached
        if len(self._unit_cache) > 20_000:
            self._unit_cache.clear()
        per_doc: dict[int, _Match] = {}
        self._unit_cache[key] = per_doc
        typed_marks = word.original != word.folded
        for term, similarity in self._match_word(word, partial=partial, typos=typos).items():
            exact = term == word.folded
            marked = self._marked.get(word.original, set()) if exact and typed_marks else None
            unmarked = (
                self._unmarked.get(term)
                if exact and not typed_marks and len(term) <= SHORT_WORD
                else None
            )
            for doc, factor in self._postings[term].items():
                if marked is not None and doc not in marked:
                    # Typed with å/ä/ö: a document spelling it otherwise scores a little
                    # lower ("får" prefers "får" to "far").
                    _offer(per_doc, doc, DIFFERENTLY_MARKED, factor, term)
                elif unmarked is not None and doc not in unmarked:
                    # A short word typed without them is another word: "rad" is not "råd".
                    _offer(per_doc, doc, SHORT_WITHOUT_MARKS, factor, term)
                else:
                    _offer(per_doc, doc, similarity, factor, term)
        split = self._split(word.folded) if partial else None
        if split is not None:
            head, tail = (self._direct(part) for part in split)
            for doc in head.keys() | tail.keys():
                if doc in head and doc in tail:
                    both = (head[doc][0] + tail[doc][0]) / 2
                    _offer(per_doc, doc, SPLIT_BOTH * both, 1.0, head[doc][2])
                else:
                    # Named by the index word of the part this document has.
                    one = max(head.get(doc, _NO_MATCH), tail.get(doc, _NO_MATCH))
                    _offer(per_doc, doc, SPLIT_ONE * one[0], 1.0, one[2])
        return per_doc

    # --- synonyms ----------------------------------------------------------------------

    def _synonym_targets(self, key: str) -> tuple[str, ...]:
        """The phrases `key` (a folded word or two joined) stands for, if it is a synonym."""
        found = self._synonyms.get(key)
        if found is None and len(key) >= 4:
            root = stem(key)
            for synonym, targets in self._synonyms.items():
                if stem(synonym) == root:
                    return tuple(targets)
        return tuple(found or ())

    def _phrase_values(self, phrase: str) -> dict[int, _Match]:
        """Per document, how well it matches a phrase: the mean over the phrase's words."""
        positions, units = self._units(phrase, synonyms=False)
        best = _best_per_position(units, lambda unit: 1.0)
        totals: dict[int, _Match] = {}
        for position in positions:
            for doc, (shown, raw, term) in best.get(position, {}).items():
                before = totals.get(doc, (0.0, 0.0, term))
                totals[doc] = (
                    before[0] + shown / len(positions),
                    before[1] + raw / len(positions),
                    before[2],
                )
        return totals

    def _synonym_unit(self, positions: tuple[int, ...], key: str) -> _Unit | None:
        values: dict[int, _Match] = {}
        for target in self._synonym_targets(key):
            for doc, (shown, raw, term) in self._phrase_values(target).items():
                _keep_best(values, doc, (SYNONYM * shown, SYNONYM * raw, term))
        return _Unit(positions, values) if values else None

    # --- queries -----------------------------------------------------------------------

    def _units(self, query: str, *, synonyms: bool = True) -> tuple[list[int], list[_Unit]]:
        """The query's counted word positions and every reading of them."""
        tokens = [_QueryWord(fold(w), w.casefold(), w) for w in _WORD.findall(_composed(query))]
        positions = [
            i for i, t in enumerate(tokens) if len(t.folded) >= 2 and t.folded not in STOPWORDS
        ]
        wanted = set(positions)
        joined_units: list[_Unit] = []
        bound: set[int] = set()
        for i in range(len(tokens) - 1):
            covered = tuple(p for p in (i, i + 1) if p in wanted)
            if not covered:
                continue
            joined = _QueryWord(
                tokens[i].folded + tokens[i + 1].folded,
                tokens[i].original + tokens[i + 1].original,
            )
            # A joined reading ("bank id" -> bankid) counts only when it is a real word
            # or a close variant of one, never through a weak partial match; joined with
            # a stop word ("skriva ut" -> skrivaut) only when it is the word itself.
            values = {
                doc: match
                for doc, match in self._unit_values(
                    joined, partial=False, typos=len(covered) == 2
                ).items()
                if match[0] >= JOINED_MIN
            }
            if values:
                joined_units.append(_Unit(covered, values))
                if joined.folded in self._postings or self._inflections(joined.folded):
                    # "id-kort" is the word idkort: "kort" alone must not find "simkort".
                    bound.update(covered)
            if synonyms and self._synonym_targets(joined.folded):
                unit = self._synonym_unit(covered, joined.folded)
                if unit is not None:
                    joined_units.append(unit)
        units = [_Unit((i,), self._unit_values(tokens[i])) for i in positions if i not in bound]
        if synonyms:
            for i in positions:
                unit = self._synonym_unit((i,), tokens[i].folded)
                if unit is not None:
                    units.append(unit)
        return positions, joined_units + units

    def _idf(self, values: Mapping[int, _Match]) -> float:
        """Inverse document frequency of a reading, counting partial matches partly."""
        frequency = sum(shown for shown, _, _ in values.values())
        total = len(self.docs)
        return math.log(1 + (total - frequency + 0.5) / (frequency + 0.5))

    def query(self, query: str, *, unknown_weight: float = 1.0) -> SearchResult:
        """Every document matching `query`, best first, and the words nothing matched.

        Each query word found in no document counts as `unknown_weight` of the rarest
        word (1.0: fully, so 1.00 means every word was found; `match` counts them less,
        since a long question always has words no row uses).
        """
        tokens = _WORD.findall(_composed(query))
        positions, units = self._units(query)
        # Joined readings first, so that on a tie "sim kort" is credited to "SIM-kort".
        units.sort(key=lambda unit: -len(unit.positions))
        weights = {id(unit): self._idf(unit.values) for unit in units if unit.values}
        # Per query position: the weight of the reading that can count the most there (its
        # weight times its best match), and each document's best match. A rarer reading
        # that matches less well (a synonym, a weak fragment) does not raise the bar for
        # the documents that have the word itself: "pension" stays 1.00 in a row with the
        # keyword pension although the synonym pension -> Pensionsmyndigheten is rarer.
        ideal: dict[int, float] = {}
        reach: dict[int, float] = {}
        for unit in units:
            if not unit.values:
                continue
            weight = weights[id(unit)]
            most = weight * max(shown for shown, _, _ in unit.values.values())
            for position in unit.positions:
                if most > reach.get(position, 0.0):
                    reach[position] = most
                    ideal[position] = weight
        best = _best_per_position(units, lambda unit: weights[id(unit)])
        typed = tuple(tokens[p] for p in positions)
        unmatched = tuple(tokens[p] for p in positions if p not in ideal)
        denominator = sum(ideal.values()) + unknown_weight * len(unmatched) * self._idf({})
        if not ideal or denominator <= 0:
            return SearchResult([], unmatched, typed)
        shown: dict[int, float] = defaultdict(float)  # each word counts at most fully
        raw: dict[int, float] = defaultdict(float)  # a word in several fields counts more
        matched: dict[int, list[str]] = defaultdict(list)
        found: dict[int, set[int]] = defaultdict(set)
        for position, slot in best.items():
            for doc, (value, bonus, term) in slot.items():
                shown[doc] += value
                raw[doc] += bonus
                found[doc].add(position)
                surface = self.surface(term)
                if surface not in matched[doc]:
                    matched[doc].append(surface)
        scores = {doc: round(min(1.0, shown[doc] / denominator), 4) for doc in shown}
        ranked = sorted(scores, key=lambda doc: (-round(scores[doc], 2), -raw[doc], doc))
        hits = [
            Hit(
                self.docs[doc].key,
                scores[doc],
                tuple(matched[doc]),
                tuple(tokens[p] for p in positions if p not in found[doc]),
            )
            for doc in ranked
            if scores[doc] > 0
        ]
        return SearchResult(hits, unmatched, typed)

    def search(
        self,
        query: str,
        *,
        limit: int | None = None,
        min_score: float = 0.0,
        unknown_weight: float = 1.0,
    ) -> list[Hit]:
        """Documents matching `query`, best first (see `query`)."""
        hits = [
            hit
            for hit in self.query(query, unknown_weight=unknown_weight).hits
            if hit.score >= min_score
        ]
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

        for word in _WORD.findall(_composed(query)):
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


def _whole_phrase(text: str, cache: dict[str, str | None]) -> str | None:
    """The joined word of a text of several content words (a phrase), else None."""
    if text not in cache:
        content = [
            w
            for w in _WORD.findall(_composed(text))
            if len(fold(w)) >= 2 and fold(w) not in STOPWORDS
        ]
        cache[text] = joined_key(text) if len(content) > 1 else None
    return cache[text]


def _fold_synonyms(synonyms: Mapping[str, Sequence[str]]) -> dict[str, list[str]]:
    """Synonyms keyed by their folded, joined word; the targets as written."""
    folded: dict[str, list[str]] = {}
    for key, targets in synonyms.items():
        joined = joined_key(key)
        if joined:
            folded.setdefault(joined, []).extend(t for t in targets if joined_key(t))
    return folded


def _best_per_position(
    units: Sequence[_Unit], weight: Callable[[_Unit], float]
) -> dict[int, dict[int, _Match]]:
    """Per query position, each document's best match over the readings covering it.

    Both values of a match are multiplied by the weight of its reading.
    """
    best: dict[int, dict[int, _Match]] = defaultdict(dict)
    for unit in units:
        if not unit.values:
            continue
        factor = weight(unit)
        for position in unit.positions:
            slot = best[position]
            for doc, (shown, raw, term) in unit.values.items():
                _keep_best(slot, doc, (factor * shown, factor * raw, term))
    return best


def engine_settings() -> dict[str, Any]:
    """Every constant a query depends on, as plain data.

    The desk page's port of `SearchIndex.query` (`referral_cli/pages/search.js`) reads
    its stop words, endings and match values from here, so they are defined only once.
    """
    return {
        "stopwords": sorted(STOPWORDS),
        "endings": list(_ENDINGS),
        "s_ending_after": "".join(sorted(_S_ENDING_AFTER)),
        "consonants": "".join(sorted(_CONSONANTS)),
        "min_stem": _MIN_STEM,
        "special_folds": {chr(key): value for key, value in sorted(_SPECIAL_FOLDS.items())},
        "exact": EXACT,
        "inflection": INFLECTION,
        "synonym": SYNONYM,
        "compound_part": COMPOUND_PART,
        "long_fragment": LONG_FRAGMENT,
        "split_both": SPLIT_BOTH,
        "split_one": SPLIT_ONE,
        "typo_1": TYPO_1,
        "typo_2": TYPO_2,
        "short_without_marks": SHORT_WITHOUT_MARKS,
        "differently_marked": DIFFERENTLY_MARKED,
        "short_word": SHORT_WORD,
        "min_part": MIN_PART,
        "long_word": LONG_WORD,
        "joined_min": JOINED_MIN,
    }

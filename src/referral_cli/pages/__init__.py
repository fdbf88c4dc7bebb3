"""The desk page and the public page: the guidelines in one self-contained HTML file.

`referral render desk-page` and `referral render public-page` (see `commands/render.py`)
render the templates `desk-page.html.j2` and `public-page.html.j2` with the context
built there from the same views as the printed handouts, plus what is made here:

- `page_data`: the page's data as JSON text that is safe inside a `<script>` element
  (`script_json`): the search index of the rows and of the actors exactly as `referral
  lookup` builds them (`index_data`, from `SearchIndex.to_state`), the engine's constants
  (`search.engine_settings`, and `unicode_tables` to fold as Python does), lookup's answer
  rules (`answers`), the labels; `page_rows`: the rows as the views show them;
- the desk page's printed slip: every row's sheet of the slip template, kept as a table
  of lines (`SHEETS_TEMPLATE`, `slip_table`), and the slip's fonts (`slip_fonts`);
- `page_script` and `script_hash`: the JavaScript (this folder's `search.js`, the port of
  the query, and `page.js`, the page) and its SHA-256 for the Content-Security-Policy,
  which allows that one script and no request at all.

Nothing here reads files of the guideline repository or the network; the same data gives
the same bytes.
"""

from __future__ import annotations

import base64
import hashlib
import json
import marshal
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from referral_cli.rendering import safe_url

if TYPE_CHECKING:
    from referral_cli.search import SearchIndex
    from referral_cli.store.repository import Guidelines
    from referral_cli.visitors import VisitorLanguage

PAGES_DIR: Final = Path(__file__).resolve().parent
SCRIPTS: Final = ("search.js", "page.js")
# What JSON may write as itself but a <script> element may not hold (see `script_json`).
_JSON_ESCAPES: Final = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


def script_json(value: Any) -> str:
    """`value` as compact JSON that cannot end or comment the `<script>` element holding it.

    `<`, `>` and `&` are written as JSON escapes (the same string to JSON), so neither
    `</script>` nor `<!--` can appear; text stays UTF-8.
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return "".join(_JSON_ESCAPES.get(ch, ch) for ch in text)


def index_data(index: SearchIndex) -> dict[str, Any]:
    """A built index as the page's search reads it (see `search.js`, `Index`).

    Taken from `SearchIndex.to_state`, so the page searches the index lookup searches:
    the terms in sorted order with their postings (`_posting_text`: documents and their
    field factors, each factor as its place in `factors`), and the tables a query reads,
    as lists (JSON objects would reorder keys like `1177`), documents as `_docs_text`. The
    table of word forms (`stems`) is left out: the page makes it from the terms with
    the same `stem` (a test compares the two).
    """
    state = index.to_state()
    terms = list(state["sorted"])
    factors: dict[float, int] = {}  # each field factor once; postings point into the list
    postings = []
    for term in terms:
        docs = state["postings"][term]
        if isinstance(docs, bytes):
            docs = marshal.loads(docs)
        pairs = [(doc, factors.setdefault(factor, len(factors))) for doc, factor in docs.items()]
        postings.append(_posting_text(pairs))
    surface: Mapping[str, str] = state["surface"]
    return {
        "keys": list(state["keys"]),
        "terms": terms,
        "factors": list(factors),
        "postings": postings,
        # How each term was first written, where that is not the term itself (else 0).
        "surface": [0 if surface.get(term, term) == term else surface[term] for term in terms],
        "marked": [[word, _docs_text(docs)] for word, docs in sorted(state["marked"].items())],
        "unmarked": [[word, _docs_text(docs)] for word, docs in sorted(state["unmarked"].items())],
        "joined": list(state["joined"]),
        "synonyms": [[key, list(targets)] for key, targets in state["synonyms"].items()],
    }


_FACTOR_CODES: Final = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _posting_text(pairs: Sequence[tuple[int, int]]) -> str:
    """A term's postings as text, for the page (decoded there only when read).

    Per document: the step from the one before in base 36 (lower case), then its
    factor's number as a capital letter (`_` and two letters from 26 on). A term in
    documents 3 and 7 with factors 0 and 2: `3A4C`.
    """
    parts = []
    previous = 0
    for doc, factor in pairs:
        if doc < previous:
            raise ValueError("postings are in document order")
        parts.append(_base36(doc - previous))
        previous = doc
        if factor < len(_FACTOR_CODES):
            parts.append(_FACTOR_CODES[factor])
        elif factor >= len(_FACTOR_CODES) ** 2:
            raise ValueError("more field factors than two letters can number")
        else:
            high, low = divmod(factor, len(_FACTOR_CODES))
            parts.append("_" + _FACTOR_CODES[high] + _FACTOR_CODES[low])
    return "".join(parts)


def _docs_text(docs: Iterable[int]) -> str:
    """Documents as their steps in base 36, space-separated (`[3, 7, 40]` → `3 4 x`)."""
    steps = []
    previous = 0
    for doc in sorted(docs):
        steps.append(_base36(doc - previous))
        previous = doc
    return " ".join(steps)


def search_data(
    guidelines: Guidelines,
    *,
    actors: bool,
    shown: Mapping[str, Mapping[str, str | None]] | None = None,
) -> dict[str, Any]:
    """The indexes `referral lookup` searches, the engine's constants and lookup's rules.

    `shown`: the texts a page in a visitor's language shows, by row id, searched besides
    the originals (`row_index.row_document`).
    """
    from referral_cli import answers
    from referral_cli.row_index import RowIndex
    from referral_cli.search import engine_settings

    data: dict[str, Any] = {
        "engine": {**engine_settings(), **unicode_tables()},
        "rules": {
            "min_score": answers.MIN_SCORE,
            "answer_score": answers.ANSWER_SCORE,
            "tie_margin": answers.TIE_MARGIN,
            "relative_score": answers.RELATIVE_SCORE,
            "actor_hits": answers.ACTOR_HITS,
            "actor_min_score": answers.ACTOR_MIN_SCORE,
        },
        "index": index_data(RowIndex.build(guidelines, shown).index),
    }
    if actors:
        index = answers.actor_index(guidelines.actors.actors, guidelines.library.synonyms)
        data["actor_index"] = index_data(index)
    return data


@cache
def unicode_tables() -> dict[str, Any]:
    """What the browser needs to fold text exactly as `search.fold` does (the BMP).

    `casefold`: the characters whose `str.casefold` is not their lower case (ß → ss,
    ᾀ → ἀι); `keep_marks`: the marks `unicodedata.combining` calls 0, which `fold` keeps
    when a letter decomposes into them (a browser only knows "mark"). Taken from this
    Python's Unicode data, so page and `lookup` fold alike.
    """
    import unicodedata

    casefold = {}
    keep = set()
    for code in range(0x20, 0x10000):
        ch = chr(code)
        if 0xD800 <= code <= 0xDFFF:
            continue
        folded = ch.casefold()
        if folded != ch.lower():
            casefold[ch] = folded
        if unicodedata.category(ch)[0] in "LN":
            for part in unicodedata.normalize("NFKD", folded):
                if unicodedata.category(part)[0] == "M" and not unicodedata.combining(part):
                    keep.add(part)
    return {"casefold": casefold, "keep_marks": "".join(sorted(keep))}


def contact_data(contact: Mapping[str, Any]) -> dict[str, Any]:
    """A contact view for the page: every channel (None when not set), with its link.

    `phone_href` (`tel:`), `website_href`, `chat_href` (only complete http(s) addresses,
    as `safe_url` allows) and `email_href` (`mailto:`).
    """
    from referral_cli.views import CONTACT_LINE_KEYS, mailto_href, tel_href

    data: dict[str, Any] = {key: contact.get(key) or None for key in CONTACT_LINE_KEYS}
    data["phone_href"] = tel_href(contact.get("phone"))
    data["website_href"] = safe_url(contact.get("website"))
    data["chat_href"] = safe_url(contact.get("chat"))
    data["email_href"] = mailto_href(contact.get("email"))
    return data


def page_rows(
    categories: Sequence[Mapping[str, Any]], actor_ids: Sequence[str], *, desk: bool
) -> list[dict[str, Any]]:
    """The rows as the script shows them, in matrix order (the order of the row index).

    For the desk page, all the answer card shows (actors by their place in `actor_ids`);
    the public page's script only lists rows and links to them, so it gets the `need`
    (and, in a visitor's language, `original`: the need is shown in the original).
    """
    place = {actor_id: number for number, actor_id in enumerate(actor_ids)}
    rows = []
    for number, category in enumerate(categories):
        for row in category["rows"]:
            item: dict[str, Any] = {"id": row["id"], "category": number, "need": row["need"]}
            if "need" in row.get("fallback", ()):
                item["original"] = True
            if desk:
                item.update(
                    library_can=row["library_can"],
                    solution=row["solution"],
                    phrasing=row["phrasing"],
                    actors=[place[actor["id"]] for actor in row["actors"]],
                    requires=list(row["requires"]),
                    reviewed=row["reviewed"],
                )
            rows.append(item)
    return rows


def page_actors(
    actors: Sequence[Mapping[str, Any]], *, own_names: bool = False
) -> list[dict[str, Any]]:
    """Public actor views as the page's templates show them (never a relationship or notes).

    `own_names`: every language by its name in itself (a page in a visitor's language,
    whose reader may not know the page's names of languages). `fallback` lists the
    contact's texts shown in the original (`visitors.translate_actor`).
    """
    return [
        {
            "id": actor["id"],
            "name": actor["name"],
            "kind": actor["kind_label"],
            "description": actor["description"],
            "helps_with": list(actor["helps_with"]),
            "contact": contact_data(actor["contact"]),
            "fallback": list(actor.get("fallback", ())),
            "languages": [
                (item["own"] or item["name"]) if own_names else item["name"]
                for item in actor["language_items"]
            ],
        }
        for actor in actors
    ]


# Between two rendered slip sheets: data never holds a control character (see `text`).
SHEET_END: Final = "\x1e"
# The template that renders every row's slip sheet, one after the other (see `slip_table`).
SHEETS_TEMPLATE: Final = (
    '{% import "slip.html.j2" as s with context %}'
    "{% for row in slips %}{{ s.sheet([row], false) }}\x1e{% endfor %}"
)


def slip_table(rendered: Mapping[str, str]) -> dict[str, Any]:
    """Every row's slip sheet in each slip language as one table of lines.

    `rendered` holds `SHEETS_TEMPLATE`'s output by slip language (`sv`, and `ar+sv` for
    a translated one). Slips repeat most of their lines (labels, an actor's box, the
    footer), so each distinct line is kept once (`lines`, in order of first use) and
    each sheet is the list of its lines' numbers in base 36 (`sheets`: by language, in
    row order). The page puts a sheet back together with the very bytes the template
    wrote (indents aside). A thousand rows' slips take a sixth of the room.
    """
    numbers: dict[str, int] = {}
    sheets: dict[str, list[str]] = {}
    for language, text in rendered.items():
        sheets[language] = []
        for sheet in text.split(SHEET_END)[:-1]:
            used = []
            for line in sheet.strip("\n").split("\n"):
                line_text = line.strip()
                used.append(_base36(numbers.setdefault(line_text, len(numbers))))
            sheets[language].append(" ".join(used))
    return {"lines": "\n".join(numbers), "sheets": sheets}


def packed_lines(lines: str) -> str:
    """The table of slip lines as the page holds it: deflated (zlib), in base 64.

    Each language's slips repeat the same markup around their own words, so this is a
    seventh of the text; the page inflates it with the browser's `DecompressionStream`
    when the first slip is printed. Level 9, no time stamp: the same lines, the same bytes.
    """
    import zlib

    return base64.b64encode(zlib.compress(lines.encode("utf-8"), 9)).decode("ascii")


def _base36(number: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    text = ""
    while True:
        number, rest = divmod(number, 36)
        text = digits[rest] + text
        if not number:
            return text


@cache
def page_script() -> str:
    """The page's JavaScript: the search port, then the page, without comments and indents.

    Only lines that are a comment as a whole (`//`, or a `/* … */` block that starts a
    line) are dropped, and the spaces that start a line: the files stay as written.
    """
    lines = []
    for name in SCRIPTS:
        in_block = False
        for line in (PAGES_DIR / name).read_text(encoding="utf-8").splitlines():
            text = line.strip()
            if in_block:
                in_block = not text.endswith("*/")
            elif text.startswith("/*"):
                in_block = not text.endswith("*/")
            elif text and not text.startswith("//"):
                lines.append(text)
    return "\n".join(lines) + "\n"


@cache
def slip_fonts() -> str:
    """`@font-face` rules of the slip's faces: the bundled regular and bold, Latin only.

    Made from the bundled faces by `build_fonts` (same glyphs and widths, so the fitting
    holds), to keep the page light. The italic face (only the rare "more at the desk"
    line) and the script fonts are left out: the browser slants the regular face, and a
    letter the faces lack (a language name in Arabic script) comes from a system font.
    """
    from referral_cli.fonts import FAMILY
    from referral_cli.pages.build_fonts import SLIP_FACES

    rules = []
    for _, name, weight in SLIP_FACES:
        data = base64.b64encode((PAGES_DIR / name).read_bytes()).decode("ascii")
        rules.append(
            f'@font-face {{ font-family: "{FAMILY}"; font-style: normal; font-weight: {weight}; '
            f'src: url(data:font/woff2;base64,{data}) format("woff2"); }}\n'
        )
    return "".join(rules)


def script_hash(script: str) -> str:
    """The CSP hash of exactly this inline script: `sha256-…` (quoted in the policy)."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


# The labels the script words the page with (the rest are printed by the templates).
PAGE_LABELS: Final = (
    "library_can",
    "phrasing",
    "quote_open",
    "quote_close",
    "solution",
    "refer_to",
    "requires",
    "no_referral",
    "row_reviewed",
    "page_status_answer",
    "page_status_closest",
    "page_more_hits",
    "page_closest_rows",
    "page_hits",
    "page_not_found",
    "page_nothing",
    "page_closest_words",
    "page_no_words",
    "page_common_words_only",
    "page_score",
    "page_print_slip",
    "page_matching_actors",
    "desk_print_slip_in",
    "desk_slip_original",
)
# The public page's script only lists rows (none of the card's staff words), in words
# for visitors: its label under each name the script reads (visitor labels, too).
PUBLIC_LABELS: Final = {
    "page_status_answer": "page_status_answer",
    "page_status_closest": "public_status_closest",
    "page_closest_rows": "public_closest_rows",
    "page_hits": "public_hits",
    "page_not_found": "page_not_found",
    "page_nothing": "public_nothing",
    "page_closest_words": "public_closest_words",
    "page_no_words": "public_no_words",
    "page_common_words_only": "public_common_words_only",
}
# Rows listed after the answer, as `referral lookup` lists them at a terminal.
MORE_HITS: Final = 4


def page_categories(
    categories: Sequence[Mapping[str, Any]], actors: Mapping[str, Mapping[str, Any]]
) -> list[dict[str, Any]]:
    """Category views for the public page: rows without `phrasing` or `keywords`.

    Each row's actors are the page's actor dicts (`page_actors`, with their links). In a
    visitor's language, `fallback` lists the texts of a category or row shown in the
    original (`visitors.translate_row`), and `beside` the originals printed beside
    the translations (`--lang ar+sv`).
    """
    return [
        {
            "id": category["id"],
            "title": category["title"],
            "fallback": list(category.get("fallback", ())),
            "rows": [
                {
                    **{key: row[key] for key in ("id", "need", "library_can", "solution")},
                    "requires": list(row["requires"]),
                    "reviewed": row["reviewed"],
                    "actors": [actors[actor["id"]] for actor in row["actors"]],
                    "fallback": list(row.get("fallback", ())),
                    "beside": dict(row.get("beside", {})),
                }
                for row in category["rows"]
            ],
        }
        for category in categories
    ]


def page_context(
    guidelines: Guidelines,
    handout: str,
    lang: str,
    categories: Sequence[Mapping[str, Any]],
    public_actors: Mapping[str, Mapping[str, Any]],
    words: Mapping[str, str],
    *,
    visitor: VisitorLanguage | None = None,
) -> dict[str, Any]:
    """What the page templates get besides the handouts' context.

    `page_data` and `page_rows` (the JSON), `page_script`, `script_hash`, `contact_keys`,
    and: for the desk page `directory` (every actor, with links); for the public page
    `public_categories` (`page_categories`) and `library_contact`. `categories` are
    public category views (`views.category_views(..., staff=False)`); for the public
    page in a visitor's language (`visitor`), translated ones (`visitors.translate_row`),
    which the page also searches.
    """
    from markupsafe import Markup

    from referral_cli.views import CONTACT_LINE_KEYS, contact_view

    desk = handout == "desk-page"
    referred = {
        actor["id"]
        for category in categories
        for row in category["rows"]
        for actor in row["actors"]
    }
    shown = [actor for actor in public_actors.values() if desk or actor["id"] in referred]
    actors = page_actors(shown, own_names=visitor is not None and visitor.own_names_only)
    ids = [actor["id"] for actor in actors]
    data: dict[str, Any] = {
        "mode": "desk" if desk else "public",
        "labels": {key: words[key] for key in PAGE_LABELS}
        if desk
        else {key: words[label] for key, label in PUBLIC_LABELS.items()},
        "more_hits": MORE_HITS,
        "categories": [category["title"] for category in categories],
        # The card takes each actor's contact from the directory on the page.
        "actors": [{"id": actor["id"], "name": actor["name"]} for actor in actors] if desk else [],
        **search_data(guidelines, actors=desk, shown=_shown_texts(categories) if visitor else None),
    }
    visitors: dict[str, Any] = {}
    if visitor is not None:  # the language of a text shown in the original, for the script
        from referral_cli.visitors import html_lang

        data["original"] = {"lang": html_lang(visitor.own), "dir": "ltr"}
    if desk:
        data["slips"] = True
        data["slip_language"] = lang
        visitors = visitor_data(guidelines, lang, shown)
        data.update(visitors)
    script = page_script()
    context: dict[str, Any] = {
        "page_data": Markup(script_json(data)),
        # Apart, so the page reads the rows' text only when it first shows one.
        "page_rows": Markup(script_json(page_rows(categories, ids, desk=desk))),
        "page_script": Markup(script),
        "script_hash": script_hash(script),
        "contact_keys": list(CONTACT_LINE_KEYS),
    }
    if desk:
        context["search_hint"] = search_hint(guidelines, words)
        context["directory"] = actors
        context["slip_fonts"] = Markup(slip_fonts())
        context["visitor_languages"] = visitors["visitor_languages"]
    else:
        context["public_categories"] = page_categories(
            categories, dict(zip(ids, actors, strict=True))
        )
        library: dict[str, Any] = {"contact": contact_view(guidelines.library.contact)}
        if visitor is not None:
            from referral_cli.visitors import translate_library

            library = translate_library(library, visitor)
        context["library_contact"] = contact_data(library["contact"])
        context["library_fallback"] = library.get("fallback", [])
        # Whether a text is shown in the original, marked *: the page then explains the mark.
        rows = [row for category in context["public_categories"] for row in category["rows"]]
        context["marked"] = (
            bool(context["library_fallback"])
            or any(category["fallback"] for category in context["public_categories"])
            or any(row["fallback"] or any(a["fallback"] for a in row["actors"]) for row in rows)
        )
    return context


# How many of the library's own search words the desk page's hint offers as examples.
SEARCH_EXAMPLES: Final = 3


def search_examples(guidelines: Guidelines, count: int = SEARCH_EXAMPLES) -> list[str]:
    """Search words that find a row of this library, at most `count`.

    The first keyword of the first row that has keywords, in each category in turn.
    """
    examples: list[str] = []
    for category in guidelines.matrix.categories:
        keyword = next((row.keywords[0] for row in category.rows if row.keywords), None)
        if keyword is not None and keyword.casefold() not in {e.casefold() for e in examples}:
            examples.append(keyword)
        if len(examples) == count:
            break
    return examples


def search_hint(guidelines: Guidelines, words: Mapping[str, str]) -> str:
    """The desk page's hint under the search box, with examples from this library's rows.

    Never words of another library's matrix; without keywords, the hint alone.
    """
    examples = search_examples(guidelines)
    if not examples:
        return words["page_search_hint_plain"]
    return words["page_search_hint"].replace("{examples}", ", ".join(examples))


def _shown_texts(categories: Sequence[Mapping[str, Any]]) -> dict[str, dict[str, str | None]]:
    """The texts a page in a visitor's language shows, by row id (for its search)."""
    return {
        row["id"]: {
            "need": row["need"],
            "library_can": row["library_can"],
            "solution": row["solution"],
            "category": category["title"],
        }
        for category in categories
        for row in category["rows"]
    }


def visitor_data(
    guidelines: Guidelines, lang: str, actors: Sequence[Mapping[str, Any]]
) -> dict[str, Any]:
    """What the desk page needs for a visitor who reads another language than the page.

    - `visitor_languages`: the languages a visitor may be served in, by their name in
      `lang`: every translated one (`slip`: the key of its printed slip, see
      `visitors.desk_slip_choice`) and every one an actor helps in (`slip` None). Each
      has `code`, `base` (`views.language_base`: what counts as the same language),
      `name`, and `own` (the name in itself, or None where it would only repeat it);
    - `slip_documents`: by slip key, the `lang` and `dir` of the printed slip's page;
    - `speaks`: per actor (as `actors`), the bases of the languages it helps in, or
      None when its languages are not recorded;
    - `visitor_words`: the card's wording, as `referral lookup --visitor-lang` says it.
    """
    from referral_cli.i18n import catalogue, language_name
    from referral_cli.views import language_base, own_language_name, sort_key
    from referral_cli.visitors import (
        OWN_NAMES,
        desk_slip_choice,
        language_label,
        visitor_languages,
    )

    own = guidelines.library.language
    words = catalogue(lang)
    documents: dict[str, dict[str, str]] = {lang: {"lang": lang, "dir": "ltr"}}
    slips: dict[str, str | None] = {}
    for item in visitor_languages(guidelines):
        key = desk_slip_choice(item["code"], own).option
        slips[item["code"]] = key
        documents[key] = {"lang": item["lang"], "dir": "rtl" if item["rtl"] else "ltr"}
    for actor in actors:
        for language in actor["language_items"]:
            if language_base(language["code"]) != language_base(own):
                slips.setdefault(language["code"], None)
    named = []
    for code, slip in slips.items():
        name = language_label(code, lang)
        itself = OWN_NAMES.get(code) or own_language_name(code)
        same = itself is None or itself.casefold() == name.casefold()
        named.append((name, code, None if same else itself, slip))
    named.sort(key=lambda item: sort_key(item[0]))
    languages = [
        {"code": code, "base": language_base(code), "name": name, "own": own, "slip": slip}
        for name, code, own, slip in named
    ]
    return {
        "visitor_languages": languages,
        "slip_documents": documents,
        "original_language": language_name(own, lang),
        "speaks": [
            sorted({language_base(item["code"]) for item in actor["language_items"]}) or None
            for actor in actors
        ],
        "visitor_words": {
            key.replace("-", "_"): words[f"visitors.lookup.{key}"]
            for key in ("helps", "not-in", "no-languages", "summary", "summary-none")
        },
    }

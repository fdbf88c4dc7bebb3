"""`referral render`: printable handouts from the guideline data.

Everything is rendered in memory first; files are written only when every
handout in every format rendered (see `referral_cli.documents`). Templates
receive a view model of plain dicts and lists (see `referral_cli.views`).
Public handouts (`PUBLIC_HANDOUTS`) are built from public view models only:
internal actor fields (relationship, owner, notes) and row owners are never in
their context, so no template can print them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from referral_cli.dates import add_months
from referral_cli.documents import (
    DocumentPlan,
    guidelines_revision,
    plan_documents,
    problem_to_error,
    render_documents,
    split_values,
    unknown_choice,
    write_files,
)
from referral_cli.errors import UsageError
from referral_cli.i18n import LANGUAGES, labels, phrase
from referral_cli.rules.loading import load_valid_guidelines
from referral_cli.store.repository import Guidelines
from referral_cli.store.translations import translated_languages
from referral_cli.visitors import (
    VISITOR_HANDOUTS,
    LanguageChoice,
    VisitorLanguage,
    check_choice,
    check_translated,
    desk_slip_choice,
    html_lang,
    is_rtl,
    is_visitor_choice,
    parse_language,
    slip_fallbacks,
    translate_actor,
    translate_library,
    translate_row,
    visitor_languages,
)

if TYPE_CHECKING:
    from referral_cli.models import Contact
from referral_cli.views import (
    category_views,
    contact_view,
    iso,
    last_reviewed,
    library_view,
    public_actor_view,
    revision_text,
    row_view,
    shorten,
    sort_key,
    staff_actor_view,
    step_views,
)

# The version a handout prints: as given (`RenderOptions.revision`), or the commit and
# whether data or templates changed since, worded by each handout in its own words.
Revision = str | tuple[str | None, bool]
HANDOUTS: Final = (
    "desk-guide",
    "quick-reference",
    "referral-slips",
    "actors",
    "actors-public",
    "guidelines",
    "poster",
    "inventory-sheet",
    "desk-page",
    "public-page",
)
# Web pages, written only as HTML: one self-contained, searchable file each (issue 13).
PAGES: Final = ("desk-page", "public-page")
# The handouts made to be printed (every format).
PRINTED_HANDOUTS: Final = tuple(name for name in HANDOUTS if name not in PAGES)
PUBLIC_HANDOUTS: Final = frozenset(
    {"referral-slips", "actors-public", "guidelines", "poster", "public-page"}
)
# With no handout named, every one but the quick reference: it refuses a matrix that does
# not fit one page, and that must not stop the other handouts of a large library.
DEFAULT_HANDOUTS: Final = tuple(name for name in HANDOUTS if name != "quick-reference")
# Handouts that take `--row`: the slips of those rows, or a quick reference of only them.
ROW_HANDOUTS: Final = ("referral-slips", "quick-reference")
PAPER_SIZES: Final = ("A4", "A3")
# "What the library can do, in a few words" on the quick reference.
QUICK_LIBRARY_CHARS: Final = 64


@dataclass(frozen=True)
class RenderOptions:
    """What to render.

    `handouts` empty means all of them (only the visitor handouts for a visitor
    language); `formats` may contain `all`; `language` None means `library.language`,
    else `sv`, `en`, a language with a translation file (`ar`), or one with the
    original beside it (`ar+sv`), see `referral_cli.visitors`; `templates` replaces the
    repository's own `templates/` folder; `rows` limits the referral slips and
    the quick reference; `revision` is the text printed as the version (None: ask
    git); `qr` adds QR codes of web addresses (slips, poster); `large` prints
    large-type slips, two to a sheet; `paper` is the poster's size; `period` the
    inventory period printed on the inventory sheet.
    """

    handouts: Sequence[str] = ()
    formats: Sequence[str] = ("html",)
    language: str | None = None
    templates: Path | None = None
    rows: Sequence[str] = ()
    revision: str | None = None
    qr: bool = False
    large: bool = False
    paper: str = "A4"
    period: str | None = None


@dataclass(frozen=True)
class RenderPlan:
    """Checked options: which handouts, the rows of the slips, formats and templates.

    `language` is the chosen `--lang`; `visitor` tells that the visitor handouts are
    printed in the visitor's language from its translation file.
    """

    handouts: tuple[str, ...]
    documents: DocumentPlan
    rows: tuple[str, ...] = ()
    language: LanguageChoice | None = None
    visitor: bool = False


def plan_render(root: Path, options: RenderOptions) -> RenderPlan:
    """Check the options (without reading data); raise `UsageError` for anything wrong."""
    handouts = split_values(options.handouts)
    for name in handouts:
        if name not in HANDOUTS:
            raise unknown_choice("render.choice.handout", name, HANDOUTS)
    rows = split_values(options.rows, unique=False)
    for value in options.rows:
        if any(not part.strip() for part in value.split(",")):
            # `--row ",,"` would otherwise choose no row, which means every slip.
            raise UsageError(phrase("render.empty-row", value=value))
    if rows and handouts and not set(handouts) & set(ROW_HANDOUTS):
        raise UsageError(phrase("render.row-needs-slips"))
    choice = parse_language(options.language)
    translated = translated_languages(root)
    visitor_only = choice is not None and (choice.code not in LANGUAGES or bool(choice.beside))
    if not handouts:
        defaults = VISITOR_HANDOUTS if visitor_only else DEFAULT_HANDOUTS
        handouts = ["referral-slips"] if rows else list(defaults)
    staff = [name for name in handouts if name not in VISITOR_HANDOUTS]
    if choice is not None and visitor_only and staff:
        raise UsageError(
            phrase(
                "visitors.error.staff-handout",
                value=choice.option,
                handouts=", ".join(staff),
                visitor=", ".join(VISITOR_HANDOUTS),
            )
        )
    if options.paper.upper() not in PAPER_SIZES:
        raise unknown_choice("render.choice.paper", options.paper, PAPER_SIZES)
    if choice is not None:
        check_translated(choice, translated)
    documents = plan_documents(root, options.formats, options.templates)
    if "html" not in documents.formats:
        named = [name for name in split_values(options.handouts) if name in PAGES]
        if named:
            raise UsageError(phrase("render.page-html-only", handout=named[0]))
        handouts = [name for name in handouts if name not in PAGES]
    return RenderPlan(
        handouts=tuple(sorted(handouts, key=HANDOUTS.index)),
        documents=documents,
        rows=tuple(rows),
        language=choice,
        visitor=choice is not None and (visitor_only or choice.code in translated),
    )


def _public_rows(
    categories: Sequence[Any],
    lang: str,
    actors: dict[str, dict[str, Any]],
    rows: Sequence[str],
) -> list[dict[str, Any]]:
    """Public row views with their category title.

    Every row in matrix order, or `rows` as given (repeats kept).
    """
    by_id = {
        row.id: dict(
            row_view(row, lang, actors, staff=False),
            category=category.title,
            category_id=category.id,
        )
        for category in categories
        for row in category.rows
    }
    return [by_id[row_id] for row_id in rows] if rows else list(by_id.values())


def _slips(
    guidelines: Guidelines,
    lang: str,
    actors: dict[str, dict[str, Any]],
    rows: Sequence[str],
    options: RenderOptions,
    visitor: VisitorLanguage | None = None,
) -> list[dict[str, Any]]:
    """The slips: public rows, each with how it fits its cell (`fit`) and QR codes (`qr`).

    With `visitor`, in the visitor's language (`visitors.translate_row`): each slip also
    has `fallback`, `beside` and `marked` (it shows a text in the original, so it
    carries the note explaining the mark).
    """
    from referral_cli.fitting import LARGE, NORMAL, fit_slip

    geometry = LARGE if options.large else NORMAL
    words = visitor.labels() if visitor else labels(lang)
    library = guidelines.library
    library_box: dict[str, Any] = {
        "name": library.name,
        "contact": contact_view(library.contact),
        "language_items": [],
    }
    requires = {row.id: row.requires for _, row in guidelines.matrix.rows()}
    if visitor is not None:
        library_box = translate_library(library_box, visitor)
    slips = []
    for slip in _public_rows(guidelines.matrix.categories, lang, actors, rows):
        extras = None
        if visitor is not None:
            slip = _visitor_slip(slip, visitor, requires[slip["id"]], library_box, words)
            extras = slip.pop("extras")
        boxes = slip["actors"] or [library_box]
        fit = fit_slip(slip, boxes, geometry, words, qr=options.qr, extras=extras)
        slip = dict(slip, fit=fit.as_dict(), qr=_qr_codes(boxes) if options.qr else {})
        if visitor is not None:
            slip["marked"] = slip_fallbacks(slip, fit.details, fit.shown) or bool(
                visitor.fallback_labels
            )
        slips.append(slip)
    return slips


def _visitor_slip(
    slip: dict[str, Any],
    visitor: VisitorLanguage,
    requires: Sequence[str],
    library_box: dict[str, Any],
    words: dict[str, str],
) -> dict[str, Any]:
    """One slip in the visitor's language, with what fitting must leave room for."""
    from referral_cli.fitting import SlipExtras

    view = translate_row(slip, visitor, requires)
    view["library_box"] = library_box
    boxes = view["actors"] or [library_box]
    may_mark = bool(view["fallback"]) or any(box["fallback"] for box in boxes)
    beside = visitor.beside_labels() if visitor.beside else None
    view["extras"] = SlipExtras(
        beside_need=view["beside"].get("need"),
        top_beside=beside["slip_need"] if beside else None,
        note=words["fallback_note"] if may_mark or visitor.fallback_labels else None,
        own_names_only=visitor.own_names_only,
    )
    return view


# Unicode's left-to-right isolate and its end: a CSS `content` string cannot hold markup.
LTR_ISOLATE: Final = "\u2066"
POP_ISOLATE: Final = "\u2069"


def _footer(name: str, *labelled: tuple[str, str], rtl: bool) -> str:
    """The one-line page footer: the library's name, then each label with its value.

    On a right-to-left page each value is isolated left to right: after an Arabic-script
    label the numbers of `2026-09-01` would each be a run of their own and print as
    `01-09-2026`.
    """
    parts = [
        f"{label} {LTR_ISOLATE}{value}{POP_ISOLATE}" if rtl else f"{label} {value}"
        for label, value in labelled
    ]
    return " · ".join([name, *parts])


def _qr_codes(boxes: Sequence[dict[str, Any]]) -> dict[str, str]:
    """QR codes (inline SVG) of the boxes' web addresses, by address."""
    from referral_cli.qr import qr_svg

    return {
        box["contact"]["website"]: qr_svg(box["contact"]["website"])
        for box in boxes
        if box["contact"].get("website")
    }


def _numbered(categories: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Number the rows 1, 2, 3 … through the whole matrix (the desk guide's index uses them)."""
    number = 0
    for category in categories:
        for row in category["rows"]:
            number += 1
            row["number"] = number
    return categories


def _referred_actors(
    categories: Sequence[dict[str, Any]], public: dict[str, dict[str, Any]]
) -> list[dict[str, Any]]:
    """Every actor some row refers to, in the directory's (Swedish alphabetical) order."""
    referred = {
        actor["id"]
        for category in categories
        for row in category["rows"]
        for actor in row["actors"]
    }
    return [actor for actor_id, actor in public.items() if actor_id in referred]


def _quick_rows(categories: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The quick reference's categories, each row with `library_short`.

    That is a few words of what the library can do: the first sentence, shortened.
    """
    from referral_cli.fitting import quick_channel

    for category in categories:
        for row in category["rows"]:
            first = (row["library_can"] or "").split(". ")[0].rstrip(".")
            row["library_short"] = shorten(first, QUICK_LIBRARY_CHARS) if first else None
            for actor in row["actors"]:
                actor["quick"] = quick_channel(actor["contact"])
    return [category for category in categories if category["rows"]]


def _poster(
    categories: Sequence[dict[str, Any]], contact: Contact | None, qr: bool
) -> dict[str, Any]:
    """The poster's lists: rows the library handles itself, rows it refers elsewhere.

    With `qr`, also a QR code of the library's web address; `marked` when a row's need
    is shown in the original (a poster in a visitor's language).
    """
    rows = [row for category in categories for row in category["rows"]]
    website = contact.website if contact else None
    code = None
    if qr and website:
        from referral_cli.qr import qr_svg

        code = qr_svg(website)
    return {
        "own": [row for row in rows if not row["actors"]],
        "referred": [row for row in rows if row["actors"]],
        "qr": code,
        # A need shown in the original, marked * (a poster in a visitor's language).
        "marked": any("need" in row.get("fallback", ()) for row in rows),
    }


def _visitor_categories(
    guidelines: Guidelines, categories: list[dict[str, Any]], visitor: VisitorLanguage
) -> list[dict[str, Any]]:
    """Category views in the visitor's language: titles and rows (`visitors.translate_row`)."""
    requires = {row.id: row.requires for _, row in guidelines.matrix.rows()}
    translated = []
    for category in categories:
        title, missing = visitor.text("categories", category["id"], "title", category["title"])
        rows = [
            translate_row(
                dict(row, category=category["title"], category_id=category["id"]),
                visitor,
                requires[row["id"]],
            )
            for row in category["rows"]
        ]
        fallback = ["title"] if missing else []
        translated.append(dict(category, title=title, rows=rows, fallback=fallback))
    return translated


def _errand_index(categories: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The public list's index by errand: every row that refers somewhere, by category."""
    return [
        {
            "title": category["title"],
            "rows": [
                {"need": row["need"], "actors": [actor["name"] for actor in row["actors"]]}
                for row in category["rows"]
                if row["actors"]
            ],
        }
        for category in categories
        if any(row["actors"] for row in category["rows"])
    ]


def _inventory_sheet(guidelines: Guidelines, lang: str, period_id: str | None) -> dict[str, Any]:
    """What the paper log prints: the reasons to tick, the branches, the period if chosen."""
    library = guidelines.library
    period = None
    if period_id is not None:
        periods = {p.id: p for p in library.periods}
        if period_id not in periods:
            raise unknown_choice("render.choice.period", period_id, list(periods))
        chosen = periods[period_id]
        period = {"id": chosen.id, "start": iso(chosen.start), "end": iso(chosen.end)}
    vocabulary = library.reasons if library.reasons is not None else None
    if vocabulary is None:
        from referral_cli.models import default_reasons

        vocabulary = default_reasons(lang)
    return {
        "reasons": [{"id": reason.id, "label": reason.label} for reason in vocabulary],
        "branches": [branch.name for branch in library.branches],
        "period": period,
    }


def build_context(
    guidelines: Guidelines,
    handout: str,
    lang: str,
    revision: Revision,
    rows: Sequence[str] = (),
    options: RenderOptions | None = None,
    visitor: VisitorLanguage | None = None,
) -> dict[str, Any]:
    """The plain-data context the template of `handout` receives.

    `lang` is the language of the labels (sv or en); `visitor` prints a visitor
    handout (`VISITOR_HANDOUTS`) in the visitor's language instead: its labels and
    texts, `lang` the visitor's, and `visitor` in the context describing the language
    (`VisitorLanguage.describe`; None otherwise). A translated text shown in the
    original is listed in its view's `fallback` (and marked on paper).

    Keys in every context: `handout`, `lang`, `visitor`, `L` (labels), `library`,
    `review` (`reviewed`, `next`, `interval_months`, `revision`), `footer`,
    `internal` (a staff handout: says so on every page), `options` (`qr`,
    `large`, `paper`). Then by handout: `categories` (desk-guide and
    quick-reference: rows numbered through the matrix; guidelines, poster),
    `contacts` (desk-guide: every referred actor in full), `slips`
    (referral-slips: public rows with their `category` title, `fit` and `qr`;
    only `rows`, in that order, when given), `checklist` and `closing`
    (desk-guide, guidelines), `actors` (actors: staff view; actors-public,
    guidelines: public view), `errands` (actors-public: index by errand),
    `sheet` (inventory-sheet). The web pages (desk-page, public-page) get what `_page`
    adds: their JSON data, script and its hash, and for the desk page the browsing
    lists, checklist, directory and every row's slip.
    """
    options = options or RenderOptions()
    if handout not in VISITOR_HANDOUTS:
        visitor = None
    words = visitor.labels() if visitor is not None else labels(lang)
    if not isinstance(revision, str):  # the commit, worded in this handout's words
        revision = revision_text(*revision, lang, words)
    library = guidelines.library
    reviewed = last_reviewed(guidelines)
    referred_from: dict[str, list[str]] = {}
    for _, row in guidelines.matrix.rows():
        for actor_id in row.refer_to:
            referred_from.setdefault(actor_id, []).append(row.need)
    ordered = sorted(guidelines.actors.actors, key=lambda actor: sort_key(actor.name))
    public = {
        actor.id: public_actor_view(actor, lang, referred_from.get(actor.id, []))
        for actor in ordered
    }
    footer = _footer(
        library.name,
        (words["reviewed"], iso(reviewed) or words["not_reviewed"]),
        (words["revision"], revision),
        rtl=visitor is not None and is_rtl(visitor.code),
    )
    context: dict[str, Any] = {
        "handout": handout,
        "lang": lang,
        "visitor": None,
        "L": words,
        "library": library_view(library),
        "review": {
            "reviewed": iso(reviewed),
            "next": iso(add_months(reviewed, library.review_interval_months)) if reviewed else None,
            "interval_months": library.review_interval_months,
            "revision": revision,
        },
        "footer": footer,
        "internal": handout not in PUBLIC_HANDOUTS,
        "options": {"qr": options.qr, "large": options.large, "paper": options.paper.upper()},
    }
    if visitor is not None:
        context["lang"] = html_lang(visitor.code)
        context["visitor"] = visitor.describe()
        context["library"] = translate_library(context["library"], visitor)
    matrix = guidelines.matrix
    staff = handout in ("desk-guide", "quick-reference")
    if handout in ("desk-guide", "quick-reference", "guidelines", "poster", "actors-public"):
        categories = _numbered(category_views(matrix.categories, lang, public, staff=staff))
        if handout == "quick-reference":
            if rows:
                chosen = set(rows)
                for category in categories:
                    category["rows"] = [row for row in category["rows"] if row["id"] in chosen]
            categories = _quick_rows(categories)
        if handout == "actors-public":
            context["errands"] = _errand_index(categories)
        else:
            context["categories"] = categories
        if handout == "desk-guide":
            context["contacts"] = _referred_actors(categories, public)
        if handout == "poster":
            if visitor is not None:
                categories = _visitor_categories(guidelines, categories, visitor)
                context["categories"] = categories
            context["poster"] = _poster(categories, library.contact, options.qr)
    elif handout == "referral-slips":
        context["slips"] = _slips(guidelines, lang, public, rows, options, visitor)
    if handout in ("desk-guide", "guidelines"):
        context["checklist"] = step_views(matrix.checklist)
        context["closing"] = step_views(matrix.closing)
    if handout == "actors":
        context["actors"] = [
            staff_actor_view(actor, lang, referred_from.get(actor.id, [])) for actor in ordered
        ]
    elif handout in ("actors-public", "guidelines"):
        context["actors"] = list(public.values())
    if handout == "inventory-sheet":
        context["sheet"] = _inventory_sheet(guidelines, lang, options.period)
    if handout in PAGES:
        context.update(_page(guidelines, handout, lang, public, words, visitor))
        if handout == "desk-page":
            context["visitor_slips"] = _visitor_slip_contexts(guidelines, lang, revision)
    return context


def _page(
    guidelines: Guidelines,
    handout: str,
    lang: str,
    public: dict[str, dict[str, Any]],
    words: dict[str, str],
    visitor: VisitorLanguage | None = None,
) -> dict[str, Any]:
    """The context of a web page: public row views only, plus the page's own data.

    The desk page also gets `categories`, `checklist`, `closing` and the slip of every
    row (`slips`, as the referral-slips handout sets them, in `slip_language`). The
    public page in a visitor's language (`visitor`) shows and searches the visitor's
    texts (`visitors.translate_row`), the originals where a translation is not current.
    """
    from referral_cli.pages import page_context

    matrix = guidelines.matrix
    categories = category_views(matrix.categories, lang, public, staff=False)
    if visitor is not None:  # rows and their actors translated once, the directory too
        categories = _visitor_categories(guidelines, categories, visitor)
        public = {actor_id: translate_actor(view, visitor) for actor_id, view in public.items()}
    context = page_context(guidelines, handout, lang, categories, public, words, visitor=visitor)
    if handout == "desk-page":
        context["categories"] = categories
        context["checklist"] = step_views(matrix.checklist)
        context["closing"] = step_views(matrix.closing)
        context["slips"] = _slips(guidelines, lang, public, (), RenderOptions())
        context["slip_language"] = lang
    return context


def add_readable_translations(guidelines: Guidelines) -> None:
    """Load every translation file that reads, for the desk page's slips in each language.

    A file that does not read (`validate` reports it) leaves its language out of the
    desk page instead of stopping the page: the Swedish slip still prints.
    """
    from referral_cli.findings import Finding
    from referral_cli.store.repository import load_model
    from referral_cli.store.translations import load_translations, translation_files

    for language in translation_files(guidelines.root):
        if language in guidelines.translations:
            continue
        findings: list[Finding] = []
        loaded = load_translations(guidelines.root, findings, load_model, [language])
        if not findings:
            guidelines.translations.update(loaded)


def _visitor_slip_contexts(
    guidelines: Guidelines, lang: str, revision: Revision
) -> dict[str, dict[str, Any]]:
    """For the desk page: the referral-slips context of every translated language.

    Keyed as `--lang` would name the slip: `ar+sv`, the visitor's language with the
    original beside it so that staff and the receiving office can read it too (Easy
    Swedish alone: `sv-lattlast`). Needs the translations loaded.
    """
    contexts = {}
    for item in visitor_languages(guidelines):
        choice = desk_slip_choice(item["code"], guidelines.library.language)
        visitor = VisitorLanguage(guidelines, choice.code, choice.beside)
        contexts[choice.option] = build_context(
            guidelines, "referral-slips", lang, revision, (), RenderOptions(), visitor
        )
    return contexts


def render_handouts(root: Path, options: RenderOptions) -> dict[str, bytes]:
    """Render the chosen handouts in memory: file name -> content.

    Raises `UsageError` for bad options (or a quick reference that cannot fit
    one page), `FindingsError` for bad data or a broken template of the repository
    (located); nothing is written.
    """
    plan = plan_render(root, options)
    choice = plan.language
    guidelines = load_valid_guidelines(
        root, inventory=False, translations=[choice.code] if plan.visitor and choice else False
    )
    if "desk-page" in plan.handouts:
        add_readable_translations(guidelines)
    known_rows = [row.id for _, row in guidelines.matrix.rows()]
    for row_id in plan.rows:
        if row_id not in known_rows:
            raise unknown_choice("render.choice.row", row_id, known_rows)
    own = guidelines.library.language
    visitor = None
    if choice is not None:
        check_choice(choice, own, translated_languages(root))
        if is_visitor_choice(choice, own, list(guidelines.translations)):
            visitor = VisitorLanguage(guidelines, choice.code, choice.beside)
    lang = choice.code if choice is not None and choice.code in LANGUAGES else own
    # Worded by each handout: a visitor's handout in the visitor's words.
    revision: Revision = (
        options.revision if options.revision is not None else guidelines_revision(root)
    )

    contexts = [
        (handout, build_context(guidelines, handout, lang, revision, plan.rows, options, visitor))
        for handout in plan.handouts
    ]
    for handout, context in contexts:
        if handout == "quick-reference":
            check_quick_reference(context)
    suffix = choice.file_suffix if visitor is not None and choice is not None else ""
    printed = [
        (h, h + (suffix if h in VISITOR_HANDOUTS else ""), context)
        for h, context in contexts
        if h not in PAGES
    ]
    pages = [
        (h, h + (suffix if h in VISITOR_HANDOUTS else ""), context)
        for h, context in contexts
        if h in PAGES
    ]
    files = render_documents(root, plan.documents, printed) if printed else {}
    if pages:
        files.update(render_pages(root, plan.documents, pages))
    return files


def render_pages(
    root: Path, plan: DocumentPlan, pages: Sequence[tuple[str, str, dict[str, Any]]]
) -> dict[str, bytes]:
    """Render the web pages: HTML only, whatever formats the handouts are written in.

    Unlike a handout, a page gets no script fonts added: on screen the machine's fonts
    show every script, and the page stays light.
    """
    from referral_cli.pages import SHEETS_TEMPLATE, packed_lines, slip_table
    from referral_cli.rendering import TemplateProblem, build_environment, render_template

    env = build_environment("html", plan.template_dirs)
    files: dict[str, bytes] = {}
    for template, stem, context in pages:
        try:
            if "slips" in context:  # the desk page: every row's slip, as a table of lines
                sheets = env.from_string(SHEETS_TEMPLATE)
                rendered = {context["slip_language"]: sheets.render(context)}
                for key, slip_context in context["visitor_slips"].items():
                    rendered[key] = sheets.render(slip_context)
                table = slip_table(rendered)
                context = {**context, "slip_lines": packed_lines(table["lines"]), **table}
            text = render_template(env, f"{template}.html.j2", context)
        except TemplateProblem as problem:
            raise problem_to_error(problem, root, plan.template_dirs) from None
        files[f"{stem}.html"] = text.encode("utf-8")
    return files


def check_quick_reference(context: dict[str, Any]) -> None:
    """Refuse a quick reference that would not fit one A4 page, and say what to do instead."""
    from referral_cli.fitting import quick_reference_overflow

    overflow = quick_reference_overflow(context["categories"], context["L"])
    if overflow > 0:
        rows = sum(len(category["rows"]) for category in context["categories"])
        raise UsageError(
            phrase("render.quick-reference-too-long", rows=rows, overflow=round(overflow))
        )


def render(root: Path, out: Path, options: RenderOptions) -> list[Path]:
    """`referral render`: render everything in memory, then write it into `out`."""
    return write_files(out, render_handouts(root, options))

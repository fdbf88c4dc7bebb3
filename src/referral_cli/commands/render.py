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
from typing import Any, Final

from referral_cli.dates import add_months
from referral_cli.documents import (
    TEMPLATES_DIR,
    DocumentPlan,
    plan_documents,
    render_documents,
    split_values,
    unknown_choice,
    write_files,
)
from referral_cli.errors import UsageError
from referral_cli.i18n import check_language, labels, phrase
from referral_cli.rules.loading import load_valid_guidelines
from referral_cli.store.gitio import head_revision
from referral_cli.store.repository import Guidelines
from referral_cli.views import (
    category_views,
    iso,
    last_reviewed,
    library_view,
    public_actor_view,
    revision_text,
    row_view,
    sort_key,
    staff_actor_view,
    step_views,
)

HANDOUTS: Final = ("desk-guide", "referral-slips", "actors", "actors-public", "guidelines")
PUBLIC_HANDOUTS: Final = frozenset({"referral-slips", "actors-public", "guidelines"})


@dataclass(frozen=True)
class RenderOptions:
    """What to render.

    `handouts` empty means all of them; `formats` may contain `all`;
    `language` None means `library.language`; `templates` replaces the
    repository's own `templates/` folder; `rows` limits the referral slips;
    `revision` is the text printed as the version (None: ask git).
    """

    handouts: Sequence[str] = ()
    formats: Sequence[str] = ("html",)
    language: str | None = None
    templates: Path | None = None
    rows: Sequence[str] = ()
    revision: str | None = None


@dataclass(frozen=True)
class RenderPlan:
    """Checked options: which handouts, the rows of the slips, formats and templates."""

    handouts: tuple[str, ...]
    documents: DocumentPlan
    rows: tuple[str, ...] = ()


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
    if rows and handouts and "referral-slips" not in handouts:
        raise UsageError(phrase("render.row-needs-slips"))
    if not handouts:
        handouts = ["referral-slips"] if rows else list(HANDOUTS)
    check_language(options.language)
    return RenderPlan(
        handouts=tuple(sorted(handouts, key=HANDOUTS.index)),
        documents=plan_documents(root, options.formats, options.templates),
        rows=tuple(rows),
    )


def git_revision(root: Path, language: str) -> str:
    """The version printed on every page: the short commit, marked when data or templates changed.

    `abc1234`, `abc1234+ändringar` (`+changes`) when `data/` or `templates/`
    have uncommitted changes, or `okänd` (`unknown`) outside git.
    """
    revision, changed = head_revision(root, "data", TEMPLATES_DIR)
    return revision_text(revision, changed, language)


def _slips(
    categories: Sequence[Any],
    lang: str,
    actors: dict[str, dict[str, Any]],
    rows: Sequence[str],
) -> list[dict[str, Any]]:
    """Public row views for slips: every row in matrix order, or `rows` as given (repeats kept)."""
    by_id = {
        row.id: dict(row_view(row, lang, actors, staff=False), category=category.title)
        for category in categories
        for row in category.rows
    }
    return [by_id[row_id] for row_id in rows] if rows else list(by_id.values())


def build_context(
    guidelines: Guidelines,
    handout: str,
    lang: str,
    revision: str,
    rows: Sequence[str] = (),
) -> dict[str, Any]:
    """The plain-data context the template of `handout` receives.

    Keys in every context: `handout`, `lang`, `L` (labels), `library`,
    `review` (`reviewed`, `next`, `interval_months`, `revision`), `footer`.
    Then by handout: `categories` (desk-guide, guidelines), `slips`
    (referral-slips: public rows with their `category` title; only `rows`,
    in that order, when given), `checklist` and `closing` (desk-guide,
    guidelines), `actors` (actors: staff view; actors-public, guidelines:
    public view).
    """
    words = labels(lang)
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
    footer = " · ".join(
        [
            library.name,
            f"{words['reviewed']} {iso(reviewed) or words['not_reviewed']}",
            f"{words['revision']} {revision}",
        ]
    )
    context: dict[str, Any] = {
        "handout": handout,
        "lang": lang,
        "L": words,
        "library": library_view(library),
        "review": {
            "reviewed": iso(reviewed),
            "next": iso(add_months(reviewed, library.review_interval_months)) if reviewed else None,
            "interval_months": library.review_interval_months,
            "revision": revision,
        },
        "footer": footer,
    }
    matrix = guidelines.matrix
    if handout == "desk-guide":
        context["categories"] = category_views(matrix.categories, lang, public, staff=True)
    elif handout == "guidelines":
        context["categories"] = category_views(matrix.categories, lang, public, staff=False)
    elif handout == "referral-slips":
        context["slips"] = _slips(matrix.categories, lang, public, rows)
    if handout in ("desk-guide", "guidelines"):
        context["checklist"] = step_views(matrix.checklist)
        context["closing"] = step_views(matrix.closing)
    if handout == "actors":
        context["actors"] = [
            staff_actor_view(actor, lang, referred_from.get(actor.id, [])) for actor in ordered
        ]
    elif handout in ("actors-public", "guidelines"):
        context["actors"] = list(public.values())
    return context


def render_handouts(root: Path, options: RenderOptions) -> dict[str, bytes]:
    """Render the chosen handouts in memory: file name -> content.

    Raises `UsageError` for bad options, `FindingsError` for bad data (located)
    or a broken template of the repository (located), nothing is written.
    """
    plan = plan_render(root, options)
    guidelines = load_valid_guidelines(root, inventory=False)
    known_rows = [row.id for _, row in guidelines.matrix.rows()]
    for row_id in plan.rows:
        if row_id not in known_rows:
            raise unknown_choice("render.choice.row", row_id, known_rows)
    lang = options.language or guidelines.library.language
    revision = options.revision if options.revision is not None else git_revision(root, lang)

    documents = (
        (handout, handout, build_context(guidelines, handout, lang, revision, plan.rows))
        for handout in plan.handouts
    )
    return render_documents(root, plan.documents, documents)


def render(root: Path, out: Path, options: RenderOptions) -> list[Path]:
    """`referral render`: render everything in memory, then write it into `out`."""
    return write_files(out, render_handouts(root, options))

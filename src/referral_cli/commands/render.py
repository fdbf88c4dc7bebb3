"""`referral render`: printable handouts from the guideline data.

Everything is rendered in memory first; files are written only when every
handout in every format rendered, each through a temporary file and an
atomic rename. Templates receive a view model of plain dicts and lists built
here. Public handouts (`PUBLIC_HANDOUTS`) are built from public view models
only: internal actor fields (relationship, owner, notes) and row owners are
never in their context, so no template can print them.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Final

from referral_cli.dates import add_months
from referral_cli.errors import FindingsError, UsageError
from referral_cli.findings import Finding, did_you_mean
from referral_cli.i18n import check_language, labels, language_name, vocabulary_label
from referral_cli.models import Actor, Category, Contact, Library, Row, Step
from referral_cli.rendering import (
    OutputKind,
    TemplateProblem,
    build_environment,
    default_template_dir,
    render_template,
)
from referral_cli.store.gitio import output_text, run_git
from referral_cli.store.repository import Guidelines, display_path, load_valid_guidelines

HANDOUTS: Final = ("desk-guide", "referral-slips", "actors", "actors-public", "guidelines")
PUBLIC_HANDOUTS: Final = frozenset({"referral-slips", "actors-public", "guidelines"})
FORMATS: Final = ("html", "md", "pdf")
ALL_FORMATS: Final = "all"
TEMPLATES_DIR: Final = "templates"
CONTACT_KEYS: Final = ("phone", "website", "email", "address", "opening_hours", "chat")

PDF_MISSING: Final = (
    "PDF output needs WeasyPrint 68 or newer, which is not installed (or too old). "
    "Install it with:\n"
    "    pip install 'referral-cli[pdf]'\n"
    "(WeasyPrint also needs the Pango library: on Debian/Ubuntu "
    "'apt-get install libpango-1.0-0 libpangoft2-1.0-0'.) "
    "Or render HTML (--format html) and print it from your web browser."
)


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
    """Checked options: which handouts in which formats, and where templates come from."""

    handouts: tuple[str, ...]
    formats: tuple[str, ...]
    template_dirs: tuple[Path, ...]
    rows: tuple[str, ...] = ()


# ---------------------------------------------------------------------------
# Options


def _unknown(kind: str, value: str, choices: Iterable[str]) -> UsageError:
    listed = list(choices)
    return UsageError(
        f"unknown {kind} '{value}'{did_you_mean(value, listed)}: choose from {', '.join(listed)}"
    )


def _split(values: Iterable[str], *, unique: bool = True) -> list[str]:
    """Accept both repeated options and comma-separated lists, in order."""
    parts = [part.strip() for value in values for part in value.split(",") if part.strip()]
    return list(dict.fromkeys(parts)) if unique else parts


def plan_render(root: Path, options: RenderOptions) -> RenderPlan:
    """Check the options (without reading data); raise `UsageError` for anything wrong."""
    handouts = _split(options.handouts)
    for name in handouts:
        if name not in HANDOUTS:
            raise _unknown("handout", name, HANDOUTS)
    rows = _split(options.rows, unique=False)
    if rows and handouts and "referral-slips" not in handouts:
        raise UsageError("--row chooses referral slips: name the handout 'referral-slips' too")
    if not handouts:
        handouts = ["referral-slips"] if rows else list(HANDOUTS)

    formats = _split(options.formats) or ["html"]
    for name in formats:
        if name not in (*FORMATS, ALL_FORMATS):
            raise _unknown("format", name, (*FORMATS, ALL_FORMATS))
    if ALL_FORMATS in formats:
        formats = list(FORMATS)
    if "pdf" in formats:
        _require_weasyprint()

    check_language(options.language)

    template_dirs: tuple[Path, ...] = ()
    if options.templates is not None:
        if not options.templates.is_dir():
            raise UsageError(f"--templates {options.templates}: no such folder")
        template_dirs = (options.templates,)
    elif (root / TEMPLATES_DIR).is_dir():
        own = (root / TEMPLATES_DIR).resolve()
        if own != default_template_dir().resolve():
            template_dirs = (own,)
    return RenderPlan(
        handouts=tuple(sorted(handouts, key=HANDOUTS.index)),
        formats=tuple(name for name in FORMATS if name in formats),
        template_dirs=template_dirs,
        rows=tuple(rows),
    )


def _require_weasyprint() -> None:
    try:
        from weasyprint.urls import URLFetcher  # type: ignore[import-untyped,import-not-found,unused-ignore]  # noqa: F401
    except ImportError:
        raise UsageError(PDF_MISSING) from None
    except OSError as exc:  # WeasyPrint is there but a system library is not
        raise UsageError(f"{PDF_MISSING}\n(WeasyPrint could not start: {exc})") from None


# ---------------------------------------------------------------------------
# Revision and review dates


def git_revision(root: Path, language: str) -> str:
    """The short commit of the repository at `root`, marked when data or templates changed.

    `abc1234`, `abc1234+ändringar` (`+changes`) when `data/` or `templates/`
    have uncommitted changes, or `okänd` (`unknown`) outside git.
    """
    words = labels(language)
    head = run_git(root, "rev-parse", "--short", "HEAD", timeout=30)
    if head is None or head.returncode != 0 or not output_text(head):
        return words["revision_unknown"]
    revision = output_text(head)
    status = run_git(
        root,
        "status",
        "--porcelain",
        "--untracked-files=all",
        "--",
        "data",
        TEMPLATES_DIR,
        timeout=30,
    )
    if status is None or status.returncode != 0 or output_text(status):
        revision += "+" + words["revision_changes"]
    return revision


def last_reviewed(guidelines: Guidelines) -> date | None:
    """`library.reviewed`, else the newest `reviewed` date of any matrix row."""
    if guidelines.library.reviewed is not None:
        return guidelines.library.reviewed
    dates = [row.reviewed for _, row in guidelines.matrix.rows() if row.reviewed is not None]
    return max(dates, default=None)


# ---------------------------------------------------------------------------
# View model: plain data for templates


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def sort_key(text: str) -> tuple[str, str]:
    """Swedish alphabetical order (å, ä, ö after z; other accents ignored)."""
    folded = text.casefold().translate({ord("å"): "{", ord("ä"): "|", ord("ö"): "}"})
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)), text


def contact_view(contact: Contact | None) -> dict[str, Any]:
    """A contact with every key present (None when absent) and `any` telling if one is set."""
    view: dict[str, Any] = {key: getattr(contact, key) if contact else None for key in CONTACT_KEYS}
    view["any"] = any(view[key] for key in CONTACT_KEYS)
    return view


def library_view(library: Library) -> dict[str, Any]:
    """The library's public information."""
    return {
        "name": library.name,
        "municipality": library.municipality,
        "purpose": library.purpose,
        "language": library.language,
        "review_interval_months": library.review_interval_months,
        "reviewed": _iso(library.reviewed),
        "contact": contact_view(library.contact),
    }


def public_actor_view(actor: Actor, lang: str, referred_from: Sequence[str]) -> dict[str, Any]:
    """An actor's public fields only: nothing about the library's relationship with it."""
    return {
        "id": actor.id,
        "name": actor.name,
        "kind": actor.kind,
        "kind_label": vocabulary_label("kind", actor.kind, lang),
        "scope": actor.scope,
        "scope_label": vocabulary_label("scope", actor.scope, lang),
        "description": actor.description,
        "helps_with": list(actor.helps_with),
        "contact": contact_view(actor.contact),
        "languages": [language_name(code, lang) for code in actor.languages],
        "reviewed": _iso(actor.reviewed),
        "referred_from": list(referred_from),
    }


def staff_actor_view(actor: Actor, lang: str, referred_from: Sequence[str]) -> dict[str, Any]:
    """An actor with the internal fields: relationship, its owner, notes."""
    view = public_actor_view(actor, lang, referred_from)
    relationship = actor.relationship
    view["relationship"] = (
        None
        if relationship is None
        else {
            "status": relationship.status,
            "status_label": vocabulary_label("status", relationship.status, lang),
            "owner": relationship.owner,
            "last_contact": _iso(relationship.last_contact),
            "informed": _iso(relationship.informed),
            "wanted_collaboration": relationship.wanted_collaboration,
        }
    )
    view["notes"] = actor.notes
    return view


def _row_view(
    row: Row, lang: str, actors: Mapping[str, dict[str, Any]], *, staff: bool
) -> dict[str, Any]:
    view: dict[str, Any] = {
        "id": row.id,
        "need": row.need,
        "library_can": row.library_can,
        "solution": row.solution,
        "phrasing": row.phrasing,
        "actors": [actors[actor_id] for actor_id in row.refer_to if actor_id in actors],
        "requires": [vocabulary_label("requirement", item, lang) for item in row.requires],
        "keywords": list(row.keywords),
        "reviewed": _iso(row.reviewed),
    }
    if staff:
        view["owner"] = row.owner
    return view


def _steps(steps: Sequence[Step]) -> list[dict[str, Any]]:
    return [{"step": step.step, "guidance": step.guidance} for step in steps]


def _categories(
    categories: Sequence[Category],
    lang: str,
    actors: Mapping[str, dict[str, Any]],
    *,
    staff: bool,
) -> list[dict[str, Any]]:
    return [
        {
            "id": category.id,
            "title": category.title,
            "rows": [_row_view(row, lang, actors, staff=staff) for row in category.rows],
        }
        for category in categories
    ]


def _slips(
    categories: Sequence[Category],
    lang: str,
    actors: Mapping[str, dict[str, Any]],
    rows: Sequence[str],
) -> list[dict[str, Any]]:
    """Public row views for slips: every row in matrix order, or `rows` as given (repeats kept)."""
    by_id = {
        row.id: dict(_row_view(row, lang, actors, staff=False), category=category.title)
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
            f"{words['reviewed']} {_iso(reviewed) or words['not_reviewed']}",
            f"{words['revision']} {revision}",
        ]
    )
    context: dict[str, Any] = {
        "handout": handout,
        "lang": lang,
        "L": words,
        "library": library_view(library),
        "review": {
            "reviewed": _iso(reviewed),
            "next": _iso(add_months(reviewed, library.review_interval_months))
            if reviewed
            else None,
            "interval_months": library.review_interval_months,
            "revision": revision,
        },
        "footer": footer,
    }
    matrix = guidelines.matrix
    if handout == "desk-guide":
        context["categories"] = _categories(matrix.categories, lang, public, staff=True)
    elif handout == "guidelines":
        context["categories"] = _categories(matrix.categories, lang, public, staff=False)
    elif handout == "referral-slips":
        context["slips"] = _slips(matrix.categories, lang, public, rows)
    if handout in ("desk-guide", "guidelines"):
        context["checklist"] = _steps(matrix.checklist)
        context["closing"] = _steps(matrix.closing)
    if handout == "actors":
        context["actors"] = [
            staff_actor_view(actor, lang, referred_from.get(actor.id, [])) for actor in ordered
        ]
    elif handout in ("actors-public", "guidelines"):
        context["actors"] = list(public.values())
    return context


# ---------------------------------------------------------------------------
# Rendering


def _template_name(handout: str, output: str) -> str:
    return f"{handout}.{output}.j2"


def problem_to_error(problem: TemplateProblem, root: Path, plan: RenderPlan) -> Exception:
    """A repository's template problem is a finding (exit 1); a default template's is a bug."""
    path = problem.path
    if path is not None and any(
        path.resolve().is_relative_to(d.resolve()) for d in plan.template_dirs
    ):
        finding = Finding(
            display_path(root, path),
            problem.line or 1,
            1,
            "error",
            "template-error",
            problem.message,
            "fix the template, or remove it to use referral's default template of the same name",
        )
        return FindingsError([finding])
    return RuntimeError(f"a default template failed: {problem.describe()}")


def tidy_markdown(text: str) -> str:
    """No trailing spaces, at most one blank line in a row, one newline at the end."""
    lines = [line.rstrip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n") + "\n"


_problem_to_error = problem_to_error  # the name other commands imported first


def html_to_pdf(html: str) -> bytes:
    """Print HTML to PDF with WeasyPrint; no resource is ever fetched from the network."""
    import logging

    from weasyprint import HTML  # type: ignore[import-untyped,import-not-found,unused-ignore]
    from weasyprint.urls import URLFetcher  # type: ignore[import-untyped,import-not-found,unused-ignore]

    fetcher = URLFetcher(allowed_protocols=("data",), allow_redirects=False, timeout=1)
    logger = logging.getLogger("weasyprint")
    level = logger.level
    logger.setLevel(logging.ERROR)  # CSS WeasyPrint ignores is not the user's problem
    try:
        pdf: bytes = HTML(string=html, url_fetcher=fetcher).write_pdf()
    finally:
        logger.setLevel(level)
    return pdf


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
            raise _unknown("row", row_id, known_rows)
    lang = options.language or guidelines.library.language
    revision = options.revision if options.revision is not None else git_revision(root, lang)

    outputs: list[OutputKind] = []
    if "html" in plan.formats or "pdf" in plan.formats:
        outputs.append("html")
    if "md" in plan.formats:
        outputs.append("md")
    environments = {output: build_environment(output, plan.template_dirs) for output in outputs}

    files: dict[str, bytes] = {}
    for handout in plan.handouts:
        context = build_context(guidelines, handout, lang, revision, plan.rows)
        texts: dict[str, str] = {}
        for output, env in environments.items():
            try:
                texts[output] = render_template(env, _template_name(handout, output), context)
            except TemplateProblem as problem:
                raise problem_to_error(problem, root, plan) from None
        if "md" in texts:
            texts["md"] = tidy_markdown(texts["md"])
        for fmt in plan.formats:
            content = html_to_pdf(texts["html"]) if fmt == "pdf" else texts[fmt].encode("utf-8")
            files[f"{handout}.{fmt}"] = content
    return files


def write_files(out: Path, files: Mapping[str, bytes]) -> list[Path]:
    """Write every file into `out` (created if needed), each atomically; return the paths."""
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {out} is a file, not a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot create the folder {out}: {exc.strerror or exc}") from None
    written = []
    for name, content in files.items():
        target = out / name
        temporary = out / f".{name}.{os.getpid()}.tmp"
        try:
            temporary.write_bytes(content)
            temporary.replace(target)
        except BaseException as exc:
            temporary.unlink(missing_ok=True)
            if isinstance(exc, OSError):
                raise UsageError(f"cannot write {target}: {exc.strerror or exc}") from None
            raise
        written.append(target)
    return written


def render(root: Path, out: Path, options: RenderOptions) -> list[Path]:
    """`referral render`: render everything in memory, then write it into `out`."""
    return write_files(out, render_handouts(root, options))

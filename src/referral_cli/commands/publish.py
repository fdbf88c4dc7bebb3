"""`referral ci publish`: the site a forge's Pages serves (or a file share holds).

After a merge the pipeline publishes what was agreed: every handout, and an index page
that lists each document, whom it is for and the version of the guidelines it was built
from (the commit, its date, and a link to it on the forge).

Commands never import each other, so this module does not render: the command line
renders with `commands.render` and hands the files over as a `Section`: the handouts,
then the desk page and the public page (HTML only).
"""

from __future__ import annotations

import html
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Final

from referral_cli.documents import guidelines_revision, write_files
from referral_cli.errors import UsageError
from referral_cli.findings import suggestion
from referral_cli.i18n import Phrase, check_language, label, phrase, t
from referral_cli.rules.loading import load_valid_guidelines
from referral_cli.store.gitio import output_text, run_git
from referral_cli.views import revision_text

AUDIENCES: Final = ("staff", "public")
SITE_FORMATS: Final = ("html", "pdf")
INDEX: Final = "index.html"
# The handouts' titles (catalogue labels); a document not named here shows its file name.
_TITLES: Final = {
    "desk-guide": "desk_guide_title",
    "referral-slips": "slips_title",
    "actors": "staff_actors_title",
    "actors-public": "public_title",
    "guidelines": "guidelines_title",
    "quick-reference": "quick_title",
    "poster": "poster_title",
    "inventory-sheet": "inventory_title",
    "desk-page": "desk_page_title",
    "public-page": "public_page_title",
}


@dataclass(frozen=True)
class PublishOptions:
    """How to publish.

    `audience`: whom the site is for (`staff`: everything, `public`: only what
    visitors may read); `language` of the index (None: the library's); `link`: a web
    address for the version (e.g. the commit on the forge); `today`: the publishing
    date (None: today).
    """

    audience: str = "staff"
    language: str | None = None
    link: str | None = None
    today: date | None = None


@dataclass(frozen=True)
class Section:
    """One part of the site: a heading and its files (name to content).

    `public` names the documents (file names without extension) meant for visitors;
    the others are for staff.
    """

    heading: Phrase
    files: Mapping[str, bytes]
    public: Collection[str] = field(default_factory=frozenset)


@dataclass(frozen=True)
class SiteVersion:
    """The version a site was built from.

    `text` is what every handout prints (`abc1234`, `abc1234+changes`, or `unknown`
    outside git), `commit` the full commit id and `date` its date (YYYY-MM-DD).
    """

    text: str
    commit: str | None = None
    date: str | None = None


def check_options(options: PublishOptions) -> None:
    """Raise `UsageError` for an unknown audience or language, or a link that is no URL."""
    if options.audience not in AUDIENCES:
        raise UsageError(
            phrase(
                "publish.unknown-audience",
                value=options.audience,
                suggestion=suggestion(options.audience, AUDIENCES),
            )
        )
    check_language(options.language)
    if options.link is not None and not options.link.startswith(("https://", "http://")):
        raise UsageError(phrase("publish.bad-link", value=options.link))


def documents_for(
    audience: str, documents: Sequence[str], public: Collection[str]
) -> tuple[str, ...]:
    """The documents a site for `audience` shows: all for staff, the public ones else."""
    return tuple(d for d in documents if audience == "staff" or d in public)


def site_version(root: Path, lang: str) -> SiteVersion:
    """The version of the repository at `root`, as the handouts print it, with its date."""
    short, changed = guidelines_revision(root)
    text = revision_text(short, changed, lang)
    if short is None:
        return SiteVersion(text)
    found = run_git(root, "log", "-1", "--format=%H %cs", "HEAD", timeout=30)
    if found is None or found.returncode != 0:
        return SiteVersion(text)
    commit, _, day = output_text(found).partition(" ")
    return SiteVersion(text, commit, day or None)


def publish(
    root: Path, out: Path, sections: Sequence[Section], options: PublishOptions
) -> list[Path]:
    """Write every section's files and the index page into `out`; return the paths.

    A site for the public is refused (`UsageError`, nothing written) while `out` still
    holds staff documents from an earlier publish there: the index would not list them,
    but anyone who can read the folder could open them.
    """
    check_options(options)
    if options.audience == "public":
        _refuse_staff_files_left(out, sections)
    library = load_valid_guidelines(root, inventory=False).library
    lang = options.language or library.language
    files: dict[str, bytes] = {}
    for section in sections:
        if INDEX in section.files:
            raise ValueError(f"{INDEX} is the site's own index page")
        files.update(section.files)
    index = format_index(
        library.name,
        sections,
        site_version(root, lang),
        lang,
        link=options.link,
        today=options.today or date.today(),
    )
    files[INDEX] = index.encode("utf-8")
    return write_files(out, files)


def _refuse_staff_files_left(out: Path, sections: Sequence[Section]) -> None:
    """UsageError when `out` holds a staff-only document referral publishes for staff."""
    public = {stem for section in sections for stem in section.public}
    left = sorted(
        name
        for stem in _TITLES
        if stem not in public
        for name in (f"{stem}.{ext}" for ext in SITE_FORMATS)
        if (out / name).exists()
    )
    if left:
        raise UsageError(phrase("publish.staff-files-left", folder=str(out), files=", ".join(left)))


def document_title(stem: str, lang: str) -> str:
    """A published document's title: the handout's, else its file name."""
    return label(_TITLES[stem], lang) if stem in _TITLES else stem


def format_index(
    library: str,
    sections: Sequence[Section],
    version: SiteVersion,
    lang: str,
    *,
    link: str | None,
    today: date,
) -> str:
    """The index page: a self-contained HTML file (no script, nothing fetched)."""
    heading = label("guidelines_title", lang)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{html.escape(lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        f'<meta name="referral-version" content="{html.escape(version.commit or version.text)}">',
        f"<title>{html.escape(f'{heading} – {library}')}</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        "<main>",
        f'<p class="library">{html.escape(library)}</p>',
        f"<h1>{html.escape(heading)}</h1>",
        f'<p class="version">{_version_line(version, lang, link, today)}</p>',
        f"<p>{html.escape(t('publish.intro', lang))}</p>",
    ]
    for section in sections:
        parts.extend(_section_table(section, lang))
    parts += ["</main>", "</body>", "</html>", ""]
    return "\n".join(parts)


def _version_line(version: SiteVersion, lang: str, link: str | None, today: date) -> str:
    """The line `Version abc1234 of 2026-11-28, published 2026-11-30.` as HTML, linked."""
    shown = html.escape(version.text)
    if link:
        shown = f'<a href="{html.escape(link)}">{shown}</a>'
    if version.commit:
        shown = f'<span title="{html.escape(version.commit)}">{shown}</span>'
    values = {"version": "{version}", "today": today.isoformat()}
    sentence = (
        t("publish.version", lang, date=version.date, **values)
        if version.date
        else t("publish.version-undated", lang, **values)
    )
    # The sentence is escaped as text; then the version goes in as markup.
    return html.escape(sentence).replace("{version}", shown)


def _section_table(section: Section, lang: str) -> list[str]:
    """A section's heading and one table row per document, with a link per format."""
    by_stem: dict[str, list[str]] = {}
    for name in section.files:
        stem, _, extension = name.rpartition(".")
        by_stem.setdefault(stem or extension, []).append(name)
    headings = ("publish.heading.document", "publish.heading.audience", "publish.heading.files")
    rows = [
        f"<h2>{html.escape(section.heading.word(lang))}</h2>",
        "<table>",
        "<thead><tr>"
        + "".join(f"<th>{html.escape(t(key, lang))}</th>" for key in headings)
        + "</tr></thead>",
        "<tbody>",
    ]
    for stem, names in by_stem.items():
        audience = "public" if stem in section.public else "staff"
        links = " · ".join(
            f'<a href="{html.escape(name)}">{html.escape(name.rpartition(".")[2].upper())}</a>'
            for name in names
        )
        rows.append(
            f"<tr><td>{html.escape(document_title(stem, lang))}</td>"
            f"<td>{html.escape(t(f'publish.audience.{audience}', lang))}</td>"
            f"<td>{links}</td></tr>"
        )
    rows += ["</tbody>", "</table>"]
    return rows


_STYLE = (
    "body{font-family:'Source Sans 3','Segoe UI',Arial,sans-serif;margin:0;color:#1a1a1a;"
    "line-height:1.45}main{max-width:46rem;margin:2rem auto;padding:0 1rem}"
    ".library{font-weight:700;letter-spacing:.06em;margin:0}h1{margin:.2rem 0 .5rem}"
    ".version{color:#555}table{border-collapse:collapse;width:100%}"
    "th,td{text-align:left;padding:.4rem .6rem;border-bottom:1px solid #ccc}"
    "a{color:#0b4f8a}"
)

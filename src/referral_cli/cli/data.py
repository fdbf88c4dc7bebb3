"""Commands about the repository itself: `validate`, `schema`, `init`, `ci setup`, `ci publish`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from referral_cli.cli.completion import choices
from referral_cli.cli.errors import handle_errors
from referral_cli.cli.options import (
    FormatTextJson,
    LangOption,
    OutOption,
    RootOption,
    TextOrJson,
    checked_lang,
    command_group,
    resolve_root,
)
from referral_cli.i18n import LANGUAGES
from referral_cli.text import printable

NO_CACHE_ENV = "REFERRAL_NO_CACHE"  # store.cache.NO_CACHE_ENV, not imported at start-up
FORGES = ("gitlab", "github")  # the keys of scaffold.CI_FILES (a test checks)


@handle_errors
def validate(
    root: RootOption = None,
    strict: Annotated[
        bool,
        typer.Option("--strict", help="Treat warnings as errors (exit 1).", show_default=False),
    ] = False,
    output_format: FormatTextJson = TextOrJson.text,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache",
            # Not envvar=: click 8.2 reads REFERRAL_NO_CACHE=0 as on; the cache reads it.
            help=f"Read every file, neither using nor updating the parse cache (kept in "
            f"$REFERRAL_CACHE_DIR, else the user's cache folder). Also: {NO_CACHE_ENV}=1.",
            show_default=False,
        ),
    ] = False,
    lang: LangOption = None,
) -> None:
    """Check every guideline file and report each problem with its file, line and column."""
    import contextlib

    from referral_cli.commands.validate import format_json, format_text, validate_repository
    from referral_cli.i18n import reader_language
    from referral_cli.store.cache import bypass

    with bypass() if no_cache else contextlib.nullcontext():
        report = validate_repository(resolve_root(root))
    if output_format is TextOrJson.json:
        typer.echo(format_json(report.findings, reader_language()))
    else:
        typer.echo(format_text(report, reader_language()))
    raise typer.Exit(report.exit_code(strict))


@handle_errors(writes=True)
def schema(
    out: Annotated[
        Path, typer.Option("--out", metavar="DIR", help="Folder to write the JSON Schemas to.")
    ] = Path("schemas"),
    lang: LangOption = None,
) -> None:
    """Write the files that let an editor (such as VS Code) check the YAML as you type."""
    from referral_cli.schemas import write_schemas

    for path in write_schemas(out):
        typer.echo(printable(str(path)))


@handle_errors(writes=True)
def init(
    directory: Annotated[
        Path,
        typer.Argument(metavar="DIR", help="Folder for the new guideline repository."),
    ],
    language: Annotated[
        str,
        typer.Option(
            "--language",
            metavar="sv|en",
            help="The starter text's language.",
            autocompletion=choices(*LANGUAGES),
        ),
    ] = "sv",
    ci: Annotated[
        str,
        typer.Option(
            "--ci",
            metavar="gitlab|github|none",
            help="Also write the pipeline that checks every merge request and publishes "
            "the handouts on the forge's Pages.",
            autocompletion=choices(*FORGES, "none"),
        ),
    ] = "none",
    lang: LangOption = None,
) -> None:
    """Create a new guideline repository with a small, valid starter set."""
    from referral_cli.i18n import note_library_language, reader_language, t
    from referral_cli.scaffold import CI_FILES, create_repository

    # Outside a repository, the new one's language is the library's (unless --lang).
    note_library_language(language)
    for path in create_repository(directory, language=language, ci=ci):
        typer.echo(printable(str(path)))
    typer.echo(printable(t("init.created", reader_language(), path=str(directory))))
    if ci in CI_FILES:
        typer.echo(t("ci.next", reader_language(), file=CI_FILES[ci][1].as_posix()))


def ci_app() -> typer.Typer:
    """The `ci` group: review and publish the guidelines through the forge."""
    group = command_group(
        "Review and publish through the forge: the pipeline for GitLab or GitHub, "
        "and the site it publishes."
    )
    group.command("setup")(ci_setup)
    group.command("publish")(ci_publish)
    return group


@handle_errors(writes=True)
def ci_setup(
    forge: Annotated[
        str,
        typer.Argument(
            metavar="gitlab|github",
            help="The forge the repository lives on.",
            autocompletion=choices(*FORGES),
        ),
    ],
    root: RootOption = None,
    lang: LangOption = None,
) -> None:
    """Add the pipeline that checks every merge request and publishes after the merge."""
    from referral_cli.i18n import note_library_language, reader_language, t
    from referral_cli.scaffold import CI_FILES, add_pipeline
    from referral_cli.store.repository import library_language

    folder = resolve_root(root)
    note_library_language(library_language(folder))  # nothing else reads library.yaml here
    from referral_cli.cli.terminal import shown

    for path in add_pipeline(folder, forge):
        typer.echo(shown(path))  # relative to where the user is, as init prints them
    typer.echo(t("ci.next", reader_language(), file=CI_FILES[forge][1].as_posix()))


@handle_errors(writes=True)
def ci_publish(
    root: RootOption = None,
    out: OutOption = Path("build/site"),
    audience: Annotated[
        str,
        typer.Option(
            "--audience",
            metavar="staff|public",
            autocompletion=choices("staff", "public"),
            help="staff: every handout; public: only those meant for visitors (for a site "
            "anyone can read).",
        ),
    ] = "staff",
    link: Annotated[
        str | None,
        typer.Option(
            "--link",
            metavar="URL",
            help="Link the version on the index page here (the commit).",
            show_default=False,
        ),
    ] = None,
    lang: LangOption = None,
) -> None:
    """Render every handout (HTML and PDF) and an index page with the version they show."""
    from referral_cli.commands.publish import (
        SITE_FORMATS,
        PublishOptions,
        Section,
        check_options,
        documents_for,
        publish,
    )
    from referral_cli.commands.render import (
        PAGES,
        PRINTED_HANDOUTS,
        PUBLIC_HANDOUTS,
        RenderOptions,
        render_handouts,
    )
    from referral_cli.i18n import phrase

    folder = resolve_root(root)
    options = PublishOptions(audience=audience, language=checked_lang(lang), link=link)
    check_options(options)
    handouts = RenderOptions(
        handouts=documents_for(audience, PRINTED_HANDOUTS, PUBLIC_HANDOUTS),
        formats=SITE_FORMATS,
        language=options.language,
    )
    pages = RenderOptions(
        handouts=documents_for(audience, PAGES, PUBLIC_HANDOUTS), language=options.language
    )
    sections = [
        Section(
            phrase("publish.section.handouts"),
            render_handouts(folder, handouts),
            PUBLIC_HANDOUTS,
        ),
        # The desk page and the public page: one self-contained HTML file each.
        Section(phrase("render.pages-section"), render_handouts(folder, pages), PUBLIC_HANDOUTS),
    ]
    for path in publish(folder, out, sections, options):
        typer.echo(printable(str(path)))

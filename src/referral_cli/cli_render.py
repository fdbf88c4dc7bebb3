"""`referral render`: the thin command line over `referral_cli.commands.render`.

Imports only typer and the standard library at module level, so `referral
--help` stays fast; the core (pydantic, jinja2, WeasyPrint) loads when the
command runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from referral_cli.cli import RootOption, _root, app, handle_errors

HANDOUT_NAMES = "desk-guide, referral-slips, actors, actors-public, guidelines"


@app.command()
@handle_errors
def render(
    handouts: Annotated[
        list[str] | None,
        typer.Argument(
            help=f"Handouts to render (default: all): {HANDOUT_NAMES}.",
            show_default=False,
            metavar="HANDOUT",
        ),
    ] = None,
    root: RootOption = None,
    output_format: Annotated[
        list[str] | None,
        typer.Option(
            "--format",
            metavar="FORMAT",
            help="html (default), md, pdf (needs: pip install 'referral-cli[pdf]') or all; "
            "repeat for several.",
            show_default=False,
        ),
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            metavar="LANG",
            help="sv or en: the language of labels and headings (default: library.yaml's).",
            show_default=False,
        ),
    ] = None,
    out: Annotated[
        Path, typer.Option("--out", metavar="DIR", help="Folder to write the files to.")
    ] = Path("build"),
    templates: Annotated[
        Path | None,
        typer.Option(
            "--templates",
            metavar="DIR",
            help="Folder of templates overriding the defaults by name "
            "(default: the repository's templates/).",
            show_default=False,
        ),
    ] = None,
    row: Annotated[
        list[str] | None,
        typer.Option(
            "--row",
            metavar="ID",
            help="Only the referral slips of these matrix rows (repeat, or separate with commas).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Render printable handouts (desk guide, referral slips, actor lists, guidelines)."""
    from referral_cli.commands.render import RenderOptions
    from referral_cli.commands.render import render as render_core

    options = RenderOptions(
        handouts=tuple(handouts or ()),
        formats=tuple(output_format or ("html",)),
        language=lang,
        templates=templates,
        rows=tuple(row or ()),
    )
    for path in render_core(_root(root), out, options):
        typer.echo(str(path))

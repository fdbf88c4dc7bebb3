"""`referral render`: the printable handouts."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from referral_cli.cli.completion import choices, repository
from referral_cli.cli.errors import handle_errors
from referral_cli.cli.options import (
    DocumentFormatOption,
    DocumentOutOption,
    LangOption,
    RootOption,
    TemplatesOption,
    checked_lang,
    resolve_root,
)

# commands.render.HANDOUTS, not imported at start-up (a test checks)
HANDOUTS = (
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


@handle_errors(writes=True)
def render(
    handouts: Annotated[
        list[str] | None,
        typer.Argument(
            help=f"Handouts to render: {', '.join(HANDOUTS)}.",
            show_default="all",
            metavar="HANDOUT",
            autocompletion=choices(*HANDOUTS),
        ),
    ] = None,
    root: RootOption = None,
    output_format: DocumentFormatOption = None,
    lang: LangOption = None,
    out: DocumentOutOption = Path("build"),
    templates: TemplatesOption = None,
    row: Annotated[
        list[str] | None,
        typer.Option(
            "--row",
            metavar="ID",
            help="Only these matrix rows on the referral slips and the quick reference "
            "(repeat, or separate with commas).",
            show_default=False,
            autocompletion=repository("row"),
        ),
    ] = None,
    qr: Annotated[
        bool,
        typer.Option("--qr", help="Add a QR code of each web address (slips, poster)."),
    ] = False,
    large: Annotated[
        bool,
        typer.Option("--large", help="Large-print referral slips: 14 pt and up, two to a sheet."),
    ] = False,
    paper: Annotated[
        str,
        typer.Option(
            "--paper",
            metavar="A4|A3",
            help="The poster's paper size.",
            autocompletion=choices("A4", "A3"),
        ),
    ] = "A4",
    period: Annotated[
        str | None,
        typer.Option(
            "--period",
            metavar="ID",
            help="The inventory period printed on the inventory sheet (an id from library.yaml).",
            show_default=False,
            autocompletion=repository("period"),
        ),
    ] = None,
) -> None:
    """Make the handouts to print (desk guide, slips, actor lists, poster ...) and the web pages."""
    from referral_cli.commands.render import RenderOptions
    from referral_cli.commands.render import render as render_core

    options = RenderOptions(
        handouts=tuple(handouts or ()),
        formats=tuple(output_format or ("html",)),
        language=checked_lang(lang),
        templates=templates,
        rows=tuple(row or ()),
        qr=qr,
        large=large,
        paper=paper,
        period=period,
    )
    for path in render_core(resolve_root(root), out, options):
        typer.echo(str(path))

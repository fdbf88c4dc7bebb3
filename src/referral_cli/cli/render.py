"""`referral render`: the printable handouts."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from referral_cli.cli.errors import handle_errors
from referral_cli.cli.options import (
    DocumentFormatOption,
    OutOption,
    RootOption,
    TemplatesOption,
    resolve_root,
)

# `--lang` of render also takes a visitor's language (checked by the core, which knows
# the repository's translation files).
RenderLangOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        metavar="sv|en|CODE[+sv]",
        help="sv or en: the labels of every handout (default: the library's language). A "
        "language with a translation file (ar, uk, sv-lattlast ...) prints the slips and the "
        "poster in it; ar+sv prints the Swedish beside it.",
        show_default=False,
    ),
]

HANDOUT_NAMES = (
    "desk-guide, quick-reference, referral-slips, actors, actors-public, guidelines, poster, "
    "inventory-sheet"
)


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
    output_format: DocumentFormatOption = None,
    lang: RenderLangOption = None,
    out: OutOption = Path("build"),
    templates: TemplatesOption = None,
    row: Annotated[
        list[str] | None,
        typer.Option(
            "--row",
            metavar="ID",
            help="Only these matrix rows on the referral slips and the quick reference "
            "(repeat, or separate with commas).",
            show_default=False,
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
        typer.Option("--paper", metavar="A4|A3", help="The poster's paper size."),
    ] = "A4",
    period: Annotated[
        str | None,
        typer.Option(
            "--period",
            metavar="ID",
            help="The inventory period printed on the inventory sheet (an id from library.yaml).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Render printable handouts (desk guide, quick reference, slips, actor lists, poster ...)."""
    from referral_cli.commands.render import RenderOptions
    from referral_cli.commands.render import render as render_core

    options = RenderOptions(
        handouts=tuple(handouts or ()),
        formats=tuple(output_format or ("html",)),
        language=lang,
        templates=templates,
        rows=tuple(row or ()),
        qr=qr,
        large=large,
        paper=paper,
        period=period,
    )
    for path in render_core(resolve_root(root), out, options):
        typer.echo(str(path))

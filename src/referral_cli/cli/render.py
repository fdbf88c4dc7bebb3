"""`referral render`: the printable handouts."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any

import typer

from referral_cli.cli.completion import choices, repository
from referral_cli.cli.errors import handle_errors
from referral_cli.cli.options import (
    DocumentFormatOption,
    DocumentOutOption,
    RootOption,
    TemplatesOption,
    resolve_root,
)
from referral_cli.text import printable

# `--lang` of render also takes a visitor's language (checked by the core, which knows
# the repository's translation files).
RenderLangOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        metavar="LANG",
        help="sv or en: the labels of every handout (default: the library's language). A "
        "language with a translation file (ar, uk, sv-lattlast ...) prints the slips and the "
        "poster in it; ar+sv prints the Swedish beside it.",
        show_default=False,
    ),
]

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


def reader_part(options: Mapping[str, Any]) -> str | None:
    """The reader's language in render's `--lang`: sv or en, else None.

    `--lang ar` is the visitor's language (checked by the core) and `en+sv` the staff's
    print: with those, the messages keep the library's language.
    """
    from referral_cli.i18n import language_code

    asked = options.get("lang")
    return asked if isinstance(asked, str) and language_code(asked) is not None else None


@handle_errors(writes=True, reader_lang=reader_part)
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
    lang: RenderLangOption = None,
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
        language=lang,
        templates=templates,
        rows=tuple(row or ()),
        qr=qr,
        large=large,
        paper=paper,
        period=period,
    )
    for path in render_core(resolve_root(root), out, options):
        typer.echo(printable(str(path)))

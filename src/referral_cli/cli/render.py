"""`referral render`: the printable handouts."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from referral_cli.cli.errors import handle_errors
from referral_cli.cli.options import (
    DocumentFormatOption,
    LangOption,
    OutOption,
    RootOption,
    TemplatesOption,
    checked_lang,
    resolve_root,
)

HANDOUT_NAMES = "desk-guide, referral-slips, actors, actors-public, guidelines"


@handle_errors(writes=True)
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
    lang: LangOption = None,
    out: OutOption = Path("build"),
    templates: TemplatesOption = None,
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
        language=checked_lang(lang),
        templates=templates,
        rows=tuple(row or ()),
    )
    for path in render_core(resolve_root(root), out, options):
        typer.echo(str(path))

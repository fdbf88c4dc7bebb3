"""Options shared by several commands, defined once so they read the same everywhere."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

RootOption = Annotated[
    Path | None,
    typer.Option(
        "--root",
        help="The guideline repository (default: $REFERRAL_ROOT or the "
        "nearest folder above holding data/matrix.yaml).",
        show_default=False,
    ),
]
LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        metavar="sv|en",
        help="sv or en: the language of messages, labels and headings (default: "
        "$REFERRAL_LANG, else the library's language).",
        show_default=False,
    ),
]
SinceOption = Annotated[
    str | None,
    typer.Option(
        "--since", metavar="DATE", help="Only entries on or after this date (YYYY-MM-DD)."
    ),
]
UntilOption = Annotated[
    str | None,
    typer.Option(
        "--until", metavar="DATE", help="Only entries on or before this date (YYYY-MM-DD)."
    ),
]
BranchOption = Annotated[
    list[str] | None,
    typer.Option("--branch", metavar="ID", help="Only this branch id (repeat for several)."),
]
PeriodOption = Annotated[
    list[str] | None,
    typer.Option("--period", metavar="ID", help="Only this period id (repeatable)."),
]
TemplatesOption = Annotated[
    Path | None,
    typer.Option(
        "--templates",
        metavar="DIR",
        help="Folder of templates overriding the defaults by name "
        "(default: the repository's templates/).",
        show_default=False,
    ),
]
OutOption = Annotated[
    Path, typer.Option("--out", metavar="DIR", help="Folder to write the files to.")
]
DocumentFormatOption = Annotated[
    list[str] | None,
    typer.Option(
        "--format",
        metavar="FORMAT",
        help="html (default), md, pdf (needs: pip install 'referral-cli[pdf]') or all; "
        "repeat for several.",
        show_default=False,
    ),
]


class TextOrJson(StrEnum):
    """Output formats of `validate`, `lookup` and `actors`."""

    text = "text"
    json = "json"


FormatTextJson = Annotated[
    TextOrJson, typer.Option("--format", help="text for people, json for tools.")
]


def resolve_root(root: Path | None) -> Path:
    """The guideline repository: `--root`, else $REFERRAL_ROOT, else the nearest above."""
    from referral_cli.store.repository import find_root

    return find_root(root)


def checked_lang(lang: str | None) -> str | None:
    """The language asked for: `--lang`, else `$REFERRAL_LANG`; checked, None if neither.

    It rules this command's messages too (`i18n.use_language`); without it they follow
    the library's `language`, or Swedish.
    """
    from referral_cli.i18n import requested_language, use_language

    code = requested_language(lang)
    use_language(code)
    return code

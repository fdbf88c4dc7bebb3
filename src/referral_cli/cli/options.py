"""Options shared by several commands, defined once so they read the same everywhere."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from referral_cli.cli.completion import choices, repository
from referral_cli.cli.errors import ReferralGroup
from referral_cli.i18n import LANGUAGES

# Metavars are words (DIR, FILE, ID, DATE) or the choices themselves (text|json); a
# computed default is named in `show_default`; environment variables are shown where
# they apply. tests/cli/test_help.py holds every command to this.

# Copies of constants whose modules are too heavy to import at start-up (a test checks them).
ROOT_ENV = "REFERRAL_ROOT"  # store.repository.ROOT_ENV
DOCUMENT_FORMATS = ("html", "md", "pdf", "all")  # documents.FORMATS and ALL_FORMATS

RootOption = Annotated[
    Path | None,
    typer.Option(
        "--root",
        metavar="DIR",
        envvar=ROOT_ENV,
        show_envvar=True,
        help="The guideline repository.",
        show_default="the nearest folder above holding data/matrix.yaml",
    ),
]
LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        metavar="sv|en",
        help="The language of messages, labels and headings.",
        show_default="$REFERRAL_LANG, else the library's language",
        autocompletion=choices(*LANGUAGES),
    ),
]
SinceOption = Annotated[
    str | None,
    typer.Option(
        "--since",
        metavar="DATE",
        help="Only entries on or after this date (YYYY-MM-DD).",
        show_default=False,
    ),
]
UntilOption = Annotated[
    str | None,
    typer.Option(
        "--until",
        metavar="DATE",
        help="Only entries on or before this date (YYYY-MM-DD).",
        show_default=False,
    ),
]
BranchOption = Annotated[
    list[str] | None,
    typer.Option(
        "--branch",
        metavar="ID",
        help="Only this branch (repeat for several).",
        show_default=False,
        autocompletion=repository("branch"),
    ),
]
PeriodOption = Annotated[
    list[str] | None,
    typer.Option(
        "--period",
        metavar="ID",
        help="Only this inventory period (repeat for several).",
        show_default=False,
        autocompletion=repository("period"),
    ),
]
TemplatesOption = Annotated[
    Path | None,
    typer.Option(
        "--templates",
        metavar="DIR",
        help="Folder of templates overriding the defaults by name.",
        show_default="the repository's templates/",
    ),
]
OutOption = Annotated[
    Path, typer.Option("--out", metavar="DIR", help="Folder to write the files to.")
]
DocumentOutOption = Annotated[
    Path,
    typer.Option(
        "--out",
        metavar="DIR",
        help="Folder to write the files to; '-' writes the one document to standard output.",
    ),
]
DocumentFormatOption = Annotated[
    list[str] | None,
    typer.Option(
        "--format",
        metavar="html|md|pdf|all",
        help="The format; repeat for several. pdf needs: pip install 'referral-cli[pdf]'.",
        show_default="html",
        autocompletion=choices(*DOCUMENT_FORMATS),
    ),
]


class TextOrJson(StrEnum):
    """Output formats of `validate`, `lookup` and `actors`."""

    text = "text"
    json = "json"


FormatTextJson = Annotated[
    TextOrJson,
    typer.Option(
        "--format",
        metavar="text|json",
        help="text for people, json for tools.",
        autocompletion=choices(*TextOrJson),
    ),
]


def resolve_root(root: Path | None) -> Path:
    """The guideline repository: `--root`, else $REFERRAL_ROOT, else the nearest above."""
    from referral_cli.store.repository import find_root

    if root is not None and str(root) == "-":  # a repository is a folder, never a stream
        from referral_cli.errors import UsageError
        from referral_cli.i18n import phrase

        raise UsageError(phrase("cli.root-dash"))

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


def command_group(help_text: str, *, no_args_is_help: bool = True) -> typer.Typer:
    """A group of subcommands (`ci`, `actors`, `report`), set up as the app is.

    `ReferralGroup` words click's usage errors from the catalogue; no completion of its
    own (the app installs it), no rich help and no pretty tracebacks.
    """
    return typer.Typer(
        help=help_text,
        invoke_without_command=not no_args_is_help,
        no_args_is_help=no_args_is_help,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
        cls=ReferralGroup,
    )

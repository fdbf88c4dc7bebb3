"""Commands about the repository itself: `validate`, `schema`, `init`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from referral_cli.cli.errors import handle_errors
from referral_cli.cli.options import FormatTextJson, RootOption, TextOrJson, resolve_root


@handle_errors
def validate(
    root: RootOption = None,
    strict: Annotated[bool, typer.Option(help="Treat warnings as errors (exit 1).")] = False,
    output_format: FormatTextJson = TextOrJson.text,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache",
            help="Read every file, neither using nor updating the parse cache "
            "(also: REFERRAL_NO_CACHE=1).",
        ),
    ] = False,
) -> None:
    """Check every guideline file and report all problems with file:line:column."""
    import contextlib

    from referral_cli.commands.validate import format_json, format_text, validate_repository
    from referral_cli.store.cache import bypass

    with bypass() if no_cache else contextlib.nullcontext():
        report = validate_repository(resolve_root(root))
    if output_format is TextOrJson.json:
        typer.echo(format_json(report.findings))
    else:
        typer.echo(format_text(report))
    raise typer.Exit(report.exit_code(strict))


@handle_errors
def schema(
    out: Annotated[
        Path, typer.Option(metavar="DIR", help="Folder to write the JSON Schemas to.")
    ] = Path("schemas"),
) -> None:
    """Write JSON Schemas for the data files, for editors that complete and check YAML."""
    from referral_cli.schemas import write_schemas

    for path in write_schemas(out):
        typer.echo(str(path))


@handle_errors
def init(
    directory: Annotated[Path, typer.Argument(help="Folder for the new guideline repository.")],
    language: Annotated[str, typer.Option(help="sv or en: the starter text's language.")] = "sv",
) -> None:
    """Create a new guideline repository with a small, valid starter set."""
    from referral_cli.scaffold import create_repository

    for path in create_repository(directory, language=language):
        typer.echo(str(path))
    from referral_cli.i18n import t

    typer.echo(t("init.created", "en", path=str(directory)))

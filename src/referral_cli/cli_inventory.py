"""CLI commands for the question inventory: `add-question` and `inventory`.

Thin layer only: options are parsed here, the work is done in
`referral_cli.commands.add_question` and `referral_cli.commands.inventory`.
Imports nothing heavy at module level, so `referral --help` stays fast.
"""

from __future__ import annotations

import shutil
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from referral_cli.cli import EXIT_FINDINGS, RootOption, _root, app, handle_errors

if TYPE_CHECKING:
    from referral_cli.findings import FindingsError

LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        metavar="sv|en",
        help="sv or en: language of prompts and headings (default: the library's language).",
        show_default=False,
    ),
]


class ListFormat(StrEnum):
    """Output formats of `inventory`."""

    table = "table"
    csv = "csv"
    json = "json"


class _TerminalPrompter:
    """Prompts through click; Ctrl-C or end of input becomes KeyboardInterrupt."""

    def ask(self, prompt: str, default: str = "", suffix: str = ": ") -> str:
        try:
            answer: str = typer.prompt(
                prompt, default=default, show_default=bool(default), prompt_suffix=suffix
            )
        except typer.Abort:
            raise KeyboardInterrupt from None
        return answer

    def confirm(self, prompt: str) -> bool:
        try:
            return bool(typer.confirm(prompt, default=False))
        except typer.Abort:
            raise KeyboardInterrupt from None

    def say(self, text: str) -> None:
        typer.echo(text)


def _check_lang(lang: str | None) -> None:
    if lang not in (None, "sv", "en"):
        from referral_cli.errors import UsageError

        raise UsageError(f"--lang: unknown language '{lang}'; choose sv or en")


def _fail(exc: FindingsError) -> NoReturn:
    from referral_cli.commands.add_question import format_finding

    for finding in exc.findings:
        typer.echo(format_finding(finding), err=True)
    typer.echo("Nothing was written. Fix the problems above and run the command again.", err=True)
    raise typer.Exit(EXIT_FINDINGS)


def _shown(path: Path) -> str:
    from referral_cli.repository import display_path

    return display_path(Path.cwd(), path)


@app.command("add-question")
@handle_errors
def add_question(
    root: RootOption = None,
    date: Annotated[
        str | None,
        typer.Option(metavar="DATE", help="Date of the case, YYYY-MM-DD.", show_default="today"),
    ] = None,
    branch: Annotated[str | None, typer.Option(metavar="ID", help="Branch id.")] = None,
    description: Annotated[
        str | None, typer.Option(metavar="TEXT", help="The case, never the visitor (required).")
    ] = None,
    reflection: Annotated[
        str | None,
        typer.Option(metavar="TEXT", help="Your own reflection: what was hard, and why."),
    ] = None,
    reason: Annotated[
        list[str] | None,
        typer.Option(metavar="ID", help="Reason id; repeat the option (or separate with commas)."),
    ] = None,
    category: Annotated[str | None, typer.Option(metavar="ID", help="Matrix category id.")] = None,
    row: Annotated[str | None, typer.Option(metavar="ID", help="Matrix row id.")] = None,
    referred_to: Annotated[
        list[str] | None,
        typer.Option(metavar="ID", help="Actor id referred to; repeat the option."),
    ] = None,
    outcome: Annotated[
        str | None, typer.Option(metavar="OUTCOME", help="helped, partly, referred or declined.")
    ] = None,
    minutes: Annotated[str | None, typer.Option(metavar="N", help="Minutes spent, 0-1440.")] = None,
    read_level: Annotated[
        str | None, typer.Option(metavar="N", help="READ scale level, 1-6.")
    ] = None,
    recorded_by: Annotated[str | None, typer.Option(metavar="TEXT", help="Your initials.")] = None,
    period: Annotated[
        str | None,
        typer.Option(
            metavar="ID", help="Period id.", show_default="the period containing the date"
        ),
    ] = None,
    from_file: Annotated[
        str | None,
        typer.Option(
            "--from-file",
            metavar="FILE",
            help="Add many entries from YAML (a list) or CSV (a header row); '-' reads "
            "standard input. All are written, or none. Other options fill what an entry "
            "leaves out.",
        ),
    ] = None,
    no_input: Annotated[
        bool, typer.Option("--no-input", help="Never prompt; fail if something is missing.")
    ] = False,
    yes: Annotated[
        bool,
        typer.Option(
            "--yes",
            "-y",
            help="Confirm numbers that only may be personal data (certain finds still stop).",
        ),
    ] = False,
    commit: Annotated[
        bool, typer.Option("--commit", help="git add and git commit the new files.")
    ] = False,
    lang: LangOption = None,
) -> None:
    """Add a question that chafed to the inventory (asks for what is missing)."""
    from referral_cli.commands.add_question import (
        AddRequest,
        CommitFailedError,
        format_finding,
    )
    from referral_cli.commands.add_question import add_question as run
    from referral_cli.findings import FindingsError

    _check_lang(lang)
    given = {
        "date": date,
        "branch": branch,
        "description": description,
        "reflection": reflection,
        "reasons": reason or None,
        "category": category,
        "row": row,
        "referred_to": referred_to or None,
        "outcome": outcome,
        "minutes": minutes,
        "read_level": read_level,
        "recorded_by": recorded_by,
        "period": period,
    }
    request = AddRequest(
        root=_root(root),
        values={name: value for name, value in given.items() if value is not None},
        from_file=from_file,
        no_input=no_input,
        assume_yes=yes,
        commit=commit,
        lang=lang,
    )
    try:
        result = run(request, None if no_input else _TerminalPrompter())
    except FindingsError as exc:
        _fail(exc)
    except CommitFailedError as exc:
        for path in exc.paths:
            typer.echo(_shown(path))
        raise
    for warning in result.warnings:
        typer.echo(format_finding(warning), err=True)
    for path in result.paths:
        typer.echo(_shown(path))
    if result.commit:
        typer.echo(result.commit)


@app.command("inventory")
@handle_errors
def inventory(
    root: RootOption = None,
    since: Annotated[
        str | None,
        typer.Option(metavar="DATE", help="Only entries on or after this date (YYYY-MM-DD)."),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option(metavar="DATE", help="Only entries on or before this date (YYYY-MM-DD)."),
    ] = None,
    branch: Annotated[
        list[str] | None,
        typer.Option(metavar="ID", help="Only this branch id (repeat for several)."),
    ] = None,
    reason: Annotated[
        list[str] | None,
        typer.Option(metavar="ID", help="Only entries with this reason id (repeatable)."),
    ] = None,
    period: Annotated[
        list[str] | None, typer.Option(metavar="ID", help="Only this period id (repeatable).")
    ] = None,
    category: Annotated[
        list[str] | None,
        typer.Option(metavar="ID", help="Only this matrix category id (repeatable)."),
    ] = None,
    unmatched: Annotated[
        bool, typer.Option("--unmatched", help="Only entries with no matrix row yet.")
    ] = False,
    output_format: Annotated[
        ListFormat,
        typer.Option("--format", help="table for people; csv or json carry every field."),
    ] = ListFormat.table,
    lang: LangOption = None,
) -> None:
    """List the question inventory, filtered, as a table, CSV or JSON."""
    from referral_cli.commands.inventory import InventoryFilter, list_inventory, render
    from referral_cli.commands.stats import parse_date_option

    _check_lang(lang)
    selection = InventoryFilter(
        since=parse_date_option(since, "--since"),
        until=parse_date_option(until, "--until"),
        branches=branch or [],
        reasons=reason or [],
        periods=period or [],
        categories=category or [],
        unmatched=unmatched,
    )
    listing = list_inventory(_root(root), selection)
    width = shutil.get_terminal_size((100, 24)).columns if sys.stdout.isatty() else 100
    typer.echo(render(listing, output_format.value, lang, width))

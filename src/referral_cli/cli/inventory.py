"""Commands for the question inventory: `add-question` and `inventory`."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from referral_cli.cli.errors import err, handle_errors
from referral_cli.cli.options import (
    BranchOption,
    LangOption,
    PeriodOption,
    RootOption,
    SinceOption,
    UntilOption,
    checked_lang,
    resolve_root,
)
from referral_cli.cli.output import ExcelOption, OutFileOption, emit
from referral_cli.cli.terminal import TerminalPrompter, shown, terminal_width


class ListFormat(StrEnum):
    """Output formats of `inventory`."""

    table = "table"
    csv = "csv"
    json = "json"
    xlsx = "xlsx"


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
    sent_by: Annotated[
        list[str] | None,
        typer.Option(
            metavar="ID", help="Actor id that sent the visitor to the library; repeatable."
        ),
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
    from referral_cli.commands.add_question import add_question as run
    from referral_cli.intake.request import AddRequest

    given = {
        "date": date,
        "branch": branch,
        "description": description,
        "reflection": reflection,
        "reasons": reason or None,
        "category": category,
        "row": row,
        "referred_to": referred_to or None,
        "sent_by": sent_by or None,
        "outcome": outcome,
        "minutes": minutes,
        "read_level": read_level,
        "recorded_by": recorded_by,
        "period": period,
    }
    request = AddRequest(
        root=resolve_root(root),
        options={name: value for name, value in given.items() if value is not None},
        from_file=from_file,
        no_input=no_input,
        assume_yes=yes,
        commit=commit,
        lang=checked_lang(lang),
    )
    result = run(request, None if no_input else TerminalPrompter())
    for warning in result.warnings:
        err(warning.format())
    for path in result.paths:
        typer.echo(shown(path))
    if result.commit:
        typer.echo(result.commit)


@handle_errors
def inventory(
    root: RootOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    branch: BranchOption = None,
    reason: Annotated[
        list[str] | None,
        typer.Option(metavar="ID", help="Only entries with this reason id (repeatable)."),
    ] = None,
    period: PeriodOption = None,
    category: Annotated[
        list[str] | None,
        typer.Option(metavar="ID", help="Only this matrix category id (repeatable)."),
    ] = None,
    unmatched: Annotated[
        bool, typer.Option("--unmatched", help="Only entries with no matrix row yet.")
    ] = False,
    output_format: Annotated[
        ListFormat,
        typer.Option("--format", help="table for people; csv, xlsx or json carry every field."),
    ] = ListFormat.table,
    excel: ExcelOption = False,
    out: OutFileOption = None,
    lang: LangOption = None,
) -> None:
    """List the question inventory, filtered, as a table, CSV, an Excel workbook or JSON."""
    from referral_cli.commands.inventory import list_inventory
    from referral_cli.formats.spreadsheet import check_excel
    from referral_cli.records import RecordFilter

    language = checked_lang(lang)
    check_excel(output_format.value, excel)
    selection = RecordFilter.from_options(
        since,
        until,
        branches=branch or (),
        reasons=reason or (),
        periods=period or (),
        categories=category or (),
        unmatched=unmatched,
    )
    listing = list_inventory(resolve_root(root), selection)
    if output_format is ListFormat.json:
        from referral_cli.formats.inventory import format_json

        emit(format_json(listing), out)
    elif output_format is ListFormat.csv:
        from referral_cli.formats.inventory import format_csv

        written = format_csv(listing, excel)
        emit(written.rstrip("\n") if isinstance(written, str) else written, out)
    elif output_format is ListFormat.xlsx:
        from referral_cli.formats.inventory import format_xlsx

        emit(format_xlsx(listing, language), out, binary=True)
    else:
        from referral_cli.cli.show_inventory import format_table

        emit(format_table(listing, language, terminal_width()), out)

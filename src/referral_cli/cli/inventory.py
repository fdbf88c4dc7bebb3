"""Commands for the question inventory: `add-question` and `inventory`."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from referral_cli.cli.completion import choices, repository, vocabulary
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
from referral_cli.cli.terminal import TerminalPrompter, shown, stdin_is_terminal, terminal_width


class ListFormat(StrEnum):
    """Output formats of `inventory`."""

    table = "table"
    csv = "csv"
    json = "json"
    xlsx = "xlsx"


@handle_errors(writes=True)
def add_question(
    root: RootOption = None,
    date: Annotated[
        str | None,
        typer.Option(
            "--date", metavar="DATE", help="Date of the case, YYYY-MM-DD.", show_default="today"
        ),
    ] = None,
    branch: Annotated[
        str | None,
        typer.Option(
            "--branch",
            metavar="ID",
            help="The branch (library) where it happened.",
            show_default=False,
            autocompletion=repository("branch"),
        ),
    ] = None,
    description: Annotated[
        str | None,
        typer.Option(
            "--description",
            metavar="TEXT",
            help="The case, never the visitor (required).",
            show_default=False,
        ),
    ] = None,
    reflection: Annotated[
        str | None,
        typer.Option(
            "--reflection",
            metavar="TEXT",
            help="Your own reflection: what was hard, and why.",
            show_default=False,
        ),
    ] = None,
    reason: Annotated[
        list[str] | None,
        typer.Option(
            "--reason",
            metavar="ID",
            help="Why it chafed; repeat the option (or separate with commas).",
            show_default=False,
            autocompletion=repository("reason"),
        ),
    ] = None,
    category: Annotated[
        str | None,
        typer.Option(
            "--category",
            metavar="ID",
            help="The matrix category.",
            show_default="the row's category",
            autocompletion=repository("category"),
        ),
    ] = None,
    row: Annotated[
        str | None,
        typer.Option(
            "--row",
            metavar="ID",
            help="The matrix row that fits the case.",
            show_default=False,
            autocompletion=repository("row"),
        ),
    ] = None,
    referred_to: Annotated[
        list[str] | None,
        typer.Option(
            "--referred-to",
            metavar="ID",
            help="An actor the visitor was referred to; repeat the option.",
            show_default=False,
            autocompletion=repository("actor"),
        ),
    ] = None,
    sent_by: Annotated[
        list[str] | None,
        typer.Option(
            metavar="ID", help="Actor id that sent the visitor to the library; repeatable."
        ),
    ] = None,
    outcome: Annotated[
        str | None,
        typer.Option(
            "--outcome",
            metavar="helped|partly|referred|declined",
            help="How it ended.",
            show_default=False,
            autocompletion=vocabulary("outcome"),
        ),
    ] = None,
    minutes: Annotated[
        str | None,
        typer.Option("--minutes", metavar="N", help="Minutes spent, 0-1440.", show_default=False),
    ] = None,
    read_level: Annotated[
        str | None,
        typer.Option(
            "--read-level", metavar="N", help="READ scale level, 1-6.", show_default=False
        ),
    ] = None,
    recorded_by: Annotated[
        str | None,
        typer.Option("--recorded-by", metavar="TEXT", help="Your initials.", show_default=False),
    ] = None,
    period: Annotated[
        str | None,
        typer.Option(
            "--period",
            metavar="ID",
            help="The inventory period.",
            show_default="the period containing the date",
            autocompletion=repository("period"),
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
            show_default=False,
        ),
    ] = None,
    no_input: Annotated[
        bool,
        typer.Option(
            "--no-input", help="Never prompt; fail if something is missing.", show_default=False
        ),
    ] = False,
    yes: Annotated[
        bool,
        typer.Option(
            "--yes",
            "-y",
            help="Confirm numbers that only may be personal data (certain finds still stop).",
            show_default=False,
        ),
    ] = False,
    commit: Annotated[
        bool,
        typer.Option("--commit", help="git add and git commit the new files.", show_default=False),
    ] = False,
    lang: LangOption = None,
) -> None:
    """Log a question that chafed at the desk (asks for what you leave out)."""
    from referral_cli.commands.add_question import add_question as run
    from referral_cli.i18n import reader_language
    from referral_cli.intake.request import AddRequest

    at_terminal = stdin_is_terminal()
    if not (no_input or from_file is not None or at_terminal):
        # Prompts would read end-of-input at once: say how to run without them instead.
        from referral_cli.errors import UsageError
        from referral_cli.i18n import phrase

        raise UsageError(phrase("add-question.no-terminal"))

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
    result = run(request, TerminalPrompter() if at_terminal and not no_input else None)
    for warning in result.warnings:
        err(warning.format(reader_language()))
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
        typer.Option(
            "--reason",
            metavar="ID",
            help="Only entries with this reason (repeat for several).",
            show_default=False,
            autocompletion=repository("reason"),
        ),
    ] = None,
    period: PeriodOption = None,
    category: Annotated[
        list[str] | None,
        typer.Option(
            "--category",
            metavar="ID",
            help="Only this matrix category (repeat for several).",
            show_default=False,
            autocompletion=repository("category"),
        ),
    ] = None,
    unmatched: Annotated[
        bool,
        typer.Option(
            "--unmatched", help="Only entries with no matrix row yet.", show_default=False
        ),
    ] = False,
    output_format: Annotated[
        ListFormat,
        typer.Option(
            "--format",
            metavar="table|csv|xlsx|json",
            help="table for people; csv, xlsx or json carry every field.",
            autocompletion=choices(*ListFormat),
        ),
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

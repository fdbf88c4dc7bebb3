"""Commands for review and feedback: `stats`, `export`, `review`, `diff`, `rename`, `report`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from referral_cli.cli.completion import RENAMED_KINDS, choices, renamed_id, repository
from referral_cli.cli.errors import err, handle_errors
from referral_cli.cli.options import (
    BranchOption,
    DocumentFormatOption,
    DocumentOutOption,
    LangOption,
    PeriodOption,
    RootOption,
    SinceOption,
    TemplatesOption,
    UntilOption,
    checked_lang,
    command_group,
    resolve_root,
)
from referral_cli.cli.output import ExcelOption, OutFileOption, emit
from referral_cli.text import printable

# Copies of commands.stats.DIMENSIONS and FORMATS, not imported at start-up (a test checks).
STATS_DIMENSIONS = (
    "category",
    "reason",
    "branch",
    "outcome",
    "referred_to",
    "sent_by",
    "month",
    "weekday",
    "read_level",
    "row",
    "period",
    "library",
    "municipality",
)
STATS_FORMATS = ("table", "csv", "json", "html", "xlsx")
REVIEW_FORMATS = ("text", "ics", "md", "html")
DIFF_FORMATS = ("text", "md")

TodayOption = Annotated[
    str | None,
    typer.Option("--today", hidden=True, help="Pretend today is this date (for tests)."),
]


@handle_errors
def stats(
    roots: Annotated[
        list[Path] | None,
        typer.Option(
            "--root",
            metavar="DIR|FILE",
            help="A guideline repository or an export file (.jsonl), '-' for one on "
            "standard input; repeat to combine several.",
            show_default="$REFERRAL_ROOT, else the current repository",
        ),
    ] = None,
    by: Annotated[
        list[str] | None,
        typer.Option(
            "--by",
            metavar="FIELD",
            help=f"Count by {', '.join(STATS_DIMENSIONS[:-1])} or {STATS_DIMENSIONS[-1]}; "
            "twice for a cross table.",
            show_default=False,
            autocompletion=choices(*STATS_DIMENSIONS),
        ),
    ] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    period: PeriodOption = None,
    branch: BranchOption = None,
    output_format: Annotated[
        str,
        typer.Option(
            "--format",
            metavar="table|csv|json|html|xlsx",
            help="table for the screen, csv or xlsx for a spreadsheet, json for tools, html "
            "with bar charts.",
            autocompletion=choices(*STATS_FORMATS),
        ),
    ] = "table",
    excel: ExcelOption = False,
    out: OutFileOption = None,
    lang: LangOption = None,
) -> None:
    """Count the logged questions by any field, with the minutes spent (sum and median)."""
    from referral_cli.commands.stats import run_stats
    from referral_cli.records import RecordFilter

    language = checked_lang(lang)
    filters = RecordFilter.from_options(since, until, branches=branch or (), periods=period or ())
    sources = list(roots) if roots else [resolve_root(None)]
    output = run_stats(sources, by or [], filters, language, output_format, excel)
    for warning in output.warnings:
        err(warning.format(output.language))
    emit(output.content, out, binary=output_format == "xlsx")


@handle_errors(writes=lambda options: options.get("out") is not None)
def export(
    root: RootOption = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            metavar="FILE",
            help="The file to write; '-' is standard output.",
            show_default="standard output",
        ),
    ] = None,
    include_text: Annotated[
        bool,
        typer.Option(
            "--include-text",
            help="Include the free text (description, reflection).",
            show_default=False,
        ),
    ] = False,
    since: SinceOption = None,
    until: UntilOption = None,
    period: PeriodOption = None,
    branch: BranchOption = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite --out if it exists.", show_default=False)
    ] = False,
    lang: LangOption = None,
) -> None:
    """Write the logged questions to a file a region can combine with other libraries'."""
    from referral_cli.commands.export import export_inventory, export_to_file
    from referral_cli.records import RecordFilter

    filters = RecordFilter.from_options(since, until, branches=branch or (), periods=period or ())
    if out is None or str(out) == "-":
        try:
            export_inventory(
                resolve_root(root), sys.stdout, include_text=include_text, filters=filters
            )
            sys.stdout.flush()
        except BrokenPipeError:  # e.g. `referral export | head`
            import os

            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return
    count = export_to_file(
        resolve_root(root), out, include_text=include_text, filters=filters, force=force
    )
    from referral_cli.i18n import reader_language, t

    typer.echo(printable(t("export.written", reader_language(), count=count, out=out)), err=True)


@handle_errors
def review(
    root: RootOption = None,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help="Exit 1 when a review is overdue (for CI reminders).",
            show_default=False,
        ),
    ] = False,
    agenda: Annotated[
        bool,
        typer.Option(
            "--agenda", help="Render a staff-meeting agenda (md or html).", show_default=False
        ),
    ] = False,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            metavar="DATE",
            help="Agenda: questions since this date.",
            show_default="the last review",
        ),
    ] = None,
    output_format: Annotated[
        str | None,
        typer.Option(
            "--format",
            metavar="text|ics|md|html",
            help="text for the screen, or ics: a calendar of the reviews and contacts that "
            "fall due; the agenda is md or html.",
            show_default="text; md for the agenda",
            autocompletion=choices(*REVIEW_FORMATS),
        ),
    ] = None,
    translations: Annotated[
        bool,
        typer.Option(
            "--translations",
            help="List, per language, the translations made from an earlier text (with what "
            "changed) and the texts to translate, each with its source line.",
        ),
    ] = False,
    lang: LangOption = None,
    today: TodayOption = None,
) -> None:
    """Show what needs attention now: overdue reviews, missing contacts, open questions."""
    from referral_cli.commands.review.formats import (
        check_review_format,
        format_review,
        render_agenda,
    )
    from referral_cli.commands.review.report import build_review, load_for_review
    from referral_cli.dates import parse_date_option

    language = checked_lang(lang)
    # A bad --format fails here, before the repository is read.
    chosen = check_review_format(
        output_format, agenda=agenda, translations=translations, since=since is not None
    )
    since_date = parse_date_option(since, "--since")
    directory = resolve_root(root)
    guidelines = load_for_review(directory)
    report = build_review(guidelines, parse_date_option(today, "--today"), language)
    if translations:
        from referral_cli.commands.review.translations import (
            format_translations,
            with_earlier_texts,
        )

        reviews = with_earlier_texts(directory, report.translations)
        today_text = report.today.isoformat()
        typer.echo(format_translations(reviews, report.library, today_text, report.language))
        raise typer.Exit(report.exit_code(strict))
    if agenda:
        typer.echo(render_agenda(guidelines, report, since_date, chosen).rstrip("\n"))
        raise typer.Exit(report.exit_code(strict))
    if chosen == "ics":  # CRLF lines, as RFC 5545 wants them: written as bytes
        from referral_cli.commands.review.calendar import review_calendar

        calendar = review_calendar(guidelines, report.today, language)
        typer.echo(calendar.encode("utf-8"), nl=False)
        raise typer.Exit(report.exit_code(strict))
    typer.echo(format_review(report))
    raise typer.Exit(report.exit_code(strict))


@handle_errors
def diff(
    rev1: Annotated[
        str | None,
        typer.Argument(metavar="REV1", help="The older git revision.", show_default="HEAD"),
    ] = None,
    rev2: Annotated[
        str | None,
        typer.Argument(
            metavar="REV2", help="The newer git revision.", show_default="the working tree"
        ),
    ] = None,
    root: RootOption = None,
    output_format: Annotated[
        str,
        typer.Option(
            "--format",
            metavar="text|md",
            help="text, or md to paste into a merge request.",
            autocompletion=choices(*DIFF_FORMATS),
        ),
    ] = "text",
    lang: LangOption = None,
) -> None:
    """Show the guideline changes between two git revisions in words a reviewer reads."""
    from referral_cli.commands.diff.formats import formatter
    from referral_cli.commands.diff.run import diff_revisions

    language = checked_lang(lang)
    write = formatter(output_format)  # a bad --format fails before git is asked anything
    typer.echo(write(diff_revisions(resolve_root(root), rev1, rev2, language)))


@handle_errors(writes=lambda options: not options.get("dry_run"))
def rename(
    kind: Annotated[
        str,
        typer.Argument(
            metavar="KIND",
            help="What to rename: row, actor, category, branch or reason.",
            autocompletion=choices(*RENAMED_KINDS),
        ),
    ],
    old: Annotated[
        str, typer.Argument(metavar="OLD", help="The id it has now.", autocompletion=renamed_id)
    ],
    new: Annotated[str, typer.Argument(metavar="NEW", help="The new id.")],
    root: RootOption = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show what would change; write nothing.")
    ] = False,
    lang: LangOption = None,
) -> None:
    """Change an id and every reference to it (matrix, actors, inventory), all files or none."""
    from referral_cli.commands.rename import rename as rename_core

    language = checked_lang(lang)
    result = rename_core(resolve_root(root), kind, old, new, dry_run=dry_run)
    for line in result.lines(language or result.language):
        typer.echo(line)


def report_app() -> typer.Typer:
    """The `report` group: feedback documents for the guidelines' actors."""
    group = command_group(
        "Write feedback (återkoppling) to the actors: which of their questions reach the library."
    )
    group.command("actor")(report_actor)
    return group


@handle_errors(writes=True)
def report_actor(
    actor_id: Annotated[
        str,
        typer.Argument(
            metavar="ID",
            help="The actor's id in data/actors.yaml.",
            autocompletion=repository("actor"),
        ),
    ],
    root: RootOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    output_format: DocumentFormatOption = None,
    lang: LangOption = None,
    out: DocumentOutOption = Path("build"),
    templates: TemplatesOption = None,
) -> None:
    """Write a feedback letter to one actor: its questions that reached the library."""
    from referral_cli.commands.report import ActorReportOptions
    from referral_cli.commands.report import report_actor as report_actor_core
    from referral_cli.dates import parse_date_option

    options = ActorReportOptions(
        actor=actor_id,
        since=parse_date_option(since, "--since"),
        until=parse_date_option(until, "--until"),
        formats=tuple(output_format or ("html",)),
        language=checked_lang(lang),
        templates=templates,
    )
    for path in report_actor_core(resolve_root(root), out, options):
        typer.echo(printable(str(path)))

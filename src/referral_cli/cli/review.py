"""Commands for review and feedback: `stats`, `export`, `review`, `diff`, `report actor`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from referral_cli.cli.errors import handle_errors
from referral_cli.cli.options import (
    BranchOption,
    DocumentFormatOption,
    LangOption,
    OutOption,
    PeriodOption,
    RootOption,
    SinceOption,
    TemplatesOption,
    UntilOption,
    checked_lang,
    resolve_root,
)

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
            help="A guideline repository or an export file (.jsonl); repeat to combine "
            "several (default: the current repository).",
            show_default=False,
        ),
    ] = None,
    by: Annotated[
        list[str] | None,
        typer.Option(
            "--by",
            help="Count by category, reason, branch, outcome, referred_to, month, weekday, "
            "read_level, row, period, library or municipality; twice for a cross table.",
            show_default=False,
        ),
    ] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    period: PeriodOption = None,
    branch: BranchOption = None,
    output_format: Annotated[
        str, typer.Option("--format", help="table, csv, json or html (with bar charts).")
    ] = "table",
    lang: LangOption = None,
) -> None:
    """Count the question inventory by any field, with minutes summed and median."""
    from referral_cli.commands.stats import run_stats
    from referral_cli.records import RecordFilter

    language = checked_lang(lang)
    filters = RecordFilter.from_options(since, until, branches=branch or (), periods=period or ())
    sources = list(roots) if roots else [resolve_root(None)]
    typer.echo(run_stats(sources, by or [], filters, language, output_format))


@handle_errors
def export(
    root: RootOption = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", metavar="FILE", help="Write to this file instead of standard output."
        ),
    ] = None,
    include_text: Annotated[
        bool,
        typer.Option("--include-text", help="Include the free text (description, reflection)."),
    ] = False,
    since: SinceOption = None,
    until: UntilOption = None,
    period: PeriodOption = None,
    branch: BranchOption = None,
    force: Annotated[bool, typer.Option(help="Overwrite --out if it exists.")] = False,
) -> None:
    """Write the question inventory as JSON Lines (one entry per line) for aggregation."""
    from referral_cli.commands.export import export_inventory, export_to_file
    from referral_cli.records import RecordFilter

    filters = RecordFilter.from_options(since, until, branches=branch or (), periods=period or ())
    if out is None:
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
    from referral_cli.i18n import t

    # Messages stay English until they follow the library's language (the next step).
    typer.echo(t("export.written", "en", count=count, out=out), err=True)


@handle_errors
def review(
    root: RootOption = None,
    strict: Annotated[
        bool, typer.Option(help="Exit 1 when a review is overdue (for CI reminders).")
    ] = False,
    agenda: Annotated[
        bool, typer.Option("--agenda", help="Render a staff-meeting agenda (md or html).")
    ] = False,
    since: Annotated[
        str | None,
        typer.Option(
            metavar="DATE", help="Agenda: questions since this date (default: the last review)."
        ),
    ] = None,
    output_format: Annotated[
        str, typer.Option("--format", help="Agenda format: md or html.")
    ] = "md",
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
    """Show what in the guidelines needs attention now: overdue reviews, gaps, open questions."""
    from referral_cli.commands.review.formats import (
        check_agenda_format,
        format_review,
        render_agenda,
    )
    from referral_cli.commands.review.report import build_review, load_for_review
    from referral_cli.dates import parse_date_option

    language = checked_lang(lang)
    if agenda:  # a bad --format fails before the repository is read
        check_agenda_format(output_format)
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
        typer.echo(render_agenda(guidelines, report, since_date, output_format).rstrip("\n"))
        raise typer.Exit(report.exit_code(strict))
    typer.echo(format_review(report))
    raise typer.Exit(report.exit_code(strict))


@handle_errors
def diff(
    rev1: Annotated[
        str | None, typer.Argument(help="The older revision (default: HEAD).", show_default=False)
    ] = None,
    rev2: Annotated[
        str | None,
        typer.Argument(help="The newer revision (default: the working tree).", show_default=False),
    ] = None,
    root: RootOption = None,
    output_format: Annotated[
        str, typer.Option("--format", help="text, or md to paste into a merge request.")
    ] = "text",
    lang: LangOption = None,
) -> None:
    """Show the guideline changes between two git revisions in words a reviewer reads."""
    from referral_cli.commands.diff.formats import formatter
    from referral_cli.commands.diff.run import diff_revisions

    language = checked_lang(lang)
    write = formatter(output_format)  # a bad --format fails before git is asked anything
    typer.echo(write(diff_revisions(resolve_root(root), rev1, rev2, language)))


def report_app() -> typer.Typer:
    """The `report` group: feedback documents for the guidelines' actors."""
    group = typer.Typer(
        help="Feedback documents for the guidelines' actors (återkoppling).",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
    )
    group.command("actor")(report_actor)
    return group


@handle_errors
def report_actor(
    actor_id: Annotated[
        str, typer.Argument(metavar="ID", help="The actor's id in data/actors.yaml.")
    ],
    root: RootOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    output_format: DocumentFormatOption = None,
    lang: LangOption = None,
    out: OutOption = Path("build"),
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
        typer.echo(str(path))

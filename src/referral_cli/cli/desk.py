"""Commands for finding things at the desk: `lookup`, `match`, `actors`."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from referral_cli.cli.completion import choices, repository, vocabulary
from referral_cli.cli.errors import handle_errors
from referral_cli.cli.options import (
    FormatTextJson,
    LangOption,
    RootOption,
    TextOrJson,
    checked_lang,
    command_group,
    resolve_root,
)
from referral_cli.cli.terminal import console


class ActorsFormat(StrEnum):
    """Output formats of `actors` and `actors show`: vcf is one vCard 4.0 per actor."""

    text = "text"
    json = "json"
    vcf = "vcf"


ActorsFormatOption = Annotated[
    ActorsFormat,
    typer.Option(
        "--format",
        metavar="text|json|vcf",
        help="text for people, json for tools, vcf for an address book (public fields only).",
        autocompletion=choices(*ActorsFormat),
    ),
]


class MatchFormat(StrEnum):
    """Output formats of `match`."""

    text = "text"
    json = "json"
    md = "md"


@handle_errors
def lookup(
    terms: Annotated[
        list[str],
        typer.Argument(
            metavar="TERMS",
            help="What the visitor asks about, e.g. bankid or sim kort.",
            show_default=False,
        ),
    ],
    root: RootOption = None,
    show_all: Annotated[
        bool, typer.Option("--all", help="Show every matching row in full.", show_default=False)
    ] = False,
    output_format: FormatTextJson = TextOrJson.text,
    lang: LangOption = None,
    visitor_lang: Annotated[
        str | None,
        typer.Option(
            "--visitor-lang",
            metavar="CODE",
            help="The language the visitor speaks (ar, so, ti ...): shows which of the "
            "row's actors help in it.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Find the matrix rows and actors for a question at the desk."""
    import gc

    # A short run that frees almost nothing: the cyclic collector would only rescan
    # every object imported so far, again and again (see benchmarks/README.md).
    collecting = gc.isenabled()
    gc.disable()
    try:
        from referral_cli.commands.lookup import format_json, run_lookup

        result = run_lookup(resolve_root(root), terms, checked_lang(lang), visitor_lang)
        if output_format is TextOrJson.json:
            typer.echo(format_json(result))
        else:
            from referral_cli.cli.plain_text import Screen
            from referral_cli.cli.show_lookup import render_lookup

            render_lookup(result, Screen(), show_all=show_all)
    finally:
        if collecting:
            gc.enable()


@handle_errors(writes=lambda options: bool(options.get("apply")))
def match(
    root: RootOption = None,
    apply: Annotated[
        bool,
        typer.Option(
            "--apply",
            help="Write the chosen row into each entry, asking about each one.",
            show_default=False,
        ),
    ] = False,
    yes: Annotated[
        bool,
        typer.Option(
            "--yes",
            help="With --apply: write each clear top proposal at or above --min-score "
            "(default 0.7 here) without asking.",
            show_default=False,
        ),
    ] = False,
    min_score: Annotated[
        float | None,
        typer.Option(
            "--min-score",
            metavar="SCORE",
            min=0.0,
            max=1.0,
            help="A proposal scoring below this (0 to 1) is a gap.",
            show_default="0.2",
        ),
    ] = None,
    output_format: Annotated[
        MatchFormat,
        typer.Option(
            "--format",
            metavar="text|json|md",
            help="text, json, or md (the gaps as a document).",
            autocompletion=choices(*MatchFormat),
        ),
    ] = MatchFormat.text,
    lang: LangOption = None,
) -> None:
    """Suggest a matrix row for each logged question that has none, and list the gaps."""
    from referral_cli.commands import match as core
    from referral_cli.errors import UsageError
    from referral_cli.i18n import phrase, t

    language = checked_lang(lang)
    if yes and not apply:
        raise UsageError(phrase("error.match.yes_without_apply"))
    if apply and output_format is not MatchFormat.text:
        raise UsageError(phrase("error.match.apply_prints_text"))
    threshold = core.MIN_SCORE if min_score is None else min_score
    directory = resolve_root(root)
    report = core.run_match(directory, min_score=threshold, language=language)
    if not apply:
        if output_format is MatchFormat.json:
            typer.echo(core.format_json(report))
        elif output_format is MatchFormat.md:
            typer.echo(core.format_markdown(report), nl=False)
        else:
            typer.echo(core.format_text(report))
        return
    if yes:
        summary = core.apply_above(
            report, core.AUTO_APPLY_SCORE if min_score is None else min_score
        )
        for proposal, candidate in summary.applied:
            row, file = candidate.item.row.id, proposal.loaded.display
            typer.echo(t("match.wrote", report.language, row=row, file=file))
        for finding in summary.failed:
            typer.echo(finding.format(report.language), err=True)
    else:
        summary = core.apply_interactively(report, _ask, typer.echo)
    # Read everything again: the edited files must still validate, and what is left
    # without a row is the coordinator's list of gaps.
    after = core.run_match(directory, min_score=threshold, language=language)
    typer.echo(core.summary_line(report.language, summary))
    typer.echo(core.format_gaps(after))
    if summary.failed:
        raise typer.Exit(1)


def _ask(text: str) -> str:
    try:
        return str(typer.prompt(text, default="", show_default=False))
    except typer.Abort:
        return "q"  # end of input: stop, keeping what was written


def actors_app() -> typer.Typer:
    """The `actors` group: a table by default, `actors show ID` for one actor."""
    group = command_group(
        "List the actors you refer to, or show one in full ('actors show ID').",
        no_args_is_help=False,  # `actors` alone is the table
    )
    group.callback()(actors)
    group.command("show")(actors_show)
    return group


@handle_errors
def actors(
    ctx: typer.Context,
    root: RootOption = None,
    kind: Annotated[
        list[str] | None,
        typer.Option(
            "--kind",
            metavar="KIND",
            help="Only this kind: bank, authority, municipality, association, "
            "study_association, school, company or other (repeat for several).",
            show_default=False,
            autocompletion=vocabulary("kind"),
        ),
    ] = None,
    scope: Annotated[
        list[str] | None,
        typer.Option(
            "--scope",
            metavar="local|regional|national",
            help="Only this scope (repeat for several).",
            show_default=False,
            autocompletion=vocabulary("scope"),
        ),
    ] = None,
    status: Annotated[
        list[str] | None,
        typer.Option(
            "--status",
            metavar="established|none|unknown",
            help="Only this contact status (repeat for several).",
            show_default=False,
            autocompletion=vocabulary("status"),
        ),
    ] = None,
    output_format: ActorsFormatOption = ActorsFormat.text,
    lang: LangOption = None,
) -> None:
    """List the actors as a table (filters: --kind, --scope, --status)."""
    if ctx.invoked_subcommand is not None:
        ctx.obj = {"root": root, "lang": lang}
        return
    from referral_cli.commands.actors import format_json, format_vcf, run_list

    view = run_list(
        resolve_root(root),
        kinds=kind or (),
        scopes=scope or (),
        statuses=status or (),
        language=checked_lang(lang),
    )
    if output_format is ActorsFormat.json:
        typer.echo(format_json(view))
    elif output_format is ActorsFormat.vcf:  # CRLF lines, as RFC 6350 wants them
        typer.echo(format_vcf(view).encode("utf-8"), nl=False)
    else:
        from referral_cli.cli.show_actors import render_table

        render_table(view, console())


@handle_errors
def actors_show(
    ctx: typer.Context,
    actor_id: Annotated[
        str,
        typer.Argument(metavar="ID", help="The actor's id.", autocompletion=repository("actor")),
    ],
    root: RootOption = None,
    output_format: ActorsFormatOption = ActorsFormat.text,
    lang: LangOption = None,
) -> None:
    """Show one actor with the rows that refer to it and the questions referred to it."""
    from referral_cli.commands.actors import format_json, format_vcf, run_show

    parent = ctx.obj if isinstance(ctx.obj, dict) else {}
    view = run_show(
        resolve_root(root or parent.get("root")),
        actor_id,
        language=checked_lang(lang or parent.get("lang")),
    )
    if output_format is ActorsFormat.json:
        typer.echo(format_json(view, single=True))
    elif output_format is ActorsFormat.vcf:
        typer.echo(format_vcf(view).encode("utf-8"), nl=False)
    else:
        from referral_cli.cli.show_actors import render_detail

        render_detail(view, console())

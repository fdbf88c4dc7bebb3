"""The `referral` command line: the only package that imports typer or rich.

Every command is registered here, in the order `referral --help` lists them; each
lives in a module by theme (`data`, `render`, `inventory`, `desk`, `review`), parses
its options and calls one core function in `referral_cli.commands`. Start-up matters
at the desk, so these modules import only typer and the standard library; each
command imports what it needs when it runs. `cli.errors` maps every exception to a
message and an exit code (0 ok, 1 findings, 2 usage, 3 unexpected), in the reader's
language, and words the command line's usage errors (`ReferralGroup`).

The app itself also answers `--version`/`-V`, takes `-h` for `--help` everywhere,
and installs shell completion (`--install-completion`, `--show-completion`); the
values it completes come from `cli.completion`.
"""

from __future__ import annotations

from typing import Annotated

import typer

from referral_cli.cli import data, desk, inventory, render, review
from referral_cli.cli.errors import ReferralGroup

app = typer.Typer(
    name="referral",
    help="A library's referral guidelines as code: check them, log questions, print handouts.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
    cls=ReferralGroup,  # click's usage errors in the catalogue's words
)

app.command("validate")(data.validate)
app.command("schema")(data.schema)
app.command("init")(data.init)
app.add_typer(data.ci_app(), name="ci")
app.command("render")(render.render)
app.command("add-question")(inventory.add_question)
app.command("inventory")(inventory.inventory)
app.command("lookup")(desk.lookup)
app.command("match")(desk.match)
app.add_typer(desk.actors_app(), name="actors")
app.command("stats")(review.stats)
app.command("export")(review.export)
app.command("review")(review.review)
app.command("diff")(review.diff)
app.command("rename")(review.rename)
app.add_typer(review.report_app(), name="report")


# --- the app's own options: --version/-V (completion and -h are set on the Typer above) ---

# Newer typer prints an argument's Python type after its name (`TERMS <list[str]>`);
# every argument's metavar already says what it is, in words.
if hasattr(typer.core.TyperArgument, "display_type_rich"):
    typer.core.TyperArgument.display_type_rich = lambda self, ctx: None  # type: ignore[method-assign]


def _print_version(value: bool) -> None:
    if value:
        from referral_cli import __version__

        typer.echo(f"referral {__version__}")
        raise typer.Exit()


@app.callback()
def _app_options(
    _version: Annotated[
        bool,
        typer.Option(
            "--version",
            "-V",
            callback=_print_version,
            is_eager=True,
            help="Show the version and exit.",
        ),
    ] = False,
) -> None:
    """Referral guidelines as code for public libraries."""


def main() -> None:
    """Console-script entry point."""
    stop_on_signals()
    app()


def stop_on_signals() -> None:
    """Make SIGTERM and SIGHUP stop a command the way Ctrl-C (SIGINT) does.

    Each raises KeyboardInterrupt where the program is, so a half-done write is undone
    (an import of 3,000 entries killed by SIGTERM left 826 files and temporary files
    holding entry text) and the command says so and exits 130. A signal someone chose
    to ignore (`nohup` ignores SIGHUP) stays ignored.
    """
    import signal

    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)  # Windows has no SIGHUP
        if number is not None and signal.getsignal(number) == signal.SIG_DFL:
            signal.signal(number, signal.default_int_handler)


__all__ = ["app", "main"]

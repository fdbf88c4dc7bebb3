"""The `referral` command line: parse options, call one core function, map errors.

Start-up matters at the desk, so this module imports only typer and the
standard library; each command imports what it needs when it runs.
Exit codes: 0 ok, 1 findings in the data, 2 usage, 3 unexpected.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, ParamSpec, TypeVar

import typer

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_UNEXPECTED = 3

app = typer.Typer(
    name="referral",
    help="Referral guidelines as code for public libraries: validate the YAML, record the "
    "question inventory, print desk handouts.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

P = ParamSpec("P")
R = TypeVar("R")

RootOption = Annotated[
    Path | None,
    typer.Option(
        "--root",
        help="The guideline repository (default: $REFERRAL_ROOT or the "
        "nearest folder above holding data/matrix.yaml).",
        show_default=False,
    ),
]


class OutputFormat(StrEnum):
    """Output formats of `validate`."""

    text = "text"
    json = "json"


def _err(message: str) -> None:
    sys.stderr.write(message.rstrip("\n") + "\n")


def handle_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Map the core's exceptions to messages and exit codes; never show a traceback."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        from referral_cli.errors import UsageError

        try:
            return func(*args, **kwargs)
        except (typer.Exit, typer.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            _err("Interrupted: nothing was written.")
            raise typer.Exit(130) from None
        except UsageError as exc:
            _err(f"error: {exc}")
            raise typer.Exit(EXIT_USAGE) from None
        except Exception as exc:
            from referral_cli.findings import FindingsError
            from referral_cli.repository import RootNotFoundError

            if isinstance(exc, FindingsError):
                for finding in exc.findings:
                    _err(finding.format())
                _err("Nothing was written. Fix the problems above and run the command again.")
                raise typer.Exit(EXIT_FINDINGS) from None
            if isinstance(exc, RootNotFoundError):
                _err(f"error: {exc}")
                raise typer.Exit(EXIT_USAGE) from None
            _err(
                f"unexpected error ({type(exc).__name__}): {exc}\n"
                "This is a bug in referral, not in your data; please report it with the "
                "command you ran."
            )
            raise typer.Exit(EXIT_UNEXPECTED) from None

    return wrapper


def _root(root: Path | None) -> Path:
    from referral_cli.repository import find_root

    return find_root(root)


@app.command()
@handle_errors
def validate(
    root: RootOption = None,
    strict: Annotated[bool, typer.Option(help="Treat warnings as errors (exit 1).")] = False,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", help="text for people, json for tools.")
    ] = OutputFormat.text,
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

    from referral_cli.cache import bypass
    from referral_cli.commands.validate import format_json, format_text, validate_repository

    with bypass() if no_cache else contextlib.nullcontext():
        report = validate_repository(_root(root))
    if output_format is OutputFormat.json:
        typer.echo(format_json(report.findings))
    else:
        typer.echo(format_text(report))
    raise typer.Exit(report.exit_code(strict))


@app.command()
@handle_errors
def schema(
    out: Annotated[Path, typer.Option(help="Folder to write the JSON Schemas to.")] = Path(
        "schemas"
    ),
) -> None:
    """Write JSON Schemas for the data files, for editors that complete and check YAML."""
    from referral_cli.schemas import write_schemas

    for path in write_schemas(out):
        typer.echo(str(path))


@app.command()
@handle_errors
def init(
    directory: Annotated[Path, typer.Argument(help="Folder for the new guideline repository.")],
    language: Annotated[str, typer.Option(help="sv or en: the starter text's language.")] = "sv",
) -> None:
    """Create a new guideline repository with a small, valid starter set."""
    from referral_cli.scaffold import create_repository

    for path in create_repository(directory, language=language):
        typer.echo(str(path))
    typer.echo(
        f"Created a guideline repository in {directory}. Next: cd {directory} && referral validate"
    )


def main() -> None:
    """Console-script entry point."""
    app()


def _register_commands() -> None:
    """Import the modules whose commands live outside this file (each imports only typer)."""
    import importlib

    for name in COMMAND_MODULES:
        importlib.import_module(f"referral_cli.{name}")


# Each of these modules defines its commands with `@app.command()` on the app above.
COMMAND_MODULES: tuple[str, ...] = ("cli_render", "cli_inventory", "cli_search", "cli_review")
_register_commands()


if __name__ == "__main__":  # pragma: no cover
    main()

"""The one place that turns referral's exceptions into messages and exit codes.

Exit codes: 0 ok, 1 findings in the data, 2 usage, 3 unexpected (a bug), 130 interrupted.
No traceback ever reaches the user.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import ParamSpec, TypeVar

import typer

from referral_cli import __version__

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_UNEXPECTED = 3
EXIT_INTERRUPTED = 130

P = ParamSpec("P")
R = TypeVar("R")


def err(message: str) -> None:
    """Write one message (or several lines) to standard error."""
    sys.stderr.write(message.rstrip("\n") + "\n")


def report_error(exc: BaseException, lang: str = "en") -> int:
    """Print what the user needs to know about `exc` in `lang`; return its exit code."""
    from referral_cli.errors import CommitFailedError, FindingsError, UsageError
    from referral_cli.i18n import t

    if isinstance(exc, KeyboardInterrupt):
        err(t("cli.interrupted", lang))
        return EXIT_INTERRUPTED
    if isinstance(exc, FindingsError):
        for finding in exc.findings:
            err(finding.format(lang))
        err(t("cli.nothing-written", lang))
        return EXIT_FINDINGS
    if isinstance(exc, CommitFailedError):
        from referral_cli.cli.terminal import shown

        for path in exc.paths:
            typer.echo(shown(path))
    if isinstance(exc, UsageError):
        err(t("cli.error", lang, message=exc.text(lang)))
        return EXIT_USAGE
    err(t("cli.unexpected", lang, kind=type(exc).__name__, detail=str(exc), version=__version__))
    return EXIT_UNEXPECTED


def handle_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Run a command, mapping every exception through `report_error`."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except (typer.Exit, typer.Abort, SystemExit):
            raise
        except (Exception, KeyboardInterrupt) as exc:
            raise typer.Exit(report_error(exc)) from None

    return wrapper

"""Talking to a person at a terminal: prompts, a rich console, paths as they are shown."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from rich.console import Console


def stdin_is_terminal() -> bool:
    """Whether a person can answer prompts: standard input is a terminal."""
    return sys.stdin.isatty()


class TerminalPrompter:
    """Prompts through typer; Ctrl-C or end of input becomes KeyboardInterrupt.

    Its own words (the yes/no question's choices) are in the reader's language.
    """

    def ask(self, prompt: str, default: str = "", suffix: str = ": ") -> str:
        """One line of input; Enter gives `default`."""
        try:
            answer: str = typer.prompt(
                prompt, default=default, show_default=bool(default), prompt_suffix=suffix
            )
        except typer.Abort:
            raise KeyboardInterrupt from None
        return answer

    def confirm(self, prompt: str) -> bool:
        """A yes/no question, answered in Swedish or English; the default answer is no."""
        from referral_cli.choices import yes_or_no
        from referral_cli.i18n import reader_language, t

        lang = reader_language()
        while True:
            answer = yes_or_no(self.ask(f"{prompt} {t('cli.confirm.choices', lang)}"))
            if answer is not None:
                return answer
            self.say(t("cli.confirm.again", lang))

    def say(self, text: str) -> None:
        """Show a line of text."""
        typer.echo(text)


def console() -> Console:
    """A rich console that prints text from the data and the query as typed."""
    from rich.console import Console

    class PipedConsole(Console):
        def on_broken_pipe(self) -> None:
            # rich would exit 1 (our code for findings): let the handler say 141 instead.
            raise BrokenPipeError

    # '[' in a query or an actor's name starts no markup.
    return PipedConsole(highlight=False, markup=False)


def terminal_width() -> int:
    """The terminal's width, or 100 when the output goes to a file or a pipe."""
    return shutil.get_terminal_size((100, 24)).columns if sys.stdout.isatty() else 100


def shown(path: Path) -> str:
    """`path` as the user should see it: relative to the working folder where possible."""
    from referral_cli.store.repository import display_path
    from referral_cli.text import printable

    return printable(display_path(Path.cwd(), path))

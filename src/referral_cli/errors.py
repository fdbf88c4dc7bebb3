"""The one exception hierarchy of referral; `cli.errors` maps it to messages and exit codes.

Kept tiny (no imports beyond the standard library) so the command line can import it
cheaply. Every error the core raises on purpose is a `ReferralError`:

- `UsageError` (exit 2): the command was used wrongly, e.g. an unknown option value,
  no repository found (`RootNotFoundError`), a file that would be overwritten, or a
  commit that failed after the entries were written (`CommitFailedError`).
- `FindingsError` (exit 1): the data has problems; it carries located findings.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from referral_cli.findings import Finding
    from referral_cli.i18n import Phrase


class ReferralError(Exception):
    """Base of every error referral raises on purpose (never a bug).

    The message is a catalogue `Phrase` (`phrase("error.some-key", value=...)`), worded
    in the reader's language when the CLI shows it; `str(error)` is the English text.
    """

    def __init__(self, message: Phrase) -> None:
        self.phrase = message
        super().__init__(message)

    def text(self, lang: str = "en") -> str:
        """The message in `lang`."""
        return self.phrase.word(lang)

    def __str__(self) -> str:
        return self.text()


class UsageError(ReferralError):
    """The command was used wrongly (bad option value, existing file...): exit 2."""


class RootNotFoundError(UsageError):
    """No guideline repository could be found."""


class CommitFailedError(UsageError):
    """The entries were written, but `git commit` failed; they are kept."""

    def __init__(self, message: Phrase, paths: Sequence[Path]) -> None:
        super().__init__(message)
        self.paths = list(paths)


class FindingsError(ReferralError):
    """The data has errors: raised with every finding, nothing was written."""

    def __init__(self, findings: Sequence[Finding]) -> None:
        self.findings = list(findings)
        Exception.__init__(self, *self.findings)

    def text(self, lang: str = "en") -> str:
        """Every finding, one per line (with its hint), in `lang`."""
        return "\n".join(finding.format(lang) for finding in self.findings)

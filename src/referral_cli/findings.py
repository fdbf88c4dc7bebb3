"""Findings: what validation reports, always with a file, line and column."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Finding:
    """One problem found in the guideline data.

    `file` is the path as shown to the user (relative to the repository root
    where possible); `line` and `column` are 1-based.
    """

    file: str
    line: int
    column: int
    severity: Severity
    code: str
    message: str
    hint: str | None = None

    def format(self) -> str:
        """Render as `file:line:col: severity: message [code]`, the shape editors link.

        A finding about a command-line option has no line (0): it is shown as
        `--option: severity: message [code]`.
        """
        where = f"{self.file}:{self.line}:{self.column}" if self.line > 0 else self.file
        text = f"{where}: {self.severity}: {self.message} [{self.code}]"
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text

    def as_dict(self) -> dict[str, object]:
        """Plain data for JSON output."""
        return asdict(self)


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """Return ` (did you mean 'x'?)` for the closest candidate, or an empty string."""
    matches = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return f" (did you mean '{matches[0]}'?)" if matches else ""


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Group by file; inside a file errors first, then by position."""
    return sorted(
        findings,
        key=lambda f: (f.file, f.severity != "error", f.line, f.column, f.code, f.message),
    )

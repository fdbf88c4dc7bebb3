"""Findings: what validation reports, always with a file, line and column."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from referral_cli.i18n import Phrase, t

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Finding:
    """One problem found in the guideline data.

    `file` is the path as shown to the user (relative to the repository root
    where possible); `line` and `column` are 1-based (0 for a finding about a
    command-line option, whose `file` is then the option's name). `message` and
    `hint` are catalogue phrases, worded in the reader's language when shown.
    """

    file: str
    line: int
    column: int
    severity: Severity
    code: str
    message: Phrase
    hint: Phrase | None = None

    def text(self, lang: str = "en") -> str:
        """The message in `lang`."""
        return self.message.word(lang)

    def hint_text(self, lang: str = "en") -> str | None:
        """The hint in `lang`, or None."""
        return None if self.hint is None else self.hint.word(lang)

    def format(self, lang: str = "en") -> str:
        """Render as `file:line:col: severity: message [code]`, the shape editors link.

        A finding about a command-line option has no line (0): it is shown as
        `--option: severity: message [code]`. The severity (`error`, `warning`) and the
        code stay as they are in every language, like the position: editors, CI problem
        matchers and scripts recognise the line by them. The message and the hint,
        under it, are in `lang`.
        """
        where = f"{self.file}:{self.line}:{self.column}" if self.line > 0 else self.file
        text = f"{where}: {self.severity}: {self.text(lang)} [{self.code}]"
        hint = self.hint_text(lang)
        if hint:
            text += f"\n    {t('common.hint', lang)}: {hint}"
        return text

    def as_dict(self, lang: str = "en") -> dict[str, object]:
        """Plain data for JSON: stable English keys and codes, the message in `lang`."""
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "severity": self.severity,
            "code": self.code,
            "message": self.text(lang),
            "hint": self.hint_text(lang),
        }


def about_field(field: str, message: Phrase) -> Phrase:
    """`message` about one field of a file, shown as `field: message`.

    Kept apart so a reader that already names the field (an option such as `--minutes`)
    can show the message alone (`intake.validation`), without cutting any text.
    """
    from referral_cli.i18n import phrase

    return phrase("common.about-field", field=field, message=message)


def suggestion(word: str, candidates: Iterable[str]) -> Phrase:
    """The catalogue's " (did you mean 'x'?)" for the closest candidate, or an empty phrase."""
    from referral_cli.i18n import phrase

    matches = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return phrase("common.did_you_mean", choice=matches[0]) if matches else phrase("common.empty")


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Group by file; inside a file errors first, then by position."""
    return sorted(
        findings,
        key=lambda f: (f.file, f.severity != "error", f.line, f.column, f.code, f.text()),
    )
